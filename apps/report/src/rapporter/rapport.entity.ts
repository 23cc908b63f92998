import { defineEntity, p } from '@mikro-orm/core';
import { RAPPORT_STATUSAR, type PrognosTotaler } from '@tertial/contracts/dto';
import { PROGNOSTILLFALLEN } from '@tertial/contracts/prognos';

/**
 * A report to kommunfullmäktige: the forecast totals of a year's tillfälle taken as they stood when it was
 * drafted. A draft (`utkast`) is seen by the ekonomidirektör only; once fixed (`faststalld`) it never changes
 * and everyone, the council's members included, may read it.
 */
export const RapportSchema = defineEntity({
  name: 'Rapport',
  tableName: 'rapport',
  properties: {
    id: p.uuid().primary(),
    ar: p.integer(),
    tillfalle: p.enum(PROGNOSTILLFALLEN),
    titel: p.string().length(200),
    status: p.enum(RAPPORT_STATUSAR),
    innehall: p.json<PrognosTotaler>(),
    skapadAt: p.datetime(),
    skapadAv: p.string().length(200),
    faststalldAt: p.datetime().nullable(),
    faststalldAv: p.string().length(200).nullable(),
  },
});
export class Rapport extends RapportSchema.class {}
RapportSchema.setClass(Rapport);
