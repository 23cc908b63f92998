import { describe, expect, it } from 'vitest';

import { summeraRader } from './prognos.js';

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
