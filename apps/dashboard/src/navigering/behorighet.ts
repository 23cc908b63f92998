import type { Roll } from '@tertial/contracts';

import { SIDOR, type Sida, type Sidnyckel } from './sidor.js';

/**
 * The pages each role has use for. Only convenience: the services decide what each user may see, and answer
 * 403 for the rest. The ekonomidirektör sees everything; a chef follows up their own part of the organisation;
 * a council member reads the fixed reports.
 */
export const SIDOR_PER_ROLL: Readonly<Record<Roll, readonly Sidnyckel[]>> = {
  ekonomidirektor: SIDOR.map((sida) => sida.nyckel),
  forvaltningsekonom: ['helarsprognos', 'organisation', 'budget', 'utfall-import', 'investeringar'],
  processledare: ['helarsprognos', 'organisation', 'budget', 'investeringar'],
  chef: ['helarsprognos', 'organisation'],
  fullmaktige: ['rapporter'],
};

/** The pages for someone with these roles, in the main menu's order. */
export function sidorFor(roller: readonly Roll[]): Sida[] {
  const nycklar = new Set(roller.flatMap((roll) => SIDOR_PER_ROLL[roll]));
  return SIDOR.filter((sida) => nycklar.has(sida.nyckel));
}
