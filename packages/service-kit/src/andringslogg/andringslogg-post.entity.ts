import { defineEntity, p } from '@mikro-orm/core';

/**
 * One post in the ändringslogg (the audit trail): one change, who made it and when, with the value before and after. Append-only: the service never updates
 * or deletes these rows, and the database refuses it (triggers created by the kit's migrations).
 */
export const AndringsloggPostSchema = defineEntity({
  name: 'AndringsloggPost',
  tableName: 'andringslogg',
  properties: {
    id: p.uuid().primary(),
    tidpunkt: p.datetime(),
    tjanst: p.string().length(20),
    anvandare: p.string().length(200),
    anvandarNamn: p.string().length(200),
    roller: p.string().length(200),
    /** What was done, e.g. `helarsprognos.lamnad`, `rapport.faststalld`. */
    handling: p.string().length(60),
    /** What it was done to: `ansvar`, `omgang`, `rapport`, `namnd`, `projekt`, … and its id. */
    objektTyp: p.string().length(30),
    objektId: p.string().length(100),
    fore: p.json<unknown>().nullable(),
    efter: p.json<unknown>().nullable(),
    correlationId: p.string().length(100),
  },
  indexes: [{ properties: ['objektTyp', 'objektId'] }, { properties: ['tidpunkt'] }],
});
export class AndringsloggPost extends AndringsloggPostSchema.class {}
AndringsloggPostSchema.setClass(AndringsloggPost);
