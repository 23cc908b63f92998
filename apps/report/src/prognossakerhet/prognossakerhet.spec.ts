import { describe, expect, it } from 'vitest';

import { arBokslutetHelt, procentMedEnDecimal, prognossakerhet } from './prognossakerhet.js';

const MNKR = 100_000_000;

describe('prognossäkerhet', () => {
  it('an August forecast of +20 mnkr against a bokslut of −35 mnkr is a prognosavvikelse of −55 mnkr', () => {
    const { namnder } = prognossakerhet(
      [{ namnd: 'SN', namn: 'Socialnämnden', budgetOre: 1_000 * MNKR, prognosOre: 980 * MNKR }],
      [{ namnd: 'SN', budgetOre: 1_000 * MNKR, nettokostnadOre: 1_035 * MNKR }],
    );
    expect(namnder[0]).toEqual({
      namnd: 'SN',
      namn: 'Socialnämnden',
      prognosBudgetOre: 1_000 * MNKR,
      prognosOre: 980 * MNKR,
      prognosAvvikelseOre: 20 * MNKR,
      prognosAvvikelseProcent: 2,
      bokslutBudgetOre: 1_000 * MNKR,
      bokslutOre: 1_035 * MNKR,
      bokslutAvvikelseOre: -35 * MNKR,
      bokslutAvvikelseProcent: -3.5,
      prognosavvikelseOre: -55 * MNKR,
      prognosavvikelseProcent: -5.5,
    });
  });

  it('uses each its own budget: a tilläggsbudget after the round moves the bokslut’s avvikelse, not the forecast’s', () => {
    const { namnder } = prognossakerhet(
      [{ namnd: 'KS', namn: 'Kommunstyrelsen', budgetOre: 600 * MNKR, prognosOre: 600 * MNKR }],
      [{ namnd: 'KS', budgetOre: 610 * MNKR, nettokostnadOre: 600 * MNKR }],
    );
    expect(namnder[0]).toMatchObject({
      prognosAvvikelseOre: 0,
      prognosAvvikelseProcent: 0,
      bokslutAvvikelseOre: 10 * MNKR,
      bokslutAvvikelseProcent: 1.6,
      prognosavvikelseOre: 10 * MNKR,
      prognosavvikelseProcent: 1.6,
    });
  });

  it('sums the city over the nämnder the round covers, and leaves the bokslut empty before the year is closed', () => {
    const prognoser = [
      { namnd: 'SN', namn: 'Socialnämnden', budgetOre: 1_000 * MNKR, prognosOre: 1_010 * MNKR },
      { namnd: 'AMN', namn: 'Arbetsmarknadsnämnden', budgetOre: 400 * MNKR, prognosOre: 390 * MNKR },
    ];
    const stangt = prognossakerhet(prognoser, [
      { namnd: 'SN', budgetOre: 1_000 * MNKR, nettokostnadOre: 1_030 * MNKR },
      { namnd: 'AMN', budgetOre: 400 * MNKR, nettokostnadOre: 385 * MNKR },
      { namnd: 'KS', budgetOre: 600 * MNKR, nettokostnadOre: 500 * MNKR },
    ]);
    expect(stangt.stad).toMatchObject({
      prognosBudgetOre: 1_400 * MNKR,
      prognosAvvikelseOre: 0,
      bokslutBudgetOre: 1_400 * MNKR,
      bokslutOre: 1_415 * MNKR,
      bokslutAvvikelseOre: -15 * MNKR,
      prognosavvikelseOre: -15 * MNKR,
      prognosavvikelseProcent: -1.1,
    });
    const oppet = prognossakerhet(prognoser, null);
    expect(oppet.stad).toMatchObject({
      prognosAvvikelseOre: 0,
      prognosAvvikelseProcent: 0,
      bokslutOre: null,
      bokslutAvvikelseProcent: null,
      prognosavvikelseOre: null,
      prognosavvikelseProcent: null,
    });
  });

  it.each([
    ['none arrived', [], false],
    ['one of three', [{ namnd: 'SN', antalNamnder: 3 }], false],
    [
      'two of three, one of them twice',
      [
        { namnd: 'SN', antalNamnder: 3 },
        { namnd: 'SN', antalNamnder: 3 },
        { namnd: 'KS', antalNamnder: 3 },
      ],
      false,
    ],
    [
      '(whole) all three',
      [
        { namnd: 'SN', antalNamnder: 3 },
        { namnd: 'KS', antalNamnder: 3 },
        { namnd: 'AMN', antalNamnder: 3 },
      ],
      true,
    ],
    ['(whole) a close of one nämnd', [{ namnd: 'SN', antalNamnder: 1 }], true],
  ] as const)('the bokslut counts once whole, not with %s', (_, bokslut, helt) => {
    expect(arBokslutetHelt(bokslut)).toBe(helt);
  });

  it('rounds the share half away from zero to one decimal, in whole numbers', () => {
    expect(procentMedEnDecimal(-55 * MNKR, 1_000 * MNKR)).toBe(-5.5);
    expect(procentMedEnDecimal(125, 10_000)).toBe(1.3);
    expect(procentMedEnDecimal(-125, 10_000)).toBe(-1.3);
    expect(procentMedEnDecimal(124, 10_000)).toBe(1.2);
    expect(procentMedEnDecimal(0, 10_000)).toBe(0);
    expect(procentMedEnDecimal(5, 0)).toBeNull();
  });
});
