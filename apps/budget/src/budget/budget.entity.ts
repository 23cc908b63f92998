import { defineEntity, p } from '@mikro-orm/core';

import type { Budgetversion } from './budgetversioner.js';
import type { ResursfordelningUnderlag } from './resursfordelning.js';

/** A decided budget version, stored whole and never edited: later decisions are new versions. */
export const BudgetversionSchema = defineEntity({
  name: 'BudgetversionRad',
  tableName: 'budgetversion',
  properties: {
    id: p.string().length(100).primary(),
    ar: p.integer(),
    typ: p.string().length(20),
    beslutad: p.string().length(10),
    version: p.json<Budgetversion>(),
  },
  indexes: [{ properties: ['ar'] }],
});
export class BudgetversionRad extends BudgetversionSchema.class {}
BudgetversionSchema.setClass(BudgetversionRad);

/** The inputs of a nämnd's resursfördelning for a year; the seven steps are computed from them. */
export const ResursfordelningsunderlagSchema = defineEntity({
  name: 'Resursfordelningsunderlag',
  tableName: 'resursfordelningsunderlag',
  properties: {
    namnd: p.string().length(20).primary(),
    ar: p.integer().primary().autoincrement(false),
    underlag: p.json<ResursfordelningUnderlag>(),
  },
});
export class Resursfordelningsunderlag extends ResursfordelningsunderlagSchema.class {}
ResursfordelningsunderlagSchema.setClass(Resursfordelningsunderlag);
