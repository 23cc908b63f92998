import { z } from 'zod';

import { kronorSchema, oreSchema } from '../money.js';
import { arSchema, prognostillfalleSchema } from '../prognos.js';
import { KONCERNBOLAG } from './mal.js';

/** A wholly owned company's kod (HSFAB, HBGHEM, HAMN, OKAB, HAS). */
export const BOLAGSKODER = KONCERNBOLAG.map((bolag) => bolag.kod) as [Bolagskod, ...Bolagskod[]];
export type Bolagskod = (typeof KONCERNBOLAG)[number]['kod'];
export const bolagskodSchema = z.enum(BOLAGSKODER, { error: () => `ska vara ett av bolagen ${BOLAGSKODER.join(', ')}` });

/**
 * Each company's organisationsnummer, by which the utfall import knows a company's SIE file (`#ORGNR`) from the
 * city's. The demo city's companies; a city of its own sets its companies here.
 */
export const BOLAGENS_ORGANISATIONSNUMMER: Readonly<Record<Bolagskod, string>> = {
  HSFAB: '556487-0071',
  HBGHEM: '556030-1281',
  HAMN: '556008-8718',
  OKAB: '556417-0800',
  HAS: '556733-8434',
};

/** The company whose organisationsnummer a file names (digits compared, so `5560301281` matches), or undefined. */
export function bolagForOrganisationsnummer(orgnr: string | null | undefined): Bolagskod | undefined {
  if (!orgnr) return undefined;
  const siffror = orgnr.replace(/\D/g, '');
  return BOLAGSKODER.find((kod) => BOLAGENS_ORGANISATIONSNUMMER[kod].replace(/\D/g, '') === siffror);
}

/** The parts of the kommunkoncern: the municipality itself and each company. */
export const KOMMUNEN = 'KOMMUN' as const;
export const KONCERNDELAR = [KOMMUNEN, ...BOLAGSKODER] as const;
export const koncerndelSchema = z.enum(KONCERNDELAR, { error: () => `ska vara ett av ${KONCERNDELAR.join(', ')}` });
export type Koncerndel = z.infer<typeof koncerndelSchema>;

/**
 * A company's figures for a year: revenue and cost both positive, the result after financial items with its sign
 * (positive is a profit) and the year's investments. In öre.
 */
export const bolagssiffrorSchema = z.object({
  intakterOre: oreSchema,
  kostnaderOre: oreSchema,
  resultatEfterFinansiellaPosterOre: oreSchema,
  investeringarOre: oreSchema,
});
export type Bolagssiffror = z.infer<typeof bolagssiffrorSchema>;

const bolagssiffrorRequestShape = {
  intakter: kronorSchema.pipe(z.number().nonnegative('intäkterna anges positiva')),
  kostnader: kronorSchema.pipe(z.number().nonnegative('kostnaderna anges positiva')),
  resultatEfterFinansiellaPoster: kronorSchema,
  investeringar: kronorSchema.pipe(z.number().nonnegative('investeringarna anges positiva')),
  kommentar: z.string().trim().max(4000, 'högst 4 000 tecken').default(''),
};

/** PUT /api/budget/bolag/{bolag}/budget/{ar}: the company's budget for the year, from its affärsplan, in kronor. */
export const bolagsbudgetRequestSchema = z.object(bolagssiffrorRequestShape);

/** PUT /api/forecast/bolagsprognoser/{bolag}/{ar}/{tillfalle}: the company's full-year forecast in a round, in kronor. */
export const bolagsprognosRequestSchema = z.object({
  ...bolagssiffrorRequestShape,
  kommentar: z.string().trim().min(1, 'prognosen behöver en kommentar').max(4000, 'högst 4 000 tecken'),
});

export const bolagsbudgetSchema = bolagssiffrorSchema.extend({
  bolag: bolagskodSchema,
  ar: arSchema,
  kommentar: z.string(),
  version: z.number().int().positive(),
  andradAv: z.string(),
  andradAt: z.iso.datetime({ offset: true }),
});
export type Bolagsbudget = z.infer<typeof bolagsbudgetSchema>;

export const bolagsprognosSchema = bolagsbudgetSchema.extend({ tillfalle: prognostillfalleSchema });
export type Bolagsprognos = z.infer<typeof bolagsprognosSchema>;

/** What an intra-group amount was: the kind decides which rows of the sammanställda räkenskaper it is eliminated from. */
export const KONCERNINTERNA_SLAG = ['hyra', 'energi', 'tjanster', 'ranta', 'koncernbidrag'] as const;
export const koncerninterntSlagSchema = z.enum(KONCERNINTERNA_SLAG, { error: () => `ska vara ett av ${KONCERNINTERNA_SLAG.join(', ')}` });
export type KoncerninterntSlag = z.infer<typeof koncerninterntSlagSchema>;
export const KONCERNINTERNA_SLAGNAMN: Readonly<Record<KoncerninterntSlag, string>> = {
  hyra: 'Hyror',
  energi: 'Energi',
  tjanster: 'Övriga varor och tjänster',
  ranta: 'Räntor',
  koncernbidrag: 'Koncernbidrag',
};

/**
 * One intra-group amount of a year: what one part of the koncern sold to (or, for koncernbidrag and räntor, paid
 * to) another over the whole year, entered or imported by the ekonomidirektör's staff. `saljare` is the one
 * with the revenue (the landlord, the energy company, the lender, the receiver of a koncernbidrag).
 */
