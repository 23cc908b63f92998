import { z } from 'zod';

import { arSchema } from '../prognos.js';

/** KF gives each nämnd (and each bolag through its ägardirektiv) at most three active mål at a time. */
export const MAX_AKTIVA_MAL = 3;
/** @deprecated the limit is on active mål, whatever their year: `MAX_AKTIVA_MAL`. */
export const MAX_MAL_PER_NAMND_OCH_AR = MAX_AKTIVA_MAL;

/**
 * The city's wholly owned companies, followed up beside the nämnder and steered by KF's ägardirektiv (with
 * inriktning and mål). A mål's or inriktning's `namnd` is one of these kods for a bolag.
 */
export const KONCERNBOLAG = [
  { kod: 'HSFAB', namn: 'Helsingborgs Stadshus AB' },
  { kod: 'HBGHEM', namn: 'AB Helsingborgshem' },
  { kod: 'HAMN', namn: 'Helsingborgs Hamn AB' },
  { kod: 'OKAB', namn: 'Öresundskraft AB' },
  { kod: 'HAS', namn: 'Helsingborg Arena och Scen AB' },
] as const;
export type Koncernbolag = (typeof KONCERNBOLAG)[number];
export const arKoncernbolag = (kod: string): boolean => KONCERNBOLAG.some((bolag) => bolag.kod === kod);

/** Whom a mål or an inriktning is for: a nämnd, or a bolag through its ägardirektiv. */
export const MALAGARTYPER = ['namnd', 'bolag'] as const;
export const malagartypSchema = z.enum(MALAGARTYPER);
export type Malagartyp = z.infer<typeof malagartypSchema>;

/** A decision of kommunfullmäktige: its date and, optionally, its paragraph or diarienummer. */
export const kfBeslutSchema = z.object({
  datum: z.iso.date({ error: 'ska vara ett datum ÅÅÅÅ-MM-DD' }),
  paragraf: z.string().trim().max(60).nullish(),
});
export type KfBeslut = z.infer<typeof kfBeslutSchema>;

const personSchema = z.object({ id: z.string(), namn: z.string() });

const nyckeltalIds = z.array(z.uuid({ error: 'ska vara ett nyckeltals id' })).max(10);

function matbartEllerBedomt(
  mal: { nyckeltal?: readonly string[] | undefined; professionellBedomning?: boolean | undefined },
  ctx: z.RefinementCtx,
) {
  const antal = mal.nyckeltal?.length ?? 0;
  if (antal === 0 && !mal.professionellBedomning)
    ctx.addIssue({
      code: 'custom',
      path: ['nyckeltal'],
      message: 'ett mål mäts med minst ett nyckeltal eller följs upp med professionell bedömning',
    });
  if (new Set(mal.nyckeltal ?? []).size !== antal)
    ctx.addIssue({ code: 'custom', path: ['nyckeltal'], message: 'samma nyckeltal två gånger' });
}

/**
 * POST /api/goals/mal: a mål KF has decided for a nämnd or bolag. `ar` is the year it must be reached (not in the
 * past). It is measured by the nyckeltal named (ids from the catalogue), or followed up with professionell bedömning.
 */
export const skapaMalRequestSchema = z
  .object({
    namnd: z.string().trim().min(1, 'ange nämnd eller bolag').max(20),
    ar: arSchema,
    text: z.string().trim().min(5, 'målet behöver en text').max(1000),
    nyckeltal: nyckeltalIds.default([]),
    professionellBedomning: z.boolean().default(false),
    beslut: kfBeslutSchema,
  })
  .superRefine(matbartEllerBedomt);
export type SkapaMalRequest = z.input<typeof skapaMalRequestSchema>;

/**
 * PUT /api/goals/mal/{id}: KF changed the mål. The whole new version, with the decision, and the `version` it
 * changes (a stale one is 409, so two changes cannot silently overwrite each other).
 */
export const andraMalRequestSchema = z
  .object({
    version: z.int().positive(),
    ar: arSchema,
    text: z.string().trim().min(5, 'målet behöver en text').max(1000),
    nyckeltal: nyckeltalIds.default([]),
    professionellBedomning: z.boolean().default(false),
    beslut: kfBeslutSchema,
  })
  .superRefine(matbartEllerBedomt);
export type AndraMalRequest = z.input<typeof andraMalRequestSchema>;

/** POST /api/goals/mal/{id}/avsluta: KF ended the mål (reached, replaced or dropped); it stops counting towards the three. */
export const avslutaMalRequestSchema = z.object({
  version: z.int().positive(),
  beslut: kfBeslutSchema,
  motivering: z.string().trim().max(2000).nullish(),
});
export type AvslutaMalRequest = z.input<typeof avslutaMalRequestSchema>;

