import { defineEntity, p } from '@mikro-orm/core';
import { PROGNOSTILLFALLEN, type PrognosRad } from '@tertial/contracts';

/**
 * One submitted helårsprognos. A new submission for the same ansvar, year and tillfälle is a new version;
 * earlier versions are kept, never edited.
 */
export const HelarsprognosSchema = defineEntity({
  name: 'Helarsprognos',
  tableName: 'helarsprognos',
  properties: {
    id: p.uuid().primary(),
    ansvar: p.string().length(20),
    ar: p.integer(),
    tillfalle: p.enum(PROGNOSTILLFALLEN),
    version: p.integer(),
    rader: p.json<PrognosRad[]>(),
    intakterOre: p.bigint('number'),
    kostnaderOre: p.bigint('number'),
    nettokostnadOre: p.bigint('number'),
    kommentar: p.text().nullable(),
    lamnadAt: p.datetime(),
    correlationId: p.string().length(100),
  },
  uniques: [{ properties: ['ansvar', 'ar', 'tillfalle', 'version'] }],
});
export class Helarsprognos extends HelarsprognosSchema.class {}
HelarsprognosSchema.setClass(Helarsprognos);