export const koncerninterntBeloppRequestSchema = z
  .object({
    ar: arSchema,
    saljare: koncerndelSchema,
    kopare: koncerndelSchema,
    slag: koncerninterntSlagSchema,
    belopp: kronorSchema.pipe(z.number().positive('beloppet ska vara större än noll')),
  })
  .superRefine((post, ctx) => {
    if (post.saljare === post.kopare)
      ctx.addIssue({ code: 'custom', path: ['kopare'], message: 'köparen ska vara en annan del av koncernen än säljaren' });
    if (post.slag === 'koncernbidrag' && (post.saljare === KOMMUNEN || post.kopare === KOMMUNEN))
      ctx.addIssue({ code: 'custom', path: ['slag'], message: 'koncernbidrag lämnas bara mellan bolagen' });
  });

export const koncerninterntBeloppSchema = z.object({
  id: z.string(),
  ar: arSchema,
  saljare: koncerndelSchema,
  kopare: koncerndelSchema,
  slag: koncerninterntSlagSchema,
  beloppOre: oreSchema,
  andradAv: z.string(),
  andradAt: z.iso.datetime({ offset: true }),
});
export type KoncerninterntBelopp = z.infer<typeof koncerninterntBeloppSchema>;

/** One company (or nämnd, or the municipality) beside the others: budget, utfall to date, forecast, avvikelse. */
export const koncernradSchema = z.object({
  kod: z.string(),
  namn: z.string(),
  typ: z.enum(['namnd', 'kommun', 'bolag']),
  /** What the figures are: a nämnd's net cost (avvikelse = budget − prognos) or a company's resultat (avvikelse = prognos − budget). */
  matt: z.enum(['nettokostnad', 'resultat']),
  budgetOre: oreSchema.nullable(),
  utfallOre: oreSchema.nullable(),
  prognosOre: oreSchema.nullable(),
  /** Positive is better than budget: a surplus for a nämnd, a result above budget for a company. */
  avvikelseOre: oreSchema.nullable(),
  bolag: z
    .object({
      budget: bolagssiffrorSchema.nullable(),
      utfall: bolagssiffrorSchema.extend({ tillManad: z.number().int().min(1).max(12) }).nullable(),
      prognos: bolagssiffrorSchema.nullable(),
      kommentar: z.string().nullable(),
      prognosAndradAv: z.string().nullable(),
    })
    .nullable(),
});
export type Koncernrad = z.infer<typeof koncernradSchema>;

/** A row of the sammanställda räkenskaper, in öre with the resultaträkning's signs (revenue positive, cost negative). */
export const sammanstalldRadSchema = z.object({
  rad: z.string(),
  namn: z.string(),
  /** Per part of the koncern, in KONCERNDELAR's order. */
  delar: z.array(z.object({ del: koncerndelSchema, beloppOre: oreSchema })),
  fore: oreSchema,
  eliminering: oreSchema,
  sammanstallt: oreSchema,
});
export const elimineringSchema = z.object({
  /** The year the intra-group amount belongs to. */
  ar: arSchema,
  saljare: koncerndelSchema,
  kopare: koncerndelSchema,
  slag: koncerninterntSlagSchema,
  beloppOre: oreSchema,
  /** Which rows the amount was taken out of, and how much from each (negative lowers the row). */
  paverkan: z.array(z.object({ rad: z.string(), del: koncerndelSchema, beloppOre: oreSchema })),
});

/**
 * GET /api/report/koncern/{ar}/{tillfalle}: the koncern's parts side by side and the sammanställda räkenskaper on the
 * forecast; the årsredovisning asks for the year's (`grund` bokslut). `rader` is empty when the statement cannot be
 * set up (the year has no bokslut yet), and `kommunensKalla` says why.
 */
export const koncernoversiktSchema = z.object({
  ar: arSchema,
  tillfalle: prognostillfalleSchema,
  utfallTillManad: z.number().int().nullable(),
  namnder: z.array(koncernradSchema),
  bolag: z.array(koncernradSchema),
  sammanstallning: z.object({
    /**
     * What the statement is built on: `prognos` the round's forecasts (the koncern page, the delårsrapporter);
     * `bokslut` the year's (the årsredovisning): the municipality's bokslut and the companies' utfall for the year.
     */
    grund: z.enum(['prognos', 'bokslut']),
    /** Where the municipality's figures came from, in a sentence for the reader. */
    kommunensKalla: z.string(),
    /** Where the companies' figures came from, in a sentence for the reader. */
    bolagensKalla: z.string(),
    /** Companies without figures (counted as zero). */
    saknas: z.array(z.string()),
    rader: z.array(sammanstalldRadSchema),
    elimineringar: z.array(elimineringSchema),
    varningar: z.array(z.string()),
  }),
});
export type Koncernoversikt = z.infer<typeof koncernoversiktSchema>;

/** What an import of intra-group amounts read and did (POST /api/report/koncern/interna/import). */
export const koncerninternImportResultatSchema = z.object({
  status: z.enum(['provkord', 'importerad']),
  ar: z.array(arSchema),
  antalRader: z.number().int(),
  ersatta: z.number().int(),
  summaOre: oreSchema,
});
export type KoncerninternImportResultat = z.infer<typeof koncerninternImportResultatSchema>;
