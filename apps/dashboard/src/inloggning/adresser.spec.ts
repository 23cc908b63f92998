import { describe, expect, it } from 'vitest';

import { atervandningFranAdress, inloggningsadress, sakerAtervandning } from './adresser.js';

describe('returning after sign-in', () => {
  it.each([
    { till: '/budget?namnd=SN&ar=2026', blir: '/budget?namnd=SN&ar=2026' },
    { till: '/', blir: '/' },
    { till: null, blir: '/' },
    { till: 'https://evil.example/', blir: '/' },
    { till: '//evil.example/', blir: '/' },
    { till: '/\\evil.example', blir: '/' },
    { till: '/inloggning', blir: '/' },
    { till: '/inloggning/klar?code=x', blir: '/' },
  ])('to $till goes to $blir', ({ till, blir }) => {
    expect(sakerAtervandning(till)).toBe(blir);
  });

  it('remembers the page the visitor wanted in the sign-in page’s address, and reads it back', () => {
    const adress = new URL(inloggningsadress('/budget?ar=2026'), 'http://x');
    expect(adress.pathname).toBe('/inloggning');
    expect(atervandningFranAdress(adress.pathname, adress.search)).toBe('/budget?ar=2026');
  });

  it('needs no return address for the start page', () => {
    expect(inloggningsadress('/')).toBe('/inloggning');
  });

  it('from another page of the dashboard returns to that page', () => {
    expect(atervandningFranAdress('/organisation', '?datum=2026-01-01')).toBe('/organisation?datum=2026-01-01');
  });
});
