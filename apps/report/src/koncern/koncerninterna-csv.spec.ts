import { describe, expect, it } from 'vitest';

import { lasKoncerninterna } from './koncerninterna-csv.js';

describe('a file of intra-group amounts', () => {
  it('is read with a semicolon, a decimal comma and spaces between thousands, codes in any case', () => {
    expect(
      lasKoncerninterna('ar;saljare;kopare;slag;belopp\n2026;HBGHEM;KOMMUN;hyra;142 500 000,50\n2026;okab;hbghem;Energi;38000000\n'),
    ).toEqual({
      ok: true,
      poster: [
        { ar: 2026, saljare: 'HBGHEM', kopare: 'KOMMUN', slag: 'hyra', beloppOre: 142_500_000_50 },
        { ar: 2026, saljare: 'OKAB', kopare: 'HBGHEM', slag: 'energi', beloppOre: 38_000_000_00 },
      ],
    });
  });

  it('is read with a comma between columns and a decimal point', () => {
    expect(lasKoncerninterna('ar,saljare,kopare,slag,belopp\r\n2026,KOMMUN,OKAB,ranta,1234.5\r\n')).toEqual({
      ok: true,
      poster: [{ ar: 2026, saljare: 'KOMMUN', kopare: 'OKAB', slag: 'ranta', beloppOre: 1_234_50 }],
    });
  });

  it.each([
    ['a missing column', 'ar;saljare;kopare;belopp\n2026;HBGHEM;KOMMUN;1\n', [{ rad: 1, falt: 'slag' }]],
    ['a non-numeric amount', 'ar;saljare;kopare;slag;belopp\n2026;HBGHEM;KOMMUN;hyra;mycket\n', [{ rad: 2, falt: 'belopp' }]],
    ['an unknown part', 'ar;saljare;kopare;slag;belopp\n2026;IKEA;KOMMUN;hyra;10\n', [{ rad: 2, falt: 'saljare' }]],
    ['a sale to oneself', 'ar;saljare;kopare;slag;belopp\n2026;OKAB;OKAB;energi;10\n', [{ rad: 2, falt: 'kopare' }]],
    [
      'a koncernbidrag from the municipality',
      'ar;saljare;kopare;slag;belopp\n2026;HSFAB;KOMMUN;koncernbidrag;10\n',
      [{ rad: 2, falt: 'slag' }],
    ],
    [
      'the same amount twice',
      'ar;saljare;kopare;slag;belopp\n2026;HBGHEM;KOMMUN;hyra;10\n2026;HBGHEM;KOMMUN;hyra;11\n',
      [{ rad: 3, falt: 'slag' }],
    ],
    ['no rows', 'ar;saljare;kopare;slag;belopp\n', [{ rad: 2, falt: '(fil)' }]],
  ])('is refused for %s, naming the line and column', (_namn, text, fel) => {
    const resultat = lasKoncerninterna(text);
    expect(resultat.ok).toBe(false);
    if (!resultat.ok) expect(resultat.fel.map(({ rad, falt }) => ({ rad, falt }))).toEqual(fel);
  });
});
