import { z } from 'zod';

import { defineEvent } from '../envelope.js';
import { kontogruppKodSchema } from '../kontogrupper.js';
import { oreSchema } from '../money.js';
import { ansvarKodSchema } from '../organisation.js';
import { arSchema, prognosstatusSchema, prognostillfalleSchema } from '../prognos.js';

const personSchema = z.object({ id: z.string(), namn: z.string() });

export const helarsprognosAndradPayloadSchema = z.object({
  prognosId: z.uuid(),
  ansvar: ansvarKodSchema,
  ar: arSchema,
  tillfalle: prognostillfalleSchema,
  /** The saved version this state belongs to: grows by one with every save (utkast or klarmarkerad). */
  version: z.number().int().positive(),
  /**
   * Grows by one with every change of the ansvar's forecast for the year and tillfälle: a save, klarmarkera,
   * godkänn, återsänd, återöppna. A consumer keeps the state with the highest `andring` and ignores older ones,
   * so redelivery and reordering cannot roll a forecast back.
   */
  andring: z.number().int().positive(),
  status: prognosstatusSchema,
  rader: z.array(z.object({ kontogrupp: kontogruppKodSchema, beloppOre: oreSchema.nonnegative() })).min(1),
  kommentar: z.string().max(4000).nullable(),
  /** The förvaltningsekonom's comment when sending back, or the reason for reopening after close. */
  beslutskommentar: z.string().max(4000).nullable(),
  /** Who made this change, and when. */
  andradAv: personSchema.nullable(),
  andradAt: z.iso.datetime({ offset: true }),
  /** Årsarbetare now and at year end, in tenths; absent or null when the version has none. */
  personal: z.object({ nuTiondelar: z.int().nonnegative(), prognosTiondelar: z.int().nonnegative() }).nullish(),
  /** The year's forecast per investment project the ansvar owns; budget's investment follow-up takes it once marked ready. */
  investeringar: z.array(z.object({ projekt: z.string().min(1), prognosOre: oreSchema.nonnegative() })).optional(),
});
export type HelarsprognosAndradPayload = z.infer<typeof helarsprognosAndradPayloadSchema>;

/**
 * An ansvar's helårsprognos for a year and tillfälle changed: saved (as utkast or klarmarkerad), approved, sent back
 * or reopened. Carries the whole current state, so applying the latest `andring` is enough. Keyed by the ansvar so
 * one ansvar's changes stay in order.
 */
export const helarsprognosAndrad = defineEvent({
  type: 'forecast.helarsprognos-andrad',
  topic: 'tertial.forecast.helarsprognos-andrad.v1',
  schemaVersion: 1,
  partitions: 6,
  retention: 'every-event',
  payloadSchema: helarsprognosAndradPayloadSchema,
  keyOf: (payload) => payload.ansvar,
});
