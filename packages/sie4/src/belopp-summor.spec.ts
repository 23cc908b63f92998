import { describe, expect, it } from 'vitest';

import { addBelopp, createBeloppSummor, getBelopp, toUtfallRader } from './belopp-summor.js';

describe('sums per month, account and ansvar', () => {
  it('adds amounts for the same month, account and ansvar', () => {
    const sums = createBeloppSummor();
    addBelopp(sums, 202601, '5010', '41230', 100);
    addBelopp(sums, 202601, '5010', '41230', 250);
    addBelopp(sums, 202601, '5010', null, 7);
    expect(getBelopp(sums, 202601, '5010', '41230')).toBe(350);
    expect(getBelopp(sums, 202601, '5010', null)).toBe(7);
    expect(getBelopp(sums, 202602, '5010', '41230')).toBeUndefined();
  });

  it('lists rows by year, month, account and ansvar, the row without ansvar first', () => {
    const sums = createBeloppSummor();
    addBelopp(sums, 202602, '3810', '41230', 1);
    addBelopp(sums, 202601, '6010', '41240', 2);
    addBelopp(sums, 202601, '5010', '41240', 3);
    addBelopp(sums, 202601, '5010', null, 4);
    addBelopp(sums, 202601, '5010', '41230', 5);
    addBelopp(sums, 202512, '5010', '41230', 6);
    expect(toUtfallRader(sums).map((r) => `${r.ar}-${r.manad} ${r.konto} ${r.ansvar} ${r.beloppOre}`)).toEqual([
      '2025-12 5010 41230 6',
      '2026-1 5010 null 4',
      '2026-1 5010 41230 5',
      '2026-1 5010 41240 3',
      '2026-1 6010 41240 2',
      '2026-2 3810 41230 1',
    ]);
  });

  it('leaves out the months asked to be skipped', () => {
    const sums = createBeloppSummor();
    addBelopp(sums, 202601, '5010', null, 1);
    addBelopp(sums, 202602, '5010', null, 2);
    expect(toUtfallRader(sums, new Set([202601])).map((r) => r.manad)).toEqual([2]);
  });

  it('refuses a sum beyond exact integer arithmetic', () => {
    const sums = createBeloppSummor();
    expect(addBelopp(sums, 202601, '5010', null, Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(addBelopp(sums, 202601, '5010', null, 1)).toBe(false);
    expect(getBelopp(sums, 202601, '5010', null)).toBe(Number.MAX_SAFE_INTEGER);
  });
});
