import { describe, expect, it } from 'vitest';

import { beskrivRegler, formatProcent, forvaltAr, kronorText, lasBeslut, tillfallesnamn, valbaraAr } from './bokslut.js';

describe('the year-end pages', () => {
  it('start on last year, the one closed in the spring, unless the address names another', () => {
    const idag = new Date('2026-12-02T10:00:00Z');
    expect(forvaltAr(null, idag)).toBe(2025);
    expect(forvaltAr('2024', idag)).toBe(2024);
    expect(forvaltAr('tjugo', idag)).toBe(2025);
    expect(valbaraAr(idag, 2019)).toEqual([2026, 2025, 2024, 2023, 2019]);
  });

  it('write shares with one decimal, a comma and a real minus sign', () => {
    expect(formatProcent(-5.5)).toBe('\u22125,5\u00a0%');
    expect(formatProcent(0.9)).toBe('0,9\u00a0%');
    expect(formatProcent(null)).toBe('–');
  });

  it('read the decision’s amounts as kronor, the way a person types them, and name the nämnd of one that is not', () => {
    expect(kronorText(-1_650_000_00)).toBe('-1650000,00');
    expect(lasBeslut({ MN: '1 400 000', KN: '\u2212250000,50' })).toEqual({
      ok: true,
      rader: [
        { namnd: 'MN', belopp: '1400000.00' },
        { namnd: 'KN', belopp: '-250000.50' },
      ],
    });
    expect(lasBeslut({ MN: '1 400 000', KN: 'mycket' })).toEqual({ ok: false, namnd: 'KN' });
  });

  it('say the rules and the rounds in words', () => {
    expect(beskrivRegler({ overskottAndel: '100', overskottTakProcentAvBudget: '2,5', underskottAndel: '50' })).toBe(
      '100 % av ett överskott förs över (högst 2,5 % av budgeten), 50 % av ett underskott.',
    );
    expect(tillfallesnamn('augusti')).toBe('Augusti');
    expect(tillfallesnamn('oktober')).toBe('Oktober (månadsprognos)');
  });
});
