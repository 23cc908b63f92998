import { z } from 'zod';

import { kontogruppKodSchema } from '../kontogrupper.js';
import { kronorSchema, oreSchema } from '../money.js';
import { ansvarKodSchema } from '../organisation.js';
import { arSchema, prognostillfalleSchema } from '../prognos.js';

/** POST /api/forecast/helarsprognoser: amounts in kronor, revenue and cost both positive. */
export const lamnaHelarsprognosRequestSchema = z.object({
  ansvar: ansvarKodSchema,
  ar: arSchema,
  tillfalle: prognostillfalleSchema,
  rader: z
    .array(z.object({ kontogrupp: kontogruppKodSchema, belopp: kronorSchema.pipe(oreSchema.nonnegative('får inte vara negativt')) }))
    .min(1, 'minst en rad behövs')
    .refine((rader) => new Set(rader.map((rad) => rad.kontogrupp)).size === rader.length, 'varje kontogrupp får förekomma en gång'),
  kommentar: z.string().max(4000).nullish(),
});
export type LamnaHelarsprognosRequest = z.input<typeof lamnaHelarsprognosRequestSchema>;

export const helarsprognosSchema = z.object({
  id: z.uuid(),
  ansvar: ansvarKodSchema,
  ar: arSchema,
  tillfalle: prognostillfalleSchema,
  version: z.number().int().positive(),
  rader: z.array(z.object({ kontogrupp: kontogruppKodSchema, beloppOre: oreSchema })),
  intakterOre: oreSchema,
  kostnaderOre: oreSchema,
  nettokostnadOre: oreSchema,
  kommentar: z.string().nullable(),
  lamnadAt: z.iso.datetime({ offset: true }),
});
export type HelarsprognosDto = z.infer<typeof helarsprognosSchema>;
