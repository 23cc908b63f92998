import { z } from 'zod';

import { arSchema } from '../prognos.js';
import { malSchema } from './mal.js';
import { periodSchema } from './nyckeltal.js';

/** The follow-ups of the year at which every mål is assessed: delårsrapport april, augusti, and the year (helår). */
export const UPPFOLJNINGSTILLFALLEN = ['april', 'augusti', 'helar'] as const;
export const uppfoljningstillfalleSchema = z.enum(UPPFOLJNINGSTILLFALLEN, { error: () => 'ska vara april, augusti eller helar' });
export type Uppfoljningstillfalle = z.infer<typeof uppfoljningstillfalleSchema>;

/** The last day of the period a follow-up covers: 30 April, 31 August, 31 December. */
export function uppfoljningensSistaDag(ar: number, tillfalle: Uppfoljningstillfalle): string {
  return `${ar}-${{ april: '04-30', augusti: '08-31', helar: '12-31' }[tillfalle]}`;
}

/** The follow-up before this one: augusti's is april, april's the previous year's helår. */
export function foregaendeUppfoljning(ar: number, tillfalle: Uppfoljningstillfalle): { ar: number; tillfalle: Uppfoljningstillfalle } {
  if (tillfalle === 'april') return { ar: ar - 1, tillfalle: 'helar' };
  return { ar, tillfalle: tillfalle === 'augusti' ? 'april' : 'augusti' };
}

/** Måluppfyllelse: green, yellow, red, or grey when not measured this time. */
export const BEDOMNINGAR = ['uppfyllt', 'delvis-uppfyllt', 'ej-uppfyllt', 'ej-matt'] as const;
export const bedomningSchema = z.enum(BEDOMNINGAR, { error: () => `ska vara en av ${BEDOMNINGAR.join(', ')}` });
export type Bedomning = z.infer<typeof bedomningSchema>;

export const BEDOMNINGSNAMN: Record<Bedomning, string> = {
  uppfyllt: 'Uppfyllt',
  'delvis-uppfyllt': 'Delvis uppfyllt',
  'ej-uppfyllt': 'Ej uppfyllt',
  'ej-matt': 'Ej mätt',
};

/**
 * How a mål measured by several nyckeltal gets one proposal: `samsta` (the worst of the measured ones) or
 * `majoritet` (the most common; a tie goes to the worse). Unmeasured nyckeltal are left out; all unmeasured is ej mätt.
 */
export const SAMMANVAGNINGAR = ['samsta', 'majoritet'] as const;
export const sammanvagningSchema = z.enum(SAMMANVAGNINGAR, { error: () => 'ska vara samsta eller majoritet' });
export type Sammanvagning = z.infer<typeof sammanvagningSchema>;

/**
 * The city's rules for proposing an assessment from the nyckeltal (`GET`/`PUT /api/goals/bedomningsregler`):
 * - uppfyllt when the latest value is at or past the year's target (the mål's final target where the year has
 *   none) in the nyckeltal's direction;
 * - delvis uppfyllt when it has come at least `delvisFranAndel` of the way from the baseline to that target;
 * - else ej uppfyllt;
 * - ej mätt when `ejMattUtanNyttVarde` and no value of the nyckeltal was registered after the previous follow-up.
 */
export const bedomningsreglerSchema = z.object({
  delvisFranAndel: z.number({ error: 'ska vara ett tal' }).gt(0, 'ska vara mer än 0').lt(1, 'ska vara mindre än 1'),
  ejMattUtanNyttVarde: z.boolean(),
  sammanvagning: sammanvagningSchema,
});
export type Bedomningsregler = z.infer<typeof bedomningsreglerSchema>;

export const STANDARDREGLER: Bedomningsregler = { delvisFranAndel: 0.5, ejMattUtanNyttVarde: true, sammanvagning: 'samsta' };

/** One nyckeltal's part of a proposal: what was compared and what it gives. */
export const nyckeltalsforslagSchema = z.object({
  nyckeltal: z.uuid(),
  namn: z.string(),
  bedomning: bedomningSchema,
  senaste: z.object({ period: periodSchema, varde: z.number() }).nullable(),
  utgangsvarde: z.number().nullable(),
  malvarde: z.number().nullable(),
  /** How far from baseline to target the latest value has come (1 = at the target); null when it cannot be said. */
  andelAvVagen: z.number().nullable(),
  forklaring: z.string(),
});
export type Nyckeltalsforslag = z.infer<typeof nyckeltalsforslagSchema>;

/** The service's proposal: the combined assessment (null for a mål followed up by professionell bedömning) and why. */
export const bedomningsforslagSchema = z.object({
  bedomning: bedomningSchema.nullable(),
  sammanvagning: sammanvagningSchema,
  /** Says the rule that combined the nyckeltal, e.g. "Det sämsta av 2 mätta nyckeltal: …". */
  forklaring: z.string(),
  perNyckeltal: z.array(nyckeltalsforslagSchema),
  regler: bedomningsreglerSchema,
  beraknadAt: z.iso.datetime({ offset: true }),
});
export type BedomningsforslagDto = z.infer<typeof bedomningsforslagSchema>;

/**
 * PUT /api/goals/mal/{id}/bedomningar/{ar}/{tillfalle}: the processledare's assessment. The analysis is always
 * required; a `bedomning` other than the proposal's needs a `motivering` (the reason for overriding it).
 */
export const bedomMalRequestSchema = z.object({
  bedomning: bedomningSchema,
  analys: z.string().trim().min(10, 'skriv en analys (minst 10 tecken)').max(8000),
  motivering: z.string().trim().max(4000).nullish(),
});
export type BedomMalRequest = z.input<typeof bedomMalRequestSchema>;

const personSchema = z.object({ id: z.string(), namn: z.string() });

/** A mål's assessment at one follow-up: the proposal and, once made, the processledare's decision. Both are kept. */
export const malbedomningSchema = z.object({
  malId: z.uuid(),
  namnd: z.string(),
  ar: arSchema,
  tillfalle: uppfoljningstillfalleSchema,
  forslag: bedomningsforslagSchema,
  beslut: z
    .object({
      bedomning: bedomningSchema,
      analys: z.string(),
      /** Why the proposal was overridden; null when it was accepted. */
      motivering: z.string().nullable(),
      foljerForslaget: z.boolean(),
      beslutadAv: personSchema,
      beslutadAt: z.iso.datetime({ offset: true }),
    })
    .nullable(),
  /** Grows by one with every new proposal or decision; a consumer keeps the highest. */
  version: z.int().positive(),
});
export type MalbedomningDto = z.infer<typeof malbedomningSchema>;

/**
 * `GET /api/goals/uppfoljning/{ar}/{tillfalle}`: every mål active at the follow-up with its assessment: the stored
 * one, or (`version` 0) the proposal as it would be made now, not yet stored or decided.
 */
export const maluppfoljningSchema = z.object({
  ar: arSchema,
  tillfalle: uppfoljningstillfalleSchema,
  mal: z.array(z.object({ mal: malSchema, bedomning: malbedomningSchema.extend({ version: z.int().nonnegative() }) })),
});
export type MaluppfoljningDto = z.infer<typeof maluppfoljningSchema>;
