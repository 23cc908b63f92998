import { addOre, type Ore } from '@tertial/contracts/money';

import { krText, multipliceraOre, procentAv, procentText, tolkaProcentsats } from './belopp.js';
import { arHeltOre, avvisat, godkant, type Fel, type Validerat } from './validering.js';

/**
 * Stadens resursfördelningsmodell: a nämnd's ekonomiska tilldelning for next year in seven steps, as
 * "Styrning i Helsingborgs stad" (chapter Ekonomisk tilldelning) lays them out:
 *
 *   1 föregående års budgettilldelning
 *   2 − justeringar för satsningar av temporär karaktär, vilket ger …
 *   3 = bas för budgettilldelning
 *   4 + justering för demografiska förändringar
 *   5 + procentuell uppräkning för att täcka hela eller delar av kostnadsutvecklingen
 *   6 ± övriga justeringar, tillägg/avdrag
 *   7 = förslag på ekonomisk tilldelning
 */

/** One line of a list entered by hand: a temporary satsning, a political priority, an effektivisering. */
export interface Post {
  readonly text: string;
  readonly beloppOre: Ore;
}

/** Residents in one age band, from stadens befolkningsprognos. */
export interface Befolkningsrad {
  /** The band as the befolkningsprognos names it, e.g. `1-5` or `80-w`. */
  readonly aldersband: string;
  /** Residents this year, which the price per resident was computed on. */
  readonly invanareIAr: number;
  /** Residents forecast for the year the frame is for. */
  readonly invanarePrognos: number;
}

/** A verksamhetsområde matched to the age band it serves, with its price per resident. */
export interface Demografirad {
  readonly verksamhetsomrade: string;
  readonly aldersband: string;
  /** Set by kommunstyrelsen's inriktningsbeslut; missing until then. */
  readonly prisPerInvanareOre?: Ore | null;
}

/** The index the base is raised with: KPI for most nämnder, entreprenadindex for stadsbyggnadsnämnden. */
export interface Kostnadsindex {
  readonly namn: string;
  /** Percent as decimal text, e.g. "2,3". */
  readonly procentsats: string;
}

export interface ResursfordelningUnderlag {
  readonly namnd: string;
  /** The year the frame is for. */
  readonly ar: number;
  readonly foregaendeArsTilldelningOre: Ore;
  /** Satsningar that were not a permanent part of the driftsbudget; positive amounts, taken out in step 2. */
  readonly tillfalligaSatsningar: readonly Post[];
  readonly befolkning: readonly Befolkningsrad[];
  /** Empty for an anslagsfinansierad nämnd, whose base is only corrected for temporary satsningar. */
  readonly demografi: readonly Demografirad[];
  readonly upprakning: Kostnadsindex;
  /** Politiska prioriteringar (positive), effektiviseringar (negative) and other tillägg/avdrag. */
  readonly ovrigaJusteringar: readonly Post[];
}

export type Underlagsrad =
  | { readonly typ: 'post'; readonly text: string; readonly beloppOre: Ore }
  | {
      readonly typ: 'demografi';
      readonly text: string;
      readonly verksamhetsomrade: string;
      readonly aldersband: string;
      readonly invanareIAr: number;
      readonly invanarePrognos: number;
      readonly forandringInvanare: number;
      readonly prisPerInvanareOre: Ore;
      readonly beloppOre: Ore;
    }
  | {
      readonly typ: 'upprakning';
      readonly text: string;
      readonly index: string;
      readonly procentsats: string;
      readonly berakningsunderlagOre: Ore;
      readonly beloppOre: Ore;
    };

/**
 * One bar of the waterfall. A `total` bar stands on zero and `beloppOre` is the running total; a
 * `forandring` bar floats and `beloppOre` is the change, which its underlag sum to exactly.
 */
export interface Resursfordelningssteg {
  readonly steg: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  readonly namn: string;
  readonly typ: 'total' | 'forandring';
  readonly beloppOre: Ore;
  /** The running total after this step. */
  readonly summaOre: Ore;
  readonly underlag: readonly Underlagsrad[];
}

export interface Resursfordelning {
  readonly namnd: string;
  readonly ar: number;
  readonly steg: readonly Resursfordelningssteg[];
  readonly forslagOre: Ore;
}

export const STEGNAMN = {
  1: 'Föregående års budgettilldelning',
  2: 'Justeringar för satsningar av temporär karaktär',
  3: 'Bas för budgettilldelning',
  4: 'Justering för demografiska förändringar',
  5: 'Procentuell uppräkning för kostnadsutvecklingen',
  6: 'Övriga justeringar, tillägg/avdrag',
  7: 'Förslag på ekonomisk tilldelning',
} as const;

