import type { AnsvarsbudgetUppdateradPayload, NamndramUppdateradPayload } from '@tertial/contracts/events';
import type { KontogruppKod } from '@tertial/contracts/kontogrupper';
import { namndSokare, organisationVid, type OrganisationNode } from '@tertial/contracts/organisation';

import { gallandeBudget, type Budgetversion } from './budgetversioner.js';

/**
 * The frames a set of decisions leaves for the nämnder they name: each nämnd's whole current frame, as the
 * `budget.namndram-uppdaterad` events carry it. The versions must already read as a budget (checked before).
 */
export function namndramar(versioner: readonly Budgetversion[], ar: number, beslut: readonly Budgetversion[]): NamndramUppdateradPayload[] {
  const galler = gallandeBudget(versioner, ar);
  if (!galler.ok) return [];
  const ram = new Map(galler.varde.namnder.map((r) => [r.namnd, r.ramOre]));
  const senaste = new Map<string, string>();
  for (const version of beslut) {
    if (version.typ === 'internbudget') continue;
    for (const rad of version.typ === 'kf-beslut' ? version.ramar : version.andringar) senaste.set(rad.namnd, version.id);
  }
  return [...senaste].flatMap(([namnd, versionId]) => (ram.has(namnd) ? [{ ar, namnd, ramOre: ram.get(namnd)!, versionId }] : []));
}

/**
 * One budget per ansvar of the nämnd (the leaves under it at the start of the year) from its internbudget,
 * summed per kontogrupp: an ansvar the distribution leaves out gets an empty budget, never a stale one.
 */
export function ansvarsbudgetar(
  version: Extract<Budgetversion, { typ: 'internbudget' }>,
  organisation: readonly OrganisationNode[],
): AnsvarsbudgetUppdateradPayload[] {
  const trad = organisationVid(organisation, `${version.ar}-01-01`);
  const namndAv = namndSokare(trad);
  const perAnsvar = new Map<string, Map<KontogruppKod, number>>();
  for (const nod of trad) if (nod.niva === 'enhet' && namndAv(nod.kod)?.kod === version.namnd) perAnsvar.set(nod.kod, new Map());
  for (const rad of version.rader) {
    const grupper = perAnsvar.get(rad.ansvar) ?? new Map<KontogruppKod, number>();
    grupper.set(rad.kontogrupp, (grupper.get(rad.kontogrupp) ?? 0) + rad.beloppOre);
    perAnsvar.set(rad.ansvar, grupper);
  }
  return [...perAnsvar]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ansvar, grupper]) => ({
      ar: version.ar,
      namnd: version.namnd,
      ansvar,
      versionId: version.id,
      rader: [...grupper].sort(([a], [b]) => a.localeCompare(b)).map(([kontogrupp, beloppOre]) => ({ kontogrupp, beloppOre })),
    }));
}
