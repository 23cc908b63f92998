import { describe, expect, it } from 'vitest';

import { formatTidpunkt } from './tidpunkt.js';

describe('formatTidpunkt', () => {
  it.each([
    { iso: '2026-08-31T12:05:00Z', visas: '2026-08-31 14:05' },
    { iso: '2026-08-31T14:05:00+02:00', visas: '2026-08-31 14:05' },
    { iso: '2026-01-02T23:30:00Z', visas: '2026-01-03 00:30' },
    { iso: '2026-12-31T08:00:00.123+01:00', visas: '2026-12-31 08:00' },
  ])('writes $iso as $visas in Swedish time', ({ iso, visas }) => {
    expect(formatTidpunkt(iso)).toBe(visas);
  });

  it('refuses what is not a time', () => {
    expect(() => formatTidpunkt('igår')).toThrow(RangeError);
  });
});
