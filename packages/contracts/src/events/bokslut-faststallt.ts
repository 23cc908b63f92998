import { z } from 'zod';

import { defineEvent } from '../envelope.js';
import { kontogruppKodSchema } from '../kontogrupper.js';
import { kontoSchema } from '../kontoplan.js';
import { oreSchema } from '../money.js';
import { ansvarKodSchema } from '../organisation.js';
import { arSchema } from '../prognos.js';

export const bokslutFaststalltPayloadSchema = z.object({
  ar: arSchema,
  /** The nämnd whose year this is; closing the year publishes one event per nämnd. */
  namnd: z.string().min(1),
  /** How many nämnder the closed year has in all, so a reader knows when it has the whole city. */
  antalNamnder: z.number().int().min(1),
  faststalltAt: z.iso.datetime({ offset: true }),
  faststalltAv: z.string().min(1),
  /**
   * The nämnd's frozen year, January–December: per ansvar and account, with the ledger's sign (revenue negative,
   * cost positive), and the account's kontogrupp at the time of closing (null for an account without one).
   */
  rader: z.array(
    z.object({ ansvar: ansvarKodSchema, konto: kontoSchema, kontogrupp: kontogruppKodSchema.nullable(), beloppOre: oreSchema }),
  ),
  /** The nämnd's net cost for the year (the sum of `rader`). */
  nettokostnadOre: oreSchema,
});
export type BokslutFaststalltPayload = z.infer<typeof bokslutFaststalltPayloadSchema>;

/**
 * The budget service closed a year (bokslut): each ansvar's utfall for the year is frozen and no later import may
 * change it. One event per nämnd, keyed by the year and nämnd; a redelivery carries the same figures.
 */
export const bokslutFaststallt = defineEvent({
  type: 'budget.bokslut-faststallt',
  topic: 'tertial.budget.bokslut-faststallt.v1',
  schemaVersion: 1,
  partitions: 3,
  retention: 'every-event',
  payloadSchema: bokslutFaststalltPayloadSchema,
  keyOf: (payload) => `${payload.ar}:${payload.namnd}`,
});
