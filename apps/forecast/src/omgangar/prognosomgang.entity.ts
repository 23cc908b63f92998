import { defineEntity, p } from '@mikro-orm/core';
import { PROGNOSOMGANG_STATUSAR } from '@tertial/contracts/dto';
import { PROGNOSOMGANG_TYPER, PROGNOSTILLFALLEN } from '@tertial/contracts/prognos';

/** A forecast round: forecasts for a year's tillfälle change while it is open and its deadline ahead. */
export const PrognosomgangSchema = defineEntity({
  name: 'Prognosomgang',
  tableName: 'prognosomgang',
  properties: {
    ar: p.integer().primary().autoincrement(false),
    tillfalle: p.enum(PROGNOSTILLFALLEN).primary(),
    typ: p.enum(PROGNOSOMGANG_TYPER),
    status: p.enum(PROGNOSOMGANG_STATUSAR),
    deadline: p.datetime(),
    /** The nämnder a månadsprognos is for; null for an ordinary round. */
    namnder: p.json<string[]>().nullable(),
    /** Grows by one with every change of the round, for `prognosomgang-andrad`'s consumers. */
    andring: p.integer(),
    oppnadAt: p.datetime(),
    stangdAt: p.datetime().nullable(),
  },
});
export class Prognosomgang extends PrognosomgangSchema.class {}
PrognosomgangSchema.setClass(Prognosomgang);
