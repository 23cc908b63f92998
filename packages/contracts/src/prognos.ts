import { z } from 'zod';

import { kontogruppTyp, type KontogruppKod } from './kontogrupper.js';
import { addOre, type Ore } from './money.js';

/** The occasions a helårsprognos is made: after April (tertial 1) and after August (tertial 2). */
export const PROGNOSTILLFALLEN = ['april', 'augusti'] as const;
export const prognostillfalleSchema = z.enum(PROGNOSTILLFALLEN, {
  error: () => `ska vara ett av ${PROGNOSTILLFALLEN.join(', ')}`,
});
export type Prognostillfalle = z.infer<typeof prognostillfalleSchema>;

export const arSchema = z.number({ error: 'ska vara ett årtal' }).int().min(2000).max(2100);

export interface PrognosRad {
  readonly kontogrupp: KontogruppKod;
  readonly beloppOre: Ore;
}

export interface PrognosSumma {
  readonly intakterOre: Ore;
  readonly kostnaderOre: Ore;
  /** Cost minus revenue: what the ansvar costs the city net. */
  readonly nettokostnadOre: Ore;
}

/** Sums a forecast's lines into revenue, cost and net cost, exactly, in öre. */
export function summeraRader(rader: readonly PrognosRad[]): PrognosSumma {
  let intakterOre = 0;
  let kostnaderOre = 0;
  for (const rad of rader) {
    if (kontogruppTyp(rad.kontogrupp) === 'intakt') intakterOre = addOre(intakterOre, rad.beloppOre);
    else kostnaderOre = addOre(kostnaderOre, rad.beloppOre);
  }
  return { intakterOre, kostnaderOre, nettokostnadOre: addOre(kostnaderOre, -intakterOre) };
}

/** The last month of the period a forecast follows up: April's covers January to April, August's to August. */
export function periodensSistaManad(tillfalle: Prognostillfalle): number {
  return tillfalle === 'april' ? 4 : 8;
}

/** The last day of the period a forecast follows up: the organisation of that day is the one it is reported in. */
export function periodensSlut(ar: number, tillfalle: Prognostillfalle): string {
  return tillfalle === 'april' ? `${ar}-04-30` : `${ar}-08-31`;
}
