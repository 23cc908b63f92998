import { defineEntity, p } from '@mikro-orm/core';
import { KONTOGRUPPER } from '@tertial/contracts/kontogrupper';

/** An account of the city's chart of accounts (Kommun-Bas). */
export const KontoSchema = defineEntity({
  name: 'Konto',
  tableName: 'konto',
  properties: {
    konto: p.integer().primary().autoincrement(false),
    namn: p.string().length(200),
  },
});
export class Konto extends KontoSchema.class {}
KontoSchema.setClass(Konto);

/** One line of the editable table that maps account ranges to kontogrupper. */
export const KontogruppIntervallSchema = defineEntity({
  name: 'KontogruppIntervallRad',
  tableName: 'kontogrupp_intervall',
  properties: {
    fran: p.integer().primary().autoincrement(false),
    till: p.integer(),
    kontogrupp: p.enum(KONTOGRUPPER.map((grupp) => grupp.kod)),
  },
});
export class KontogruppIntervallRad extends KontogruppIntervallSchema.class {}
KontogruppIntervallSchema.setClass(KontogruppIntervallRad);

/** One range of the kontoplan's internal accounts, eliminated at city level. */
export const InterntKontointervallSchema = defineEntity({
  name: 'InterntKontointervallRad',
  tableName: 'intern_kontointervall',
  properties: {
    fran: p.integer().primary().autoincrement(false),
    till: p.integer(),
    namn: p.string().length(200),
  },
});
export class InterntKontointervallRad extends InterntKontointervallSchema.class {}
InterntKontointervallSchema.setClass(InterntKontointervallRad);
