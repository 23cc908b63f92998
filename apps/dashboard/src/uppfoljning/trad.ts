import type { Uppfoljning, UppfoljningNod } from '@tertial/contracts/dto';
import type { OrganisationNiva } from '@tertial/contracts/organisation';

import { formatAntal } from '../format/antal.js';

/** The top of the city's tree, by name, whatever code the city has. */
export const STAD = 'stad';

export const NIVANAMN: Record<OrganisationNiva, string> = {
  stad: 'Stad',
  namnd: 'Nämnd',
  forvaltning: 'Förvaltning',
  avdelning: 'Avdelning',
  enhet: 'Ansvar',
};

/**
 * Where a person's roll-up starts: the nodes they answer for, as their access token names them (a förvaltningsekonom's
 * förvaltning, a processledare's nämnd, a chef's ansvar, avdelning or förvaltning), or the city for those who answer
 * for no part (the ekonomidirektör). No endpoint names a person's top node; the token's organisation claim is the
 * same one the services decide by, so it is exactly what the report service lets them open.
 */
export function startkoder(organisation: readonly string[]): string[] {
  const unika = [...new Set(organisation)];
  return unika.length === 0 ? [STAD] : unika;
}

/**
 * The roots of the table from the answers for the start nodes: a node that lies below another start node is shown
 * there, not twice; the rest keep the token's order.
 */
export function rotnoder(svar: readonly Uppfoljning[]): Uppfoljning[] {
  const koder = new Set(svar.map((s) => s.nod.kod));
  const sedda = new Set<string>();
  return svar.filter((s) => {
    if (sedda.has(s.nod.kod) || s.sokvag.some((upp) => koder.has(upp.kod))) return false;
    sedda.add(s.nod.kod);
    return true;
  });
}

/** Whether a node has rows under it: every level but the ansvar (an enhet). */
export function kanExpanderas(nod: Pick<UppfoljningNod, 'niva'>): boolean {
  return nod.niva !== 'enhet';
}

/** The set of expanded nodes with one node opened or closed. */
export function vaxla(expanderade: ReadonlySet<string>, kod: string): Set<string> {
  const nya = new Set(expanderade);
  if (nya.has(kod)) nya.delete(kod);
  else nya.add(kod);
  return nya;
}

/** What the table knows of a node's children: fetched, being fetched, or failed. */
export type Barnlage =
  | { readonly typ: 'klar'; readonly barn: readonly UppfoljningNod[] }
  | { readonly typ: 'laddar' }
  | { readonly typ: 'fel'; readonly fel: Error };

export type Tradrad =
  | {
      readonly typ: 'nod';
      readonly nod: UppfoljningNod;
      readonly djup: number;
      readonly expanderad: boolean;
      readonly foralder: string | null;
    }
  /** In place of an expanded node's children while they are fetched, or when they could not be. */
  | { readonly typ: 'laddar' | 'fel'; readonly foralder: string; readonly djup: number; readonly fel?: Error };

/**
 * The rows of the tree table, top down: each root, and under each expanded node its children (in the order the API
 * gives them, by name), or a row saying they are on their way. A node stays expanded while the reader looks
 * elsewhere, so collapsing a parent and opening it again shows the same rows.
 */
export function synligaRader(
  rotter: readonly UppfoljningNod[],
  barnlage: (kod: string) => Barnlage | undefined,
  expanderade: ReadonlySet<string>,
): Tradrad[] {
  const rader: Tradrad[] = [];
  const besok = (nod: UppfoljningNod, djup: number, foralder: string | null, vag: ReadonlySet<string>) => {
    const expanderad = kanExpanderas(nod) && expanderade.has(nod.kod);
    rader.push({ typ: 'nod', nod, djup, expanderad, foralder });
    if (!expanderad || vag.has(nod.kod)) return;
    const lage = barnlage(nod.kod) ?? { typ: 'laddar' };
    if (lage.typ === 'klar') {
      const nyVag = new Set(vag).add(nod.kod);
      for (const barn of lage.barn) besok(barn, djup + 1, nod.kod, nyVag);
    } else if (lage.typ === 'fel') {
      rader.push({ typ: 'fel', foralder: nod.kod, djup: djup + 1, fel: lage.fel });
    } else {
      rader.push({ typ: 'laddar', foralder: nod.kod, djup: djup + 1 });
    }
  };
  for (const rot of rotter) besok(rot, 0, null, new Set());
  return rader;
}

/** "2 av 3 ansvar": how many ansvar a figure covers of those below the node. */
export function tackningText(antal: number, av: number): string {
  return `${formatAntal(antal)} av ${formatAntal(av)} ansvar`;
}
