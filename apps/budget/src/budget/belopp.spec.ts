import { describe, expect, it } from 'vitest';

import { beloppText, krText, multipliceraOre, procentAv, procentText, tolkaProcentsats } from './belopp.js';

describe('exact amounts and percentages', () => {
  it.each([
    ['2,3', 23_000n],
    ['2.35', 23_500n],
    ['0,0001', 1n],
    ['-0,5', -5_000n],
    ['100', 1_000_000n],
    [' 3,1 ', 31_000n],
  ])('reads the percentage "%s" exactly, in millionths', (text, miljondelar) => {
    expect(tolkaProcentsats(text)).toBe(miljondelar);
  });

  it.each(['', '2,3 %', '2,12345', '1e2', '2,3,4', '1000', 'NaN', '0x10'])('refuses "%s" as a percentage', (text) => {
    expect(tolkaProcentsats(text)).toBeUndefined();
  });

  it.each([
    ['2.30', '2,3'],
    ['-0,50', '-0,5'],
    ['3', '3'],
  ])('writes the percentage %s the Swedish way: %s', (text, svensk) => {
    expect(procentText(text)).toBe(svensk);
  });

  it.each([
    ['below half an öre, down', 100, '0,4', 'ore', 0],
    ['half an öre, away from zero', 100, '0,5', 'ore', 1],
    ['minus half an öre, away from zero', -100, '0,5', 'ore', -1],
    ['half a krona, away from zero', 20_00, '2,5', 'krona', 100],
    ['just below half a krona, down', 19_99, '2,5', 'krona', 0],
    ['minus half a krona, away from zero', -20_00, '2,5', 'krona', -100],
    ["KPI on socialnämnden's base", 130_555_800_000, '2,3', 'krona', 3_002_783_400],
    ['a third of 30 öre', 30, '33,3333', 'ore', 10],
    ['an amount whose product leaves exact floating point', 899_999_999_999_949, '1', 'ore', 8_999_999_999_999],
    ['the same, just past half', 899_999_999_999_950, '1', 'ore', 9_000_000_000_000],
  ] as const)('a percentage of an amount: %s', (_, beloppOre, procentsats, avrundning, vantat) => {
    expect(procentAv(beloppOre, procentsats, avrundning)).toBe(vantat);
  });

  it('refuses to multiply beyond exact integer arithmetic', () => {
    expect(multipliceraOre(5_200_00, 290)).toBe(1_508_000_00);
    expect(() => multipliceraOre(Number.MAX_SAFE_INTEGER, 2)).toThrow(RangeError);
  });

  it.each([
    [1_282_850_000_50, '1 282 850 000,50 kr'],
    [50, '0,50 kr'],
    [-25_000_000, '-250 000 kr'],
    [0, '0 kr'],
  ])('writes %i öre as kronor for a message: %s', (ore, text) => {
    expect(krText(ore)).toBe(text);
  });

  it.each([
    [4_200_000_000, '42 mnkr'],
    [450_000_000, '4,5 mnkr'],
    [123_450_000_000, '1 234,5 mnkr'],
    [300_000_001, '3 000 000,01 kr'],
    [12_345_678_00, '12 345 678 kr'],
  ])('writes %i öre exactly, in mnkr where that is exact: %s', (ore, text) => {
    expect(beloppText(ore)).toBe(text);
  });
});
