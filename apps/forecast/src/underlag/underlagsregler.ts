import type { HelarsprognosUnderlag, Prognosversionsjamforelse } from '@tertial/contracts/dto';
import { KONTOGRUPPER, kontogruppTyp, type KontogruppKod } from '@tertial/contracts/kontogrupper';
import { addOre } from '@tertial/contracts/money';
import type { PrognosRad } from '@tertial/contracts/prognos';

import { passerarTroskel, type Troskel } from '../helarsprognoser/helarsprognosregler.js';

/** One month's utfall of an ansvar per kontogrupp, as budget's `utfall-ansvar-uppdaterat` carries it. */
export interface Manadsutfall {
  readonly manad: number;
  readonly rader: readonly PrognosRad[];
}

/** Utfall of January up to and including a month, per kontogrupp. */
export function utfallTom(manader: readonly Manadsutfall[], tomManad: number): Map<KontogruppKod, number> {
  const summa = new Map<KontogruppKod, number>();
  for (const manad of manader) {
    if (manad.manad > tomManad) continue;
    for (const rad of manad.rader) summa.set(rad.kontogrupp, addOre(summa.get(rad.kontogrupp) ?? 0, rad.beloppOre));
  }
  return summa;
}

/** One kontogrupp's budget per month, January to December, as the verksamhetsbudget carries it. */
export interface Manadsbudget {
  readonly kontogrupp: KontogruppKod;
  readonly manader: readonly number[];
}

/** The year's budget per kontogrupp: the sum of its months. */
export function arsbudget(manadsbudget: readonly Manadsbudget[]): PrognosRad[] {
  return manadsbudget.map((rad) => ({ kontogrupp: rad.kontogrupp, beloppOre: rad.manader.reduce((a, b) => addOre(a, b), 0) }));
}

/**
 * The proposal: utfall so far plus the remaining months' budget. With the verksamhetsbudget's months
 * (`manadsbudget`) that is the budget of exactly those months; with only a year's budget each month is a twelfth,
 * rounded to the öre once.
 */
export function forslag(utfallOre: number, arsbudgetOre: number, tomManad: number, manadsbudget?: readonly number[]): number {
  if (manadsbudget?.length === 12)
    return addOre(
      utfallOre,
      manadsbudget.slice(tomManad).reduce((a, b) => addOre(a, b), 0),
    );
  return addOre(utfallOre, Math.round((arsbudgetOre * (12 - tomManad)) / 12));
}

/**
 * Month weights for the run-rate, in tenths of a month. Personnel costs dip in July, when most staff take their
 * leave (paid from the holiday pay accrued through the year): July counts as 0.6 of a month for
 * `personalkostnader`, near the 0.58 the demo city's ledger shows. Every other month, and every month of the
 * other kontogrupper, counts as one.
 */
export const JULI_VIKT_PERSONAL = 6;

function manadsvikt(kontogrupp: KontogruppKod, manad: number): number {
  return kontogrupp === 'personalkostnader' && manad === 7 ? JULI_VIKT_PERSONAL : 10;
}

/** The run-rate: utfall so far scaled to twelve months by the months' weights, rounded to the öre. */
export function runRate(kontogrupp: KontogruppKod, utfallOre: number, tomManad: number): number {
  let hittills = 0;
  let helar = 0;
  for (let manad = 1; manad <= 12; manad += 1) {
    helar += manadsvikt(kontogrupp, manad);
    if (manad <= tomManad) hittills += manadsvikt(kontogrupp, manad);
  }
  return Math.round((utfallOre * helar) / hittills);
}

/** Budget − prognos for a cost, prognos − budget for a revenue: positive is a surplus either way. */
export function avvikelse(kontogrupp: KontogruppKod, budgetOre: number, prognosOre: number): number {
  return kontogruppTyp(kontogrupp) === 'intakt' ? addOre(prognosOre, -budgetOre) : addOre(budgetOre, -prognosOre);
}

