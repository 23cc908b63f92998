import { describe, expect, it } from 'vitest';

import { beraknadeArsarbetare, budgeteradeArsarbetare, GENOMSNITTLIG_ARSKOSTNAD_ORE } from './arsarbetare.js';
import type { Verksamhetsbudgetrad } from './periodisering.js';

const manader = (arsbelopp: number) => Array.from({ length: 12 }, (_, i) => (i === 0 ? arsbelopp : 0));
const rad = (kontogrupp: Verksamhetsbudgetrad['kontogrupp'], arsbelopp: number): Verksamhetsbudgetrad => ({
  kontogrupp,
  manader: manader(arsbelopp),
});

describe('beraknadeArsarbetare', () => {
  it.each([
    { fall: 'no personnel costs', rader: [rad('lokalkostnader', 5_000_000_00)], tiondelar: 0 },
    { fall: 'exactly ten', rader: [rad('personalkostnader', 10 * GENOMSNITTLIG_ARSKOSTNAD_ORE)], tiondelar: 100 },
    { fall: 'rounds to the nearest tenth', rader: [rad('personalkostnader', 12_345_678_00)], tiondelar: 199 },
    { fall: 'other groups do not count', rader: [rad('personalkostnader', 6_200_000_00), rad('intakter', 9_000_000_00)], tiondelar: 100 },
  ])('$fall', ({ rader, tiondelar }) => {
    expect(beraknadeArsarbetare(rader)).toBe(tiondelar);
  });
});

describe('budgeteradeArsarbetare', () => {
  const rader = [rad('personalkostnader', 10 * GENOMSNITTLIG_ARSKOSTNAD_ORE)];
  it.each([
    { fall: "the chef's figure wins", chefens: 87, vantat: { tiondelar: 87, kalla: 'chef' } },
    { fall: 'zero stated is a figure', chefens: 0, vantat: { tiondelar: 0, kalla: 'chef' } },
    { fall: 'none stated is estimated', chefens: null, vantat: { tiondelar: 100, kalla: 'berakning' } },
    { fall: 'absent is estimated', chefens: undefined, vantat: { tiondelar: 100, kalla: 'berakning' } },
  ])('$fall', ({ chefens, vantat }) => {
    expect(budgeteradeArsarbetare(rader, chefens)).toEqual(vantat);
  });
});
