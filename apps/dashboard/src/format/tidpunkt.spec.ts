import { describe, expect, it } from 'vitest';

import { arDatum, datumISverige, formatTidpunkt } from './tidpunkt.js';

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

describe('datumISverige', () => {
  it.each([
    { tidpunkt: '2026-08-31T12:05:00Z', datum: '2026-08-31' },
    // Past midnight in Stockholm while still the day before in UTC.
    { tidpunkt: '2026-12-31T23:30:00Z', datum: '2027-01-01' },
    { tidpunkt: '2026-06-30T22:30:00Z', datum: '2026-07-01' },
  ])('is $datum at $tidpunkt', ({ tidpunkt, datum }) => {
    expect(datumISverige(new Date(tidpunkt))).toBe(datum);
  });
});

describe('arDatum', () => {
  it.each(['2026-08-31', '2024-02-29', '2026-01-01'])('accepts %s', (text) => {
    expect(arDatum(text)).toBe(true);
  });

  it.each(['', '2026-02-30', '2025-02-29', '2026-13-01', '2026-8-31', '31/08/2026', '2026-08-31T00:00'])('refuses "%s"', (text) => {
    expect(arDatum(text)).toBe(false);
  });
});
