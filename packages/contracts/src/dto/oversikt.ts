import { z } from 'zod';

import { oreSchema } from '../money.js';
import { arSchema } from '../prognos.js';
import { maluppfyllelseOversiktSchema } from './maluppfyllelse-rapport.js';

/** The delårsrapporternas tillfällen, which the consolidated view follows. */
export const OVERSIKT_TILLFALLEN = ['april', 'augusti'] as const;
export const oversiktTillfalleSchema = z.enum(OVERSIKT_TILLFALLEN, { error: () => 'ska vara april eller augusti' });
export type OversiktTillfalle = z.infer<typeof oversiktTillfalleSchema>;

/** The points of the year's trend: the two forecasts and the bokslut. */
export const TRENDPUNKTER = ['april', 'augusti', 'bokslut'] as const;
export type Trendpunkt = (typeof TRENDPUNKTER)[number];

export const trendradSchema = z.object({
  kod: z.string(),
  namn: z.string(),
  /** Net cost at each of `TRENDPUNKTER`: the forecast at the round (kept at its close), then the bokslut; null where there is none. */
  nettokostnadOre: z.array(oreSchema.nullable()).length(TRENDPUNKTER.length),
});

/**
 * From the budgeted result to the forecast result. Each nämnd's step is its avvikelse (a surplus raises the
 * result); `ovrigtOre` is the rest of the difference: taxes, statsbidrag, finance and what is not a nämnd's.
 * The result figures are null when the resultaträkning has no such column yet; then there is no `ovrigtOre`.
 */
export const resultatvagSchema = z.object({
  budgeteratOre: oreSchema.nullable(),
  prognosOre: oreSchema.nullable(),
  steg: z.array(z.object({ kod: z.string(), namn: z.string(), beloppOre: oreSchema })),
  ovrigtOre: oreSchema.nullable(),
});

/**
 * GET /api/report/oversikt?ar=&tillfalle=: the ekonomidirektör's consolidated view of the city at a delårsrapport's
 * round, in one answer: per nämnd budget, utfall and prognos; the walk from the budgeted result to the forecast
 * result, nämnd by nämnd; the trend april → augusti → bokslut; and the grid of goal attainment.
 */
export const oversiktSchema = z.object({
  ar: arSchema,
  tillfalle: oversiktTillfalleSchema,
  namnder: z.array(
    z.object({
      kod: z.string(),
      namn: z.string(),
      budgetOre: oreSchema.nullable(),
      /** Net cost in the period's imported utfall; null before any. */
      utfallOre: oreSchema.nullable(),
      /**
       * The nämnd's whole helårsprognos (`helarsprognosOre` of the totals): the forecasts where they are in, the
       * budget for the rest; the sum of the forecasts where the nämnd has no budget.
       */
      prognosOre: oreSchema,
      /** Budget minus prognos, the roll-up's (see the totals' `avvikelseOre`): positive is a surplus; null before any forecast. */
      avvikelseOre: oreSchema.nullable(),
      antalLamnade: z.number().int().nonnegative(),
      antalAnsvar: z.number().int().nonnegative(),
    }),
  ),
  resultat: resultatvagSchema,
  trend: z.object({
    stad: trendradSchema,
    namnder: z.array(trendradSchema),
  }),
  mal: maluppfyllelseOversiktSchema,
});
export type Oversikt = z.infer<typeof oversiktSchema>;
