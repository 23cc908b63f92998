import { describe, expect, it } from 'vitest';

import { lasMatvardeCsv, tolkaDecimaltal } from './matvarde-csv.js';

describe('measurements from a Swedish Excel CSV', () => {
  it('reads semicolons, a decimal comma, a byte-order mark and CRLF', () => {
    const { rader, fel } = lasMatvardeCsv(
      '\uFEFFnyckeltal;period;kon;varde\r\nN15428;2025;T;83,5\r\nN15428;2025;K;85,1\r\nN15428;2025-T2;;1 240\r\n',
    );
    expect(fel).toEqual([]);
    expect(rader).toEqual([
      { rad: 2, nyckeltal: 'N15428', period: '2025', kon: 'total', varde: 83.5 },
      { rad: 3, nyckeltal: 'N15428', period: '2025', kon: 'kvinnor', varde: 85.1 },
      { rad: 4, nyckeltal: 'N15428', period: '2025-T2', kon: 'total', varde: 1240 },
    ]);
  });

  it('takes the columns in any order, without kon', () => {
    expect(lasMatvardeCsv('varde;period;nyckeltal\n"12,5";2026-03;abc\n').rader).toEqual([
      { rad: 2, nyckeltal: 'abc', period: '2026-03', kon: 'total', varde: 12.5 },
    ]);
  });

  it.each([
    ['a month 13', 'N15428;2025-13;T;1', 2, 'period'],
    ['a tertial 4', 'N15428;2025-T4;T;1', 2, 'period'],
    ['a value in words', 'N15428;2025;T;många', 2, 'varde'],
    ['an unknown kön', 'N15428;2025;X;1', 2, 'kon'],
    ['no nyckeltal', ';2025;T;1', 2, 'nyckeltal'],
  ])('refuses %s, naming the line and column, and keeps nothing', (_, rad, radnummer, kolumn) => {
    const { rader, fel } = lasMatvardeCsv(`nyckeltal;period;kon;varde\nN15428;2024;T;80\n${rad}`.replace('\nN15428;2024;T;80', ''));
    expect(rader).toEqual([]);
    expect(fel).toContainEqual(expect.objectContaining({ rad: radnummer, falt: kolumn }));
  });

  it('refuses a header without the columns it needs', () => {
    expect(lasMatvardeCsv('nyckeltal;ar;varde\nN15428;2025;1').fel.map((f) => f.falt)).toEqual(['ar', 'period']);
  });

  it.each([
    ['83,5', 83.5],
    ['1 240', 1240],
    ['\u22122,5', -2.5],
    ['7.25', 7.25],
    ['1,2,3', undefined],
    ['', undefined],
  ])('%s is %s', (text, tal) => {
    expect(tolkaDecimaltal(text)).toBe(tal);
  });
});
