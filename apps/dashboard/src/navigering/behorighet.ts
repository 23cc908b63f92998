import type { Roll } from '@tertial/contracts/access';

import { SIDOR, type Sida, type Sidnyckel } from './sidor.js';

/**
 * The pages each role has use for, as the services' rules allow: only convenience, for the services decide
 * what each user may see and answer 403 for the rest. The ekonomidirektör sees everything, the city's totals
 * and the utfall import only they; a förvaltningsekonom reviews forecasts and works with their nämnd's budget;
 * a processledare writes the nämnd's goals; a chef forecasts their own ansvar; the ekonomidirektör, the
 * förvaltningsekonom and a chef follow the round up (uppföljning) in their part of the tree; a council member reads the fixed
 * reports; a company's ekonomichef (bolagsekonom) enters the company's forecast. A role's first page here, in the menu's order, is where `/` sends it.
 */
export const SIDOR_PER_ROLL: Readonly<Record<Roll, readonly Sidnyckel[]>> = {
  // The company's forecast form is its ekonomichef's; the ekonomidirektör follows the companies on Koncernen.
  ekonomidirektor: SIDOR.map((sida) => sida.nyckel).filter((nyckel) => nyckel !== 'bolagsprognos'),
  forvaltningsekonom: ['helarsprognoser', 'uppfoljning', 'mal', 'organisation', 'budget', 'investeringar'],
  processledare: ['mal', 'organisation'],
  chef: ['helarsprognoser', 'uppfoljning', 'mal', 'organisation'],
  fullmaktige: ['rapporter'],
  // Stadsrevisionen reads the drafts put up for audit and the fixed versions; it changes nothing.
  stadsrevisionen: ['rapporter'],
  bolagsekonom: ['bolagsprognos'],
};

/** The pages for someone with these roles, in the main menu's order. */
export function sidorFor(roller: readonly Roll[]): Sida[] {
  const nycklar = new Set(roller.flatMap((roll) => SIDOR_PER_ROLL[roll]));
  return SIDOR.filter((sida) => nycklar.has(sida.nyckel));
}
