import { describe, expect, it } from 'vitest';

import { percentil, synligEfter } from './prognosomgang-bench.mjs';

describe('synligEfter: when each acknowledged submission showed in the city node', () => {
  it.each([
    {
      namn: 'each reading covers the acknowledgements before it',
      kvitton: [10, 20, 30],
      avlasningar: [
        { at: 15, antal: 1 },
        { at: 40, antal: 3 },
      ],
      svar: [5, 20, 10],
    },
    {
      namn: 'a reading before the acknowledgement does not count, even with a high count',
      kvitton: [10, 20],
      avlasningar: [
        { at: 12, antal: 2 },
        { at: 25, antal: 2 },
      ],
      svar: [2, 5],
    },
    { namn: 'never visible: left out', kvitton: [10, 20], avlasningar: [{ at: 30, antal: 1 }], svar: [20] },
  ])('$namn', ({ kvitton, avlasningar, svar }) => {
    expect(synligEfter(kvitton, avlasningar)).toEqual(svar);
  });
});

describe('percentil: nearest rank', () => {
  it.each([
    { p: 50, varden: [1, 2, 3, 4], svar: 2 },
    { p: 95, varden: Array.from({ length: 100 }, (_, i) => i + 1), svar: 95 },
    { p: 99, varden: [7], svar: 7 },
    { p: 50, varden: [], svar: null },
  ])('p$p of $varden.length values', ({ p, varden, svar }) => {
    expect(percentil(varden, p)).toBe(svar);
  });
});
