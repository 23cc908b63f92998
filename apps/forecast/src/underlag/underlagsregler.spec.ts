import { describe, expect, it } from 'vitest';

import { STANDARDTROSKEL } from '../helarsprognoser/helarsprognosregler.js';
import { arsbudget, avvikelse, berakningsunderlag, forslag, jamforVersioner, runRate, utfallTom, type Version } from './underlagsregler.js';

describe('the proposal: utfall so far plus the remaining months’ budget', () => {
  it.each([
    ['after April: utfall plus eight twelfths of the budget', 40_000_00, 120_000_00, 4, 120_000_00],
    ['after August: utfall plus four twelfths', 90_000_00, 120_000_00, 8, 130_000_00],
    ['after November: one month of budget left', 110_000_00, 120_000_00, 11, 120_000_00],
    ['a budget that does not divide evenly is rounded to the öre once', 0, 100_00, 4, 66_67],
    ['no budget: the utfall alone', 5_00, 0, 4, 5_00],
  ])('%s', (_, utfall, budget, manad, vantat) => {
    expect(forslag(utfall, budget, manad)).toBe(vantat);
  });
});

describe('the proposal with the verksamhetsbudget’s months: utfall plus the budget of exactly the months left', () => {
  const tolftedelar = Array.from({ length: 12 }, () => 10_000_00);
  const sommardipp = [10, 10, 10, 10, 10, 10, 4, 10, 10, 10, 10, 16].map((tiotal) => tiotal * 1_000_00);
  it.each([
    ['after April, even months: as the twelfths', 40_000_00, tolftedelar, 4, 120_000_00],
    ['after April, July low and December high: the months as budgeted', 40_000_00, sommardipp, 4, 40_000_00 + 80_000_00],
    ['after August, the year’s last four months', 90_000_00, sommardipp, 8, 90_000_00 + 46_000_00],
    ['after November, December alone', 0, sommardipp, 11, 16_000_00],
  ])('%s', (_, utfall, manader, tomManad, vantat) => {
    expect(forslag(utfall, 0, tomManad, manader)).toBe(vantat);
  });

  it('the year per kontogrupp is the sum of its months, to the öre', () => {
    expect(arsbudget([{ kontogrupp: 'lokalkostnader', manader: [...sommardipp.slice(0, 11), 16_000_01] }])).toEqual([
      { kontogrupp: 'lokalkostnader', beloppOre: 120_000_01 },
    ]);
  });
});

describe('the run-rate: utfall so far scaled to twelve months, July’s holiday dip accounted for', () => {
  it.each([
    ['other costs after April: three times the four months', 'ovriga-kostnader', 40_000_00, 4, 120_000_00],
    ['personnel after April: eleven and six tenths months from four', 'personalkostnader', 40_000_00, 4, 116_000_00],
    ['personnel after August: July counted as 0.6 of a month', 'personalkostnader', 76_000_00, 8, 116_000_00],
    ['revenue after August is straight-line', 'intakter', 80_000_00, 8, 120_000_00],
    ['no utfall is no run-rate', 'personalkostnader', 0, 8, 0],
  ] as const)('%s', (_, kontogrupp, utfall, manad, vantat) => {
    expect(runRate(kontogrupp, utfall, manad)).toBe(vantat);
  });
});

describe('avvikelse: positive is a surplus', () => {
  it.each([
    ['a cost under budget is a surplus', 'personalkostnader', 100_00, 90_00, 10_00],
    ['a cost over budget is a deficit', 'personalkostnader', 100_00, 110_00, -10_00],
    ['revenue over budget is a surplus', 'intakter', 100_00, 130_00, 30_00],
    ['revenue under budget is a deficit', 'intakter', 100_00, 70_00, -30_00],
  ] as const)('%s', (_, kontogrupp, budget, prognos, vantat) => {
    expect(avvikelse(kontogrupp, budget, prognos)).toBe(vantat);
  });
});

