import { defineEntity, p } from '@mikro-orm/core';

/** A nämnd's current frame for a year, as the budget service last published it. */
export const NamndRamSchema = defineEntity({
  name: 'NamndRam',
  tableName: 'namnd_ram',
  properties: {
    namnd: p.string().length(20).primary(),
    ar: p.integer().primary().autoincrement(false),
    ramOre: p.bigint('number'),
    versionId: p.string().length(200),
    uppdateradAt: p.datetime(),
  },
});
export class NamndRam extends NamndRamSchema.class {}
NamndRamSchema.setClass(NamndRam);
