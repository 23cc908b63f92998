import { z } from 'zod';

import { koladaJamforelseSchema } from '../dto/kolada.js';
import { inriktningSchema, malversionSchema } from '../dto/mal.js';
import { malbedomningSchema } from '../dto/maluppfyllelse.js';
import { koladaKpiSchema, matvardeSchema, nyckeltalSchema } from '../dto/nyckeltal.js';
import { defineEvent } from '../envelope.js';

/** An inriktning (the city's, a nämnd's or a bolag's) was set or changed by KF. Carries the whole inriktning; keyed by its id. */
export const inriktningUppdaterad = defineEvent({
  type: 'goal.inriktning-uppdaterad',
  topic: 'tertial.goal.inriktning-uppdaterad.v1',
  schemaVersion: 1,
  partitions: 1,
  retention: 'every-event',
  payloadSchema: inriktningSchema,
  keyOf: (inriktning) => inriktning.id,
});

/**
 * A mål was added, changed or ended (`handling`): the whole new version. Keyed by the nämnd (or bolag), so a
 * nämnd's mål stay in order; a consumer keeps the highest `version` of each mål.
 */
export const malUppdaterat = defineEvent({
  type: 'goal.mal-uppdaterat',
  topic: 'tertial.goal.mal-uppdaterat.v1',
  schemaVersion: 1,
  partitions: 3,
  retention: 'every-event',
  payloadSchema: malversionSchema,
  keyOf: (mal) => mal.namnd,
});

/** A nyckeltal of the catalogue was added or changed (definition, baseline, targets). Whole; keyed by its id. */
export const nyckeltalUppdaterat = defineEvent({
  type: 'goal.nyckeltal-uppdaterat',
  topic: 'tertial.goal.nyckeltal-uppdaterat.v1',
  schemaVersion: 1,
  partitions: 3,
  retention: 'latest-per-key',
  payloadSchema: nyckeltalSchema,
  keyOf: (nyckeltal) => nyckeltal.id,
});

export const matvardenUppdateradePayloadSchema = z.object({
  nyckeltal: z.uuid(),
  koladaKpi: koladaKpiSchema.nullable(),
  /** The nyckeltal's whole series after the change, oldest period first, so applying the latest is enough. */
  matvarden: z.array(matvardeSchema),
});
export type MatvardenUppdateradePayload = z.infer<typeof matvardenUppdateradePayloadSchema>;

/** Measurements of a nyckeltal were entered by hand, imported from CSV or from Kolada. Keyed by the nyckeltal. */
export const matvardenUppdaterade = defineEvent({
  type: 'goal.matvarden-uppdaterade',
  topic: 'tertial.goal.matvarden-uppdaterade.v1',
  schemaVersion: 1,
  partitions: 3,
  retention: 'latest-per-key',
  payloadSchema: matvardenUppdateradePayloadSchema,
  keyOf: (payload) => payload.nyckeltal,
});

/** A Kolada import (or a new comparison group) changed the comparison of a KPI. The whole comparison; keyed by the KPI. */
export const koladaJamforelseUppdaterad = defineEvent({
  type: 'goal.kolada-jamforelse-uppdaterad',
  topic: 'tertial.goal.kolada-jamforelse-uppdaterad.v1',
  schemaVersion: 1,
  partitions: 1,
  retention: 'latest-per-key',
  payloadSchema: koladaJamforelseSchema,
  keyOf: (jamforelse) => jamforelse.kpi,
});

/**
 * A mål's assessment at a follow-up was proposed or decided: proposal and decision together. Keyed by the mål; a
 * consumer keeps the highest `version` of each mål, year and tillfälle.
 */
export const malbedomningUppdaterad = defineEvent({
  type: 'goal.malbedomning-uppdaterad',
  topic: 'tertial.goal.malbedomning-uppdaterad.v1',
  schemaVersion: 1,
  partitions: 3,
  retention: 'every-event',
  payloadSchema: malbedomningSchema,
  keyOf: (bedomning) => bedomning.malId,
});
