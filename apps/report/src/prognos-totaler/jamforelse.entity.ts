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

/** An ansvar's net utfall so far in a year (cost minus revenue), from the budget service's latest import. */
export const AnsvarUtfallSchema = defineEntity({
  name: 'AnsvarUtfall',
  tableName: 'ansvar_utfall',
  properties: {
    ansvar: p.string().length(20).primary(),
    ar: p.integer().primary().autoincrement(false),
    nettoOre: p.bigint('number'),
    /** The net utfall of January to April, the April forecast's period; null for rows kept before it was. */
    nettoTomAprilOre: p.bigint('number').nullable(),
    /** The last month with utfall; null when the import left the ansvar without any. */
    senasteManad: p.integer().nullable(),
    importId: p.uuid(),
    uppdateradAt: p.datetime(),
  },
});
export class AnsvarUtfall extends AnsvarUtfallSchema.class {}
AnsvarUtfallSchema.setClass(AnsvarUtfall);
