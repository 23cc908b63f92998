import { describe, expect, it } from 'vitest';

import { arDatum, datumISverige, datumOchTidISverige, formatTidpunkt, svenskTidSomIso } from './tidpunkt.js';

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

describe('svenskTidSomIso', () => {
  it.each([
    { datum: '2026-09-15', tid: '16:00', iso: '2026-09-15T16:00:00+02:00' },
    { datum: '2026-12-15', tid: '16:00', iso: '2026-12-15T16:00:00+01:00' },
    { datum: '2026-01-01', tid: '00:30', iso: '2026-01-01T00:30:00+01:00' },
    // Summer time starts 2026-03-29 at 02:00 (to 03:00) and ends 2026-10-25 at 03:00 (back to 02:00).
    { datum: '2026-03-29', tid: '01:59', iso: '2026-03-29T01:59:00+01:00' },
    { datum: '2026-03-29', tid: '03:00', iso: '2026-03-29T03:00:00+02:00' },
    { datum: '2026-03-29', tid: '02:30', iso: undefined },
    { datum: '2026-10-25', tid: '02:30', iso: '2026-10-25T02:30:00+02:00' },
    { datum: '2026-10-25', tid: '03:00', iso: '2026-10-25T03:00:00+01:00' },
    // A time field may hold seconds; the deadline keeps the minute.
    { datum: '2026-09-15', tid: '16:00:30', iso: '2026-09-15T16:00:00+02:00' },
    { datum: '2026-02-30', tid: '16:00', iso: undefined },
    { datum: '15/9 2026', tid: '16:00', iso: undefined },
    { datum: '2026-09-15', tid: '24:00', iso: undefined },
    { datum: '2026-09-15', tid: '16', iso: undefined },
    { datum: '', tid: '', iso: undefined },
  ])('$datum $tid Swedish time is $iso', ({ datum, tid, iso }) => {
    expect(svenskTidSomIso(datum, tid)).toBe(iso);
  });

  it('gives back the same moment as datumOchTidISverige reads', () => {
    for (const iso of ['2026-09-15T14:00:00Z', '2026-12-31T23:30:00Z', '2026-03-29T01:00:00Z', '2026-10-25T00:30:00Z']) {
      const { datum, tid } = datumOchTidISverige(new Date(iso));
      expect(Date.parse(svenskTidSomIso(datum, tid)!)).toBe(Date.parse(iso));
    }
  });
});

describe('datumOchTidISverige', () => {
  it.each([
    { tidpunkt: '2026-09-15T14:00:00Z', datum: '2026-09-15', tid: '16:00' },
    { tidpunkt: '2026-12-31T23:30:00Z', datum: '2027-01-01', tid: '00:30' },
    { tidpunkt: '2026-06-30T22:00:00Z', datum: '2026-07-01', tid: '00:00' },
  ])('$tidpunkt is $datum $tid', ({ tidpunkt, datum, tid }) => {
    expect(datumOchTidISverige(new Date(tidpunkt))).toEqual({ datum, tid });
  });
});
