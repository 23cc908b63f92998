import { RESULTATRAKNINGSRADER, type ResultatradIntervall } from '@tertial/contracts/dto';
import { arVerksamhetensKontogrupp, kontogruppTyp, type KontogruppKod } from '@tertial/contracts/kontogrupper';
import { arInterntKonto, type InterntKontointervall } from '@tertial/contracts/kontoplan';
import { addOre, type Ore } from '@tertial/contracts/money';

/**
 * A nämnd's closed year seen from the elimination: its verksamhet's revenue and cost (shown amounts, both positive)
 * and the part of each booked on the kontoplan's internal accounts.
 */
export interface InternaDelar {
  intakterOre: Ore;
  internaIntakterOre: Ore;
  kostnaderOre: Ore;
  internaKostnaderOre: Ore;
}

/** The rows a nämnd's budget and forecast cover: its kontogrupper intäkter … kapitalkostnader. */
const VERKSAMHETENS_RADER = new Set(['verksamhetens-intakter', 'verksamhetens-kostnader', 'avskrivningar']);

/**
 * Splits a nämnd's closed year (accounts in ledger sign, revenue negative) into revenue and cost of its verksamhet and
 * their internal parts. An account's side is its row's in the table; an internal account the table has no row for
 * goes by its sign. Accounts outside the verksamhet's rows (balance accounts, taxes, financial items) are left out.
 */
export function internaDelar(
  konton: readonly { konto: number; beloppOre: Ore }[],
  tabell: readonly ResultatradIntervall[],
  interna: readonly InterntKontointervall[],
): InternaDelar {
  const delar: InternaDelar = { intakterOre: 0, internaIntakterOre: 0, kostnaderOre: 0, internaKostnaderOre: 0 };
  for (const { konto, beloppOre } of konton) {
    const rad = tabell.find((kandidat) => konto >= kandidat.fran && konto <= kandidat.till)?.rad;
    const intern = arInterntKonto(konto, interna);
    if (!intern && (!rad || !VERKSAMHETENS_RADER.has(rad))) continue;
    const intakt = rad ? RESULTATRAKNINGSRADER.find((kandidat) => kandidat.kod === rad)!.typ === 'intakt' : beloppOre < 0;
    if (intakt) {
      delar.intakterOre = addOre(delar.intakterOre, -beloppOre);
      if (intern) delar.internaIntakterOre = addOre(delar.internaIntakterOre, -beloppOre);
    } else {
      delar.kostnaderOre = addOre(delar.kostnaderOre, beloppOre);
      if (intern) delar.internaKostnaderOre = addOre(delar.internaKostnaderOre, beloppOre);
    }
  }
  return delar;
}

/**
 * An ansvar's utfall so far (per month and kontogrupp, shown amounts, each with its internal part) as the elimination
 * sees it; null when a row does not say its internal part (an event from before it did): nothing is known then.
 */
export function internaDelarAvUtfall(
  manader: readonly { rader: readonly { kontogrupp: KontogruppKod; beloppOre: Ore; internOre?: Ore | undefined }[] }[],
): InternaDelar | null {
  const delar: InternaDelar = { intakterOre: 0, internaIntakterOre: 0, kostnaderOre: 0, internaKostnaderOre: 0 };
  for (const { rader } of manader)
    for (const { kontogrupp, beloppOre, internOre } of rader) {
      if (internOre === undefined) return null;
      if (!arVerksamhetensKontogrupp(kontogrupp)) continue;
      if (kontogruppTyp(kontogrupp) === 'intakt') {
        delar.intakterOre = addOre(delar.intakterOre, beloppOre);
        delar.internaIntakterOre = addOre(delar.internaIntakterOre, internOre);
      } else {
        delar.kostnaderOre = addOre(delar.kostnaderOre, beloppOre);
        delar.internaKostnaderOre = addOre(delar.internaKostnaderOre, internOre);
      }
    }
  return delar;
}

/** Several ansvar's (or nämnder's) parts added. */
export function laggIhopDelar(delar: readonly InternaDelar[]): InternaDelar {
  return {
    intakterOre: addOre(0, ...delar.map((del) => del.intakterOre)),
    internaIntakterOre: addOre(0, ...delar.map((del) => del.internaIntakterOre)),
    kostnaderOre: addOre(0, ...delar.map((del) => del.kostnaderOre)),
    internaKostnaderOre: addOre(0, ...delar.map((del) => del.internaKostnaderOre)),
  };
}

