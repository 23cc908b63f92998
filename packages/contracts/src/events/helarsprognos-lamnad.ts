import { z } from 'zod';

import { defineEvent } from '../envelope.js';
import { kontogruppKodSchema } from '../kontogrupper.js';
import { oreSchema } from '../money.js';
import { ansvarKodSchema } from '../organisation.js';
import { arSchema, prognostillfalleSchema } from '../prognos.js';

export const helarsprognosLamnadPayloadSchema = z.object({
  prognosId: z.uuid(),
  ansvar: ansvarKodSchema,
  ar: arSchema,
  tillfalle: prognostillfalleSchema,
  /** Grows by one with every new forecast for the same ansvar, year and tillfälle; the highest is current. */
  version: z.number().int().positive(),
  rader: z.array(z.object({ kontogrupp: kontogruppKodSchema, beloppOre: oreSchema.nonnegative() })).min(1),
  kommentar: z.string().max(4000).nullable(),
  lamnadAt: z.iso.datetime({ offset: true }),
});
export type HelarsprognosLamnadPayload = z.infer<typeof helarsprognosLamnadPayloadSchema>;

/** A chef has submitted a helårsprognos for an ansvar. Keyed by the ansvar so one ansvar's versions stay in order. */
export const helarsprognosLamnad = defineEvent({
  type: 'forecast.helarsprognos-lamnad',
  topic: 'tertial.forecast.helarsprognos-lamnad.v1',
  schemaVersion: 1,
  partitions: 6,
  payloadSchema: helarsprognosLamnadPayloadSchema,
  keyOf: (payload) => payload.ansvar,
});
