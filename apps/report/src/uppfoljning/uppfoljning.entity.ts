import { defineEntity, p } from '@mikro-orm/core';
import { PROGNOSOMGANG_TYPER, PROGNOSTILLFALLEN } from '@tertial/contracts/prognos';

/**
 * An ansvar's budget for a year (net cost and its parts) from its verksamhetsbudget, as the budget service last
 * published it, with the net cost of each month: a round's period budget is the sum of its months.
 */
export const AnsvarBudgetSchema = defineEntity({
  name: 'AnsvarBudget',
  tableName: 'ansvar_budget',
  properties: {
    ansvar: p.string().length(20).primary(),
    ar: p.integer().primary().autoincrement(false),
    namnd: p.string().length(20),
    versionId: p.string().length(200),
    intakterOre: p.bigint('number'),
    kostnaderOre: p.bigint('number'),
    nettokostnadOre: p.bigint('number'),
    /** Net cost per month, January to December; null for a budget kept before the verksamhetsbudget. */
    manaderNettoOre: p.json<number[]>().nullable(),
    uppdateradAt: p.datetime(),
  },
});
export class AnsvarBudget extends AnsvarBudgetSchema.class {}
AnsvarBudgetSchema.setClass(AnsvarBudget);

/** An ansvar's net utfall (cost minus revenue) of one month, from the budget service's latest import. */
export const AnsvarUtfallManadSchema = defineEntity({
  name: 'AnsvarUtfallManad',
  tableName: 'ansvar_utfall_manad',
  properties: {
    ansvar: p.string().length(20).primary(),
    ar: p.integer().primary().autoincrement(false),
    manad: p.integer().primary().autoincrement(false),
    nettoOre: p.bigint('number'),
  },
});
export class AnsvarUtfallManad extends AnsvarUtfallManadSchema.class {}
AnsvarUtfallManadSchema.setClass(AnsvarUtfallManad);

/** A forecast round as the forecast service last published it (the change with the highest `andring`). */
export const PrognosomgangSchema = defineEntity({
  name: 'Prognosomgang',
  tableName: 'prognosomgang',
  properties: {
    ar: p.integer().primary().autoincrement(false),
    tillfalle: p.enum(PROGNOSTILLFALLEN).primary(),
    typ: p.enum(PROGNOSOMGANG_TYPER),
    status: p.enum(['oppen', 'stangd'] as const),
    deadline: p.datetime(),
    utfallTomManad: p.integer(),
    /** The nämnder of a månadsprognos; null for an ordinary round (every nämnd). */
    namnder: p.json<string[]>().nullable(),
    andring: p.integer(),
    andradAt: p.datetime(),
  },
});
export class Prognosomgang extends PrognosomgangSchema.class {}
PrognosomgangSchema.setClass(Prognosomgang);

/**
 * An ansvar's utfall of the year so far seen from the elimination: its verksamhet's revenue and cost (shown amounts)
 * and the part of each on the kontoplan's internal accounts, from the budget service's latest import. No row: the
 * import said nothing of internal accounts.
 */
export const AnsvarUtfallInternSchema = defineEntity({
  name: 'AnsvarUtfallIntern',
  tableName: 'ansvar_utfall_intern',
  properties: {
    ansvar: p.string().length(20).primary(),
    ar: p.integer().primary().autoincrement(false),
    intakterOre: p.bigint('number'),
    internaIntakterOre: p.bigint('number'),
    kostnaderOre: p.bigint('number'),
    internaKostnaderOre: p.bigint('number'),
  },
});
export class AnsvarUtfallIntern extends AnsvarUtfallInternSchema.class {}
AnsvarUtfallInternSchema.setClass(AnsvarUtfallIntern);
