import { defineEntity, p } from '@mikro-orm/core';

/**
 * A reminder to an ansvar's chef that its forecast is missing from a round: who sent it and when, with the sender's
 * own words if any. Kept as a record (nothing changes or removes one); the chef sees theirs on the forecast page.
 */
export const PaminnelseSchema = defineEntity({
  name: 'Paminnelse',
  tableName: 'prognospaminnelse',
  indexes: [{ properties: ['ar', 'tillfalle', 'ansvar'] }, { properties: ['chefId', 'ar', 'tillfalle'] }],
  properties: {
    id: p.uuid().primary(),
    ar: p.integer(),
    tillfalle: p.string().length(20),
    ansvar: p.string().length(20),
    chefId: p.string().length(200),
    chefNamn: p.string().length(200),
    meddelande: p.string().length(500).nullable(),
    skickadAvId: p.string().length(200),
    skickadAvNamn: p.string().length(200),
    skickadAt: p.datetime(),
  },
});
export class Paminnelse extends PaminnelseSchema.class {}
PaminnelseSchema.setClass(Paminnelse);
