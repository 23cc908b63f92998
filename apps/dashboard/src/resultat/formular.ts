import {
  FINANSRADER,
  kravsKalla,
  type Balanskravsjusteringar,
  type Balanskravsutredning,
  type FinansradKod,
  type Finansrader,
  type FinansraderInmatning,
  type ResultatTillfalle,
} from '@tertial/contracts/dto';
import { parseKronor, type Ore } from '@tertial/contracts/money';

import type { Faltfel } from '../api/api-fel.js';
import { formatBeloppUtanEnhet } from '@tertial/diagram/belopp';

/** A field's message per field name; `formular` for what belongs to no single field. */
export type Formularfel = Partial<Record<string, string>>;
export type Tolkat<T> = { ok: true; varde: T } | { ok: false; fel: Formularfel };

const ORE_PER_TKR = 100_000;
export const BELOPPSHJALP = 'Ange beloppet i tkr, till exempel 12 345,5';

/**
 * An amount typed in tkr the Swedish way ("12 345,5", "12345.5", with no-break spaces or a real minus sign) as öre,
 * exact; undefined for anything that is not an amount with at most two decimals.
 */
export function tkrTillOre(text: string): Ore | undefined {
  const kronorITkr = parseKronor(text.trim().replace(/\u2212/g, '-'));
  if (kronorITkr === undefined) return undefined;
  const ore = kronorITkr * 1000;
  return Number.isSafeInteger(ore) ? ore : undefined;
}

/** Öre as tkr for a form field, as it was shown: `7 845 300` or `12 345,5`, no decimals where there are none. */
export function oreTillTkrFalt(ore: Ore): string {
  const decimaler = ore % ORE_PER_TKR === 0 ? 0 : ore % (ORE_PER_TKR / 10) === 0 ? 1 : 2;
  return formatBeloppUtanEnhet(ore, 'tkr', decimaler);
}

/** The finance function's form: each line's amount (tkr) and source, as typed. */
export type Finansformular = Record<FinansradKod, { belopp: string; kalla: string }>;
export const beloppFalt = (rad: FinansradKod) => `${rad}-belopp`;
export const kallaFalt = (rad: FinansradKod) => `${rad}-kalla`;

export function finansformularFran(rader: Finansrader['rader']): Finansformular {
  return Object.fromEntries(
    FINANSRADER.map(({ kod }) => {
      const sparad = rader.find((rad) => rad.rad === kod);
      return [kod, { belopp: sparad ? oreTillTkrFalt(sparad.beloppOre) : '', kalla: sparad?.kalla ?? '' }];
    }),
  ) as Finansformular;
}

/**
 * The lines to store: an empty amount leaves its line out (it is removed); every amount positive, a source at most 300
 * characters, and named where a round's forecast needs one (`kravsKalla`).
 */
export function tolkaFinansformular(formular: Finansformular, tillfalle: ResultatTillfalle): Tolkat<FinansraderInmatning> {
  const fel: Formularfel = {};
  const rader: FinansraderInmatning['rader'] = [];
  for (const { kod, namn } of FINANSRADER) {
    const { belopp, kalla } = formular[kod];
    if (kalla.trim().length > 300) fel[kallaFalt(kod)] = `Källan för ${namn.toLowerCase()} får vara högst 300 tecken`;
    if (belopp.trim() === '') {
      if (kalla.trim() !== '') fel[beloppFalt(kod)] = `Ange ett belopp för ${namn.toLowerCase()}, eller ta bort källan`;
      continue;
    }
    const ore = tkrTillOre(belopp);
    if (ore === undefined) fel[beloppFalt(kod)] = `${namn}: ${BELOPPSHJALP}`;
    else if (ore < 0) fel[beloppFalt(kod)] = `${namn}: ange beloppet positivt; raden säger om det är intäkt eller kostnad`;
    else rader.push({ rad: kod, beloppOre: ore, kalla: kalla.trim() });
    if (ore !== undefined && kravsKalla(tillfalle, kod) && kalla.trim() === '')
      fel[kallaFalt(kod)] =
        `Ange källan till prognosen för ${namn.toLowerCase()}, till exempel SKR:s skatteunderlagsprognos och dess datum`;
  }
  if (Object.keys(fel).length === 0 && rader.length === 0) fel[beloppFalt(FINANSRADER[0].kod)] = 'Ange minst en rad';
  return Object.keys(fel).length > 0 ? { ok: false, fel } : { ok: true, varde: { rader } };
}

