import { defineEntity, p } from '@mikro-orm/core';

/** One year of a project as budget last published it. */
export interface Projektarsbudget {
  readonly ar: number;
  readonly budgetOre: number;
  readonly utfallOre?: number | null;
}

/**
 * Budget's investment projects, as `investeringsprojekt-uppdaterat` last carried them: which ansvar owns each, and
 * its budget and utfall per year, for the chef's forecast of the projects their ansvar owns.
 */
export const InvesteringsprojektReplikaSchema = defineEntity({
  name: 'InvesteringsprojektReplika',
  tableName: 'investeringsprojekt_replika',
  properties: {
    id: p.string().length(100).primary(),
    namnd: p.string().length(20),
    ansvar: p.string().length(20).nullable(),
    namn: p.string().length(500),
    ar: p.json<Projektarsbudget[]>(),
    uppdateradAt: p.datetime(),
  },
  indexes: [{ properties: ['ansvar'] }],
});
export class InvesteringsprojektReplika extends InvesteringsprojektReplikaSchema.class {}
InvesteringsprojektReplikaSchema.setClass(InvesteringsprojektReplika);
