import { defineEntity, p } from '@mikro-orm/core';

import type { Overforingsregler } from './overforingsregler.js';

/** A closed year: its utfall is frozen from then on, and the bokslut per nämnd is kept as it was closed. */
export const BokslutSchema = defineEntity({
  name: 'Bokslut',
  tableName: 'bokslut',
  properties: {
    ar: p.integer().primary().autoincrement(false),
    faststalltAt: p.datetime(),
    faststalltAv: p.string().length(200),
    /** Per nämnd: its frame and net cost for the year, as closed. */
    namnder: p.json<{ namnd: string; budgetOre: number; nettokostnadOre: number }[]>(),
  },
});
export class Bokslut extends BokslutSchema.class {}
BokslutSchema.setClass(Bokslut);

/** The city's rules for resultatöverföring: one row, changed by the ekonomidirektör (every change in the audit trail). */
export const OverforingsreglerRadSchema = defineEntity({
  name: 'OverforingsreglerRad',
  tableName: 'overforingsregler',
  properties: {
    id: p.string().length(20).primary(),
    regler: p.json<Overforingsregler>(),
    andradAt: p.datetime(),
    andradAv: p.string().length(200),
  },
});
export class OverforingsreglerRad extends OverforingsreglerRadSchema.class {}
OverforingsreglerRadSchema.setClass(OverforingsreglerRad);

/** KF's decision on a year's resultatöverföring, per nämnd, and the next year's tilläggsbudget that carries it. */
export const ResultatoverforingBeslutSchema = defineEntity({
  name: 'ResultatoverforingBeslut',
  tableName: 'resultatoverforing_beslut',
  properties: {
    ar: p.integer().primary().autoincrement(false),
    beslutad: p.string().length(10),
    beslutadAv: p.string().length(200),
    budgetversion: p.string().length(100),
    namnder: p.json<{ namnd: string; forslagOre: number; beslutOre: number; motivering: string | null }[]>(),
  },
});
export class ResultatoverforingBeslut extends ResultatoverforingBeslutSchema.class {}
ResultatoverforingBeslutSchema.setClass(ResultatoverforingBeslut);
