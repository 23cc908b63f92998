import { defineEntity, p } from '@mikro-orm/core';
import { PROGNOSTILLFALLEN } from '@tertial/contracts/prognos';

/**
 * A nämnd's forecast as its round closed: the frame and the forecast net cost then. Kept at every close (a reopened
 * and closed again round replaces it), so later frames and forecasts do not change what the round said.
 */
export const OmgangsprognosSchema = defineEntity({
  name: 'Omgangsprognos',
  tableName: 'omgangsprognos',
  properties: {
    ar: p.integer().primary().autoincrement(false),
    tillfalle: p.enum(PROGNOSTILLFALLEN).primary(),
    namnd: p.string().length(20).primary(),
    namn: p.string().length(200),
    budgetOre: p.bigint('number'),
    prognosOre: p.bigint('number'),
    /** How many of the nämnd's ansvar had a forecast that counted, out of how many. */
    antalLamnade: p.integer(),
    antalAnsvar: p.integer(),
    stangdAt: p.datetime(),
  },
});
export class Omgangsprognos extends OmgangsprognosSchema.class {}
OmgangsprognosSchema.setClass(Omgangsprognos);

/** A nämnd's closed year from the budget service's `budget.bokslut-faststallt`: its net cost. */
export const NamndBokslutSchema = defineEntity({
  name: 'NamndBokslut',
  tableName: 'namnd_bokslut',
  properties: {
    ar: p.integer().primary().autoincrement(false),
    namnd: p.string().length(20).primary(),
    nettokostnadOre: p.bigint('number'),
    antalNamnder: p.integer(),
    faststalltAt: p.datetime(),
  },
});
export class NamndBokslut extends NamndBokslutSchema.class {}
NamndBokslutSchema.setClass(NamndBokslut);
