import { defineEntity, p } from '@mikro-orm/core';

/** The month's utfall of one account on one ansvar, with the ledger's sign (revenue negative). */
export const UtfallSchema = defineEntity({
  name: 'Utfall',
  tableName: 'utfall',
  properties: {
    ar: p.integer().primary().autoincrement(false),
    manad: p.integer().primary().autoincrement(false),
    ansvar: p.string().length(20).primary(),
    konto: p.integer().primary().autoincrement(false),
    beloppOre: p.bigint('number'),
  },
  indexes: [{ properties: ['ar', 'ansvar'] }],
});
export class Utfall extends UtfallSchema.class {}
UtfallSchema.setClass(Utfall);

/** One import of a ledger file: what it was and which periods it replaced. */
export const UtfallImportSchema = defineEntity({
  name: 'UtfallImport',
  tableName: 'utfall_import',
  properties: {
    id: p.uuid().primary(),
    filnamn: p.string().length(300),
    format: p.string().length(10),
    kodning: p.string().length(20),
    perioder: p.json<{ ar: number; manad: number }[]>(),
    antalRader: p.integer(),
    importeradAt: p.datetime(),
  },
});
export class UtfallImport extends UtfallImportSchema.class {}
UtfallImportSchema.setClass(UtfallImport);
