import { z } from 'zod';

import { investeringsprojektSchema } from '../dto/budget.js';
import { defineEvent } from '../envelope.js';
import { kontogruppKodSchema } from '../kontogrupper.js';
import { oreSchema } from '../money.js';
import { ansvarKodSchema } from '../organisation.js';
import { arSchema } from '../prognos.js';

export const namndramUppdateradPayloadSchema = z.object({
  ar: arSchema,
  namnd: z.string().min(1),
  /** The nämnd's frame (net cost) after every decision of the year so far: KF's frame plus tilläggsbudgetar. */
  ramOre: oreSchema,
  /** The decision that made this the current frame. */
  versionId: z.string().min(1),
});
export type NamndramUppdateradPayload = z.infer<typeof namndramUppdateradPayloadSchema>;

/** A budget decision changed a nämnd's frame for a year. Carries the whole current frame; keyed by the nämnd. */
export const namndramUppdaterad = defineEvent({
  type: 'budget.namndram-uppdaterad',
  topic: 'tertial.budget.namndram-uppdaterad.v1',
  schemaVersion: 1,
  partitions: 3,
  retention: 'every-event',
  payloadSchema: namndramUppdateradPayloadSchema,
  keyOf: (payload) => payload.namnd,
});

export const ansvarsbudgetUppdateradPayloadSchema = z.object({
  ar: arSchema,
  namnd: z.string().min(1),
  ansvar: ansvarKodSchema,
  /** The internbudget version that now applies to the ansvar. */
  versionId: z.string().min(1),
  /** The ansvar's budget per kontogrupp, shown amounts (revenue and cost both positive); empty when it has none. */
  rader: z.array(z.object({ kontogrupp: kontogruppKodSchema, beloppOre: oreSchema })),
});
export type AnsvarsbudgetUppdateradPayload = z.infer<typeof ansvarsbudgetUppdateradPayloadSchema>;

/**
 * A nämnd decided an internbudget: one event per ansvar of the nämnd with its whole budget for the year, so
 * applying the latest is enough and an ansvar dropped from the distribution learns it has none. Keyed by the ansvar.
 */
export const ansvarsbudgetUppdaterad = defineEvent({
  type: 'budget.ansvarsbudget-uppdaterad',
  topic: 'tertial.budget.ansvarsbudget-uppdaterad.v1',
  schemaVersion: 1,
  partitions: 6,
  retention: 'every-event',
  payloadSchema: ansvarsbudgetUppdateradPayloadSchema,
  keyOf: (payload) => payload.ansvar,
});

/** A project of the investment plan was added or changed; carries the whole project. Keyed by its id. */
export const investeringsprojektUppdaterat = defineEvent({
  type: 'budget.investeringsprojekt-uppdaterat',
  topic: 'tertial.budget.investeringsprojekt-uppdaterat.v1',
  schemaVersion: 1,
  partitions: 3,
  retention: 'every-event',
  payloadSchema: investeringsprojektSchema,
  keyOf: (projekt) => projekt.id,
});

export const verksamhetsbudgetUppdateradPayloadSchema = z.object({
  ar: arSchema,
  namnd: z.string().min(1),
  ansvar: ansvarKodSchema,
  /** `chef`: the chef's own verksamhetsbudget; `standard`: the internbudget spread by last year's pattern (or evenly). */
  kalla: z.enum(['chef', 'standard']),
  /** The internbudget version it adds up to. */
  versionId: z.string().min(1),
  /** Per kontogrupp, twelve months January to December, shown amounts (revenue and cost both positive). */
  rader: z.array(z.object({ kontogrupp: kontogruppKodSchema, manader: z.array(oreSchema).length(12) })),
  /** Budgeted årsarbetare in tenths: the chef's figure, or one estimated from the personnel budget; absent in older events. */
  arsarbetareTiondelar: z.int().nonnegative().nullish(),
});
export type VerksamhetsbudgetUppdateradPayload = z.infer<typeof verksamhetsbudgetUppdateradPayloadSchema>;

/**
 * An ansvar's verksamhetsbudget for a year: the internbudget per kontogrupp and month, as its chef spread it or,
 * where the chef made none, by last year's pattern. Carries the whole year; keyed by the ansvar. The forecast's
 * budget column and the period's budget in the roll-up come from it.
 */
export const verksamhetsbudgetUppdaterad = defineEvent({
  type: 'budget.verksamhetsbudget-uppdaterad',
  topic: 'tertial.budget.verksamhetsbudget-uppdaterad.v1',
  schemaVersion: 1,
  partitions: 6,
  retention: 'every-event',
  payloadSchema: verksamhetsbudgetUppdateradPayloadSchema,
  keyOf: (payload) => payload.ansvar,
});