/** The server's fields (`rader[2].beloppOre`) as the form's, by the lines that were sent. */
export function finansfelFranServer(faltfel: readonly Faltfel[], skickade: FinansraderInmatning['rader']): Formularfel {
  const fel: Formularfel = {};
  for (const { field, message } of faltfel) {
    const traff = /^rader\[(\d+)\]\.(beloppOre|kalla)$/.exec(field);
    const rad = traff ? skickade[Number(traff[1])]?.rad : undefined;
    const falt = rad ? (traff![2] === 'kalla' ? kallaFalt(rad) : beloppFalt(rad)) : 'formular';
    fel[falt] = fel[falt] ? `${fel[falt]}; ${message}` : message;
  }
  return fel;
}

/** A proposed RUR movement, typed positive: to the reserve (avsättning) or from it (användning), in tkr. */
export interface Rurformular {
  till: string;
  fran: string;
}

const JUSTERINGSKODER: Record<Exclude<keyof Balanskravsjusteringar, 'tillRurOre' | 'franRurOre'>, string> = {
  samtligaRealisationsvinsterOre: 'samtliga-realisationsvinster',
  realisationsvinsterUndantagOre: 'realisationsvinster-undantag',
  realisationsforlusterUndantagOre: 'realisationsforluster-undantag',
  orealiseradeForlusterOre: 'orealiserade-forluster',
  aterforingOrealiseradeForlusterOre: 'aterforing-orealiserade-forluster',
};

export function rurformularFran(utredning: Balanskravsutredning | null): Rurformular {
  const belopp = (kod: string) => utredning?.rader.find((rad) => rad.kod === kod)?.beloppOre ?? 0;
  const till = -belopp('till-rur');
  const fran = belopp('fran-rur');
  return { till: till === 0 ? '' : oreTillTkrFalt(till), fran: fran === 0 ? '' : oreTillTkrFalt(fran) };
}

/**
 * The adjustments to store: the utredning's other adjustments as they are, and the movement with the utredning's
 * signs (to the reserve negative, from it positive). Only the form is checked here; the rules are the API's to name.
 */
export function tolkaRurformular(formular: Rurformular, utredning: Balanskravsutredning): Tolkat<Balanskravsjusteringar> {
  const fel: Formularfel = {};
  const tolka = (falt: keyof Rurformular): Ore => {
    if (formular[falt].trim() === '') return 0;
    const ore = tkrTillOre(formular[falt]);
    if (ore === undefined) fel[falt] = BELOPPSHJALP;
    else if (ore < 0) fel[falt] = 'Ange beloppet positivt; fältet säger om det är till eller från reserven';
    return ore ?? 0;
  };
  const till = tolka('till');
  const fran = tolka('fran');
  if (Object.keys(fel).length > 0) return { ok: false, fel };
  const belopp = (kod: string) => utredning.rader.find((rad) => rad.kod === kod)?.beloppOre ?? 0;
  const ovriga = Object.fromEntries(Object.entries(JUSTERINGSKODER).map(([nyckel, kod]) => [nyckel, belopp(kod)])) as Omit<
    Balanskravsjusteringar,
    'tillRurOre' | 'franRurOre'
  >;
  return { ok: true, varde: { ...ovriga, tillRurOre: till === 0 ? 0 : -till, franRurOre: fran } };
}

/** The rules the API names when it refuses a movement, in words. */
export const RUR_REGLER: Record<string, string> = {
  'rur-tak': 'taket för avsättning',
  'rur-skatteunderlag': 'skatteunderlagets utveckling',
  'rur-underskott': 'bara ett negativt resultat får täckas',
  'rur-saldo': 'reservens saldo',
  'rur-bada': 'inte både till och från samma år',
};

/** A refused movement's errors (`tillRurOre`: "rur-tak: högst …") on the form's fields, each with its rule named. */
export function rurfelFranServer(faltfel: readonly Faltfel[]): Formularfel {
  const fel: Formularfel = {};
  for (const { field, message } of faltfel) {
    const falt = field === 'tillRurOre' ? 'till' : field === 'franRurOre' ? 'fran' : 'formular';
    const traff = /^(rur-[a-z]+): (.*)$/.exec(message);
    const text = traff ? `Regeln ${traff[1]} (${RUR_REGLER[traff[1]!] ?? 'stadens regel'}): ${traff[2]}` : message;
    fel[falt] = fel[falt] ? `${fel[falt]} ${text}` : text;
  }
  return fel;
}