/**
 * Computes the seven steps, or lists every problem in the input.
 *
 * Demography (step 4) is the change in residents times the price: Σ (invånare prognos − invånare i år) ×
 * pris per invånare, over each verksamhetsområde and the age band it is matched to. The price per resident
 * was worked out on this year's residents ("Utifrån detta räknas ett pris per invånare ut för varje
 * verksamhetsområde och ålderskategori"), so the base already pays for them and only the change is added.
 * No rounding: a count times whole öre is whole öre.
 *
 * The uplift (step 5) is the index's percentage of base plus demography, rounded half away from zero to
 * whole kronor, since frames are decided in kronor.
 */
export function beraknaResursfordelning(underlag: ResursfordelningUnderlag): Validerat<Resursfordelning> {
  const fel = valideraUnderlag(underlag);
  if (fel.length > 0) return avvisat(fel);

  const steg1 = underlag.foregaendeArsTilldelningOre;
  const temporara = underlag.tillfalligaSatsningar.map((post) => postrad(post.text, -post.beloppOre));
  const steg3 = addOre(steg1, summa(temporara));
  const demografi = demografirader(underlag);
  const medDemografi = addOre(steg3, summa(demografi));
  const upprakning = upprakningsrad(underlag.upprakning, medDemografi);
  const ovriga = underlag.ovrigaJusteringar.map((post) => postrad(post.text, post.beloppOre));
  const steg7 = addOre(medDemografi, upprakning.beloppOre, summa(ovriga));

  const steg: Resursfordelningssteg[] = [
    total(1, steg1, [postrad(`Budgettilldelning ${underlag.ar - 1}`, steg1)]),
    forandring(2, temporara, steg3),
    total(3, steg3, []),
    forandring(4, demografi, medDemografi),
    forandring(5, [upprakning], addOre(medDemografi, upprakning.beloppOre)),
    forandring(6, ovriga, steg7),
    total(7, steg7, []),
  ];
  return godkant({ namnd: underlag.namnd, ar: underlag.ar, steg, forslagOre: steg7 });
}

function total(nummer: 1 | 3 | 7, beloppOre: Ore, underlag: Underlagsrad[]): Resursfordelningssteg {
  return { steg: nummer, namn: STEGNAMN[nummer], typ: 'total', beloppOre, summaOre: beloppOre, underlag };
}

function forandring(nummer: 2 | 4 | 5 | 6, underlag: Underlagsrad[], summaOre: Ore): Resursfordelningssteg {
  return { steg: nummer, namn: STEGNAMN[nummer], typ: 'forandring', beloppOre: summa(underlag), summaOre, underlag };
}

function postrad(text: string, beloppOre: Ore): Underlagsrad {
  return { typ: 'post', text, beloppOre };
}

function summa(rader: readonly { beloppOre: Ore }[]): Ore {
  return addOre(...rader.map((rad) => rad.beloppOre));
}

function demografirader(underlag: ResursfordelningUnderlag): Underlagsrad[] {
  const befolkning = new Map(underlag.befolkning.map((rad) => [rad.aldersband, rad]));
  return underlag.demografi.map((rad) => {
    // Validated before: every age band is in the befolkning and every price is set.
    const { invanareIAr, invanarePrognos } = befolkning.get(rad.aldersband) as Befolkningsrad;
    const prisPerInvanareOre = rad.prisPerInvanareOre as Ore;
    const forandringInvanare = invanarePrognos - invanareIAr;
    const tecken = forandringInvanare > 0 ? '+' : '';
    return {
      typ: 'demografi',
      text: `${rad.verksamhetsomrade} (${rad.aldersband}): ${tecken}${forandringInvanare} invånare × ${krText(prisPerInvanareOre)}`,
      verksamhetsomrade: rad.verksamhetsomrade,
      aldersband: rad.aldersband,
      invanareIAr,
      invanarePrognos,
      forandringInvanare,
      prisPerInvanareOre,
      beloppOre: multipliceraOre(prisPerInvanareOre, forandringInvanare),
    };
  });
}

function upprakningsrad(index: Kostnadsindex, berakningsunderlagOre: Ore): Underlagsrad {
  const procentsats = procentText(index.procentsats);
  return {
    typ: 'upprakning',
    text: `${index.namn} ${procentsats} % av ${krText(berakningsunderlagOre)}`,
    index: index.namn,
    procentsats,
    berakningsunderlagOre,
    beloppOre: procentAv(berakningsunderlagOre, index.procentsats, 'krona'),
  };
}

