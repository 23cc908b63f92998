import { defineEntity, p } from '@mikro-orm/core';

/** A project of the investment plan as `budget.investeringsprojekt-uppdaterat` last carried it: its money per year. */
export const InvesteringsprojektSchema = defineEntity({
  name: 'Investeringsprojekt',
  tableName: 'investeringsprojekt',
  properties: {
    id: p.string().length(100).primary(),
    namnd: p.string().length(20),
    namn: p.string().length(300),
    ar: p.json<{ ar: number; budgetOre: number; utfallOre?: number | null; prognosOre?: number | null }[]>(),
    uppdateradAt: p.datetime(),
  },
});
export class Investeringsprojekt extends InvesteringsprojektSchema.class {}
InvesteringsprojektSchema.setClass(Investeringsprojekt);
