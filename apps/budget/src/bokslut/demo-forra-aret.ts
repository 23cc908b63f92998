import type { EntityManager } from '@mikro-orm/core';
import { demoForraAret, demoStad } from '@tertial/demo-city';

import { infogaUtfall } from '../utfall/utfall.service.js';

/**
 * The demo city's utfall for January–December of the year before the demo year, straight into the table (about 570 000
 * rows, a few seconds): put in with the demo budget, before the demo year's verksamhetsbudgetar are spread by it.
 */
export async function lasInDemoForraAretsUtfall(em: EntityManager): Promise<number> {
  const forra = demoForraAret(demoStad());
  return infogaUtfall(
    em,
    (function* () {
      for (const rad of forra.utfall()) yield [rad.ar, rad.manad, rad.ansvar, rad.konto, rad.beloppOre] as const;
    })(),
  );
}
