import { addOre, namndSokare, type OrganisationNode, type PrognosSumma, type Summa } from '@tertial/contracts';

export interface AnsvarSumma extends PrognosSumma {
  readonly ansvar: string;
}

export interface Totaler {
  readonly stad: Summa & { kod: string; namn: string };
  readonly namnder: (Summa & { kod: string; namn: string })[];
}

const TOM: Summa = { intakterOre: 0, kostnaderOre: 0, nettokostnadOre: 0, antalLamnade: 0, antalAnsvar: 0 };

function plus(total: Summa, prognos: PrognosSumma | undefined): Summa {
  if (!prognos) return { ...total, antalAnsvar: total.antalAnsvar + 1 };
  return {
    intakterOre: addOre(total.intakterOre, prognos.intakterOre),
    kostnaderOre: addOre(total.kostnaderOre, prognos.kostnaderOre),
    nettokostnadOre: addOre(total.nettokostnadOre, prognos.nettokostnadOre),
    antalLamnade: total.antalLamnade + 1,
    antalAnsvar: total.antalAnsvar + 1,
  };
}

/**
 * Rolls the ansvar's forecasts up the organisation tree to their nämnd and to the city. Every nämnd is
 * listed, with or without forecasts; the city total is the sum of the nämnder, so the two always agree to
 * the öre. A forecast for an ansvar the tree does not (yet) contain is left out of both.
 */
export function summeraPerNamnd(nodes: readonly OrganisationNode[], prognoser: readonly AnsvarSumma[]): Totaler {
  const byKod = new Map(nodes.map((node) => [node.kod, node]));
  const namndOf = namndSokare(nodes);
  const prognosByAnsvar = new Map(prognoser.map((prognos) => [prognos.ansvar, prognos]));
  const perNamnd = new Map<string, Summa>(nodes.filter((node) => node.niva === 'namnd').map((node) => [node.kod, TOM]));
  for (const ansvar of nodes.filter((node) => node.niva === 'enhet')) {
    const namnd = namndOf(ansvar.kod);
    if (!namnd) continue;
    perNamnd.set(namnd.kod, plus(perNamnd.get(namnd.kod) ?? TOM, prognosByAnsvar.get(ansvar.kod)));
  }
  const namnder = [...perNamnd].map(([kod, summa]) => ({ kod, namn: byKod.get(kod)?.namn ?? kod, ...summa }));
  namnder.sort((a, b) => a.namn.localeCompare(b.namn, 'sv'));
  const stadNode = nodes.find((node) => node.niva === 'stad');
  const stad = namnder.reduce<Summa>(
    (total, namnd) => ({
      intakterOre: addOre(total.intakterOre, namnd.intakterOre),
      kostnaderOre: addOre(total.kostnaderOre, namnd.kostnaderOre),
      nettokostnadOre: addOre(total.nettokostnadOre, namnd.nettokostnadOre),
      antalLamnade: total.antalLamnade + namnd.antalLamnade,
      antalAnsvar: total.antalAnsvar + namnd.antalAnsvar,
    }),
    TOM,
  );
  return { stad: { kod: stadNode?.kod ?? 'stad', namn: stadNode?.namn ?? 'Staden', ...stad }, namnder };
}
