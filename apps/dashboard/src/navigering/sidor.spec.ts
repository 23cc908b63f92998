import { describe, expect, it } from 'vitest';

import { arVanligtKlick, medSokparametrar, sidaFor } from './sidor.js';

describe('the page a path shows', () => {
  it.each([
    { sokvag: '/', nyckel: 'helarsprognos' },
    { sokvag: '/prognoser', nyckel: 'helarsprognoser' },
    { sokvag: '/mal', nyckel: 'mal' },
    { sokvag: '/organisation', nyckel: 'organisation' },
    { sokvag: '/organisation/', nyckel: 'organisation' },
    { sokvag: '/budget', nyckel: 'budget' },
    { sokvag: '/utfall/import', nyckel: 'utfall-import' },
    { sokvag: '/investeringar', nyckel: 'investeringar' },
    { sokvag: '/rapporter', nyckel: 'rapporter' },
  ])('$sokvag is $nyckel', ({ sokvag, nyckel }) => {
    expect(sidaFor(sokvag)?.nyckel).toBe(nyckel);
  });

  it.each(['/utfall', '/budgetar', '/okand/sida'])('%s is no page', (sokvag) => {
    expect(sidaFor(sokvag)).toBeUndefined();
  });
});

describe('changing the query string', () => {
  it('sets a parameter and keeps the others in their order', () => {
    expect(medSokparametrar('?ar=2026&namnd=VON', { namnd: 'SFN' })).toBe('?ar=2026&namnd=SFN');
  });

  it('adds a new parameter last', () => {
    expect(medSokparametrar('?ar=2026', { namnd: 'VON' })).toBe('?ar=2026&namnd=VON');
  });

  it('removes a parameter given null, and leaves no lone question mark', () => {
    expect(medSokparametrar('?sok=hem', { sok: null })).toBe('');
  });

  it('encodes what needs it', () => {
    expect(medSokparametrar('', { sok: 'Öster & Väster' })).toBe('?sok=%C3%96ster+%26+V%C3%A4ster');
  });
});

describe('a click the dashboard answers itself', () => {
  const klick = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, defaultPrevented: false };

  it('is a plain click with the main button', () => {
    expect(arVanligtKlick(klick)).toBe(true);
  });

  it.each([
    { beskrivning: 'the middle button', andring: { button: 1 } },
    { beskrivning: 'ctrl (new tab)', andring: { ctrlKey: true } },
    { beskrivning: 'cmd (new tab on a Mac)', andring: { metaKey: true } },
    { beskrivning: 'shift (new window)', andring: { shiftKey: true } },
    { beskrivning: 'alt (download)', andring: { altKey: true } },
    { beskrivning: 'one already handled', andring: { defaultPrevented: true } },
  ])('is not one with $beskrivning', ({ andring }) => {
    expect(arVanligtKlick({ ...klick, ...andring })).toBe(false);
  });
});