/** Net cost of lines: cost minus revenue. */
function netto(rader: ReadonlyMap<KontogruppKod, number>): number {
  let summa = 0;
  for (const [kontogrupp, belopp] of rader) summa = addOre(summa, kontogruppTyp(kontogrupp) === 'intakt' ? -belopp : belopp);
  return summa;
}

export interface Underlagsindata {
  /** The ansvar's budget for the year; null when budget has published none (then no comment is required). */
  readonly budget: readonly PrognosRad[] | null;
  /** The same budget per kontogrupp and month (the verksamhetsbudget), when budget has published one. */
  readonly manadsbudget?: readonly Manadsbudget[] | null;
  readonly utfall: readonly Manadsutfall[];
  readonly tomManad: number;
  readonly foregaende: readonly PrognosRad[] | null;
  readonly prognos: readonly PrognosRad[] | null;
  readonly troskel: Troskel;
}

/** The six kontogrupper a verksamhet forecasts; the finance groups (class 8) show only when something names them. */
const VERKSAMHETSGRUPPER: readonly KontogruppKod[] = KONTOGRUPPER.filter((grupp) => grupp.verksamhet).map((grupp) => grupp.kod);

/**
 * What the chef's entry shows per kontogrupp and net: budget, utfall so far, the proposal, the run-rate, the previous
 * round's forecast, the current forecast and the avvikelse. The rows are the verksamhet's kontogrupper and any other
 * the budget, utfall or forecasts name. Net figures are the rows' net, so they add up to the öre.
 */
export function berakningsunderlag(
  indata: Underlagsindata,
): Pick<HelarsprognosUnderlag, 'rader' | 'netto' | 'kommentarKravs' | 'utfallTomManad'> {
  const budget = new Map((indata.budget ?? []).map((rad) => [rad.kontogrupp, rad.beloppOre]));
  const manadsbudget = new Map((indata.manadsbudget ?? []).map((rad) => [rad.kontogrupp, rad.manader]));
  const utfall = utfallTom(indata.utfall, indata.tomManad);
  const foregaende = indata.foregaende ? new Map(indata.foregaende.map((rad) => [rad.kontogrupp, rad.beloppOre])) : null;
  const prognos = indata.prognos ? new Map(indata.prognos.map((rad) => [rad.kontogrupp, rad.beloppOre])) : null;
  const namnda = new Set([...budget.keys(), ...utfall.keys(), ...(foregaende?.keys() ?? []), ...(prognos?.keys() ?? [])]);
  const koder = KONTOGRUPPER.map((grupp) => grupp.kod).filter((kod) => VERKSAMHETSGRUPPER.includes(kod) || namnda.has(kod));
  const rader = koder.map((kontogrupp) => {
    const budgetOre = budget.get(kontogrupp) ?? 0;
    const utfallOre = utfall.get(kontogrupp) ?? 0;
    const prognosOre = prognos ? (prognos.get(kontogrupp) ?? 0) : null;
    return {
      kontogrupp,
      budgetOre,
      utfallOre,
      forslagOre: forslag(utfallOre, budgetOre, indata.tomManad, manadsbudget.get(kontogrupp)),
      runRateOre: runRate(kontogrupp, utfallOre, indata.tomManad),
      foregaendePrognosOre: foregaende ? (foregaende.get(kontogrupp) ?? 0) : null,
      prognosOre,
      avvikelseOre: prognosOre === null ? null : avvikelse(kontogrupp, budgetOre, prognosOre),
    };
  });
  const nettoAv = (falt: 'budgetOre' | 'utfallOre' | 'forslagOre' | 'runRateOre') =>
    netto(new Map(rader.map((rad) => [rad.kontogrupp, rad[falt]])));
  const nettoAvNullbar = (falt: 'foregaendePrognosOre' | 'prognosOre') =>
    rader.some((rad) => rad[falt] === null) ? null : netto(new Map(rader.map((rad) => [rad.kontogrupp, rad[falt] ?? 0])));
  const budgetNetto = nettoAv('budgetOre');
  const prognosNetto = nettoAvNullbar('prognosOre');
  const avvikelseNetto = prognosNetto === null ? null : addOre(budgetNetto, -prognosNetto);
  return {
    utfallTomManad: indata.tomManad,
    rader,
    netto: {
      budgetOre: budgetNetto,
      utfallOre: nettoAv('utfallOre'),
      forslagOre: nettoAv('forslagOre'),
      runRateOre: nettoAv('runRateOre'),
      foregaendePrognosOre: nettoAvNullbar('foregaendePrognosOre'),
      prognosOre: prognosNetto,
      avvikelseOre: avvikelseNetto,
    },
    kommentarKravs: indata.budget !== null && avvikelseNetto !== null && passerarTroskel(avvikelseNetto, budgetNetto, indata.troskel),
  };
}

