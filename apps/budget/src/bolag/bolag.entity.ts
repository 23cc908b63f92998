import { defineEntity, p } from '@mikro-orm/core';
import type { Bolagsbudget } from '@tertial/contracts/dto';

/** A company's budget for a year, from its affärsplan: the current version. */
export const BolagsbudgetSchema = defineEntity({
  name: 'BolagsbudgetRad',
  tableName: 'bolagsbudget',
  properties: {
    bolag: p.string().length(20).primary(),
    ar: p.integer().primary().autoincrement(false),
    budget: p.json<Bolagsbudget>(),
  },
});
export class BolagsbudgetRad extends BolagsbudgetSchema.class {}
BolagsbudgetSchema.setClass(BolagsbudgetRad);

/** The month's utfall of one BAS account in a company's ledger, with the ledger's sign (revenue negative). */
export const BolagsutfallSchema = defineEntity({
  name: 'Bolagsutfall',
  tableName: 'bolagsutfall',
  properties: {
    bolag: p.string().length(20).primary(),
    ar: p.integer().primary().autoincrement(false),
    manad: p.integer().primary().autoincrement(false),
    konto: p.integer().primary().autoincrement(false),
    beloppOre: p.bigint('number'),
  },
});
export class Bolagsutfall extends BolagsutfallSchema.class {}
BolagsutfallSchema.setClass(Bolagsutfall);
