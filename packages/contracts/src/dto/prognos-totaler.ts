import { z } from 'zod';

import { oreSchema } from '../money.js';
import { arSchema, prognostillfalleSchema } from '../prognos.js';

export const summaSchema = z.object({
  intakterOre: oreSchema,
  kostnaderOre: oreSchema,
  /** Cost minus revenue. */
  nettokostnadOre: oreSchema,
  /** How many ansvar have a forecast in this total, out of how many exist below it. */
  antalLamnade: z.number().int().nonnegative(),
  antalAnsvar: z.number().int().nonnegative(),
  /** The year's budget (net cost): the nämnd's current frame after KF's decision and tilläggsbudgetar; the city's is their sum. Null until the report service has heard of one. */
  budgetOre: oreSchema.nullable(),
  /** Net cost in the imported utfall of the forecast's period (cost minus revenue): to April for April's; null before any utfall. */
  utfallOre: oreSchema.nullable(),
  /**
   * Budget minus prognos as the roll-up, the goal grid and the walk to the city's forecast result have it: over the
   * ansvar whose forecast counts, each against its own ansvar's budget; an ansvar without a forecast, and the part of
   * the frame not distributed to any ansvar, count as their budget. Positive is a forecast surplus, negative a
   * deficit; null before the first forecast. (A nämnd none of whose ansvar has a budget in the year has the frame
   * minus the forecasts, once all are in.) The city's is its nämnders' added up.
   */
  avvikelseOre: oreSchema.nullable(),
  /**
   * The nämnd's whole helårsprognos: the budget (frame) minus the avvikelse, so the forecasts where they are in and
   * the budget for the rest. What the resultaträkning's round column and the reports to KF take; null without both.
   */
  helarsprognosOre: oreSchema.nullable(),
});
export type Summa = z.infer<typeof summaSchema>;

/** GET /api/report/prognos-totaler: the current helårsprognos per nämnd and for the city. */
export const prognosTotalerSchema = z.object({
  ar: arSchema,
  tillfalle: prognostillfalleSchema,
  stad: summaSchema.extend({ kod: z.string(), namn: z.string() }),
  namnder: z.array(summaSchema.extend({ kod: z.string(), namn: z.string() })),
  /** The last month with imported utfall within the forecast's period (April at most for April's); null before any. */
  utfallTillManad: z.number().int().min(1).max(12).nullable(),
  /** When the report service last applied a forecast for this year and tillfälle; null before the first. */
  senastUppdaterad: z.iso.datetime({ offset: true }).nullable(),
});
export type PrognosTotaler = z.infer<typeof prognosTotalerSchema>;

/** What the report service's server-sent event stream says when totals change. */
export const totalerAndradeSchema = z.object({ ar: arSchema, tillfalle: prognostillfalleSchema, senastUppdaterad: z.string() });
export type TotalerAndrade = z.infer<typeof totalerAndradeSchema>;

/** A report is a draft (`utkast`) until the ekonomidirektör fixes it (`faststalld`); then it never changes. */
export const RAPPORT_STATUSAR = ['utkast', 'faststalld'] as const;
export const rapportStatusSchema = z.enum(RAPPORT_STATUSAR);
export type RapportStatus = z.infer<typeof rapportStatusSchema>;

/** A report to kommunfullmäktige: the forecast totals as drafted, then fixed (fastställd) by the ekonomidirektör. */
export const rapportSchema = z.object({
  id: z.uuid(),
  ar: arSchema,
  tillfalle: prognostillfalleSchema,
  titel: z.string(),
  status: rapportStatusSchema,
  skapadAt: z.iso.datetime({ offset: true }),
  faststalldAt: z.iso.datetime({ offset: true }).nullable(),
  innehall: prognosTotalerSchema,
});
export type RapportDto = z.infer<typeof rapportSchema>;

/** POST /api/report/rapporter: drafts a report from the current totals of a year's tillfälle. */
export const skapaRapportRequestSchema = z.object({
  ar: arSchema,
  tillfalle: prognostillfalleSchema,
  titel: z.string().trim().min(3, 'rapporten behöver en titel').max(200),
});
