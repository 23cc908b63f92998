import { describe, expect, it } from 'vitest';

import { formatBeloppUtanEnhet, formatForandring, formatKr, formatKrMedOreOmNagra, formatMnkr, formatTkr } from './belopp.js';

/** The formatters write no-break spaces and a real minus sign; the tables below are written with plain ones. */
function lasbart(text: string): string {
  return text.replaceAll('\u00a0', ' ').replaceAll('\u2212', '-');
}

describe('formatMnkr', () => {
  it.each([
    { ore: 0, decimaler: 1, visas: '0,0 mnkr' },
    { ore: 123_450_000_000, decimaler: 1, visas: '1 234,5 mnkr' },
    { ore: -123_450_000_000, decimaler: 1, visas: '-1 234,5 mnkr' },
    { ore: 100_000_000, decimaler: 1, visas: '1,0 mnkr' },
    // 0,15 is 0,1499… as a binary float; integer arithmetic rounds it up as an economist would.
    { ore: 15_000_000, decimaler: 1, visas: '0,2 mnkr' },
    { ore: -15_000_000, decimaler: 1, visas: '-0,2 mnkr' },
    { ore: 14_999_999, decimaler: 1, visas: '0,1 mnkr' },
    { ore: 5_000_000, decimaler: 1, visas: '0,1 mnkr' },
    { ore: 4_999_999, decimaler: 1, visas: '0,0 mnkr' },
    // Rounds to zero: no minus sign on a zero.
    { ore: -4_999_999, decimaler: 1, visas: '0,0 mnkr' },
    { ore: 99_950_000_000, decimaler: 1, visas: '999,5 mnkr' },
    { ore: 99_995_000_000, decimaler: 1, visas: '1 000,0 mnkr' },
    { ore: 12_345_678_901_234, decimaler: 1, visas: '123 456,8 mnkr' },
    { ore: -12_345_678_901_234, decimaler: 1, visas: '-123 456,8 mnkr' },
    { ore: 12_345_678_901_234, decimaler: 0, visas: '123 457 mnkr' },
    { ore: 12_345_678_901_234, decimaler: 3, visas: '123 456,789 mnkr' },
    { ore: 250_000_000, decimaler: 0, visas: '3 mnkr' },
    { ore: -250_000_000, decimaler: 0, visas: '-3 mnkr' },
    { ore: Number.MAX_SAFE_INTEGER, decimaler: 2, visas: '90 071 992,55 mnkr' },
  ])('$ore öre with $decimaler decimals is "$visas"', ({ ore, decimaler, visas }) => {
    expect(lasbart(formatMnkr(ore, decimaler))).toBe(visas);
  });

  it('shows one decimal unless told otherwise', () => {
    expect(lasbart(formatMnkr(12_345_678_900))).toBe('123,5 mnkr');
  });
});

describe('formatTkr', () => {
  it.each([
    { ore: 0, visas: '0 tkr' },
    { ore: 1_234_500_000, visas: '12 345 tkr' },
    { ore: 1_234_550_000, visas: '12 346 tkr' },
    { ore: -1_234_550_000, visas: '-12 346 tkr' },
    { ore: 1_234_549_999, visas: '12 345 tkr' },
    { ore: 49_999, visas: '0 tkr' },
    { ore: 50_000, visas: '1 tkr' },
    { ore: -50_000, visas: '-1 tkr' },
    { ore: 99_999_999, visas: '1 000 tkr' },
    { ore: 12_345_678_901_234, visas: '123 456 789 tkr' },
  ])('$ore öre is "$visas"', ({ ore, visas }) => {
    expect(lasbart(formatTkr(ore))).toBe(visas);
  });

  it('can show decimals', () => {
    expect(lasbart(formatTkr(1_234_560, 1))).toBe('12,3 tkr');
    expect(lasbart(formatTkr(1_234_560, 2))).toBe('12,35 tkr');
  });
});

