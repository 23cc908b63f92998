import { defineEntity, p } from '@mikro-orm/core';
import { PROGNOSSTATUSAR, PROGNOSTILLFALLEN } from '@tertial/contracts/prognos';

/**
 * The current state of one ansvar's helårsprognos for a year and tillfälle, as far as the report service has heard:
 * the change with the highest `andring` the forecast service published, whatever its status. Only a klarmarkerad or
 * godkänd one counts in the prognos; the others count in the progress.
 */
export const AnsvarHelarsprognosSchema = defineEntity({
  name: 'AnsvarHelarsprognos',
  tableName: 'ansvar_helarsprognos',
  properties: {
    ansvar: p.string().length(20).primary(),
    ar: p.integer().primary().autoincrement(false),
    tillfalle: p.enum(PROGNOSTILLFALLEN).primary(),
    prognosId: p.uuid(),
    version: p.integer(),
    andring: p.integer(),
    status: p.enum(PROGNOSSTATUSAR),
    intakterOre: p.bigint('number'),
    kostnaderOre: p.bigint('number'),
    nettokostnadOre: p.bigint('number'),
    /** The chef's comment on the forecast's deviation (the report's comments on deviations); null without one. */
    kommentar: p.text().nullable(),
    andradAt: p.datetime(),
    appliedAt: p.datetime(),
  },
});
export class AnsvarHelarsprognos extends AnsvarHelarsprognosSchema.class {}
AnsvarHelarsprognosSchema.setClass(AnsvarHelarsprognos);
