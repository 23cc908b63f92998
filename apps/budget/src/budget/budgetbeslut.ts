import type { Hinder } from '@tertial/service-kit';

import type { Namndbelopp } from './budgetversioner.js';

/**
 * KF decides frames (or changes them in a tilläggsbudget) only for nämnder of the organisation: every amount
 * for a kod that is not a nämnd of the year is refused, each named by its place in the decision.
 */
export function okandaNamnder(
  typ: 'kf-beslut' | 'tillaggsbudget',
  belopp: readonly Pick<Namndbelopp, 'namnd'>[],
  namnder: ReadonlySet<string>,
): Hinder | null {
  const falt = typ === 'kf-beslut' ? 'ramar' : 'andringar';
  const okanda = belopp.map((rad, index) => ({ namnd: rad.namnd, index })).filter(({ namnd }) => !namnder.has(namnd));
  if (okanda.length === 0) return null;
  return {
    status: 422,
    title: 'Okänd nämnd',
    detail: `${okanda.map(({ namnd }) => namnd).join(', ')} finns inte i organisationen.`,
    fel: okanda.map(({ index }) => ({ field: `${falt}[${index}].namnd`, message: 'okänd nämnd' })),
  };
}