/** The net avvikelse of a forecast against a budget: budget − prognos on net cost. */
export function nettoavvikelse(
  budget: readonly PrognosRad[],
  prognos: readonly PrognosRad[],
): { avvikelseOre: number; budgetNettoOre: number } {
  const budgetNettoOre = netto(new Map(budget.map((rad) => [rad.kontogrupp, rad.beloppOre])));
  return { avvikelseOre: addOre(budgetNettoOre, -netto(new Map(prognos.map((rad) => [rad.kontogrupp, rad.beloppOre])))), budgetNettoOre };
}

export interface Version {
  readonly version: number;
  readonly rader: readonly PrognosRad[];
  readonly kommentar: string | null;
  readonly nettokostnadOre: number;
  readonly sparadAv: { readonly id: string; readonly namn: string } | null;
  readonly sparadAt: string;
}

/**
 * Two versions line by line: each kontogrupp's amount in both, the difference, and which version between them (after
 * `fran`, up to `till`) last changed it and who saved that version. `versioner` holds every version from `fran` to
 * `till` in any order. A line missing in a version is null there and counts as zero in the difference.
 */
export function jamforVersioner(
  versioner: readonly Version[],
  franNr: number,
  tillNr: number,
): Pick<Prognosversionsjamforelse, 'fran' | 'till' | 'rader' | 'kommentar' | 'nettokostnad'> | null {
  const perNr = new Map(versioner.map((version) => [version.version, version]));
  const fran = perNr.get(franNr);
  const till = perNr.get(tillNr);
  if (!fran || !till) return null;
  const belopp = (version: Version, kontogrupp: KontogruppKod) =>
    version.rader.find((rad) => rad.kontogrupp === kontogrupp)?.beloppOre ?? null;
  const koder = KONTOGRUPPER.map((grupp) => grupp.kod).filter((kod) => belopp(fran, kod) !== null || belopp(till, kod) !== null);
  const mellan = [...versioner]
    .filter((version) => version.version > Math.min(franNr, tillNr) && version.version <= Math.max(franNr, tillNr))
    .sort((a, b) => a.version - b.version);
  const rader = koder.map((kontogrupp) => {
    const franOre = belopp(fran, kontogrupp);
    const tillOre = belopp(till, kontogrupp);
    // The last version in the span whose amount differs from the version before it.
    let andrad: Version | null = null;
    for (const version of mellan) {
      const forra = perNr.get(version.version - 1);
      if (!forra || belopp(forra, kontogrupp) !== belopp(version, kontogrupp)) andrad = version;
    }
    const skillnadOre = addOre(tillOre ?? 0, -(franOre ?? 0));
    return {
      kontogrupp,
      franOre,
      tillOre,
      skillnadOre,
      andradIVersion: skillnadOre === 0 && franOre === tillOre ? null : (andrad?.version ?? null),
      andradAv: skillnadOre === 0 && franOre === tillOre ? null : (andrad?.sparadAv ?? null),
    };
  });
  const person = (version: Version) => ({ version: version.version, sparadAv: version.sparadAv, sparadAt: version.sparadAt });
  return {
    fran: person(fran),
    till: person(till),
    rader,
    kommentar: { fran: fran.kommentar, till: till.kommentar, andrad: fran.kommentar !== till.kommentar },
    nettokostnad: {
      franOre: fran.nettokostnadOre,
      tillOre: till.nettokostnadOre,
      skillnadOre: addOre(till.nettokostnadOre, -fran.nettokostnadOre),
    },
  };
}
