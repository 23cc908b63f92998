import { describe, expect, it } from 'vitest';

import { formatKronorSv, parseKronorText, parseSieBelopp, parseSieDatum, parseSiePeriod } from './belopp.js';

describe('SIE amounts become exact öre', () => {
  it.each([
    ['-0.5', -50],
    ['1234.56', 123_456],
    ['12345.00', 1_234_500],
    ['-12345.5', -1_234_550],
    ['0', 0],
    ['-0.00', 0],
    ['0.10', 10],
    ['12.500', 1_250],
    ['007', 700],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('%s kr is %i öre', (text, ore) => {
    expect(parseSieBelopp(text)).toBe(ore);
  });

  it.each([
    ['a thousands separator', '1 000'],
    ['a decimal comma (SIE writes a point)', '12,50'],
    ['an exponent', '1e3'],
    ['an empty field', ''],
    ['a lone minus', '-'],
    ['no whole part', '.5'],
    ['no decimals after the point', '5.'],
    ['a fraction of an öre', '12.345'],
    ['a plus sign', '+5'],
    ['hexadecimal', '0x10'],
    ['NaN', 'NaN'],
    ['more than a safe integer of öre', '90071992547409.92'],
  ])('%s is refused', (_, text) => {
    expect(parseSieBelopp(text)).toBeUndefined();
  });

  it('ten öre and twenty öre make exactly thirty', () => {
    expect(parseSieBelopp('0.10')! + parseSieBelopp('0.20')!).toBe(parseSieBelopp('0.30'));
  });
});

describe('amounts typed in a spreadsheet', () => {
  it.each([
    ['1 234,50', 123_450],
    ['1\u00a0234,50', 123_450],
    ['−12,5', -1_250],
    ['1234.5', 123_450],
    ['-0,05', -5],
  ])('%s is %i öre', (text, ore) => {
    expect(parseKronorText(text)).toBe(ore);
  });

  it.each(['1.234,50', '12,345', 'tolv', ''])('%j is refused', (text) => {
    expect(parseKronorText(text)).toBeUndefined();
  });
});

describe('dates and periods', () => {
  it.each([
    ['20260115', 20260115],
    ['20240229', 20240229],
    ['20250229', undefined],
    ['20261301', undefined],
    ['20260431', undefined],
    ['2026011', undefined],
    ['2026-01-15', undefined],
  ])('date %s', (text, datum) => {
    expect(parseSieDatum(text)).toBe(datum);
  });

  it.each([
    ['202601', 202601],
    ['202612', 202612],
    ['202613', undefined],
    ['202600', undefined],
    ['20261', undefined],
  ])('period %s', (text, period) => {
    expect(parseSiePeriod(text)).toBe(period);
  });

  it.each([
    [0, '0,00 kr'],
    [-50, '-0,50 kr'],
    [123_456_789, '1 234 567,89 kr'],
  ])('%i öre is shown as %s', (ore, text) => {
    expect(formatKronorSv(ore)).toBe(text);
  });
});
