import { describe, expect, it } from 'vitest';

import { mnkr } from './format.js';

describe('amounts in mnkr as the council reads them', () => {
  it.each([
    [1_234_560_000_000, '12 345,6'],
    [5_000_000, '0,1'],
    [4_999_999, '0,0'],
    [-3_550_000_000, '−35,5'],
    [0, '0,0'],
    [null, '–'],
  ])('%s öre is %s mnkr', (ore, text) => {
    expect(mnkr(ore)).toBe(text);
  });
});
