import { describe, expect, it } from 'vitest';

import { ariaSort, jamforVarden, nastaSorteringText, saknasSomUndefined, sidtext } from './table-regler.js';

describe('the table’s order', () => {
  it.each([
    [1, 2, -1],
    [2_000_000, 300, 1],
    [-5, -5, 0],
  ])('numbers compare by size: %d against %d', (a, b, tecken) => {
    expect(Math.sign(jamforVarden(a, b))).toBe(tecken);
  });

  it('sorts names in Swedish order, å ä ö after z, and digits as numbers', () => {
    const namn = ['Östra', 'Ängelholm', 'Zeta', 'Åstorp', 'alfa', 'Enhet 10', 'Enhet 2'];
    expect([...namn].sort(jamforVarden)).toEqual(['alfa', 'Enhet 2', 'Enhet 10', 'Zeta', 'Åstorp', 'Ängelholm', 'Östra']);
  });

  it('reads a missing figure as missing, so the table can put it last', () => {
    expect([saknasSomUndefined(null), saknasSomUndefined(undefined), saknasSomUndefined(0)]).toEqual([undefined, undefined, 0]);
  });
});

describe('a sortable header', () => {
  it.each([
    ['asc', 'ascending'],
    ['desc', 'descending'],
    [false, undefined],
  ] as const)('sorted %s says aria-sort=%s', (riktning, aria) => {
    expect(ariaSort(riktning)).toBe(aria);
  });

  it.each([
    ['asc', 'sortera stigande'],
    ['desc', 'sortera fallande'],
    [false, 'ta bort sorteringen'],
  ] as const)('tells what a press does next (%s)', (nasta, text) => {
    expect(nastaSorteringText(nasta)).toBe(text);
  });
});

describe('the pages of a long table', () => {
  it.each([
    [{ sida: 0, radPerSida: 50, antalRader: 2964 }, 'Rad 1–50 av 2\u00a0964'],
    [{ sida: 59, radPerSida: 50, antalRader: 2964 }, 'Rad 2\u00a0951–2\u00a0964 av 2\u00a0964'],
    [{ sida: 0, radPerSida: 50, antalRader: 7 }, 'Rad 1–7 av 7'],
    [{ sida: 0, radPerSida: 50, antalRader: 0 }, 'Inga rader'],
  ])('%o reads "%s"', (sida, text) => {
    expect(sidtext(sida)).toBe(text);
  });
});
