import { defineEntity, p } from '@mikro-orm/core';
import { MALAGARTYPER, MALHANDLINGAR, MALSTATUSAR, type KfBeslut, type MalDto } from '@tertial/contracts/dto';

/** A mål KF has decided for a nämnd or bolag: its current version. Every version is kept in `malversion`. */
export const MalSchema = defineEntity({
  name: 'Mal',
  tableName: 'mal',
  properties: {
    id: p.uuid().primary(),
    /** The nämnd's or bolag's kod. */
    namndKod: p.string().length(20),
    agartyp: p.enum(MALAGARTYPER),
    /** The year the mål must be reached. */
    ar: p.integer(),
    text: p.text(),
    nyckeltal: p.json<string[]>(),
    professionellBedomning: p.boolean(),
    status: p.enum(MALSTATUSAR),
    version: p.integer(),
    beslut: p.json<KfBeslut>(),
    avslutat: p.json<{ beslut: KfBeslut; motivering: string | null }>().nullable(),
    andradAvId: p.string().length(200),
    andradAvNamn: p.string().length(200),
    skapadAt: p.datetime(),
    andradAt: p.datetime(),
  },
  indexes: [{ properties: ['namndKod', 'status'] }],
});
export class Mal extends MalSchema.class {}
MalSchema.setClass(Mal);

/** Every version of every mål, never changed: the audit trail of KF's decisions. */
export const MalversionSchema = defineEntity({
  name: 'Malversion',
  tableName: 'malversion',
  properties: {
    malId: p.uuid().primary(),
    version: p.integer().primary().autoincrement(false),
    handling: p.enum(MALHANDLINGAR),
    data: p.json<MalDto>(),
    andradAt: p.datetime(),
  },
});
export class Malversion extends MalversionSchema.class {}
MalversionSchema.setClass(Malversion);

/**
 * The three places a nämnd or bolag has for active mål. An active mål holds one (`malId`); a new mål takes a free one
 * with a conditional update inside its transaction, so the database, not a count read earlier, decides who gets the
 * last place when requests race, on SQLite and PostgreSQL alike.
 */
export const MalPlatsSchema = defineEntity({
  name: 'MalPlats',
  tableName: 'mal_plats',
  properties: {
    namndKod: p.string().length(20).primary(),
    plats: p.integer().primary().autoincrement(false),
    malId: p.uuid().nullable().unique(),
  },
});
export class MalPlats extends MalPlatsSchema.class {}
MalPlatsSchema.setClass(MalPlats);

/**
 * The mål as they were kept before issue 10 (a text and an optional inline nyckeltal, three per year), left for the
 * processledare to enter again with KF's decision and nyckeltal from the catalogue; nothing reads or writes them.
 */
export const TidigareMalSchema = defineEntity({
  name: 'TidigareMal',
  tableName: 'mal_fore_issue10',
  properties: {
    id: p.uuid().primary(),
    namndKod: p.string().length(20),
    ar: p.integer(),
    text: p.text(),
    nyckeltal: p.json<unknown>().nullable(),
    skapadAt: p.datetime(),
  },
});
export class TidigareMal extends TidigareMalSchema.class {}
TidigareMalSchema.setClass(TidigareMal);
