import { defineEntity, p } from '@mikro-orm/core';
import { HELARSPROGNOS_STATUSAR, PROGNOSOMGANG_STATUSAR } from '@tertial/contracts/dto';
import { PROGNOSTILLFALLEN, type PrognosRad } from '@tertial/contracts/prognos';

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
    lamnadAvId: p.string().length(200).nullable(),
    lamnadAvNamn: p.string().length(200).nullable(),
    /** inlamnad → godkand or aterskickad, by the förvaltningsekonom; a new version starts over as inlamnad. */
    status: p.enum(HELARSPROGNOS_STATUSAR).default('inlamnad'),
    granskadAvId: p.string().length(200).nullable(),
    granskadAvNamn: p.string().length(200).nullable(),
    granskadAt: p.datetime().nullable(),
    granskningskommentar: p.text().nullable(),
    correlationId: p.string().length(100),
  },
  uniques: [{ properties: ['ansvar', 'ar', 'tillfalle', 'version'] }],
});
export class Helarsprognos extends HelarsprognosSchema.class {}
HelarsprognosSchema.setClass(Helarsprognos);

/** A forecast round: forecasts for a year's tillfälle can be submitted while it is open. */
export const PrognosomgangSchema = defineEntity({
  name: 'Prognosomgang',
  tableName: 'prognosomgang',
  properties: {
    ar: p.integer().primary().autoincrement(false),
    tillfalle: p.enum(PROGNOSTILLFALLEN).primary(),
    status: p.enum(PROGNOSOMGANG_STATUSAR),
    oppnadAt: p.datetime(),
    stangdAt: p.datetime().nullable(),
  },
});
export class Prognosomgang extends PrognosomgangSchema.class {}
PrognosomgangSchema.setClass(Prognosomgang);
