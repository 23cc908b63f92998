import type { Ore } from '@tertial/contracts/money';
import type { Tiondelar } from '@tertial/contracts/prognos';

import { arsbelopp, type Verksamhetsbudgetrad } from './periodisering.js';

/**
 * What one årsarbetare costs a year on average, wages with personnel overheads (PO): 620 000 kr. It estimates the
 * budgeted årsarbetare of an ansvar whose chef has not stated them, from the verksamhetsbudget's personnel costs.
 */
export const GENOMSNITTLIG_ARSKOSTNAD_ORE: Ore = 62_000_000;

/** The budget's årsarbetare estimated from its personnel costs, to the nearest tenth. */
export function beraknadeArsarbetare(rader: readonly Verksamhetsbudgetrad[]): Tiondelar {
  const personal = rader.filter((rad) => rad.kontogrupp === 'personalkostnader').reduce((summa, rad) => summa + arsbelopp(rad.manader), 0);
  return Math.max(0, Math.round((personal * 10) / GENOMSNITTLIG_ARSKOSTNAD_ORE));
}

/** The chef's stated årsarbetare where there are any, else the estimate, with where the figure comes from. */
export function budgeteradeArsarbetare(
  rader: readonly Verksamhetsbudgetrad[],
  chefens: Tiondelar | null | undefined,
): { tiondelar: Tiondelar; kalla: 'chef' | 'berakning' } {
  if (chefens !== null && chefens !== undefined) return { tiondelar: chefens, kalla: 'chef' };
  return { tiondelar: beraknadeArsarbetare(rader), kalla: 'berakning' };
}
