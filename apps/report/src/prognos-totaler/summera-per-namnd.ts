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

/**
 * What the report service knows of the year besides the forecasts: each nämnd's frame, each ansvar's net utfall and
 * each ansvar's budget (its verksamhetsbudget, else its internbudget; the roll-up's budget).
 */
export interface Jamforelse {
  readonly ramPerNamnd: ReadonlyMap<string, number>;
  readonly utfallPerAnsvar: ReadonlyMap<string, number>;
  readonly budgetPerAnsvar?: ReadonlyMap<string, number>;
}

const INGEN_JAMFORELSE: Jamforelse = { ramPerNamnd: new Map(), utfallPerAnsvar: new Map() };

type Prognosdel = Omit<Summa, 'budgetOre' | 'utfallOre' | 'avvikelseOre' | 'helarsprognosOre'>;
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

/**
 * A nämnd's avvikelse as the roll-up, the walk to the forecast result and the goal grid have it: budget minus
 * prognos over the ansvar whose forecast counts, each against its own budget; an ansvar without a forecast, and
 * the part of the frame not distributed to any ansvar, count as their budget. So the frame minus this avvikelse is
 * the nämnd's forecast in the resultaträkning. Null before the first forecast. A nämnd none of whose ansvar has a
 * budget (a year without internbudget per ansvar) has the frame minus the forecasts instead, once all are in.
 */
function avvikelse(summa: Prognosdel, budgetOre: number | null, ansvarsavvikelseOre: number | null): number | null {
  if (summa.antalLamnade === 0) return null;
  if (ansvarsavvikelseOre !== null) return ansvarsavvikelseOre;
  return budgetOre !== null && summa.antalLamnade === summa.antalAnsvar ? budgetOre - summa.nettokostnadOre : null;
}

/** Budget minus avvikelse: the forecasts where they are in, the budget for the rest. */
const helarsprognos = (budgetOre: number | null, avvikelseOre: number | null): number | null =>
  budgetOre === null || avvikelseOre === null ? null : addOre(budgetOre, -avvikelseOre);

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
  const budgetPerAnsvar = jamforelse.budgetPerAnsvar ?? new Map<string, number>();
  /** Per nämnd: Σ (budget − prognos) over its ansvar with a forecast, and whether any of its ansvar has a budget. */
  const ansvarsavvikelse = new Map<string, { ore: number; medBudget: boolean }>();
  for (const ansvar of nodes.filter((node) => node.niva === 'enhet')) {
    const namnd = namndOf(ansvar.kod);
    if (!namnd) continue;
    const prognos = prognosByAnsvar.get(ansvar.kod);
    perNamnd.set(namnd.kod, plus(perNamnd.get(namnd.kod) ?? TOM, prognos));
    utfallPerNamnd.set(namnd.kod, plusNull(utfallPerNamnd.get(namnd.kod) ?? null, jamforelse.utfallPerAnsvar.get(ansvar.kod) ?? null));
    const budget = budgetPerAnsvar.get(ansvar.kod);
    const hittills = ansvarsavvikelse.get(namnd.kod) ?? { ore: 0, medBudget: false };
    ansvarsavvikelse.set(namnd.kod, {
      ore: prognos ? addOre(hittills.ore, budget ?? 0, -prognos.nettokostnadOre) : hittills.ore,
      medBudget: hittills.medBudget || budget !== undefined,
    });
  }
  const namnder = [...perNamnd].map(([kod, summa]) => {
    const budgetOre = jamforelse.ramPerNamnd.get(kod) ?? null;
    const avvikelseOre = avvikelse(summa, budgetOre, ansvarsavvikelse.get(kod)?.medBudget ? ansvarsavvikelse.get(kod)!.ore : null);
    return {
      kod,
      namn: byKod.get(kod)?.namn ?? kod,
      ...summa,
      budgetOre,
      utfallOre: utfallPerNamnd.get(kod) ?? null,
      avvikelseOre,
      helarsprognosOre: helarsprognos(budgetOre, avvikelseOre),
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
  // The nämnders' avvikelser added up: the city's is theirs, as in the walk to the forecast result.
  const stadensAvvikelseOre = namnder.some((namnd) => namnd.avvikelseOre !== null)
    ? addOre(...namnder.map((namnd) => namnd.avvikelseOre ?? 0))
    : null;
  return {
    stad: {
      kod: stadNode?.kod ?? 'stad',
      namn: stadNode?.namn ?? 'Staden',
      ...prognos,
      budgetOre,
      utfallOre,
      avvikelseOre: stadensAvvikelseOre,
      helarsprognosOre: helarsprognos(budgetOre, stadensAvvikelseOre),
    },
    namnder,
  };
}
