import { defineEntity, p } from '@mikro-orm/core';

/** A setting the city changes (the rules of måluppfyllelse, the Kolada comparison group): one row per `nyckel`, validated by its contract. */
export const InstallningSchema = defineEntity({
  name: 'Installning',
  tableName: 'installning',
  properties: {
    nyckel: p.string().length(60).primary(),
    varde: p.json<unknown>(),
    andradAvId: p.string().length(200),
    andradAvNamn: p.string().length(200),
    andradAt: p.datetime(),
  },
});
export class Installning extends InstallningSchema.class {}
InstallningSchema.setClass(Installning);