export const MALSTATUSAR = ['aktivt', 'avslutat'] as const;
export const malstatusSchema = z.enum(MALSTATUSAR);
export type Malstatus = z.infer<typeof malstatusSchema>;

export const malSchema = z.object({
  id: z.uuid(),
  /** The nämnd's kod, or the bolag's (`agartyp`). */
  namnd: z.string(),
  agartyp: malagartypSchema,
  /** The year the mål must be reached. */
  ar: arSchema,
  text: z.string(),
  /** The nyckeltal it is measured by, in the order KF gave them; empty when followed up with professionell bedömning. */
  nyckeltal: z.array(z.uuid()),
  professionellBedomning: z.boolean(),
  status: malstatusSchema,
  /** Grows by one with every change (skapat, ändrat, avslutat); each is kept in the mål's history. */
  version: z.int().positive(),
  /** The KF decision of the current version. */
  beslut: kfBeslutSchema,
  /** The decision that ended it, and why; null while active. */
  avslutat: z.object({ beslut: kfBeslutSchema, motivering: z.string().nullable() }).nullable(),
  andradAv: personSchema,
  andradAt: z.iso.datetime({ offset: true }),
});
export type MalDto = z.infer<typeof malSchema>;

export const MALHANDLINGAR = ['skapat', 'andrat', 'avslutat'] as const;

/** One version of a mål as `GET /api/goals/mal/{id}/versioner` lists them, oldest first: the audit trail. */
export const malversionSchema = malSchema.extend({ handling: z.enum(MALHANDLINGAR) });
export type MalversionDto = z.infer<typeof malversionSchema>;

/** An inriktning is the city's (kommunövergripande), a nämnd's or a bolag's. */
export const INRIKTNINGSNIVAER = ['stad', 'namnd', 'bolag'] as const;
export const inriktningsnivaSchema = z.enum(INRIKTNINGSNIVAER);
export type Inriktningsniva = z.infer<typeof inriktningsnivaSchema>;

/** A mandate period: four years from the year after the election, e.g. 2023–2026. */
export const mandatperiodSchema = z
  .object({ franAr: arSchema, tillAr: arSchema })
  .refine((period) => period.tillAr >= period.franAr && period.tillAr - period.franAr <= 3, {
    path: ['tillAr'],
    message: 'en mandatperiod är ett till fyra år',
  });
export type Mandatperiod = z.infer<typeof mandatperiodSchema>;

const inriktningFalt = {
  rubrik: z.string().trim().min(3, 'inriktningen behöver en rubrik').max(200),
  text: z.string().trim().min(5, 'inriktningen behöver en text').max(4000),
  mandatperiod: mandatperiodSchema,
  /** The nyckeltal it is followed with (never given targets here). */
  nyckeltal: nyckeltalIds.default([]),
  beslut: kfBeslutSchema,
};

/**
 * POST /api/goals/inriktningar: a direction KF has set for the mandate period: the city's (`niva: stad`, no
 * `namnd`), or a nämnd's or bolag's (`namnd` its kod).
 */
export const skapaInriktningRequestSchema = z
  .object({ niva: inriktningsnivaSchema, namnd: z.string().trim().min(1).max(20).nullish(), ...inriktningFalt })
  .superRefine((inriktning, ctx) => {
    if (inriktning.niva === 'stad' && inriktning.namnd)
      ctx.addIssue({ code: 'custom', path: ['namnd'], message: 'en kommunövergripande inriktning har ingen nämnd' });
    if (inriktning.niva !== 'stad' && !inriktning.namnd)
      ctx.addIssue({ code: 'custom', path: ['namnd'], message: 'ange nämnd eller bolag' });
  });
export type SkapaInriktningRequest = z.input<typeof skapaInriktningRequestSchema>;

/** PUT /api/goals/inriktningar/{id}: KF changed it; the `version` it changes. */
export const andraInriktningRequestSchema = z.object({ version: z.int().positive(), ...inriktningFalt });
export type AndraInriktningRequest = z.input<typeof andraInriktningRequestSchema>;

export const inriktningSchema = z.object({
  id: z.uuid(),
  niva: inriktningsnivaSchema,
  /** The nämnd's or bolag's kod; null for the city's. */
  namnd: z.string().nullable(),
  rubrik: z.string(),
  text: z.string(),
  mandatperiod: z.object({ franAr: arSchema, tillAr: arSchema }),
  nyckeltal: z.array(z.uuid()),
  beslut: kfBeslutSchema,
  version: z.int().positive(),
  andradAv: personSchema,
  andradAt: z.iso.datetime({ offset: true }),
});
export type InriktningDto = z.infer<typeof inriktningSchema>;
