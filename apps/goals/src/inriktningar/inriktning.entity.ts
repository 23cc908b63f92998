import { defineEntity, p } from '@mikro-orm/core';
import { INRIKTNINGSNIVAER, type KfBeslut } from '@tertial/contracts/dto';

/** A direction KF has set for the mandate period: the city's, a nämnd's or a bolag's. Followed with nyckeltal, never targeted. */
export const InriktningSchema = defineEntity({
  name: 'Inriktning',
  tableName: 'inriktning',
  properties: {
    id: p.uuid().primary(),
    niva: p.enum(INRIKTNINGSNIVAER),
    namndKod: p.string().length(20).nullable(),
    rubrik: p.string().length(200),
    text: p.text(),
    franAr: p.integer(),
    tillAr: p.integer(),
    nyckeltal: p.json<string[]>(),
    beslut: p.json<KfBeslut>(),
    version: p.integer(),
    andradAvId: p.string().length(200),
    andradAvNamn: p.string().length(200),
    andradAt: p.datetime(),
  },
  indexes: [{ properties: ['namndKod'] }],
});
export class Inriktning extends InriktningSchema.class {}
InriktningSchema.setClass(Inriktning);
