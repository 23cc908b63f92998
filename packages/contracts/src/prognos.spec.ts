import { describe, expect, it } from 'vitest';

import { arOrdinarieTillfalle, periodensSistaManad, periodensSlut, PROGNOSTILLFALLEN, summeraRader } from './prognos.js';

describe('summeraRader: a forecast summed into revenue, cost and net cost', () => {
  it.each([
    {
      namn: 'cost only',
      rader: [{ kontogrupp: 'personalkostnader', beloppOre: 1_000_00 }],
      intakter: 0,
      kostnader: 1_000_00,
      netto: 1_000_00,
    },
    {
      namn: 'revenue is subtracted from cost',
      rader: [
        { kontogrupp: 'intakter', beloppOre: 250_00 },
        { kontogrupp: 'personalkostnader', beloppOre: 1_000_00 },
        { kontogrupp: 'lokalkostnader', beloppOre: 300_50 },
      ],
      intakter: 250_00,
      kostnader: 1_300_50,
      netto: 1_050_50,
    },
    {
      namn: 'revenue above cost gives a negative net cost',
      rader: [
        { kontogrupp: 'intakter', beloppOre: 500_00 },
        { kontogrupp: 'ovriga-kostnader', beloppOre: 100_00 },
      ],
      intakter: 500_00,
      kostnader: 100_00,
      netto: -400_00,
    },
    {
      namn: 'öre survive where floating point would not',
      rader: [
        { kontogrupp: 'ovriga-kostnader', beloppOre: 10 },
        { kontogrupp: 'kapitalkostnader', beloppOre: 20 },
      ],
      intakter: 0,
      kostnader: 30,
      netto: 30,
    },
  ] as const)('$namn', ({ rader, intakter, kostnader, netto }) => {
    expect(summeraRader(rader)).toEqual({ intakterOre: intakter, kostnaderOre: kostnader, nettokostnadOre: netto });
  });

  it('refuses a sum that would lose precision', () => {
    expect(() =>
      summeraRader([
        { kontogrupp: 'ovriga-kostnader', beloppOre: Number.MAX_SAFE_INTEGER },
        { kontogrupp: 'kapitalkostnader', beloppOre: 2 },
      ]),
    ).toThrow(RangeError);
  });
});

describe('the period a round follows up', () => {
  it.each([
    { tillfalle: 'februari', manad: 2, slut: '2028-02-29' },
    { tillfalle: 'april', manad: 4, slut: '2026-04-30' },
    { tillfalle: 'juni', manad: 6, slut: '2026-06-30' },
    { tillfalle: 'augusti', manad: 8, slut: '2026-08-31' },
    { tillfalle: 'november', manad: 11, slut: '2026-11-30' },
  ] as const)('$tillfalle ends in month $manad, on $slut', ({ tillfalle, manad, slut }) => {
    expect(periodensSistaManad(tillfalle)).toBe(manad);
    expect(periodensSlut(Number(slut.slice(0, 4)), tillfalle)).toBe(slut);
  });

  it('april and augusti are ordinary, the months between are månadsprognoser', () => {
    expect(PROGNOSTILLFALLEN.filter(arOrdinarieTillfalle)).toEqual(['april', 'augusti']);
  });
});
