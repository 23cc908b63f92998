import { describe, expect, it } from 'vitest';

import {
  faststallUrl,
  kanHanteraRapporter,
  rapportdatum,
  rapportperiod,
  rapportstatus,
  sorteraRapporter,
  tolkaRapportformular,
} from './rapporter.js';

describe('how a report is described in the list', () => {
  it('names the period as the forecast it holds', () => {
    expect(rapportperiod({ ar: 2026, tillfalle: 'augusti' })).toBe('Helårsprognos augusti 2026');
  });

  it('says Utkast or Fastställd', () => {
    expect(rapportstatus('utkast')).toBe('Utkast');
    expect(rapportstatus('faststalld')).toBe('Fastställd');
  });

  it('dates a fixed report by when it was fixed, a draft by when it was made, in Swedish time', () => {
    expect(rapportdatum({ skapadAt: '2026-09-01T08:00:00Z', faststalldAt: '2026-09-15T22:30:00Z' })).toBe('2026-09-16');
    expect(rapportdatum({ skapadAt: '2026-09-01T08:00:00Z', faststalldAt: null })).toBe('2026-09-01');
  });

  it('rejects a timestamp that is not one', () => {
    expect(() => rapportdatum({ skapadAt: 'igår', faststalldAt: null })).toThrow(RangeError);
  });
});

describe('the order of the reports', () => {
  it('puts the latest period first, August before April, and the newest report first within a period', () => {
    const rapporter = [
      { id: 'a', ar: 2025, tillfalle: 'augusti', skapadAt: '2025-09-01T08:00:00Z' },
      { id: 'b', ar: 2026, tillfalle: 'april', skapadAt: '2026-05-01T08:00:00Z' },
      { id: 'c', ar: 2026, tillfalle: 'augusti', skapadAt: '2026-09-01T08:00:00Z' },
      { id: 'd', ar: 2026, tillfalle: 'augusti', skapadAt: '2026-09-10T08:00:00Z' },
    ] as const;
    expect(sorteraRapporter(rapporter).map((r) => r.id)).toEqual(['d', 'c', 'b', 'a']);
  });
});

describe('who may draft and fix reports', () => {
  it('is the ekonomidirektör, not a council member', () => {
    expect(kanHanteraRapporter(['ekonomidirektor'])).toBe(true);
    expect(kanHanteraRapporter(['fullmaktige'])).toBe(false);
    expect(kanHanteraRapporter(['fullmaktige', 'ekonomidirektor'])).toBe(true);
  });
});

describe('the address that fixes a report', () => {
  it('is under the report', () => {
    expect(faststallUrl('0c6f8a52-1d1e-4c1a-9f59-2c1a3f1f4b10')).toBe(
      '/api/report/rapporter/0c6f8a52-1d1e-4c1a-9f59-2c1a3f1f4b10/faststall',
    );
  });
});

describe('the form for a new draft', () => {
  it('gives the request body, with the title trimmed', () => {
    expect(tolkaRapportformular({ ar: ' 2026 ', tillfalle: 'augusti', titel: '  Delårsrapport augusti ' })).toEqual({
      ok: true,
      varde: { ar: 2026, tillfalle: 'augusti', titel: 'Delårsrapport augusti' },
    });
  });

  it.each(['', '26', '1999', '2101', '2026.5', 'tjugo'])('rejects the year %j', (ar) => {
    const resultat = tolkaRapportformular({ ar, tillfalle: 'april', titel: 'Delårsrapport' });
    expect(resultat).toEqual({ ok: false, fel: { ar: 'Ange ett årtal mellan 2000 och 2100.' } });
  });

  it('rejects an unknown tillfälle', () => {
    expect(tolkaRapportformular({ ar: '2026', tillfalle: 'midsommar', titel: 'Delårsrapport' })).toEqual({
      ok: false,
      fel: { tillfalle: 'Välj april eller augusti.' },
    });
  });

  it('asks for a title of at least three characters and at most 200', () => {
    expect(tolkaRapportformular({ ar: '2026', tillfalle: 'april', titel: '  ab ' })).toEqual({
      ok: false,
      fel: { titel: 'Skriv en titel på minst 3 tecken.' },
    });
    expect(tolkaRapportformular({ ar: '2026', tillfalle: 'april', titel: 'x'.repeat(201) })).toEqual({
      ok: false,
      fel: { titel: 'Titeln får vara högst 200 tecken.' },
    });
  });

  it('reports every field that is wrong at once', () => {
    const resultat = tolkaRapportformular({ ar: '', tillfalle: '', titel: '' });
    expect(resultat.ok).toBe(false);
    if (!resultat.ok) expect(Object.keys(resultat.fel).sort()).toEqual(['ar', 'tillfalle', 'titel']);
  });
});
