import type { KontogruppKod } from '@tertial/contracts/kontogrupper';
import { describe, expect, it } from 'vitest';

import {
  arsbelopp,
  fordelaEfterMonster,
  fordelaJamnt,
  provaVerksamhetsbudget,
  standardVerksamhetsbudget,
  type VerksamhetsbudgetUnderlag,
} from './periodisering.js';

const TOLV = (belopp: number) => Array.from({ length: 12 }, () => belopp);

describe('fordelaJamnt: a year in twelve equal parts, exact to the öre', () => {
  it.each([
    { namn: 'divides evenly', ar: 1_200_00, manader: TOLV(100_00) },
    { namn: 'the öre left over go to the first months', ar: 1_200_05, manader: [...TOLV(100_00).map((b, i) => (i < 5 ? b + 1 : b))] },
    { namn: 'less than twelve öre', ar: 7, manader: [1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0] },
    { namn: 'zero', ar: 0, manader: TOLV(0) },
    { namn: 'a negative amount is spread the same way', ar: -1_200_05, manader: TOLV(-100_00).map((b, i) => (i < 5 ? b - 1 : b)) },
  ])('$namn', ({ ar, manader }) => {
    const resultat = fordelaJamnt(ar);
    expect(resultat).toEqual(manader);
    expect(arsbelopp(resultat)).toBe(ar);
  });
});

describe('fordelaEfterMonster: a year by last year’s pattern, exact to the öre', () => {
  const juliDipp = [10, 10, 10, 10, 10, 10, 5, 10, 10, 10, 10, 10];
  it.each([
    {
      namn: 'in proportion to the pattern',
      ar: 115_00,
      monster: juliDipp,
      manader: [...TOLV(10_00).slice(0, 6), 5_00, ...TOLV(10_00).slice(0, 5)],
    },
    {
      namn: 'the öre left go to the largest remainders',
      ar: 100,
      monster: [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      manader: [34, 33, 33, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    },
    { namn: 'an empty pattern is spread evenly', ar: 1_200, monster: TOLV(0), manader: TOLV(100) },
    { namn: 'no pattern at all is spread evenly', ar: 1_200, monster: [], manader: TOLV(100) },
    {
      namn: 'negative months (a credit) weigh nothing',
      ar: 300,
      monster: [-50, 100, 200, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      manader: [0, 100, 200, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    },
  ])('$namn', ({ ar, monster, manader }) => {
    const resultat = fordelaEfterMonster(ar, monster);
    expect(resultat).toEqual(manader);
    expect(arsbelopp(resultat)).toBe(ar);
  });

  it('adds up for amounts whose products pass 2^53 (nine billion kronor over large patterns)', () => {
    const ar = 900_000_000_000;
    const monster = [3_100_000_000_07, 2_900_000_000_13, 3_000_000_000_00, 2_999_999_999_99, 1, 0, 1_500_000_000_00, 7, 11, 13, 17, 19];
    expect(arsbelopp(fordelaEfterMonster(ar, monster))).toBe(ar);
  });
});

const underlag = (foregaende: [KontogruppKod, number[]][] = []): VerksamhetsbudgetUnderlag => ({
  internbudget: [
    { kontogrupp: 'intakter', beloppOre: 120_000_00 },
    { kontogrupp: 'personalkostnader', beloppOre: 1_200_000_00 },
  ],
  foregaendeAr: new Map(foregaende),
});

describe('the verksamhetsbudget where the chef made none', () => {
  it.each([
    { namn: 'spread evenly without last year', foregaende: [] as [KontogruppKod, number[]][], juli: 100_000_00 },
    {
      namn: 'spread by last year’s pattern of the kontogrupp',
      foregaende: [['personalkostnader', [...TOLV(100).slice(0, 6), 50, ...TOLV(100).slice(0, 5)]]] as [KontogruppKod, number[]][],
      juli: 52_173_91,
    },
  ])('$namn', ({ foregaende, juli }) => {
    const rader = standardVerksamhetsbudget(underlag(foregaende));
    const personal = rader.find((rad) => rad.kontogrupp === 'personalkostnader')!;
    expect(personal.manader[6]).toBe(juli);
    expect(arsbelopp(personal.manader)).toBe(1_200_000_00);
    expect(arsbelopp(rader.find((rad) => rad.kontogrupp === 'intakter')!.manader)).toBe(120_000_00);
  });
});

describe('provaVerksamhetsbudget: the chef’s budget must add up to the internbudget', () => {
  it.each([
    {
      namn: 'evenly, the internbudget as it is',
      forslag: { periodisering: 'jamnt', rader: underlag().internbudget } as const,
      ok: true,
    },
    {
      namn: 'moved between kontogrupper with the same net cost',
      forslag: {
        periodisering: 'jamnt',
        rader: [
          { kontogrupp: 'intakter', beloppOre: 150_000_00 },
          { kontogrupp: 'personalkostnader', beloppOre: 1_100_000_00 },
          { kontogrupp: 'lokalkostnader', beloppOre: 130_000_00 },
        ],
      } as const,
      ok: true,
    },
    {
      namn: 'by hand, twelve months that add up',
      forslag: {
        periodisering: 'manuellt',
        rader: [
          { kontogrupp: 'intakter', manader: TOLV(10_000_00) },
          {
            kontogrupp: 'personalkostnader',
            manader: [...TOLV(95_000_00).slice(0, 6), 30_000_00, ...TOLV(95_000_00).slice(0, 4), 220_000_00],
          },
        ],
      } as const,
      ok: true,
    },
    {
      namn: 'one öre off is refused, the difference named',
      forslag: {
        periodisering: 'jamnt',
        rader: [
          { kontogrupp: 'intakter', beloppOre: 120_000_00 },
          { kontogrupp: 'personalkostnader', beloppOre: 1_200_000_01 },
        ],
      } as const,
      ok: false,
      falt: 'rader',
      text: 'en skillnad på 0,01 kr',
    },
    {
      namn: 'a kontogrupp twice is refused',
      forslag: {
        periodisering: 'jamnt',
        rader: [
          { kontogrupp: 'intakter', beloppOre: 120_000_00 },
          { kontogrupp: 'intakter', beloppOre: 0 },
          { kontogrupp: 'personalkostnader', beloppOre: 1_200_000_00 },
        ],
      } as const,
      ok: false,
      falt: 'rader[1].kontogrupp',
      text: 'mer än en gång',
    },
    {
      namn: 'eleven months by hand are refused',
      forslag: { periodisering: 'manuellt', rader: [{ kontogrupp: 'personalkostnader', manader: TOLV(1).slice(1) }] } as const,
      ok: false,
      falt: 'rader[0].manader',
      text: 'tolv månader',
    },
  ])('$namn', ({ forslag, ok, falt, text }) => {
    const resultat = provaVerksamhetsbudget(forslag, underlag());
    expect(resultat.ok).toBe(ok);
    if (resultat.ok) {
      expect(resultat.varde.differensOre).toBe(0);
      expect(resultat.varde.rader.every((rad) => rad.manader.length === 12)).toBe(true);
    } else {
      expect(resultat.fel[0]).toMatchObject({ field: falt });
      expect(resultat.fel[0]!.message).toContain(text);
    }
  });
});
