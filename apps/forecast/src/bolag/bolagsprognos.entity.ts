import { defineEntity, p } from '@mikro-orm/core';
import type { Bolagsprognos } from '@tertial/contracts/dto';

/** A company's full-year forecast in a round, as its ekonomichef last saved it (each save a new version). */
export const BolagsprognosSchema = defineEntity({
  name: 'BolagsprognosRad',
  tableName: 'bolagsprognos',
  properties: {
    bolag: p.string().length(20).primary(),
    ar: p.integer().primary().autoincrement(false),
    tillfalle: p.string().length(20).primary(),
    prognos: p.json<Bolagsprognos>(),
  },
});
export class BolagsprognosRad extends BolagsprognosSchema.class {}
BolagsprognosSchema.setClass(BolagsprognosRad);
