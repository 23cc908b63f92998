import { z } from 'zod';

import { defineEvent } from '../envelope.js';
import { internKontointervallSchema } from '../kontoplan.js';

export const kontoplanUppdateradPayloadSchema = z.object({
  /** Every range of internal accounts the kontoplan has now: the whole table each time (it may be empty). */
  interna: z.array(internKontointervallSchema),
  andradAt: z.iso.datetime({ offset: true }),
  andradAv: z.string().min(1),
});
export type KontoplanUppdateradPayload = z.infer<typeof kontoplanUppdateradPayloadSchema>;

/**
 * The budget service's kontoplan changed which accounts are internal (or a new city got its first table). One key,
 * so the changes arrive in order; each carries the whole table, so a redelivery or the latest one is the truth.
 */
export const kontoplanUppdaterad = defineEvent({
  type: 'budget.kontoplan-uppdaterad',
  topic: 'tertial.budget.kontoplan-uppdaterad.v1',
  schemaVersion: 1,
  partitions: 1,
  retention: 'every-event',
  payloadSchema: kontoplanUppdateradPayloadSchema,
  keyOf: () => 'kontoplan',
});
