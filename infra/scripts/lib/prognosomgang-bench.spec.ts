import { describe, expect, it } from 'vitest';

import { percentil, synligEfter } from './prognosomgang-bench.mjs';

describe('synligEfter: when the stream listed each acknowledged submission (no send time: from the acknowledgement)', () => {
  const k = (ansvar, andring, at) => ({ ansvar, andring, at });
  it.each([
    {
      namn: 'the first message listing the ansvar with its andring',
      kvitton: [k('A', 1, 10), k('B', 1, 20)],
      meddelanden: [
        { at: 15, andrade: [{ ansvar: 'A', andring: 1 }] },
        { at: 40, andrade: [{ ansvar: 'B', andring: 1 }] },
      ],
      svar: [5, 20],
    },
    {
      namn: 'an earlier andring of the ansvar does not count; a later one does',
      kvitton: [k('A', 2, 10), k('B', 1, 10)],
      meddelanden: [
        { at: 12, andrade: [{ ansvar: 'A', andring: 1 }] },
        {
          at: 30,
          andrade: [
            { ansvar: 'A', andring: 3 },
            { ansvar: 'B', andring: 1 },
          ],
        },
      ],
      svar: [20, 20],
    },
    {
      namn: 'listed before the acknowledgement arrived: 0',
      kvitton: [k('A', 1, 10)],
      meddelanden: [{ at: 8, andrade: [{ ansvar: 'A', andring: 1 }] }],
      svar: [0],
    },
    {
      namn: 'never listed: left out',
      kvitton: [k('A', 1, 10), k('B', 1, 20)],
      meddelanden: [{ at: 30, andrade: [{ ansvar: 'A', andring: 1 }] }],
      svar: [20],
    },
  ])('$namn', ({ kvitton, meddelanden, svar }) => {
    expect(synligEfter(kvitton, meddelanden)).toEqual(svar);
  });
});

describe('synligEfter: from when the submission was sent, or from its acknowledgement', () => {
  // Sent at 10, acknowledged at 40, listed by the stream at 30 (before the answer came back) and at 60.
  const kvitton = [
    { ansvar: 'A', andring: 1, skickat: 10, at: 40 },
    { ansvar: 'B', andring: 1, skickat: 20, at: 50 },
  ];
  const meddelanden = [
    { at: 30, andrade: [{ ansvar: 'A', andring: 1 }] },
    { at: 60, andrade: [{ ansvar: 'B', andring: 1 }] },
  ];
  it.each([
    { namn: 'submit-to-visible: from the moment it was sent', franKvitto: false, svar: [20, 40] },
    { namn: 'from the acknowledgement: a listing before it counts as 0', franKvitto: true, svar: [0, 10] },
  ])('$namn', ({ franKvitto, svar }) => {
    expect(synligEfter(kvitton, meddelanden, { franKvitto })).toEqual(svar);
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
