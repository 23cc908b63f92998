import { z } from 'zod';

import { bolagskodSchema, bolagssiffrorSchema } from '../dto/koncern.js';
import { defineEvent } from '../envelope.js';
import { oreSchema } from '../money.js';
import { arSchema, prognostillfalleSchema } from '../prognos.js';

const andradSchema = {
  kommentar: z.string(),
  version: z.number().int().positive(),
  andradAv: z.string(),
  andradAt: z.iso.datetime({ offset: true }),
};

export const bolagsbudgetUppdateradPayloadSchema = bolagssiffrorSchema.extend({ bolag: bolagskodSchema, ar: arSchema, ...andradSchema });
export type BolagsbudgetUppdateradPayload = z.infer<typeof bolagsbudgetUppdateradPayloadSchema>;

/** The budget service stored a company's budget for a year (from its affärsplan); the whole budget, each time. */
export const bolagsbudgetUppdaterad = defineEvent({
  type: 'budget.bolagsbudget-uppdaterad',
  topic: 'tertial.budget.bolagsbudget-uppdaterad.v1',
  schemaVersion: 1,
  partitions: 1,
  retention: 'every-event',
  payloadSchema: bolagsbudgetUppdateradPayloadSchema,
  keyOf: (payload) => `${payload.bolag}:${payload.ar}`,
});

export const bolagsutfallUppdateratPayloadSchema = z.object({
  bolag: bolagskodSchema,
  ar: arSchema,
  importId: z.string(),
  /**
   * The company's year to date per month, mapped from its BAS ledger by account class: revenue and cost positive,
   * finansnetto with its sign (positive is a net income), investments as the month's additions to fixed assets.
   */
  manader: z.array(
    z.object({
      manad: z.number().int().min(1).max(12),
      intakterOre: oreSchema,
      kostnaderOre: oreSchema,
      finansnettoOre: oreSchema,
      investeringarOre: oreSchema,
    }),
  ),
});
export type BolagsutfallUppdateratPayload = z.infer<typeof bolagsutfallUppdateratPayloadSchema>;

/** The budget service imported a company's SIE file: the company's whole year to date, each time. */
export const bolagsutfallUppdaterat = defineEvent({
  type: 'budget.bolagsutfall-uppdaterat',
  topic: 'tertial.budget.bolagsutfall-uppdaterat.v1',
  schemaVersion: 1,
  partitions: 1,
  retention: 'every-event',
  payloadSchema: bolagsutfallUppdateratPayloadSchema,
  keyOf: (payload) => `${payload.bolag}:${payload.ar}`,
});

export const bolagsprognosAndradPayloadSchema = bolagssiffrorSchema.extend({
  bolag: bolagskodSchema,
  ar: arSchema,
  tillfalle: prognostillfalleSchema,
  ...andradSchema,
});
export type BolagsprognosAndradPayload = z.infer<typeof bolagsprognosAndradPayloadSchema>;

/** The forecast service stored a company's full-year forecast in a round, as its ekonomichef entered it. */
export const bolagsprognosAndrad = defineEvent({
  type: 'forecast.bolagsprognos-andrad',
  topic: 'tertial.forecast.bolagsprognos-andrad.v1',
  schemaVersion: 1,
  partitions: 1,
  retention: 'every-event',
  payloadSchema: bolagsprognosAndradPayloadSchema,
  keyOf: (payload) => `${payload.bolag}:${payload.ar}:${payload.tillfalle}`,
});
