import { defineEntity, p } from '@mikro-orm/core';
import { PROGNOSSTATUSAR, PROGNOSTILLFALLEN, type PrognosRad } from '@tertial/contracts/prognos';

import type { Investeringsprognos, Personalprognos } from '../personal-och-investeringar/personal-och-investeringar.js';

/**
 * One saved version of an ansvar's helårsprognos for a year and tillfälle. Its content (lines, comment, who saved it)
 * is never edited; a new save is a new version. While it is the current version its status, `andring` and latest
 * decision change with klarmarkera, godkänn, återsänd and återöppna. The unique version number keeps two concurrent
 * saves from both being stored.
 */
export const HelarsprognosSchema = defineEntity({
  name: 'Helarsprognos',
  tableName: 'helarsprognos',
  properties: {
    id: p.uuid().primary(),
    ansvar: p.string().length(20),
    ar: p.integer(),
    tillfalle: p.enum(PROGNOSTILLFALLEN),
    version: p.integer(),
    /** Grows by one with every change of the ansvar's forecast for the year and tillfälle; with the version, the ETag. */
    andring: p.integer(),
    status: p.enum(PROGNOSSTATUSAR),
    rader: p.json<PrognosRad[]>(),
    intakterOre: p.bigint('number'),
    kostnaderOre: p.bigint('number'),
    nettokostnadOre: p.bigint('number'),
    kommentar: p.text().nullable(),
    sparadAt: p.datetime(),
    sparadAvId: p.string().length(200).nullable(),
    sparadAvNamn: p.string().length(200).nullable(),
    andradAt: p.datetime(),
    andradAvId: p.string().length(200).nullable(),
    andradAvNamn: p.string().length(200).nullable(),
    beslutskommentar: p.text().nullable(),
    correlationId: p.string().length(100),
    /** Årsarbetare now and at year end; null when the version has none. */
    personal: p.json<Personalprognos>().nullable(),
    /** The year's forecast per investment project the ansvar owns; null for none. */
    investeringar: p.json<Investeringsprognos[]>().nullable(),
  },
  uniques: [{ properties: ['ansvar', 'ar', 'tillfalle', 'version'] }],
});
export class Helarsprognos extends HelarsprognosSchema.class {}
HelarsprognosSchema.setClass(Helarsprognos);

/** The ekonomidirektör reopened one ansvar after its round closed: it may change until the round closes again. */
export const AteroppnatAnsvarSchema = defineEntity({
  name: 'AteroppnatAnsvar',
  tableName: 'ateroppnat_ansvar',
  properties: {
    ansvar: p.string().length(20).primary(),
    ar: p.integer().primary().autoincrement(false),
    tillfalle: p.enum(PROGNOSTILLFALLEN).primary(),
    skal: p.text(),
    ateroppnadAt: p.datetime(),
    ateroppnadAvId: p.string().length(200),
  },
});
export class AteroppnatAnsvar extends AteroppnatAnsvarSchema.class {}
AteroppnatAnsvarSchema.setClass(AteroppnatAnsvar);

/** The city's threshold for a required comment (one row, `stad`): an amount and a share of the net budget. */
export const KommentarstroskelSchema = defineEntity({
  name: 'Kommentarstroskel',
  tableName: 'kommentarstroskel',
  properties: {
    id: p.string().length(20).primary(),
    beloppOre: p.bigint('number'),
    /** The share in hundredths of a percent (500 is 5 %), so it compares exactly. */
    hundradelsprocent: p.integer(),
    andradAt: p.datetime(),
    andradAvId: p.string().length(200),
    andradAvNamn: p.string().length(200),
  },
});
export class Kommentarstroskel extends KommentarstroskelSchema.class {}
KommentarstroskelSchema.setClass(Kommentarstroskel);
