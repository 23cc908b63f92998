import { describe, expect, it } from 'vitest';

import { lasBudgetar, valbaraBudgetar } from './budgetar.js';

const idag = new Date('2026-11-26T12:00:00');

describe('the budget year', () => {
  it.each([
    { text: '2027', ar: 2027 },
    { text: null, ar: 2026 },
    { text: '20x7', ar: 2026 },
    { text: '1999', ar: 2026 },
  ])('"$text" reads as $ar', ({ text, ar }) => {
    expect(lasBudgetar(text, idag)).toBe(ar);
  });

  it('is chosen among next year, this year and four before', () => {
    expect(valbaraBudgetar(idag, 2026)).toEqual([2027, 2026, 2025, 2024, 2023, 2022]);
  });

  it('can be one from the URL outside those', () => {
    expect(valbaraBudgetar(idag, 2015)).toEqual([2027, 2026, 2025, 2024, 2023, 2022, 2015]);
  });
});
