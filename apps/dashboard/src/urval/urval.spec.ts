import { describe, expect, it } from 'vitest';

import { lasUrval, skrivUrval, standardurval, valbaraAr } from './urval.js';

describe('the default urval', () => {
  it.each([
    { idag: '2026-01-15', ar: 2026, tillfalle: 'april' },
    { idag: '2026-05-02', ar: 2026, tillfalle: 'april' },
    { idag: '2026-08-31', ar: 2026, tillfalle: 'april' },
    { idag: '2026-09-01', ar: 2026, tillfalle: 'augusti' },
    { idag: '2026-11-26', ar: 2026, tillfalle: 'augusti' },
    { idag: '2026-12-31', ar: 2026, tillfalle: 'augusti' },
  ])('on $idag is the $tillfalle forecast of $ar', ({ idag, ar, tillfalle }) => {
    expect(standardurval(new Date(`${idag}T12:00:00`))).toEqual({ ar, tillfalle });
  });
});

describe('the urval in the URL', () => {
  const idag = new Date('2026-11-26T12:00:00');

  it.each([
    { search: '', urval: { ar: 2026, tillfalle: 'augusti' } },
    { search: '?ar=2025&tillfalle=april', urval: { ar: 2025, tillfalle: 'april' } },
    { search: '?tillfalle=april', urval: { ar: 2026, tillfalle: 'april' } },
    { search: '?ar=2024', urval: { ar: 2024, tillfalle: 'augusti' } },
    { search: '?ar=20x4&tillfalle=midsommar', urval: { ar: 2026, tillfalle: 'augusti' } },
    { search: '?ar=1999', urval: { ar: 2026, tillfalle: 'augusti' } },
    { search: '?ar=2025.5', urval: { ar: 2026, tillfalle: 'augusti' } },
  ])('"$search" reads as $urval.tillfalle $urval.ar', ({ search, urval }) => {
    expect(lasUrval(search, idag)).toEqual(urval);
  });

  it('is written back keeping other parameters', () => {
    expect(skrivUrval('?vy=tabell&ar=2026', { ar: 2025, tillfalle: 'april' })).toBe('?vy=tabell&ar=2025&tillfalle=april');
  });
});

describe('the years to choose from', () => {
  const idag = new Date('2026-11-26T12:00:00');

  it('are this year and four before, newest first', () => {
    expect(valbaraAr(idag, 2026)).toEqual([2026, 2025, 2024, 2023, 2022]);
  });

  it('include a year from the URL that lies outside them', () => {
    expect(valbaraAr(idag, 2015)).toEqual([2026, 2025, 2024, 2023, 2022, 2015]);
  });
});
