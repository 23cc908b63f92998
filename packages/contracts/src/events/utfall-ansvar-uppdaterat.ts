import { z } from 'zod';

import { defineEvent } from '../envelope.js';
import { kontogruppKodSchema } from '../kontogrupper.js';
import { oreSchema } from '../money.js';
import { ansvarKodSchema } from '../organisation.js';
import { arSchema } from '../prognos.js';

export const utfallAnsvarUppdateratPayloadSchema = z.object({
  ar: arSchema,
  ansvar: ansvarKodSchema,
  /** The ansvar's whole utfall so far this year after the import: per month and kontogrupp, shown amounts (revenue and cost both positive). */
  manader: z.array(
    z.object({
      manad: z.number().int().min(1).max(12),
      rader: z.array(
        z.object({
          kontogrupp: kontogruppKodSchema,
          beloppOre: oreSchema,
          /**
           * The part of `beloppOre` booked on the kontoplan's internal accounts (same sign), so the report can estimate
           * the internal part of budget and forecasts from the year's own utfall. Absent in events from before it was
           * published: then the year's utfall says nothing about internal transactions.
           */
          internOre: oreSchema.optional(),
        }),
      ),
    }),
  ),
  importId: z.uuid(),
});
export type UtfallAnsvarUppdateratPayload = z.infer<typeof utfallAnsvarUppdateratPayloadSchema>;

/**
 * An utfall import changed an ansvar's actuals. It carries the ansvar's full year to date, so applying the
 * latest one is enough and a redelivery changes nothing. Keyed by the ansvar.
 */
export const utfallAnsvarUppdaterat = defineEvent({
  type: 'budget.utfall-ansvar-uppdaterat',
  topic: 'tertial.budget.utfall-ansvar-uppdaterat.v1',
  schemaVersion: 1,
  partitions: 6,
  retention: 'every-event',
  payloadSchema: utfallAnsvarUppdateratPayloadSchema,
  keyOf: (payload) => payload.ansvar,
});
