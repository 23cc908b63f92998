import { defineEntity, p } from '@mikro-orm/core';
import { PROGNOSTILLFALLEN } from '@tertial/contracts/prognos';

/** The current helårsprognos of one ansvar for a year and tillfälle, as far as the report service has heard. */
export const AnsvarPrognosSchema = defineEntity({
  name: 'AnsvarPrognos',
  tableName: 'ansvar_prognos',
  properties: {
    ansvar: p.string().length(20).primary(),
    ar: p.integer().primary(),
    tillfalle: p.enum(PROGNOSTILLFALLEN).primary(),
    version: p.integer(),
    prognosId: p.uuid(),
    intakterOre: p.bigint('number'),
    kostnaderOre: p.bigint('number'),
    nettokostnadOre: p.bigint('number'),
    lamnadAt: p.datetime(),
    appliedAt: p.datetime(),
  },
});
export class AnsvarPrognos extends AnsvarPrognosSchema.class {}
AnsvarPrognosSchema.setClass(AnsvarPrognos);
