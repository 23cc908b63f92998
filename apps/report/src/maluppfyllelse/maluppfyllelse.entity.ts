import { defineEntity, p } from '@mikro-orm/core';
import { INRIKTNINGSNIVAER, MALAGARTYPER, MALSTATUSAR, UPPFOLJNINGSTILLFALLEN } from '@tertial/contracts/dto';
import type { BedomningsforslagDto, MalbedomningDto } from '@tertial/contracts/dto';

/** A mål as the goals service last published it (its highest version), with the day KF first decided it. */
export const RapportMalSchema = defineEntity({
  name: 'RapportMal',
  tableName: 'mal',
  properties: {
    id: p.uuid().primary(),
    namnd: p.string().length(20),
    agartyp: p.enum(MALAGARTYPER),
    /** The year it must be reached. */
    ar: p.integer(),
    text: p.text(),
    nyckeltal: p.json<string[]>(),
    professionellBedomning: p.boolean(),
    status: p.enum(MALSTATUSAR),
    version: p.integer(),
    /** The earliest KF decision seen of it: a follow-up before that day does not count it. */
    beslutadFran: p.string().length(10),
    /** The day of the decision that ended it; null while active. */
    avslutadDatum: p.string().length(10).nullable(),
    andradAt: p.datetime(),
  },
});
export class RapportMal extends RapportMalSchema.class {}
RapportMalSchema.setClass(RapportMal);

/** A mål's assessment at one follow-up as last published (its highest version): the proposal and the decision. */
export const RapportMalbedomningSchema = defineEntity({
  name: 'RapportMalbedomning',
  tableName: 'malbedomning',
  properties: {
    malId: p.uuid().primary(),
    ar: p.integer().primary().autoincrement(false),
    tillfalle: p.enum(UPPFOLJNINGSTILLFALLEN).primary(),
    namnd: p.string().length(20),
    version: p.integer(),
    forslag: p.json<BedomningsforslagDto>(),
    beslut: p.json<NonNullable<MalbedomningDto['beslut']>>().nullable(),
    uppdateradAt: p.datetime(),
  },
});
export class RapportMalbedomning extends RapportMalbedomningSchema.class {}
RapportMalbedomningSchema.setClass(RapportMalbedomning);

/** An inriktning (the city's, a nämnd's or a bolag's) as last published. */
export const RapportInriktningSchema = defineEntity({
  name: 'RapportInriktning',
  tableName: 'inriktning',
  properties: {
    id: p.uuid().primary(),
    niva: p.enum(INRIKTNINGSNIVAER),
    namnd: p.string().length(20).nullable(),
    rubrik: p.text(),
    text: p.text(),
    franAr: p.integer(),
    tillAr: p.integer(),
    version: p.integer(),
    andradAt: p.datetime(),
  },
});
export class RapportInriktning extends RapportInriktningSchema.class {}
RapportInriktningSchema.setClass(RapportInriktning);