function valideraUnderlag(underlag: ResursfordelningUnderlag): Fel[] {
  const fel: Fel[] = [];
  if (!underlag.namnd.trim()) fel.push({ field: 'namnd', message: 'nämnden saknas' });
  if (!Number.isInteger(underlag.ar)) fel.push({ field: 'ar', message: 'året ska vara ett årtal' });
  if (!arHeltOre(underlag.foregaendeArsTilldelningOre) || underlag.foregaendeArsTilldelningOre < 0) {
    fel.push({
      field: 'foregaendeArsTilldelningOre',
      message: 'föregående års budgettilldelning ska vara ett belopp i hela öre, noll eller mer',
    });
  }
  fel.push(...valideraPoster('tillfalligaSatsningar', underlag.tillfalligaSatsningar, 'positiva'));
  fel.push(...valideraBefolkning(underlag.befolkning));
  fel.push(...valideraDemografi(underlag.demografi, underlag.befolkning));
  if (!underlag.upprakning.namn.trim())
    fel.push({ field: 'upprakning.namn', message: 'uppräkningens index saknar namn (till exempel KPI eller entreprenadindex)' });
  if (tolkaProcentsats(underlag.upprakning.procentsats) === undefined) {
    fel.push({
      field: 'upprakning.procentsats',
      message: `"${underlag.upprakning.procentsats}" är ingen procentsats; skriv till exempel "2,3" (högst fyra decimaler)`,
    });
  }
  fel.push(...valideraPoster('ovrigaJusteringar', underlag.ovrigaJusteringar, 'med tecken'));
  return fel;
}

function valideraPoster(falt: string, poster: readonly Post[], belopp: 'positiva' | 'med tecken'): Fel[] {
  return poster.flatMap((post, index): Fel[] => {
    const fel: Fel[] = [];
    if (!post.text.trim()) fel.push({ field: `${falt}[${index}].text`, message: 'posten behöver en text som säger vad den gäller' });
    if (!arHeltOre(post.beloppOre))
      fel.push({ field: `${falt}[${index}].beloppOre`, message: `beloppet för "${post.text}" ska vara i hela öre` });
    else if (belopp === 'positiva' && post.beloppOre < 0) {
      fel.push({
        field: `${falt}[${index}].beloppOre`,
        message: `beloppet för "${post.text}" får inte vara negativt; satsningen dras av i steg 2`,
      });
    }
    return fel;
  });
}

function valideraBefolkning(befolkning: readonly Befolkningsrad[]): Fel[] {
  const fel: Fel[] = [];
  const sedda = new Set<string>();
  befolkning.forEach((rad, index) => {
    if (sedda.has(rad.aldersband))
      fel.push({ field: `befolkning[${index}].aldersband`, message: `åldersbandet ${rad.aldersband} förekommer mer än en gång` });
    sedda.add(rad.aldersband);
    for (const falt of ['invanareIAr', 'invanarePrognos'] as const) {
      const antal = rad[falt];
      if (!Number.isSafeInteger(antal))
        fel.push({
          field: `befolkning[${index}].${falt}`,
          message: `antalet invånare i åldersbandet ${rad.aldersband} ska vara ett heltal`,
        });
      else if (antal < 0)
        fel.push({
          field: `befolkning[${index}].${falt}`,
          message: `antalet invånare i åldersbandet ${rad.aldersband} får inte vara negativt (${antal})`,
        });
    }
  });
  return fel;
}

function valideraDemografi(demografi: readonly Demografirad[], befolkning: readonly Befolkningsrad[]): Fel[] {
  const fel: Fel[] = [];
  const kandaBand = befolkning.map((rad) => rad.aldersband);
  const sedda = new Set<string>();
  demografi.forEach((rad, index) => {
    const falt = `demografi[${index}]`;
    const nyckel = `${rad.verksamhetsomrade}\u0000${rad.aldersband}`;
    if (!rad.verksamhetsomrade.trim()) fel.push({ field: `${falt}.verksamhetsomrade`, message: 'verksamhetsområdet saknar namn' });
    if (sedda.has(nyckel))
      fel.push({ field: falt, message: `${rad.verksamhetsomrade} och åldersbandet ${rad.aldersband} förekommer mer än en gång` });
    sedda.add(nyckel);
    if (!kandaBand.includes(rad.aldersband)) {
      const giltiga = kandaBand.length > 0 ? kandaBand.join(', ') : 'inga åldersband';
      fel.push({
        field: `${falt}.aldersband`,
        message: `okänt åldersband "${rad.aldersband}" för ${rad.verksamhetsomrade}; befolkningsprognosen har ${giltiga}`,
      });
    }
    if (rad.prisPerInvanareOre === undefined || rad.prisPerInvanareOre === null) {
      fel.push({
        field: `${falt}.prisPerInvanareOre`,
        message: `pris per invånare saknas för ${rad.verksamhetsomrade}, åldersbandet ${rad.aldersband}`,
      });
    } else if (!arHeltOre(rad.prisPerInvanareOre) || rad.prisPerInvanareOre < 0) {
      fel.push({
        field: `${falt}.prisPerInvanareOre`,
        message: `pris per invånare för ${rad.verksamhetsomrade}, åldersbandet ${rad.aldersband}, ska vara ett belopp i hela öre, noll eller mer`,
      });
    }
  });
  return fel;
}
