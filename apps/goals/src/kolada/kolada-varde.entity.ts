import { defineEntity, p } from '@mikro-orm/core';
import { KON } from '@tertial/contracts/dto';

/** A municipality's value of a Kolada KPI for a year and kön, as last imported: the comparisons (the city's own too). */
export const KoladaVardeSchema = defineEntity({
  name: 'KoladaVarde',
  tableName: 'kolada_varde',
  properties: {
    kpi: p.string().length(10).primary(),
    kommun: p.string().length(4).primary(),
    ar: p.integer().primary().autoincrement(false),
    kon: p.enum(KON).primary(),
    varde: p.double().nullable(),
    status: p.string().length(100).nullable(),
    importId: p.uuid(),
    importeradAt: p.datetime(),
  },
});
export class KoladaVarde extends KoladaVardeSchema.class {}
KoladaVardeSchema.setClass(KoladaVarde);
