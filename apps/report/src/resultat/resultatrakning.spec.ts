import { STANDARD_INTERNA_KONTON, type InterntKontointervall } from '@tertial/contracts/kontoplan';
import { describe, expect, it } from 'vitest';

import { laggTillFinansrader, radbeloppFranKonton, radbeloppFranNamnder, stallUpp, STANDARD_RESULTATRADER } from './resultatrakning.js';

const BOKSLUT = [
  { konto: 3110, beloppOre: -100 },
  { konto: 3620, beloppOre: -40 },
  { konto: 5010, beloppOre: 700 },
  { konto: 6020, beloppOre: 40 },
  { konto: 7910, beloppOre: 50 },
  { konto: 7950, beloppOre: 20 },
  { konto: 1930, beloppOre: -670 },
];
const INTERNA_HYROR: InterntKontointervall[] = [
  { fran: 3620, till: 3629, namn: 'Interna hyresintäkter' },
  { fran: 6020, till: 6029, namn: 'Interna lokalhyror' },
];

describe('the bokslut column eliminates what the kontoplan calls internal', () => {
  it.each([
    ['the default kontoplan: internränta', STANDARD_INTERNA_KONTON, 20, { intakter: 140, kostnader: 740 }],
    [
      'a kontoplan with internal rents on both sides as well',
      [...STANDARD_INTERNA_KONTON, ...INTERNA_HYROR],
      100,
      { intakter: 100, kostnader: 700 },
    ],
    ['a kontoplan with no internal accounts', [], 0, { intakter: 140, kostnader: 760 }],
  ])('%s', (_, interna, eliminerat, { intakter, kostnader }) => {
    const { rader, elimineratOre } = radbeloppFranKonton(BOKSLUT, STANDARD_RESULTATRADER, interna);
    expect(elimineratOre).toBe(eliminerat);
    expect(rader['verksamhetens-intakter']).toBe(intakter);
    expect(rader['verksamhetens-kostnader']).toBe(kostnader);
    expect(rader.avskrivningar).toBe(50);
  });

  it('an internal account is eliminated even where the row table has no row for it, and a balance account is in no row', () => {
    const { rader, elimineratOre } = radbeloppFranKonton(
      [
        { konto: 2990, beloppOre: 30 },
        { konto: 1930, beloppOre: -30 },
      ],
      STANDARD_RESULTATRADER,
      [{ fran: 2990, till: 2990, namn: 'Internt avräkningskonto' }],
    );
    expect(elimineratOre).toBe(30);
    expect(Object.values(rader).every((belopp) => belopp === 0)).toBe(true);
  });

  it('the row table maps the rest: an account moved to another row follows it', () => {
    const tabell = STANDARD_RESULTATRADER.map((rad) => (rad.fran === 7950 ? { ...rad, rad: 'finansiella-kostnader' as const } : rad));
    const { rader } = radbeloppFranKonton([{ konto: 7950, beloppOre: 20 }], tabell, []);
    expect(rader['finansiella-kostnader']).toBe(20);
    expect(rader['verksamhetens-kostnader']).toBe(0);
  });
});

describe('the resultaträkning', () => {
  it('adds the finance function to the nämnder and sums down to årets resultat', () => {
    const rader = laggTillFinansrader(radbeloppFranNamnder(1_000, 8_000), [
      { rad: 'skatteintakter', beloppOre: 6_000 },
      { rad: 'generella-statsbidrag', beloppOre: 2_500 },
      { rad: 'pensioner', beloppOre: 300 },
      { rad: 'avskrivningar', beloppOre: 200 },
      { rad: 'finansiella-intakter', beloppOre: 150 },
      { rad: 'finansiella-kostnader', beloppOre: 50 },
    ]);
    const rakning = Object.fromEntries(stallUpp(rader).map((rad) => [rad.kod, rad.beloppOre]));
    expect(rakning).toMatchObject({
      'verksamhetens-kostnader': -8_300,
      'verksamhetens-nettokostnader': -7_500,
      'verksamhetens-resultat': 1_000,
      'resultat-efter-finansiella-poster': 1_100,
      'arets-resultat': 1_100,
    });
  });
});
