import { describe, expect, it } from 'vitest';

import { kanSkapaMal, nyckeltalText, tolkaMalformular, tolkaTal, tomtMalformular } from './nytt-mal-formular.js';

describe('the goals on the page', () => {
  it('say what their nyckeltal measures, from where to where, and which way is better', () => {
    expect(
      nyckeltalText({
        namn: 'Andel elever behöriga till gymnasiet',
        enhet: '%',
        utgangsvarde: 83.5,
        malvarde: 88,
        riktning: 'hogre-ar-battre',
      }),
    ).toBe('Andel elever behöriga till gymnasiet: från 83,5\u00a0% till 88\u00a0% (högre är bättre)');
    expect(
      nyckeltalText({ namn: 'Hushåll med bistånd', enhet: 'st', utgangsvarde: 1240, malvarde: 1100, riktning: 'lagre-ar-battre' }),
    ).toBe('Hushåll med bistånd: från 1\u00a0240\u00a0st till 1\u00a0100\u00a0st (lägre är bättre)');
  });

  it('are added by a processledare only', () => {
    expect(kanSkapaMal(['processledare'])).toBe(true);
    expect(kanSkapaMal(['ekonomidirektor', 'chef'])).toBe(false);
  });
});

describe('a number in a nyckeltal', () => {
  it.each([
    { text: '83,5', tal: 83.5 },
    { text: '1 240', tal: 1240 },
    { text: '\u22122', tal: -2 },
    { text: ' 88 ', tal: 88 },
  ])('$text is $tal', ({ text, tal }) => {
    expect(tolkaTal(text)).toBe(tal);
  });

  it.each(['', 'åtta', '1,2,3', '5 %'])('%j is none', (text) => {
    expect(tolkaTal(text)).toBeUndefined();
  });
});

describe('the form for a new goal', () => {
  const formular = { ...tomtMalformular(2026), text: '  Fler barn får tidigt stöd. ' };

  it('gives the request for the processledare’s nämnd, without a nyckeltal unless asked for', () => {
    expect(tolkaMalformular(formular, 'SN')).toEqual({
      ok: true,
      varde: { namnd: 'SN', ar: 2026, text: 'Fler barn får tidigt stöd.', nyckeltal: null },
    });
  });

  it('gives the nyckeltal when asked for', () => {
    const resultat = tolkaMalformular(
      {
        ...formular,
        medNyckeltal: true,
        nyckeltalNamn: 'Andel i öppenvård',
        enhet: '%',
        utgangsvarde: '71',
        malvarde: '80,5',
        riktning: 'hogre-ar-battre',
      },
      'SN',
    );
    expect(resultat.ok && resultat.varde.nyckeltal).toEqual({
      namn: 'Andel i öppenvård',
      enhet: '%',
      utgangsvarde: 71,
      malvarde: 80.5,
      riktning: 'hogre-ar-battre',
    });
  });

  it('asks for a text of at least five characters and a real year', () => {
    expect(tolkaMalformular({ ...formular, ar: '26', text: ' kort' }, 'SN')).toEqual({
      ok: false,
      fel: { ar: 'Ange ett årtal mellan 2000 och 2100.', text: 'Beskriv målet med minst 5 tecken.' },
    });
  });

  it('names every field of the nyckeltal that is missing', () => {
    const resultat = tolkaMalformular({ ...formular, medNyckeltal: true }, 'SN');
    expect(resultat.ok).toBe(false);
    if (!resultat.ok) expect(Object.keys(resultat.fel).sort()).toEqual(['enhet', 'malvarde', 'nyckeltalNamn', 'utgangsvarde']);
  });
});
