import { describe, expect, it } from 'vitest';

import { formatAntal } from './antal.js';

describe('formatAntal', () => {
  it.each([
    { antal: 0, visas: '0' },
    { antal: 12, visas: '12' },
    { antal: 1782, visas: '1\u00a0782' },
    { antal: 1_234_567, visas: '1\u00a0234\u00a0567' },
  ])('writes $antal as "$visas"', ({ antal, visas }) => {
    expect(formatAntal(antal)).toBe(visas);
  });

  it('refuses a fraction', () => {
    expect(() => formatAntal(1.5)).toThrow(RangeError);
  });
});