describe('formatKr', () => {
  it.each([
    { ore: 0, decimaler: 0, visas: '0 kr' },
    { ore: 149, decimaler: 0, visas: '1 kr' },
    { ore: 150, decimaler: 0, visas: '2 kr' },
    { ore: -150, decimaler: 0, visas: '-2 kr' },
    { ore: -49, decimaler: 0, visas: '0 kr' },
    { ore: 123_456, decimaler: 0, visas: '1 235 kr' },
    { ore: 123_456, decimaler: 2, visas: '1 234,56 kr' },
    { ore: 5, decimaler: 2, visas: '0,05 kr' },
    { ore: -5, decimaler: 2, visas: '-0,05 kr' },
    { ore: 12_345_678_901_234, decimaler: 0, visas: '123 456 789 012 kr' },
    { ore: 12_345_678_901_234, decimaler: 2, visas: '123 456 789 012,34 kr' },
  ])('$ore öre with $decimaler decimals is "$visas"', ({ ore, decimaler, visas }) => {
    expect(lasbart(formatKr(ore, decimaler))).toBe(visas);
  });
});

describe('formatKrMedOreOmNagra', () => {
  it.each([
    { ore: 10_000_000, visas: '100 000 kr' },
    { ore: 0, visas: '0 kr' },
    { ore: -10_000_000, visas: '-100 000 kr' },
    { ore: 229_567_890, visas: '2 295 678,90 kr' },
    { ore: -5, visas: '-0,05 kr' },
  ])('$ore öre is "$visas"', ({ ore, visas }) => {
    expect(lasbart(formatKrMedOreOmNagra(ore))).toBe(visas);
  });
});

describe('formatForandring', () => {
  it.each([
    { ore: 1_230_000_000, visas: '+12,3' },
    { ore: -450_000_000, visas: '-4,5' },
    { ore: 0, visas: '0,0' },
    // Rounds to zero: neither plus nor minus.
    { ore: 4_999_999, visas: '0,0' },
    { ore: -4_999_999, visas: '0,0' },
  ])('writes a change of $ore öre as "$visas" mnkr', ({ ore, visas }) => {
    expect(lasbart(formatForandring(ore, 'mnkr', 1))).toBe(visas);
  });
});

describe('Swedish typography', () => {
  it('separates thousands with a no-break space and keeps the unit on the same line', () => {
    expect(formatMnkr(123_450_000_000)).toBe('1\u00a0234,5\u00a0mnkr');
  });

  it('writes negative amounts with a real minus sign', () => {
    expect(formatTkr(-1_234_500_000)).toBe('\u221212\u00a0345\u00a0tkr');
  });

  it.each([0, 1, 49, 50, 99_999, 15_000_000, -15_000_000, 123_456_789, -987_654_321_012, 12_345_678_901_234])(
    'writes %d öre in mnkr exactly as Intl sv-SE writes the exact decimal',
    (ore) => {
      const intl = new Intl.NumberFormat('sv-SE', {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
        signDisplay: 'negative',
      });
      // A numeric string is formatted as an exact decimal, not via a binary float.
      const exakt = intl.format(`${ore}e-8` as `${number}`);
      expect(formatBeloppUtanEnhet(ore, 'mnkr', 1)).toBe(exakt);
    },
  );
});

describe('what cannot be formatted', () => {
  it.each([
    { beskrivning: 'a fraction of an öre', ore: 12.5 },
    { beskrivning: 'an amount beyond exact integers', ore: 2 ** 60 },
    { beskrivning: 'not a number', ore: Number.NaN },
  ])('refuses $beskrivning', ({ ore }) => {
    expect(() => formatMnkr(ore)).toThrow(RangeError);
  });

  it('accepts amounts beyond exact integers when given as bigint', () => {
    expect(lasbart(formatMnkr(10n ** 20n))).toBe('1 000 000 000 000,0 mnkr');
  });

  it.each([-1, 1.5, 9])('refuses %d decimals', (decimaler) => {
    expect(() => formatTkr(100, decimaler)).toThrow(RangeError);
  });
});
