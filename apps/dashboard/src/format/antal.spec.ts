import { describe, expect, it } from 'vitest';

import { formatAntal, formatAntalAv } from './antal.js';

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

describe('formatAntalAv', () => {
  it.each([
    { antal: 1, visas: '1 nämnd' },
    { antal: 0, visas: '0 nämnder' },
    { antal: 2, visas: '2 nämnder' },
    { antal: 2964, visas: '2\u00a0964 nämnder' },
  ])('writes $antal nämnd(er) as "$visas"', ({ antal, visas }) => {
    expect(formatAntalAv(antal, 'nämnd', 'nämnder')).toBe(visas);
  });

  it('uses the singular for both where Swedish does', () => {
    expect(formatAntalAv(2964, 'ansvar')).toBe('2\u00a0964 ansvar');
  });
});
