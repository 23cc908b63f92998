import { defineEntity, p } from '@mikro-orm/core';
import { PERIODISERINGAR } from '@tertial/contracts/dto';

import type { Verksamhetsbudgetrad } from './periodisering.js';

/**
 * A chef's verksamhetsbudget for an ansvar and year: the internbudget spread over kontogrupper and months. The
 * latest save is kept (earlier ones are in the ändringslogg); an ansvar without one has the standard spread.
 */
export const VerksamhetsbudgetSchema = defineEntity({
  name: 'Verksamhetsbudget',
  tableName: 'verksamhetsbudget',
  properties: {
    ansvar: p.string().length(20).primary(),
    ar: p.integer().primary().autoincrement(false),
    periodisering: p.enum(PERIODISERINGAR),
    rader: p.json<Verksamhetsbudgetrad[]>(),
    /** The internbudget version it was made against. */
    versionId: p.string().length(100),
    /** The chef's budgeted årsarbetare in tenths; null when the chef stated none (then estimated from personnel costs). */
    arsarbetareTiondelar: p.integer().nullable(),
    sparadAvId: p.string().length(200),
    sparadAvNamn: p.string().length(200),
    sparadAt: p.datetime(),
  },
});
export class Verksamhetsbudget extends VerksamhetsbudgetSchema.class {}
VerksamhetsbudgetSchema.setClass(Verksamhetsbudget);
