import { describe, expect, it } from 'vitest';

import { beloppSomInmatning, beloppSomVisning, lasEnhet, sparaEnhet, tolkaBelopp } from './belopp-inmatning.js';

describe('an amount typed the Swedish way', () => {
  it.each([
    ['12 345,5', 'kr', 1_234_550],
    ['12345.5', 'kr', 1_234_550],
    ['12\u00a0345,50 kr', 'kr', 1_234_550],
    ['0', 'kr', 0],
    ['12 345,5', 'tkr', 1_234_550_000],
    ['0,001', 'tkr', 100],
    ['1 234,56789', 'tkr', 123_456_789],
    ['0,1', 'tkr', 10_000],
    ['17 tkr', 'tkr', 1_700_000],
    ['10 000 000 000', 'kr', 1_000_000_000_000],
  ] as const)('%s in %s is %i öre, exactly', (text, enhet, ore) => {
    expect(tolkaBelopp(text, enhet)).toEqual({ ok: true, ore });
  });

  it('an empty cell is not entered', () => {
    expect(tolkaBelopp('  ', 'kr')).toEqual({ ok: true, ore: null });
  });

  it.each([
    ['-5', 'kr', /negativt/],
    ['\u22125', 'tkr', /negativt/],
    ['12,345', 'kr', /två decimaler/],
    ['1,000001', 'tkr', /fem decimaler/],
    ['tolv', 'kr', /till exempel 12 345 678,50/],
    ['1 234 tkr', 'kr', /i kr/],
    ['10 000 000 000,01', 'kr', /högst 10 000 000 000 kr/],
    ['10 000 001', 'tkr', /högst 10 000 000 000 kr/],
    ['1,2,3', 'kr', /Skriv ett belopp/],
  ] as const)('%s in %s is refused, saying why', (text, enhet, fel) => {
    const tolkat = tolkaBelopp(text, enhet);
    expect(tolkat.ok).toBe(false);
    if (!tolkat.ok) expect(tolkat.fel).toMatch(fel);
  });
});

describe('an amount written back into a cell', () => {
  it.each([
    [1_234_567_00, 'kr', '1\u00a0234\u00a0567'],
    [1_234_567_50, 'kr', '1\u00a0234\u00a0567,5'],
    [1_234_567_05, 'kr', '1\u00a0234\u00a0567,05'],
    [1_234_550_000, 'tkr', '12\u00a0345,5'],
    [123_456_789, 'tkr', '1\u00a0234,56789'],
    [0, 'tkr', '0'],
  ] as const)('%i öre in %s reads %s, and reads back to the same öre', (ore, enhet, text) => {
    expect(beloppSomInmatning(ore, enhet)).toBe(text);
    expect(tolkaBelopp(text, enhet)).toEqual({ ok: true, ore });
  });
});

describe('an amount shown beside the cells', () => {
  it.each([
    [229_567_890, 'kr', '2\u00a0295\u00a0678,90'],
    [229_567_800, 'kr', '2\u00a0295\u00a0678'],
    [229_567_890, 'tkr', '2\u00a0295,7'],
    [-5_000_000, 'tkr', '\u221250,0'],
  ] as const)('%i öre in %s reads %s', (ore, enhet, text) => {
    expect(beloppSomVisning(ore, enhet)).toBe(text);
  });
});

describe('the unit chosen', () => {
  it('is kept in the browser, and kronor until chosen or when the storage refuses', () => {
    const lagrat = new Map<string, string>();
    const lagring = {
      getItem: (nyckel: string) => lagrat.get(nyckel) ?? null,
      setItem: (nyckel: string, varde: string) => void lagrat.set(nyckel, varde),
    };
    expect(lasEnhet(lagring)).toBe('kr');
    sparaEnhet(lagring, 'tkr');
    expect(lasEnhet(lagring)).toBe('tkr');
    const trasig = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(lasEnhet(trasig)).toBe('kr');
    expect(() => sparaEnhet(trasig, 'tkr')).not.toThrow();
    expect(lasEnhet(undefined)).toBe('kr');
  });
});
