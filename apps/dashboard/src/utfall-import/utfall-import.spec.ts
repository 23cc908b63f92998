import type { UtfallImportResultat } from '@tertial/contracts/dto';
import { describe, expect, it } from 'vitest';

import { ApiFel } from '../api/hamta-json.js';
import { formatStorlek, importUrl, kontogruppnamn, manadText, statustext, tolkaImportsvar } from './utfall-import.js';

const RESULTAT: UtfallImportResultat = {
  status: 'provkord',
  importId: null,
  filnamn: 'utfall-2026-08.se',
  format: 'SIE4',
  kodning: 'CP437',
  rakenskapsar: { start: '2026-01-01', slut: '2026-12-31' },
  rader: 120_345,
  poster: { ver: 1_204, trans: 98_431, psaldo: 0, pbudget: 0, res: 0 },
  perioder: [],
  totalerPerKonto: [{ konto: 3011, namn: 'Taxor och avgifter', kontogrupp: 'intakter', beloppOre: -123_456 }],
  totalerPerManad: [{ ar: 2026, manad: 1, beloppOre: 98_765_432 }],
  antalAnsvar: 1_782,
  antalUtfallsrader: 54_321,
  fel: [],
  varningar: [],
};

const lasbart = (text: string) => text.replaceAll('\u00a0', ' ');

describe('the upload URL', () => {
  it('asks for a dry run or an import and names the file, encoded', () => {
    expect(importUrl('utfall augusti.se', true)).toBe('/api/budget/utfall/import?dryRun=true&filnamn=utfall%20augusti.se');
    expect(importUrl('å&ä.csv', false)).toBe('/api/budget/utfall/import?dryRun=false&filnamn=%C3%A5%26%C3%A4.csv');
  });
});

describe('reading the answer to an upload', () => {
  it('takes the result of a 200', () => {
    expect(tolkaImportsvar(200, RESULTAT)).toEqual({ resultat: RESULTAT, problem: null });
  });

  it('takes the result and the problem of a 422 for a refused file', () => {
    const avvisad = { ...RESULTAT, status: 'avvisad', fel: [{ rad: 17, post: '#TRANS', meddelande: 'beloppet saknas' }] };
    const svar = tolkaImportsvar(422, {
      type: 'about:blank',
      title: 'Filen innehåller fel',
      status: 422,
      detail: '1 fel; inget sparades.',
      resultat: avvisad,
    });
    expect(svar.resultat.status).toBe('avvisad');
    expect(svar.resultat.fel).toHaveLength(1);
    expect(svar.problem).toEqual({ titel: 'Filen innehåller fel', detalj: '1 fel; inget sparades.' });
  });

  it('throws the problem of a 422 without a result', () => {
    expect(() => tolkaImportsvar(422, { title: 'Ogiltig fråga', detail: 'filnamn saknas' })).toThrow(
      expect.objectContaining({ status: 422, titel: 'Ogiltig fråga', detalj: 'filnamn saknas' }),
    );
  });

  it('throws the problem of another error', () => {
    expect(() => tolkaImportsvar(413, { title: 'Filen är för stor' })).toThrow(ApiFel);
    expect(() => tolkaImportsvar(502, undefined)).toThrow('Servern svarade med status 502');
  });

  it('refuses a 200 that is not a result', () => {
    expect(() => tolkaImportsvar(200, { status: 'klar' })).toThrow('Servern skickade data i ett oväntat format');
  });
});

describe('what is shown', () => {
  it.each([
    { byte: 0, visas: '1 kB' },
    { byte: 870_400, visas: '850 kB' },
    { byte: 1_048_576, visas: '1,0 MB' },
    { byte: 12_897_485, visas: '12,3 MB' },
    { byte: 1_610_612_736, visas: '1 536,0 MB' },
  ])('a file of $byte bytes is "$visas"', ({ byte, visas }) => {
    expect(lasbart(formatStorlek(byte))).toBe(visas);
  });

  it('names months in Swedish', () => {
    expect(manadText(2026, 1)).toBe('januari 2026');
    expect(manadText(2026, 12)).toBe('december 2026');
  });

  it('names a kontogrupp, or says there is none', () => {
    expect(kontogruppnamn('personalkostnader')).toBe('Personalkostnader');
    expect(kontogruppnamn(null)).toBe('Ingen kontogrupp');
  });

  it.each([
    { resultat: RESULTAT, text: 'Provkörningen är klar: 54 321 utfallsrader för 1 782 ansvar kan importeras. Inget har sparats.' },
    {
      resultat: { ...RESULTAT, status: 'importerad', antalUtfallsrader: 1, antalAnsvar: 1 },
      text: 'Utfallet är importerat: 1 utfallsrad för 1 ansvar har sparats.',
    },
    {
      resultat: {
        ...RESULTAT,
        status: 'avvisad',
        fel: [{ rad: 3, post: '#VER', meddelande: 'x' }],
        varningar: [
          { rad: 9, post: '#KONTO', meddelande: 'y' },
          { rad: 10, post: '#KONTO', meddelande: 'z' },
        ],
      },
      text: 'Filen avvisades med 1 fel. Inget har sparats. 2 varningar.',
    },
  ] as { resultat: UtfallImportResultat; text: string }[])('says "$text"', ({ resultat, text }) => {
    expect(lasbart(statustext(resultat))).toBe(text);
  });
});
