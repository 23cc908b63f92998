import { ORGANISATION_NIVAER, type OrganisationNode } from '@tertial/contracts/organisation';

/**
 * Checks that nodes form one tree: one city at the root, every parent known and exactly one level up,
 * unique codes, and a chef on every enhet (ansvar). Returns the problems, empty when the tree is sound.
 */
export function valideraOrganisation(nodes: readonly OrganisationNode[]): string[] {
  const problems: string[] = [];
  const byKod = new Map<string, OrganisationNode>();
  for (const node of nodes) {
    if (byKod.has(node.kod)) problems.push(`${node.kod}: koden förekommer mer än en gång`);
    byKod.set(node.kod, node);
  }
  const roots = nodes.filter((node) => node.foralderKod === null);
  if (roots.length !== 1 || roots[0]?.niva !== 'stad') problems.push('trädet ska ha exakt en rot, staden');
  for (const node of nodes) {
    if (node.foralderKod === null) continue;
    const parent = byKod.get(node.foralderKod);
    if (!parent) {
      problems.push(`${node.kod}: föräldern ${node.foralderKod} finns inte`);
      continue;
    }
    if (ORGANISATION_NIVAER.indexOf(parent.niva) !== ORGANISATION_NIVAER.indexOf(node.niva) - 1) {
      problems.push(`${node.kod}: en ${node.niva} kan inte ligga under en ${parent.niva}`);
    }
    if (node.niva === 'enhet' && !node.chef) problems.push(`${node.kod}: ett ansvar ska ha en ansvarig chef`);
  }
  return problems;
}

/** Orders nodes parents first, so that a copy built in this order always knows a node's parent. */
export function parentsFirst(nodes: readonly OrganisationNode[]): OrganisationNode[] {
  return [...nodes].sort((a, b) => ORGANISATION_NIVAER.indexOf(a.niva) - ORGANISATION_NIVAER.indexOf(b.niva) || a.kod.localeCompare(b.kod));
}
