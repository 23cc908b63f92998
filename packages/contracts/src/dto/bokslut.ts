import { z } from 'zod';

import { kronorSchema, oreSchema } from '../money.js';
import { arSchema, PROGNOSTILLFALLEN } from '../prognos.js';
import { andelSchema, procentsatsSchema, resultatoverforingSchema } from './budget.js';

const namndKodSchema = z.string().trim().min(1, 'nämnden saknas').max(20);
const datumSchema = z.iso.date({ error: 'ska vara ett datum, ÅÅÅÅ-MM-DD' });

// --- Bokslut (budget) -----------------------------------------------------------------------------------

/** POST /api/budget/bokslut — close a year: its utfall is frozen and the year's bokslut published. */
export const bokslutRequestSchema = z.object({ ar: arSchema });

export const bokslutSchema = z.object({
  ar: arSchema,
  faststalltAt: z.string(),
  faststalltAv: z.string(),
  antalNamnder: z.number().int(),
  namnder: z.array(z.object({ namnd: z.string(), budgetOre: oreSchema, nettokostnadOre: oreSchema })),
  nettokostnadOre: oreSchema,
});
export type BokslutDto = z.infer<typeof bokslutSchema>;

/**
 * PUT /api/budget/bokslut/overforingsregler — the city's rules for resultatöverföring: the shares of a surplus and
 * a deficit carried into next year (with an optional cap on a surplus, in percent of the budget), and the nämnder the
 * rules name as exceptions with their own shares and the reason.
 */
export const overforingsreglerRequestSchema = z.object({
  // A PUT replaces the whole rule set: every field is required, so a body missing one is refused, never a reset.
  overskottAndel: andelSchema,
  overskottTakProcentAvBudget: andelSchema.nullable(),
  underskottAndel: andelSchema,
  namndundantag: z.array(
    z.object({
      namnd: namndKodSchema,
      overskottAndel: procentsatsSchema,
      underskottAndel: procentsatsSchema,
      skal: z.string().trim().min(1, 'skälet saknas').max(500),
    }),
  ),
});
export type OverforingsreglerRequest = z.input<typeof overforingsreglerRequestSchema>;

export const overforingsreglerSchema = z.object({
  overskottAndel: z.string(),
  overskottTakProcentAvBudget: z.string().nullable(),
  underskottAndel: z.string(),
  namndundantag: z.array(z.object({ namnd: z.string(), overskottAndel: z.string(), underskottAndel: z.string(), skal: z.string() })),
  andradAt: z.string().nullable(),
  andradAv: z.string().nullable(),
});
export type OverforingsreglerDto = z.infer<typeof overforingsreglerSchema>;

/** POST /api/budget/bokslut/:ar/resultatoverforing — KF's decision per nämnd, amounts in kronor (negative: a deficit carried). */
export const resultatoverforingBeslutRequestSchema = z.object({
  beslutad: datumSchema,
  namnder: z
    .array(
      z.object({
        namnd: namndKodSchema,
        belopp: kronorSchema.pipe(oreSchema),
        /** Why KF decided otherwise than proposed; required then. */
        motivering: z.string().trim().max(500).optional(),
      }),
    )
    .min(1, 'minst en nämnd behövs'),
});
export type ResultatoverforingBeslutRequest = z.input<typeof resultatoverforingBeslutRequestSchema>;

export const resultatoverforingBeslutSchema = z.object({
  ar: arSchema,
  beslutad: z.string(),
  beslutadAv: z.string(),
  /** The tilläggsbudget of the next year that carries the decided amounts. */
  budgetversion: z.string(),
  namnder: z.array(z.object({ namnd: z.string(), forslagOre: oreSchema, beslutOre: oreSchema, motivering: z.string().nullable() })),
  beslutOre: oreSchema,
});
export type ResultatoverforingBeslutDto = z.infer<typeof resultatoverforingBeslutSchema>;

/** GET /api/budget/bokslut/:ar — the year-end: the bokslut if closed, the proposal under the rules, KF's decision if made. */
export const arsbokslutSchema = z.object({
  ar: arSchema,
  bokslut: bokslutSchema.nullable(),
  regler: overforingsreglerSchema,
  forslag: resultatoverforingSchema,
  beslut: resultatoverforingBeslutSchema.nullable(),
});
export type ArsbokslutDto = z.infer<typeof arsbokslutSchema>;

// --- Prognossäkerhet (report) ---------------------------------------------------------------------------

const prognossakerhetRadSchema = z.object({
  namnd: z.string(),
  namn: z.string(),
  /** The budget (frame) at the round's close and the forecast's net cost then; avvikelse = budget − prognos. */
  prognosBudgetOre: oreSchema,
  prognosOre: oreSchema,
  prognosAvvikelseOre: oreSchema,
  /** The forecast's avvikelse in percent of its budget, one decimal; null without a budget. */
  prognosAvvikelseProcent: z.number().nullable(),
  /** The budget at the bokslut, the year's net cost and their avvikelse; null before the year is closed. */
  bokslutBudgetOre: oreSchema.nullable(),
  bokslutOre: oreSchema.nullable(),
  bokslutAvvikelseOre: oreSchema.nullable(),
  /** The bokslut's avvikelse in percent of its budget, one decimal; null before the close or without a budget. */
  bokslutAvvikelseProcent: z.number().nullable(),
  /** Bokslut avvikelse − forecast avvikelse; negative: the year ended worse than forecast. */
  prognosavvikelseOre: oreSchema.nullable(),
  /** The prognosavvikelse in percent of the bokslut's budget, one decimal; null without a budget. */
  prognosavvikelseProcent: z.number().nullable(),
});
export type PrognossakerhetRad = z.infer<typeof prognossakerhetRadSchema>;

/** GET /api/report/prognossakerhet?ar= — per round, per nämnd and for the city. */
export const prognossakerhetSchema = z.object({
  ar: arSchema,
  bokslutFaststallt: z.boolean(),
  omgangar: z.array(
    z.object({
      tillfalle: z.enum(PROGNOSTILLFALLEN),
      /** When the round closed and its forecasts were kept; null for a round still open (its current forecasts). */
      stangdAt: z.string().nullable(),
      namnder: z.array(prognossakerhetRadSchema),
      stad: prognossakerhetRadSchema,
    }),
  ),
});
export type PrognossakerhetDto = z.infer<typeof prognossakerhetSchema>;
