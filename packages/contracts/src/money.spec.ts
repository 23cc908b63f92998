import { describe, expect, it } from 'vitest';

import { formatKronor, kronorSchema, parseKronor } from './money.js';

describe('amounts in kronor become exact öre', () => {
  it.each([
    ['1234', 123_400],
    ['1234.5', 123_450],
    ['1234,50', 123_450],
    ['1 234 567,89', 123_456_789],
    ['0.1', 10],
    ['-12.05', -1_205],
    [0.1, 10],
    [0.29, 29],
    [1234.56, 123_456],
    [12_345_678_901.23, 1_234_567_890_123],
  ] as const)('%s kr is %i öre', (input, ore) => {
    expect(parseKronor(input)).toBe(ore);
  });

  it.each(['', 'abc', '12.345', '1e5', '12,3,4', 'NaN', '--1'])('refuses %j', (input) => {
    expect(parseKronor(input)).toBeUndefined();
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, 1.005, 1e20])('refuses the number %d', (input) => {
    expect(parseKronor(input)).toBeUndefined();
  });

  it('the request schema names what is wrong', () => {
    const result = kronorSchema.safeParse('tolv kronor');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('ska vara ett belopp i kronor med högst två decimaler');
  });

  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [123_450, '1234.50'],
    [-1_205, '-12.05'],
  ])('formats %i öre as %s', (ore, text) => {
    expect(formatKronor(ore)).toBe(text);
  });
});
