import {
  FINANSRADER,
  RESULTATRAKNINGSRADER,
  type FinansradKod,
  type ResultatradIntervall,
  type ResultatradKod,
} from '@tertial/contracts/dto';
import { arInterntKonto, overlappandeIntervall, type InterntKontointervall } from '@tertial/contracts/kontoplan';
import type { Ore } from '@tertial/contracts/money';

/**
 * The default mapping from Kommun-Bas accounts to the resultaträkning's rows: class 3 revenue, 4–78 costs,
 * 7900–7949 depreciation, 7950–7999 other capital costs (internränta, internal by the default kontoplan), 80–81
 * skatteintäkter, 82–83 generella statsbidrag och utjämning, 84 and 85–89 financial items. The ekonomidirektör
 * changes it; which accounts are internal the kontoplan says.
 */
export const STANDARD_RESULTATRADER: readonly ResultatradIntervall[] = [
  { fran: 3000, till: 3999, rad: 'verksamhetens-intakter' },
  { fran: 4000, till: 7899, rad: 'verksamhetens-kostnader' },
  { fran: 7900, till: 7949, rad: 'avskrivningar' },
  { fran: 7950, till: 7999, rad: 'verksamhetens-kostnader' },
  { fran: 8000, till: 8199, rad: 'skatteintakter' },
  { fran: 8200, till: 8399, rad: 'generella-statsbidrag' },
  { fran: 8400, till: 8499, rad: 'finansiella-intakter' },
  { fran: 8500, till: 8999, rad: 'finansiella-kostnader' },
];

/** Overlapping ranges in a mapping table; gaps are allowed (those accounts are not in the resultaträkning). */
export function valideraResultatrader(tabell: readonly ResultatradIntervall[]): string[] {
  return overlappandeIntervall(tabell);
}

/** The resultaträkning's rows before the sums: revenue and cost both positive. */
export type Radbelopp = Record<ResultatradKod, Ore>;

const tomma = (): Radbelopp => Object.fromEntries(RESULTATRAKNINGSRADER.map((rad) => [rad.kod, 0])) as Radbelopp;

const FINANSRAD_TILL_RAD: Record<FinansradKod, ResultatradKod> = {
  skatteintakter: 'skatteintakter',
  'generella-statsbidrag': 'generella-statsbidrag',
  pensioner: 'verksamhetens-kostnader',
  'finansiella-intakter': 'finansiella-intakter',
  'finansiella-kostnader': 'finansiella-kostnader',
  avskrivningar: 'avskrivningar',
};

export function laggTillFinansrader(rader: Radbelopp, finansrader: readonly { rad: FinansradKod; beloppOre: Ore }[]): Radbelopp {
  const summa = { ...rader };
  for (const finansrad of finansrader) summa[FINANSRAD_TILL_RAD[finansrad.rad]] += finansrad.beloppOre;
  return summa;
}

/** A budget or forecast column: the nämnder's revenue and cost (kontogrupp level) and the finance function's lines. */
export function radbeloppFranNamnder(intakterOre: Ore, kostnaderOre: Ore): Radbelopp {
  return { ...tomma(), 'verksamhetens-intakter': intakterOre, 'verksamhetens-kostnader': kostnaderOre };
}

/**
 * The bokslut column from the closed year's accounts in ledger sign (revenue negative): the kontoplan's internal
 * accounts are left out on both sides (what was left out is returned), every other account goes to the row the
 * table names.
 */
export function radbeloppFranKonton(
  konton: readonly { konto: number; beloppOre: Ore }[],
  tabell: readonly ResultatradIntervall[],
  interna: readonly InterntKontointervall[],
): { rader: Radbelopp; elimineratOre: Ore } {
  const rader = tomma();
  let eliminerat = 0;
  for (const { konto, beloppOre } of konton) {
    if (arInterntKonto(konto, interna)) {
      eliminerat += Math.abs(beloppOre);
      continue;
    }
    const intervall = tabell.find((kandidat) => konto >= kandidat.fran && konto <= kandidat.till);
    if (!intervall) continue;
    const typ = RESULTATRAKNINGSRADER.find((rad) => rad.kod === intervall.rad)!.typ;
    rader[intervall.rad] += typ === 'intakt' ? -beloppOre : beloppOre;
  }
  return { rader, elimineratOre: eliminerat };
}

export interface Resultatrad {
  kod: string;
  namn: string;
  summa: boolean;
  /** Revenue positive, cost negative, as a resultaträkning prints them. */
  beloppOre: Ore;
}

/** The resultaträkning's rows and sums, in the order of the brief. */
export function stallUpp(rader: Radbelopp): Resultatrad[] {
  const nettokostnader = rader['verksamhetens-intakter'] - rader['verksamhetens-kostnader'] - rader.avskrivningar;
  const verksamhetensResultat = nettokostnader + rader.skatteintakter + rader['generella-statsbidrag'];
  const efterFinansiella = verksamhetensResultat + rader['finansiella-intakter'] - rader['finansiella-kostnader'];
  const rad = (kod: ResultatradKod, tecken: 1 | -1): Resultatrad => ({
    kod,
    namn: RESULTATRAKNINGSRADER.find((kandidat) => kandidat.kod === kod)!.namn,
    summa: false,
    beloppOre: tecken * rader[kod],
  });
  return [
    rad('verksamhetens-intakter', 1),
    rad('verksamhetens-kostnader', -1),
    rad('avskrivningar', -1),
    { kod: 'verksamhetens-nettokostnader', namn: 'Verksamhetens nettokostnader', summa: true, beloppOre: nettokostnader },
    rad('skatteintakter', 1),
    rad('generella-statsbidrag', 1),
    { kod: 'verksamhetens-resultat', namn: 'Verksamhetens resultat', summa: true, beloppOre: verksamhetensResultat },
    rad('finansiella-intakter', 1),
    rad('finansiella-kostnader', -1),
    { kod: 'resultat-efter-finansiella-poster', namn: 'Resultat efter finansiella poster', summa: true, beloppOre: efterFinansiella },
    { kod: 'arets-resultat', namn: 'Årets resultat', summa: true, beloppOre: efterFinansiella },
  ];
}

export const FINANSRADSNAMN = Object.fromEntries(FINANSRADER.map((rad) => [rad.kod, rad.namn])) as Record<FinansradKod, string>;
