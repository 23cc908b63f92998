import type { Summa } from '@tertial/contracts/dto';
import { addOre } from '@tertial/contracts/money';
import { namndSokare, type OrganisationNode } from '@tertial/contracts/organisation';
import type { PrognosSumma } from '@tertial/contracts/prognos';

export interface AnsvarSumma extends PrognosSumma {
  readonly ansvar: string;
}

export interface Totaler {
  readonly stad: Summa & { kod: string; namn: string };
  readonly namnder: (Summa & { kod: string; namn: string })[];
}

/** What the report service knows of the year besides the forecasts: each nämnd's frame and each ansvar's net utfall. */
export interface Jamforelse {
  readonly ramPerNamnd: ReadonlyMap<string, number>;
  readonly utfallPerAnsvar: ReadonlyMap<string, number>;
}

const INGEN_JAMFORELSE: Jamforelse = { ramPerNamnd: new Map(), utfallPerAnsvar: new Map() };

type Prognosdel = Omit<Summa, 'budgetOre' | 'utfallOre' | 'avvikelseOre'>;
const TOM: Prognosdel = { intakterOre: 0, kostnaderOre: 0, nettokostnadOre: 0, antalLamnade: 0, antalAnsvar: 0 };

function plus(total: Prognosdel, prognos: PrognosSumma | undefined): Prognosdel {
  if (!prognos) return { ...total, antalAnsvar: total.antalAnsvar + 1 };
  return {
    intakterOre: addOre(total.intakterOre, prognos.intakterOre),
    kostnaderOre: addOre(total.kostnaderOre, prognos.kostnaderOre),
    nettokostnadOre: addOre(total.nettokostnadOre, prognos.nettokostnadOre),
    antalLamnade: total.antalLamnade + 1,
    antalAnsvar: total.antalAnsvar + 1,
  };
}

const plusNull = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : addOre(a, b));

/** Budget minus prognos, once every ansvar below has its forecast in: a deviation over half the forecasts would mislead. */
function avvikelse(summa: Prognosdel, budgetOre: number | null): number | null {
  return budgetOre !== null && summa.antalAnsvar > 0 && summa.antalLamnade === summa.antalAnsvar ? budgetOre - summa.nettokostnadOre : null;
}

/**
 * Rolls the ansvar's forecasts and utfall up the organisation tree to their nämnd and to the city, beside each
 * nämnd's frame. Every nämnd is listed, with or without forecasts; the city total is the sum of the nämnder, so
 * the two always agree to the öre. A forecast or utfall for an ansvar the tree does not (yet) contain is left
 * out of both.
 */
export function summeraPerNamnd(
  nodes: readonly OrganisationNode[],
  prognoser: readonly AnsvarSumma[],
  jamforelse: Jamforelse = INGEN_JAMFORELSE,
): Totaler {
  const byKod = new Map(nodes.map((node) => [node.kod, node]));
  const namndOf = namndSokare(nodes);
  const prognosByAnsvar = new Map(prognoser.map((prognos) => [prognos.ansvar, prognos]));
  const perNamnd = new Map<string, Prognosdel>(nodes.filter((node) => node.niva === 'namnd').map((node) => [node.kod, TOM]));
  const utfallPerNamnd = new Map<string, number | null>();
  for (const ansvar of nodes.filter((node) => node.niva === 'enhet')) {
    const namnd = namndOf(ansvar.kod);
    if (!namnd) continue;
    perNamnd.set(namnd.kod, plus(perNamnd.get(namnd.kod) ?? TOM, prognosByAnsvar.get(ansvar.kod)));
    utfallPerNamnd.set(namnd.kod, plusNull(utfallPerNamnd.get(namnd.kod) ?? null, jamforelse.utfallPerAnsvar.get(ansvar.kod) ?? null));
  }
  const namnder = [...perNamnd].map(([kod, summa]) => {
    const budgetOre = jamforelse.ramPerNamnd.get(kod) ?? null;
    return {
      kod,
      namn: byKod.get(kod)?.namn ?? kod,
      ...summa,
      budgetOre,
      utfallOre: utfallPerNamnd.get(kod) ?? null,
      avvikelseOre: avvikelse(summa, budgetOre),
    };
  });
  namnder.sort((a, b) => a.namn.localeCompare(b.namn, 'sv'));
  const stadNode = nodes.find((node) => node.niva === 'stad');
  const prognos = namnder.reduce<Prognosdel>(
    (total, namnd) => ({
      intakterOre: addOre(total.intakterOre, namnd.intakterOre),
      kostnaderOre: addOre(total.kostnaderOre, namnd.kostnaderOre),
      nettokostnadOre: addOre(total.nettokostnadOre, namnd.nettokostnadOre),
      antalLamnade: total.antalLamnade + namnd.antalLamnade,
      antalAnsvar: total.antalAnsvar + namnd.antalAnsvar,
    }),
    TOM,
  );
  const budgetOre = namnder.reduce<number | null>((total, namnd) => plusNull(total, namnd.budgetOre), null);
  const utfallOre = namnder.reduce<number | null>((total, namnd) => plusNull(total, namnd.utfallOre), null);
  return {
    stad: {
      kod: stadNode?.kod ?? 'stad',
      namn: stadNode?.namn ?? 'Staden',
      ...prognos,
      budgetOre,
      utfallOre,
      avvikelseOre: avvikelse(prognos, budgetOre),
    },
    namnder,
  };
}
