import { defineEntity, p } from '@mikro-orm/core';
import type { InterntKontointervall } from '@tertial/contracts/kontoplan';
import { BALANSKRAV_TILLFALLEN, FINANSRADER, RESULTAT_TILLFALLEN, RESULTATRAKNINGSRADER, type RurRegler } from '@tertial/contracts/dto';

/** One of the finance function's own lines for a year: KF's budget, a round's forecast or the bokslut, with its source. */
export const FinansradSchema = defineEntity({
  name: 'Finansrad',
  tableName: 'finansrad',
  properties: {
    ar: p.integer().primary().autoincrement(false),
    tillfalle: p.enum(RESULTAT_TILLFALLEN).primary(),
    rad: p.enum(FINANSRADER.map((rad) => rad.kod)).primary(),
    beloppOre: p.bigint('number'),
    kalla: p.string().length(300),
    andradAv: p.string().length(200),
    andradAt: p.datetime(),
  },
});
export class Finansrad extends FinansradSchema.class {}
FinansradSchema.setClass(Finansrad);

/** One line of the editable table from account ranges to resultaträkning rows. */
export const ResultatradIntervallSchema = defineEntity({
  name: 'ResultatradIntervallRad',
  tableName: 'resultatrad_intervall',
  properties: {
    fran: p.integer().primary().autoincrement(false),
    till: p.integer(),
    rad: p.enum(RESULTATRAKNINGSRADER.map((rad) => rad.kod)),
  },
});
export class ResultatradIntervallRad extends ResultatradIntervallSchema.class {}
ResultatradIntervallSchema.setClass(ResultatradIntervallRad);

/** The kontoplan's internal accounts, from the latest `budget.kontoplan-uppdaterad` (one row). */
export const KontoplanInternaSchema = defineEntity({
  name: 'KontoplanInterna',
  tableName: 'kontoplan_interna',
  properties: {
    id: p.integer().primary().autoincrement(false),
    interna: p.json<InterntKontointervall[]>(),
    andradAt: p.datetime(),
    andradAv: p.string().length(200),
  },
});
export class KontoplanInterna extends KontoplanInternaSchema.class {}
KontoplanInternaSchema.setClass(KontoplanInterna);

const justeringar = {
  samtligaRealisationsvinsterOre: p.bigint('number'),
  realisationsvinsterUndantagOre: p.bigint('number'),
  realisationsforlusterUndantagOre: p.bigint('number'),
  orealiseradeForlusterOre: p.bigint('number'),
  aterforingOrealiseradeForlusterOre: p.bigint('number'),
  tillRurOre: p.bigint('number'),
  franRurOre: p.bigint('number'),
};

/** An earlier year's balanskravsutredning as published, imported from a file. */
export const BalanskravHistorikSchema = defineEntity({
  name: 'BalanskravHistorik',
  tableName: 'balanskrav_historik',
  properties: {
    ar: p.integer().primary().autoincrement(false),
    aretsResultatOre: p.bigint('number'),
    ...justeringar,
    filnamn: p.string().length(300),
    importeradAv: p.string().length(200),
    importeradAt: p.datetime(),
  },
});
export class BalanskravHistorik extends BalanskravHistorikSchema.class {}
BalanskravHistorikSchema.setClass(BalanskravHistorik);

/** The adjustments and the RUR movement the ekonomidirektör's staff propose for a year's forecast or bokslut. */
export const BalanskravJusteringSchema = defineEntity({
  name: 'BalanskravJustering',
  tableName: 'balanskrav_justering',
  properties: {
    ar: p.integer().primary().autoincrement(false),
    tillfalle: p.enum(BALANSKRAV_TILLFALLEN).primary(),
    ...justeringar,
    andradAv: p.string().length(200),
    andradAt: p.datetime(),
  },
});
export class BalanskravJustering extends BalanskravJusteringSchema.class {}
BalanskravJusteringSchema.setClass(BalanskravJustering);

/** The city's RUR rules (one row). */
export const RurReglerSchema = defineEntity({
  name: 'RurReglerRad',
  tableName: 'rur_regler',
  properties: {
    id: p.integer().primary().autoincrement(false),
    regler: p.json<RurRegler>(),
    andradAv: p.string().length(200),
    andradAt: p.datetime(),
  },
});
export class RurReglerRad extends RurReglerSchema.class {}
RurReglerSchema.setClass(RurReglerRad);

/** A nämnd's closed year from `budget.bokslut-faststallt`: its accounts summed over its ansvar, in ledger sign. */
export const BokslutNamndSchema = defineEntity({
  name: 'BokslutNamnd',
  tableName: 'bokslut_namnd',
  properties: {
    ar: p.integer().primary().autoincrement(false),
    namnd: p.string().length(20).primary(),
    antalNamnder: p.integer(),
    konton: p.json<{ konto: number; beloppOre: number }[]>(),
    nettokostnadOre: p.bigint('number'),
    faststalltAt: p.datetime(),
  },
});
export class BokslutNamnd extends BokslutNamndSchema.class {}
BokslutNamndSchema.setClass(BokslutNamnd);
