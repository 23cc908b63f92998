import { z } from 'zod';

/** The levels of the organisation tree, from the city down to the enhet whose code is an ansvar. */
export const ORGANISATION_NIVAER = ['stad', 'namnd', 'forvaltning', 'avdelning', 'enhet'] as const;
export const organisationNivaSchema = z.enum(ORGANISATION_NIVAER);
export type OrganisationNiva = z.infer<typeof organisationNivaSchema>;

/** An ansvar (responsibility code), e.g. `41230`. */
export const ansvarKodSchema = z.string().regex(/^\d{3,8}$/, 'ett ansvar är en sifferkod med 3 till 8 siffror');

export const organisationNodeSchema = z.object({
  kod: z.string().min(1).max(20),
  namn: z.string().min(1).max(200),
  niva: organisationNivaSchema,
  /** The parent's kod; null only for the city. */
  foralderKod: z.string().min(1).max(20).nullable(),
  /** The responsible chef of an enhet (ansvar); null above the leaves. */
  chef: z.object({ anvandarId: z.string().min(1), namn: z.string().min(1) }).nullable(),
  /** The date the node takes this shape, `YYYY-MM-DD`. */
  giltigFran: z.iso.date(),
});
export type OrganisationNode = z.infer<typeof organisationNodeSchema>;

/**
 * The tree as it stood on a date: for every kod, its latest version that had taken effect by then. A
 * reorganisation is a new version of the nodes it moves, so reports for earlier periods keep the earlier tree.
 * Dates are `YYYY-MM-DD`, which compare correctly as strings.
 */
export function organisationVid(versioner: readonly OrganisationNode[], datum: string): OrganisationNode[] {
  const current = new Map<string, OrganisationNode>();
  for (const version of versioner) {
    if (version.giltigFran > datum) continue;
    const seen = current.get(version.kod);
    if (!seen || seen.giltigFran < version.giltigFran) current.set(version.kod, version);
  }
  return [...current.values()];
}

/** Finds the nämnd a node (typically an ansvar) belongs to, by walking up a tree. */
export function namndSokare(nodes: readonly OrganisationNode[]): (kod: string) => OrganisationNode | undefined {
  const byKod = new Map(nodes.map((node) => [node.kod, node]));
  return (kod) => {
    let node = byKod.get(kod);
    for (let depth = 0; node && node.niva !== 'namnd' && depth < ORGANISATION_NIVAER.length; depth += 1) {
      node = node.foralderKod ? byKod.get(node.foralderKod) : undefined;
    }
    return node?.niva === 'namnd' ? node : undefined;
  };
}

/** The columns a node is stored in by every service that keeps the tree. */
export interface OrganisationNodeRad {
  kod: string;
  namn: string;
  niva: OrganisationNiva;
  foralderKod?: string | null;
  chefAnvandarId?: string | null;
  chefNamn?: string | null;
  giltigFran: string;
}

export function organisationNodeFranRad(rad: OrganisationNodeRad): OrganisationNode {
  return {
    kod: rad.kod,
    namn: rad.namn,
    niva: rad.niva,
    foralderKod: rad.foralderKod ?? null,
    chef: rad.chefAnvandarId && rad.chefNamn ? { anvandarId: rad.chefAnvandarId, namn: rad.chefNamn } : null,
    giltigFran: rad.giltigFran,
  };
}
