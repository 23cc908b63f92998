import { defineEntity, p } from '@mikro-orm/core';
import { UPPFOLJNINGSTILLFALLEN, type BedomningsforslagDto, type MalbedomningDto } from '@tertial/contracts/dto';

/** A mål's assessment at a follow-up: the service's proposal and the processledare's decision, both kept. */
export const MalbedomningSchema = defineEntity({
  name: 'Malbedomning',
  tableName: 'malbedomning',
  properties: {
    malId: p.uuid().primary(),
    ar: p.integer().primary().autoincrement(false),
    tillfalle: p.enum(UPPFOLJNINGSTILLFALLEN).primary(),
    namndKod: p.string().length(20),
    forslag: p.json<BedomningsforslagDto>(),
    beslut: p.json<NonNullable<MalbedomningDto['beslut']>>().nullable(),
    version: p.integer(),
    andradAt: p.datetime(),
  },
  indexes: [{ properties: ['ar', 'tillfalle', 'namndKod'] }],
});
export class Malbedomning extends MalbedomningSchema.class {}
MalbedomningSchema.setClass(Malbedomning);
