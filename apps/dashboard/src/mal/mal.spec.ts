import { describe, expect, it } from 'vitest';

import { felIBedomning, formatVarde, kanBedoma, malvardeFor, totalserie, valdUppfoljning } from './mal.js';

describe('the follow-up a page opens on', () => {
  it.each([
    [null, null, '2026-05-10', { ar: 2026, tillfalle: 'april' }],
    [null, null, '2026-09-02', { ar: 2026, tillfalle: 'augusti' }],
    ['2025', null, '2026-05-10', { ar: 2025, tillfalle: 'helar' }],
    ['2026', 'augusti', '2026-05-10', { ar: 2026, tillfalle: 'augusti' }],
    ['tjugo', 'maj', '2026-05-10', { ar: 2026, tillfalle: 'april' }],
  ])('år %s, tillfälle %s on %s', (ar, tillfalle, idag, vantat) => {
    expect(valdUppfoljning(ar, tillfalle, new Date(`${idag}T12:00:00`))).toEqual(vantat);
  });
});

describe('the assessment form', () => {
  it.each([
    [{ bedomning: '', analys: '', motivering: '' }, 'uppfyllt', ['bedomning', 'analys']],
    [{ bedomning: 'uppfyllt', analys: 'Målet nås med god marginal.', motivering: '' }, 'uppfyllt', []],
    [{ bedomning: 'ej-uppfyllt', analys: 'Målet nås inte i år alls.', motivering: '' }, 'uppfyllt', ['motivering']],
    [{ bedomning: 'ej-uppfyllt', analys: 'Målet nås inte i år alls.', motivering: 'Nya siffror i maj.' }, 'uppfyllt', []],
    [{ bedomning: 'delvis-uppfyllt', analys: 'Professionell bedömning.', motivering: '' }, null, []],
  ] as const)('%o against the proposal %s', (formular, forslag, fel) => {
    expect(Object.keys(felIBedomning({ ...formular }, forslag))).toEqual(fel);
  });

  it('a processledare assesses their own nämnd’s mål, the ekonomidirektör a bolag’s', () => {
    expect(kanBedoma(['processledare'], 'namnd', true)).toBe(true);
    expect(kanBedoma(['processledare'], 'namnd', false)).toBe(false);
    expect(kanBedoma(['ekonomidirektor'], 'bolag', false)).toBe(true);
    expect(kanBedoma(['ekonomidirektor'], 'namnd', false)).toBe(false);
    expect(kanBedoma(['chef'], 'namnd', true)).toBe(false);
  });
});

describe('nyckeltal', () => {
  it('values are Swedish, with the unit after a no-break space', () => {
    expect(formatVarde(12345.6, '%')).toBe('12\u00a0345,6\u00a0%');
    expect(formatVarde(null, '%')).toBe('saknas');
  });

  it('the target of a year is its own, else the last before it', () => {
    const nyckeltal = {
      malvarden: [
        { ar: 2027, varde: 89 },
        { ar: 2026, varde: 88 },
      ],
    };
    expect(malvardeFor(nyckeltal, 2026)).toEqual({ ar: 2026, varde: 88 });
    expect(malvardeFor(nyckeltal, 2030)).toEqual({ ar: 2027, varde: 89 });
    expect(malvardeFor(nyckeltal, 2024)).toEqual({ ar: 2027, varde: 89 });
    expect(malvardeFor({ malvarden: [] }, 2026)).toBeNull();
  });

  it('the trend is the total series in period order, without unpublished values', () => {
    const matvarde = (period: string, kon: 'total' | 'kvinnor', varde: number | null) =>
      ({ period, kon, varde, status: null, kalla: 'kolada', registreradAt: '2026-01-01T00:00:00Z' }) as const;
    expect(
      totalserie([
        matvarde('2025', 'total', 2),
        matvarde('2023', 'total', 1),
        matvarde('2024', 'total', null),
        matvarde('2025', 'kvinnor', 3),
      ]),
    ).toEqual([
      { period: '2023', varde: 1 },
      { period: '2025', varde: 2 },
    ]);
  });
});
