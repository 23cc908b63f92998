import { defineEntity, p } from '@mikro-orm/core';

/**
 * When the latest applied state of each key occurred (`arSenastaTillstand`, which reads and writes it in plain SQL):
 * declared as an entity so the schema the migrations make is the one the entities describe.
 */
export const SenasteTillstandSchema = defineEntity({
  name: 'SenasteTillstand',
  tableName: 'senaste_tillstand',
  properties: {
    slag: p.string().length(30).primary(),
    nyckel: p.string().length(200).primary(),
    occurredMs: p.bigint('number'),
  },
});
