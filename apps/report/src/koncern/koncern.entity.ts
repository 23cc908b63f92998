import { defineEntity, p } from '@mikro-orm/core';
import type { Bolagssiffror } from '@tertial/contracts/dto';

/**
 * A company's figures as the budget and forecast services last published them: `kalla` is `budget`, `utfall` or
 * a round's tillfälle. Utfall holds the year to date per month; the others one year's figures and comment.
 */
export const BolagSiffrorSchema = defineEntity({
  name: 'BolagSiffror',
  tableName: 'bolag_siffror',
  properties: {
    bolag: p.string().length(20).primary(),
    ar: p.integer().primary().autoincrement(false),
    kalla: p.string().length(20).primary(),
    data: p.json<{ siffror?: Bolagssiffror; kommentar?: string; andradAv?: string; manader?: BolagsutfallManad[] }>(),
    uppdateradAt: p.datetime(),
  },
});
export class BolagSiffror extends BolagSiffrorSchema.class {}
BolagSiffrorSchema.setClass(BolagSiffror);

export interface BolagsutfallManad {
  manad: number;
  intakterOre: number;
  kostnaderOre: number;
  finansnettoOre: number;
  investeringarOre: number;
}

/** One intra-group amount of a year (what one part of the koncern sold to another), entered or imported by the ekonomidirektör's staff. */
export const KoncerninternPostSchema = defineEntity({
  name: 'KoncerninternPostRad',
  tableName: 'koncernintern_post',
  properties: {
    ar: p.integer().primary().autoincrement(false),
    saljare: p.string().length(20).primary(),
    kopare: p.string().length(20).primary(),
    slag: p.string().length(20).primary(),
    beloppOre: p.bigint('number'),
    andradAv: p.string().length(200),
    andradAt: p.datetime(),
  },
});
export class KoncerninternPostRad extends KoncerninternPostSchema.class {}
KoncerninternPostSchema.setClass(KoncerninternPostRad);
