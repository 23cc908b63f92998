import { describe, expect, it } from 'vitest';

import { aktuelltTillfalle, delnamn, oreTillTkrText, tkrTillKronor } from './koncern.js';

describe('the koncern page’s rules', () => {
  it.each([
    ['1 156 400', '1156400000.00'],
    ['1156400,5', '1156400500.00'],
    ['-29 400', '-29400000.00'],
    ['0', '0.00'],
    ['mycket', undefined],
    ['', undefined],
  ])('reads %s tkr as %s kronor', (text, kronor) => {
    expect(tkrTillKronor(text)).toBe(kronor);
  });

  it('shows öre as tkr for a form field', () => {
    expect(oreTillTkrText(1_156_400_000_00)).toBe('1156400');
    expect(oreTillTkrText(-29_400_500_00)).toBe('-29400,50');
  });

  it('names the parts of the koncern in Swedish', () => {
    expect(delnamn('KOMMUN')).toBe('Kommunen');
    expect(delnamn('OKAB')).toBe('Öresundskraft AB');
  });

  it('takes August’s round once August is over', () => {
    expect(aktuelltTillfalle(new Date(2026, 11, 2))).toBe('augusti');
    expect(aktuelltTillfalle(new Date(2026, 4, 2))).toBe('april');
  });
});
