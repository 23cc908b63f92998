import { defineEntity, p } from '@mikro-orm/core';

/** KF's decided resultatöverföring of a closed year, per nämnd, as `budget.resultatoverforing-beslutad` carried it. */
export const ResultatoverforingSchema = defineEntity({
  name: 'Resultatoverforing',
  tableName: 'resultatoverforing',
  properties: {
    ar: p.integer().primary().autoincrement(false),
    beslutad: p.string().length(10),
    beslutadAv: p.string().length(200),
    budgetversion: p.string().length(100),
    namnder: p.json<{ namnd: string; forslagOre: number; beslutOre: number; motivering: string | null }[]>(),
    mottagenAt: p.datetime(),
  },
});
export class Resultatoverforing extends ResultatoverforingSchema.class {}
ResultatoverforingSchema.setClass(Resultatoverforing);