describe('the chef’s entry', () => {
  const budget = [
    { kontogrupp: 'intakter', beloppOre: 12_000_00 },
    { kontogrupp: 'personalkostnader', beloppOre: 120_000_00 },
  ] as const;
  const utfall = [
    { manad: 1, rader: [{ kontogrupp: 'personalkostnader', beloppOre: 10_000_00 }] },
    {
      manad: 4,
      rader: [
        { kontogrupp: 'personalkostnader', beloppOre: 30_000_00 },
        { kontogrupp: 'intakter', beloppOre: 4_000_00 },
      ],
    },
    { manad: 5, rader: [{ kontogrupp: 'personalkostnader', beloppOre: 99_999_00 }] },
  ] as const;

  it('sums utfall up to the round’s month and leaves later months out', () => {
    expect(Object.fromEntries(utfallTom(utfall, 4))).toEqual({ personalkostnader: 40_000_00, intakter: 4_000_00 });
  });

  it('shows each kontogrupp side by side, and net figures that are the rows’ net to the öre', () => {
    const underlag = berakningsunderlag({
      budget,
      utfall,
      tomManad: 4,
      foregaende: null,
      prognos: [
        { kontogrupp: 'intakter', beloppOre: 12_000_00 },
        { kontogrupp: 'personalkostnader', beloppOre: 125_000_00 },
      ],
      troskel: STANDARDTROSKEL,
    });
    expect(underlag.rader.map((rad) => rad.kontogrupp)).toEqual([
      'intakter',
      'personalkostnader',
      'lokalkostnader',
      'kop-av-verksamhet',
      'ovriga-kostnader',
      'kapitalkostnader',
    ]);
    expect(underlag.rader[1]).toEqual({
      kontogrupp: 'personalkostnader',
      budgetOre: 120_000_00,
      utfallOre: 40_000_00,
      forslagOre: 120_000_00,
      runRateOre: 116_000_00,
      foregaendePrognosOre: null,
      prognosOre: 125_000_00,
      avvikelseOre: -5_000_00,
    });
    expect(underlag.netto).toEqual({
      budgetOre: 108_000_00,
      utfallOre: 36_000_00,
      forslagOre: 108_000_00 - 0,
      runRateOre: 116_000_00 - 12_000_00,
      foregaendePrognosOre: null,
      prognosOre: 113_000_00,
      avvikelseOre: -5_000_00,
    });
    // 5 000 kr of a 108 000 kr budget is 4.6 %: under 5 % and under 500 000 kr.
    expect(underlag.kommentarKravs).toBe(false);
  });

  it.each([
    ['a surplus of 6 000 kr on a net budget of 108 000 kr (5.6 %) requires a comment', 114_000_00, true],
    ['a deficit of 4 000 kr (3.7 %) does not', 124_000_00, false],
    ['no forecast yet requires nothing', null, false],
  ])('%s', (_, personal, kravs) => {
    const prognos =
      personal === null
        ? null
        : [
            { kontogrupp: 'personalkostnader' as const, beloppOre: personal },
            { kontogrupp: 'intakter' as const, beloppOre: 12_000_00 },
          ];
    expect(berakningsunderlag({ budget, utfall, tomManad: 4, foregaende: null, prognos, troskel: STANDARDTROSKEL }).kommentarKravs).toBe(
      kravs,
    );
  });

  it('with no budget known (budget has published none) no comment is required', () => {
    const prognos = [{ kontogrupp: 'personalkostnader' as const, beloppOre: 900_000_00 }];
    const underlag = berakningsunderlag({ budget: null, utfall, tomManad: 4, foregaende: null, prognos, troskel: STANDARDTROSKEL });
    expect(underlag).toMatchObject({ kommentarKravs: false, netto: { budgetOre: 0, avvikelseOre: -900_000_00 } });
  });
});

describe('comparing two versions line by line', () => {
  const anna = { id: 'anna', namn: 'Anna' };
  const bo = { id: 'bo', namn: 'Bo' };
  const version = (nr: number, personal: number, lokal: number | null, av: typeof anna, kommentar: string | null = null): Version => ({
    version: nr,
    rader: [
      { kontogrupp: 'personalkostnader', beloppOre: personal },
      ...(lokal === null ? [] : [{ kontogrupp: 'lokalkostnader' as const, beloppOre: lokal }]),
    ],
    kommentar,
    nettokostnadOre: personal + (lokal ?? 0),
    sparadAv: av,
    sparadAt: `2026-09-0${nr}T10:00:00.000Z`,
  });
  const versioner = [version(1, 100_00, null, anna), version(2, 120_00, 50_00, bo), version(3, 120_00, 60_00, anna, 'Hyra')];

  it.each([
    [
      '1 → 3: personnel changed by Bo in version 2, premises added and last changed by Anna in 3',
      1,
      3,
      [
        { kontogrupp: 'personalkostnader', franOre: 100_00, tillOre: 120_00, skillnadOre: 20_00, andradIVersion: 2, andradAv: bo },
        { kontogrupp: 'lokalkostnader', franOre: null, tillOre: 60_00, skillnadOre: 60_00, andradIVersion: 3, andradAv: anna },
      ],
    ],
    [
      '2 → 3: personnel unchanged',
      2,
      3,
      [
        { kontogrupp: 'personalkostnader', franOre: 120_00, tillOre: 120_00, skillnadOre: 0, andradIVersion: null, andradAv: null },
        { kontogrupp: 'lokalkostnader', franOre: 50_00, tillOre: 60_00, skillnadOre: 10_00, andradIVersion: 3, andradAv: anna },
      ],
    ],
  ])('%s', (_, fran, till, rader) => {
    const jamforelse = jamforVersioner(versioner, fran, till);
    expect(jamforelse?.rader).toEqual(rader);
  });

  it('compares the comment and the net cost, and finds nothing for a version that does not exist', () => {
    expect(jamforVersioner(versioner, 1, 3)).toMatchObject({
      kommentar: { fran: null, till: 'Hyra', andrad: true },
      nettokostnad: { franOre: 100_00, tillOre: 180_00, skillnadOre: 80_00 },
      fran: { version: 1, sparadAv: anna },
      till: { version: 3, sparadAv: anna },
    });
    expect(jamforVersioner(versioner, 1, 4)).toBeNull();
  });
});
