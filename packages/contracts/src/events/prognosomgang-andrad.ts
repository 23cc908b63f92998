import { z } from 'zod';

import { defineEvent } from '../envelope.js';
import { arSchema, prognosomgangTypSchema, prognostillfalleSchema } from '../prognos.js';

export const prognosomgangAndradPayloadSchema = z.object({
  ar: arSchema,
  tillfalle: prognostillfalleSchema,
  /** `ordinarie` (april, augusti: every nämnd) or `manadsprognos` (an extra round for chosen nämnder). */
  typ: prognosomgangTypSchema,
  status: z.enum(['oppen', 'stangd']),
  /** When forecasts are due (date and time, with offset). */
  deadline: z.iso.datetime({ offset: true }),
  /** The utfall period the round builds on: January up to and including this month (april: 4, augusti: 8). */
  utfallTomManad: z.number().int().min(1).max(12),
  /** The nämnder a månadsprognos is for; null for an ordinary round (every nämnd). */
  namnder: z.array(z.string().min(1)).nullable(),
  /** Grows by one with every change of the round; a consumer keeps the highest. */
  andring: z.number().int().positive(),
  andradAt: z.iso.datetime({ offset: true }),
});
export type PrognosomgangAndradPayload = z.infer<typeof prognosomgangAndradPayloadSchema>;

/** The ekonomidirektör opened, extended, closed or reopened a forecast round. Carries the whole round. */
export const prognosomgangAndrad = defineEvent({
  type: 'forecast.prognosomgang-andrad',
  topic: 'tertial.forecast.prognosomgang-andrad.v1',
  schemaVersion: 1,
  partitions: 1,
  retention: 'every-event',
  payloadSchema: prognosomgangAndradPayloadSchema,
  keyOf: (payload) => `${payload.ar}-${payload.tillfalle}`,
});