/**
 * `belopp × del / helhet` rounded to the nearest öre, halves up, in exact integer arithmetic (the product of two
 * amounts passes 2^53). Nothing when the whole or the part is not positive, and never more than `belopp`.
 */
export function andelAv(beloppOre: Ore, delOre: Ore, helhetOre: Ore): Ore {
  if (beloppOre <= 0 || delOre <= 0 || helhetOre <= 0) return 0;
  const avrundat = (2n * BigInt(beloppOre) * BigInt(delOre) + BigInt(helhetOre)) / (2n * BigInt(helhetOre));
  return Math.min(beloppOre, Number(avrundat));
}

/** What a column's figures are per nämnd: revenue and cost (an internbudget or forecasts per ansvar), or net cost only. */
export type NamndensBelopp = { namnd: string; intakterOre: Ore; kostnaderOre: Ore } | { namnd: string; nettokostnadOre: Ore };

export type Elimineringsmetod = 'konton' | 'andel' | 'inget';

/** The closed year a nämnd's internal share is taken from. */
export interface Underlag {
  ar: number;
  /** `bokslut`: a closed year's accounts; `utfall`: the year's own utfall so far. */
  kalla: 'bokslut' | 'utfall';
  delar: InternaDelar;
}

export interface NamndensEliminering {
  namnd: string;
  /** Internal revenue and cost taken out, shown amounts (both positive). */
  intakterOre: Ore;
  kostnaderOre: Ore;
  /** The year whose share was used and what it was; null when the nämnd has none (nothing eliminated). */
  underlagAr: number | null;
  underlag: Underlag['kalla'] | null;
}

/**
 * A budget or forecast column's elimination. Budgets and forecasts are per kontogrupp, not per account, so each
 * nämnd's internal part is estimated with the share its internal accounts had in its utfall: internal revenue
 * is its revenue × internal revenue ÷ revenue, internal cost its cost × internal cost ÷ cost. A column with only
 * net cost per nämnd (a year before the internbudget per ansvar) scales both by net cost ÷ the year's net cost.
 * Each amount is rounded to the öre per nämnd and side; the column's totals are the sums of those.
 */
export function uppskattadEliminering(
  namnder: readonly NamndensBelopp[],
  underlag: (namnd: string) => Underlag | undefined,
): NamndensEliminering[] {
  return namnder.map((belopp) => {
    const kalla = underlag(belopp.namnd);
    if (!kalla) return { namnd: belopp.namnd, intakterOre: 0, kostnaderOre: 0, underlagAr: null, underlag: null };
    const { delar } = kalla;
    if ('nettokostnadOre' in belopp) {
      const netto = delar.kostnaderOre - delar.intakterOre;
      return {
        namnd: belopp.namnd,
        intakterOre: andelAv(belopp.nettokostnadOre, delar.internaIntakterOre, netto),
        kostnaderOre: andelAv(belopp.nettokostnadOre, delar.internaKostnaderOre, netto),
        underlagAr: kalla.ar,
        underlag: kalla.kalla,
      };
    }
    return {
      namnd: belopp.namnd,
      intakterOre: andelAv(belopp.intakterOre, delar.internaIntakterOre, delar.intakterOre),
      kostnaderOre: andelAv(belopp.kostnaderOre, delar.internaKostnaderOre, delar.kostnaderOre),
      underlagAr: kalla.ar,
      underlag: kalla.kalla,
    };
  });
}

/** A column's elimination in sum: what left each side and the difference, the change of the city's result. */
export interface Elimineringssumma {
  intakterOre: Ore;
  kostnaderOre: Ore;
  /** Internal cost minus internal revenue taken out: by this much the city's result is better than its parts' sum. */
  differensOre: Ore;
}

export function summeraEliminering(namnder: readonly { intakterOre: Ore; kostnaderOre: Ore }[]): Elimineringssumma {
  const intakterOre = addOre(0, ...namnder.map((rad) => rad.intakterOre));
  const kostnaderOre = addOre(0, ...namnder.map((rad) => rad.kostnaderOre));
  return { intakterOre, kostnaderOre, differensOre: addOre(kostnaderOre, -intakterOre) };
}
