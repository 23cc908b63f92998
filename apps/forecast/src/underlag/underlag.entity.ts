import { defineEntity, p } from '@mikro-orm/core';
import type { PrognosRad } from '@tertial/contracts/prognos';

import type { Manadsbudget, Manadsutfall } from './underlagsregler.js';

/**
 * An ansvar's budget for a year per kontogrupp, from its verksamhetsbudget as budget's
 * `verksamhetsbudget-uppdaterad` last carried it: the year per kontogrupp (`rader`) and the same per month
 * (`manader`, twelve amounts per kontogrupp), so the proposal adds the budget of exactly the months that remain.
 */
export const AnsvarsbudgetSchema = defineEntity({
  name: 'Ansvarsbudget',
  tableName: 'ansvarsbudget',
  properties: {
    ansvar: p.string().length(20).primary(),
    ar: p.integer().primary().autoincrement(false),
    namnd: p.string().length(20),
    versionId: p.string().length(200),
    rader: p.json<PrognosRad[]>(),
    /** Per kontogrupp, January to December; null for a budget stored before the verksamhetsbudget. */
    manader: p.json<Manadsbudget[]>().nullable(),
    /** Budgeted årsarbetare in tenths; null for a budget published without them. */
    arsarbetareTiondelar: p.integer().nullable(),
    uppdateradAt: p.datetime(),
  },
});
export class Ansvarsbudget extends AnsvarsbudgetSchema.class {}
AnsvarsbudgetSchema.setClass(Ansvarsbudget);

/** An ansvar's utfall so far in a year per month and kontogrupp, as budget's `utfall-ansvar-uppdaterat` last carried it. */
export const AnsvarsutfallSchema = defineEntity({
  name: 'Ansvarsutfall',
  tableName: 'ansvarsutfall',
  properties: {
    ansvar: p.string().length(20).primary(),
    ar: p.integer().primary().autoincrement(false),
    manader: p.json<Manadsutfall[]>(),
    importId: p.uuid(),
    uppdateradAt: p.datetime(),
  },
});
export class Ansvarsutfall extends AnsvarsutfallSchema.class {}
AnsvarsutfallSchema.setClass(Ansvarsutfall);
