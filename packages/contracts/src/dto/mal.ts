import { z } from 'zod';

import { arSchema } from '../prognos.js';

/** KF gives each nämnd at most three mål per year. */
export const MAX_MAL_PER_NAMND_OCH_AR = 3;

/** Whether a higher or a lower value of a nyckeltal is better. */
export const NYCKELTAL_RIKTNINGAR = ['hogre-ar-battre', 'lagre-ar-battre'] as const;
export const nyckeltalRiktningSchema = z.enum(NYCKELTAL_RIKTNINGAR);
export type NyckeltalRiktning = z.infer<typeof nyckeltalRiktningSchema>;

export const nyckeltalSchema = z.object({
  namn: z.string().min(1).max(200),
  enhet: z.string().min(1).max(40),
  utgangsvarde: z.number().finite(),
  malvarde: z.number().finite(),
  riktning: nyckeltalRiktningSchema,
});

/** POST /api/goals/mal */
export const skapaMalRequestSchema = z.object({
  namnd: z.string().min(1).max(20),
  ar: arSchema,
  text: z.string().trim().min(5, 'målet behöver en text').max(1000),
  nyckeltal: nyckeltalSchema.nullish(),
});
export type SkapaMalRequest = z.input<typeof skapaMalRequestSchema>;

export const malSchema = z.object({
  id: z.uuid(),
  namnd: z.string(),
  ar: arSchema,
  text: z.string(),
  nyckeltal: nyckeltalSchema.nullable(),
});
export type MalDto = z.infer<typeof malSchema>;
