import { z } from 'zod';

import { defineEvent } from '../envelope.js';
import { oreSchema } from '../money.js';
import { arSchema } from '../prognos.js';

export const resultatoverforingBeslutadPayloadSchema = z.object({
  /** The closed year whose results are carried over (into the frames of `ar + 1`). */
  ar: arSchema,
  /** The date of KF's decision, `YYYY-MM-DD`. */
  beslutad: z.iso.date(),
  beslutadAv: z.string().min(1),
  /** The tilläggsbudget of `ar + 1` that carries the amounts, or `ingen` when every amount was zero. */
  budgetversion: z.string().min(1),
  /** Per nämnd: the amount the city's rules proposed and the amount KF decided (positive: a surplus carried over). */
  namnder: z
    .array(
      z.object({
        namnd: z.string().min(1),
        forslagOre: oreSchema,
        beslutOre: oreSchema,
        /** Why KF decided otherwise than proposed; null when it followed the proposal. */
        motivering: z.string().nullable(),
      }),
    )
    .min(1),
});
export type ResultatoverforingBeslutadPayload = z.infer<typeof resultatoverforingBeslutadPayloadSchema>;

/**
 * KF decided a closed year's resultatöverföring (once per year; a correction is a tilläggsbudget). Carries the whole
 * decision; keyed by the year, so a redelivery replaces it with the same figures.
 */
export const resultatoverforingBeslutad = defineEvent({
  type: 'budget.resultatoverforing-beslutad',
  topic: 'tertial.budget.resultatoverforing-beslutad.v1',
  schemaVersion: 1,
  partitions: 3,
  retention: 'every-event',
  payloadSchema: resultatoverforingBeslutadPayloadSchema,
  keyOf: (payload) => String(payload.ar),
});
