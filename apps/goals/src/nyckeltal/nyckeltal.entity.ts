import { defineEntity, p } from '@mikro-orm/core';
import { KON, MATVARDESKALLOR, NYCKELTAL_RIKTNINGAR, PERIODTYPER, type Arsvarde } from '@tertial/contracts/dto';

/** A nyckeltal of the city's catalogue, with its baseline and target per year. At most one per Kolada KPI. */
export const NyckeltalSchema = defineEntity({
  name: 'Nyckeltal',
  tableName: 'nyckeltal',
  properties: {
    id: p.uuid().primary(),
    namn: p.string().length(200),
    definition: p.text(),
    enhet: p.string().length(40),
    riktning: p.enum(NYCKELTAL_RIKTNINGAR),
    kalla: p.string().length(200),
    koladaKpi: p.string().length(10).nullable().unique(),
    periodtyp: p.enum(PERIODTYPER),
    konsuppdelat: p.boolean(),
    utgangsvarde: p.json<Arsvarde>().nullable(),
    malvarden: p.json<Arsvarde[]>(),
    version: p.integer(),
    andradAt: p.datetime(),
  },
});
export class Nyckeltal extends NyckeltalSchema.class {}
NyckeltalSchema.setClass(Nyckeltal);

/** A measured value of a nyckeltal for a period and kön; a new value for the same replaces it. */
export const MatvardeSchema = defineEntity({
  name: 'Matvarde',
  tableName: 'matvarde',
  properties: {
    nyckeltalId: p.uuid().primary(),
    period: p.string().length(7).primary(),
    kon: p.enum(KON).primary(),
    /** Null: not published (Kolada's `status` says why). */
    varde: p.double().nullable(),
    status: p.string().length(100).nullable(),
    kalla: p.enum(MATVARDESKALLOR),
    registreradAt: p.datetime(),
  },
});
export class Matvarde extends MatvardeSchema.class {}
MatvardeSchema.setClass(Matvarde);
