import {
  BOLAGSKODER,
  KONCERNDELAR,
  KONCERNINTERNA_SLAGNAMN,
  KOMMUNEN,
  type Bolagskod,
  type Koncerndel,
  type KoncerninterntSlag,
} from '@tertial/contracts/dto';
import { addOre, type Ore } from '@tertial/contracts/money';

/**
 * The municipality's own figures for the sammanställda räkenskaper, revenue and cost as shown (both positive):
 * from a column of the city's resultaträkning ({@link kommunenFranResultatrakning}): the round's for a forecast, the
 * bokslut's for the year; a round without a column takes the nämnders' forecasts alone (no skatteintäkter, no finansnetto).
 */
export interface Kommunensresultat {
  verksamhetensIntakterOre: Ore;
  verksamhetensKostnaderOre: Ore;
  skatteintakterOchStatsbidragOre: Ore;
  finansnettoOre: Ore;
}

/**
 * The municipality's part from a column of the city's resultaträkning (revenue positive, cost negative, as on the
 * page): verksamhetens kostnader include avskrivningar; the finansnetto keeps its sign. Null where a row is missing.
 */
export function kommunenFranResultatrakning(rader: readonly { kod: string; belopp: Ore | null }[]): Kommunensresultat | null {
  const belopp = (kod: string) => rader.find((rad) => rad.kod === kod)?.belopp ?? null;
  const varden = [
    'verksamhetens-intakter',
    'verksamhetens-kostnader',
    'avskrivningar',
    'skatteintakter',
    'generella-statsbidrag',
    'finansiella-intakter',
    'finansiella-kostnader',
  ].map(belopp);
  if (varden.some((v) => v === null)) return null;
  const [intakter, kostnader, avskrivningar, skatt, statsbidrag, finansiellaIntakter, finansiellaKostnader] = varden as Ore[];
  return {
    verksamhetensIntakterOre: intakter!,
    verksamhetensKostnaderOre: -addOre(kostnader!, avskrivningar!),
    skatteintakterOchStatsbidragOre: addOre(skatt!, statsbidrag!),
    finansnettoOre: addOre(finansiellaIntakter!, finansiellaKostnader!),
  };
}

/** A company's figures: revenue and cost positive, resultat efter finansiella poster with its sign. */
export interface Bolagsresultat {
  bolag: Bolagskod;
  intakterOre: Ore;
  kostnaderOre: Ore;
  resultatEfterFinansiellaPosterOre: Ore;
}

/** A month of a company's ledger as the utfall import publishes it. */
export interface Bolagsmanad {
  manad: number;
  intakterOre: Ore;
  kostnaderOre: Ore;
  finansnettoOre: Ore;
}

/**
 * A company's figures for the whole year from its monthly utfall: null until its ledger reaches December, since a
 * year's sammanställda räkenskaper cannot take part of a company's year for the whole of it.
 */
export function bolagetsHelarsutfall(bolag: Bolagskod, manader: readonly Bolagsmanad[]): Bolagsresultat | null {
  const aret = manader.filter((m) => m.manad >= 1 && m.manad <= 12);
  if (!aret.some((m) => m.manad === 12)) return null;
  const intakterOre = addOre(...aret.map((m) => m.intakterOre));
  const kostnaderOre = addOre(...aret.map((m) => m.kostnaderOre));
  return {
    bolag,
    intakterOre,
    kostnaderOre,
    resultatEfterFinansiellaPosterOre: addOre(intakterOre, -kostnaderOre, ...aret.map((m) => m.finansnettoOre)),
  };
}

export interface KoncerninternPost {
  saljare: Koncerndel;
  kopare: Koncerndel;
  slag: KoncerninterntSlag;
  beloppOre: Ore;
}

export const SAMMANSTALLDA_RADER = [
  { rad: 'verksamhetens-intakter', namn: 'Verksamhetens intäkter' },
  { rad: 'verksamhetens-kostnader', namn: 'Verksamhetens kostnader' },
  { rad: 'skatteintakter-och-statsbidrag', namn: 'Skatteintäkter, generella statsbidrag och utjämning' },
  { rad: 'finansnetto', namn: 'Finansnetto' },
  { rad: 'resultat-efter-finansiella-poster', namn: 'Resultat efter finansiella poster' },
] as const;
export type SammanstalldRadnyckel = (typeof SAMMANSTALLDA_RADER)[number]['rad'];
type Belopprad = Exclude<SammanstalldRadnyckel, 'resultat-efter-finansiella-poster'>;

export interface Sammanstallning {
  rader: {
    rad: SammanstalldRadnyckel;
    namn: string;
    delar: { del: Koncerndel; beloppOre: Ore }[];
    fore: Ore;
    eliminering: Ore;
    sammanstallt: Ore;
  }[];
  elimineringar: (KoncerninternPost & { paverkan: { rad: SammanstalldRadnyckel; del: Koncerndel; beloppOre: Ore }[] })[];
  /** Companies without figures (counted as zero), so the reader knows the sum is not whole. */
  saknas: Bolagskod[];
  varningar: string[];
}

const DELNAMN: Record<Koncerndel, string> = {
  KOMMUN: 'kommunen',
  HSFAB: 'HSFAB',
  HBGHEM: 'Helsingborgshem',
  HAMN: 'Helsingborgs Hamn',
  OKAB: 'Öresundskraft',
  HAS: 'Helsingborg Arena och Scen',
};

