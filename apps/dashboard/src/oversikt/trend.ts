import type { Oversikt, Trendpunkt } from '@tertial/contracts/dto';
import { TRENDPUNKTER } from '@tertial/contracts/dto';

import { formatBeloppUtanEnhet } from '../format/belopp.js';

/** The chart's height, held while it loads. */
export const TREND_HOJD_PX = 280;

export const TRENDNAMN: Record<Trendpunkt, string> = { april: 'Prognos april', augusti: 'Prognos augusti', bokslut: 'Bokslut' };

type Trendrad = Oversikt['trend']['stad'];

/** The change from the first point to the last that has a figure; null with fewer than two. */
export function trendensForandring(rad: Trendrad): number | null {
  const med = rad.nettokostnadOre.filter((ore): ore is number => ore !== null);
  return med.length < 2 ? null : med.at(-1)! - med[0]!;
}

/** Spoken, with units written out: each point of the city's trend and the budget it is held against. */
export function beskrivTrend(stad: Trendrad, budgetOre: number | null): string {
  const punkter = TRENDPUNKTER.map((punkt, i) => {
    const ore = stad.nettokostnadOre[i];
    return `${TRENDNAMN[punkt]} ${ore === null || ore === undefined ? 'saknas' : `${formatBeloppUtanEnhet(ore, 'mnkr', 1)} miljoner kronor`}`;
  });
  const budget = budgetOre === null ? '' : ` Budget ${formatBeloppUtanEnhet(budgetOre, 'mnkr', 1)} miljoner kronor.`;
  return `Linjediagram över ${stad.namn}s nettokostnad: ${punkter.join('; ')}.${budget} Samma siffror finns i tabellen under diagrammet.`;
}