/**
 * The sammanställda räkenskaper: the municipality plus each wholly owned company, row by row, minus what the
 * koncern's parts bought from and sold to each other. A sale of rent, energy or services is taken out of the
 * seller's revenue and the buyer's cost; interest out of the lender's financial income and the borrower's
 * financial cost; so an elimination never changes the koncern's result, only what it is made of. Koncernbidrag
 * lie below resultat efter finansiella poster (bokslutsdispositioner) and net to zero there: they are listed
 * with the eliminations and change no row shown.
 */
export function sammanstallKoncern(underlag: {
  kommunen: Kommunensresultat;
  bolag: readonly Bolagsresultat[];
  interna: readonly KoncerninternPost[];
}): Sammanstallning {
  const belopp = new Map<string, Ore>();
  const nyckel = (rad: SammanstalldRadnyckel, del: Koncerndel) => `${rad}:${del}`;
  const satt = (rad: Belopprad, del: Koncerndel, ore: Ore) => belopp.set(nyckel(rad, del), ore);
  const { kommunen } = underlag;
  satt('verksamhetens-intakter', KOMMUNEN, kommunen.verksamhetensIntakterOre);
  satt('verksamhetens-kostnader', KOMMUNEN, -kommunen.verksamhetensKostnaderOre);
  satt('skatteintakter-och-statsbidrag', KOMMUNEN, kommunen.skatteintakterOchStatsbidragOre);
  satt('finansnetto', KOMMUNEN, kommunen.finansnettoOre);
  const saknas: Bolagskod[] = [];
  for (const kod of BOLAGSKODER) {
    const bolag = underlag.bolag.find((b) => b.bolag === kod);
    if (!bolag) saknas.push(kod);
    satt('verksamhetens-intakter', kod, bolag?.intakterOre ?? 0);
    satt('verksamhetens-kostnader', kod, -(bolag?.kostnaderOre ?? 0));
    satt('skatteintakter-och-statsbidrag', kod, 0);
    satt('finansnetto', kod, bolag ? addOre(bolag.resultatEfterFinansiellaPosterOre, -bolag.intakterOre, bolag.kostnaderOre) : 0);
  }

  const varningar: string[] = [];
  const elimineringar = underlag.interna.map((post) => {
    const paverkan: { rad: SammanstalldRadnyckel; del: Koncerndel; beloppOre: Ore }[] =
      post.slag === 'koncernbidrag'
        ? []
        : post.slag === 'ranta'
          ? [
              { rad: 'finansnetto', del: post.saljare, beloppOre: -post.beloppOre },
              { rad: 'finansnetto', del: post.kopare, beloppOre: post.beloppOre },
            ]
          : [
              { rad: 'verksamhetens-intakter', del: post.saljare, beloppOre: -post.beloppOre },
              { rad: 'verksamhetens-kostnader', del: post.kopare, beloppOre: post.beloppOre },
            ];
    return { ...post, paverkan };
  });
  const eliminerat = new Map<string, Ore>();
  for (const { paverkan } of elimineringar)
    for (const p of paverkan) eliminerat.set(nyckel(p.rad, p.del), addOre(eliminerat.get(nyckel(p.rad, p.del)) ?? 0, p.beloppOre));

  // An elimination larger than the part's own revenue or cost means the table and the part's figures disagree.
  for (const del of KONCERNDELAR) {
    if (saknas.includes(del as Bolagskod)) continue;
    const intakter = belopp.get(nyckel('verksamhetens-intakter', del)) ?? 0;
    const bort = -(eliminerat.get(nyckel('verksamhetens-intakter', del)) ?? 0);
    if (bort > intakter) varningar.push(`De koncerninterna försäljningarna från ${DELNAMN[del]} är större än dess verksamhetens intäkter.`);
    const kostnader = -(belopp.get(nyckel('verksamhetens-kostnader', del)) ?? 0);
    const bortKostnad = eliminerat.get(nyckel('verksamhetens-kostnader', del)) ?? 0;
    if (bortKostnad > kostnader) varningar.push(`De koncerninterna köpen av ${DELNAMN[del]} är större än dess verksamhetens kostnader.`);
  }
  for (const kod of saknas)
    if (underlag.interna.some((post) => post.saljare === kod || post.kopare === kod))
      varningar.push(`${DELNAMN[kod]} har koncerninterna belopp men inga siffror: elimineringen av dem gör summan skev.`);

  const rader = SAMMANSTALLDA_RADER.map(({ rad, namn }) => {
    const delar = KONCERNDELAR.map((del) => ({
      del,
      beloppOre:
        rad === 'resultat-efter-finansiella-poster'
          ? addOre(...SAMMANSTALLDA_RADER.filter((r) => r.rad !== rad).map((r) => belopp.get(nyckel(r.rad, del)) ?? 0))
          : (belopp.get(nyckel(rad, del)) ?? 0),
    }));
    const fore = addOre(...delar.map((d) => d.beloppOre));
    const eliminering =
      rad === 'resultat-efter-finansiella-poster'
        ? addOre(...[...eliminerat.values()])
        : addOre(...KONCERNDELAR.map((del) => eliminerat.get(nyckel(rad, del)) ?? 0));
    return { rad, namn, delar, fore, eliminering, sammanstallt: addOre(fore, eliminering) };
  });
  return { rader, elimineringar, saknas, varningar };
}

/** "Hyror från Helsingborgshem till kommunen". */
export function beskrivPost(post: Pick<KoncerninternPost, 'saljare' | 'kopare' | 'slag'>): string {
  return `${KONCERNINTERNA_SLAGNAMN[post.slag]} från ${DELNAMN[post.saljare]} till ${DELNAMN[post.kopare]}`;
}
