import { STANDARDREGLER } from '@tertial/contracts/dto';
import { describe, expect, it } from 'vitest';

import { bedomNyckeltal, foreslaBedomning, malvardeFor, sammanvag, type NyckeltalUnderlag } from './bedomningsforslag.js';

const FORE_APRIL = '2026-02-15T10:00:00.000Z';
const NY = '2026-03-20T09:00:00.000Z';
const GAMMAL = '2025-09-01T09:00:00.000Z';

const behoriga = (varde: number | null, { period = '2026-T1', registreradAt = NY } = {}) => ({
  period,
  kon: 'total' as const,
  varde,
  registreradAt,
});

/** Andel elever behöriga till gymnasiet: från 80 till 90 %, högre är bättre. */
const hogre = (matvarden: NyckeltalUnderlag['matvarden']): NyckeltalUnderlag => ({
  id: '00000000-0000-4000-8000-000000000001',
  namn: 'Andel behöriga',
  enhet: '%',
  riktning: 'hogre-ar-battre',
  utgangsvarde: 80,
  malvarden: [
    { ar: 2026, varde: 90 },
    { ar: 2027, varde: 92 },
  ],
  matvarden,
});
/** Hushåll med långvarigt ekonomiskt bistånd: från 1 240 till 1 100, lägre är bättre. */
const lagre = (matvarden: NyckeltalUnderlag['matvarden']): NyckeltalUnderlag => ({
  id: '00000000-0000-4000-8000-000000000002',
  namn: 'Hushåll med bistånd',
  enhet: 'st',
  riktning: 'lagre-ar-battre',
  utgangsvarde: 1240,
  malvarden: [{ ar: 2026, varde: 1100 }],
  matvarden,
});

const april = { ar: 2026, tillfalle: 'april' as const, foregaendeUppfoljningAt: FORE_APRIL, regler: STANDARDREGLER };

describe('one nyckeltal against its target', () => {
  it.each([
    ['at the target, higher is better', hogre([behoriga(90)]), 'uppfyllt'],
    ['past the target, higher is better', hogre([behoriga(93.5)]), 'uppfyllt'],
    ['exactly half-way from baseline to target', hogre([behoriga(85)]), 'delvis-uppfyllt'],
    ['just short of half-way', hogre([behoriga(84.9)]), 'ej-uppfyllt'],
    ['worse than the baseline', hogre([behoriga(78)]), 'ej-uppfyllt'],
    ['at the target, lower is better', lagre([behoriga(1100)]), 'uppfyllt'],
    ['below the target, lower is better', lagre([behoriga(1050)]), 'uppfyllt'],
    ['more than half-way down', lagre([behoriga(1160)]), 'delvis-uppfyllt'],
    ['above the baseline, lower is better', lagre([behoriga(1300)]), 'ej-uppfyllt'],
    ['no value at all', hogre([]), 'ej-matt'],
    ['only a value newer than the follow-up’s period', hogre([behoriga(95, { period: '2026-T2' })]), 'ej-matt'],
    ['no value registered since the previous follow-up', hogre([behoriga(95, { registreradAt: GAMMAL })]), 'ej-matt'],
    ['a value not published (null)', hogre([behoriga(null)]), 'ej-matt'],
  ] as const)('%s: %s', (_, nyckeltal, bedomning) => {
    expect(bedomNyckeltal(nyckeltal, april).bedomning).toBe(bedomning);
  });

  it('an old value counts when the city has turned the ej-mätt rule off', () => {
    const regler = { ...STANDARDREGLER, ejMattUtanNyttVarde: false };
    expect(bedomNyckeltal(hogre([behoriga(95, { registreradAt: GAMMAL })]), { ...april, regler }).bedomning).toBe('uppfyllt');
  });

  it('a city that asks for two thirds of the way calls half-way ej uppfyllt', () => {
    const regler = { ...STANDARDREGLER, delvisFranAndel: 2 / 3 };
    expect(bedomNyckeltal(hogre([behoriga(85)]), { ...april, regler }).bedomning).toBe('ej-uppfyllt');
    expect(bedomNyckeltal(hogre([behoriga(87)]), { ...april, regler }).bedomning).toBe('delvis-uppfyllt');
  });

  it('takes the latest period by the follow-up, and says what it compared', () => {
    const forslag = bedomNyckeltal(hogre([behoriga(81, { period: '2025' }), behoriga(86), behoriga(99, { period: '2026-T3' })]), april);
    expect(forslag).toMatchObject({ senaste: { period: '2026-T1', varde: 86 }, malvarde: 90, utgangsvarde: 80, andelAvVagen: 0.6 });
    expect(forslag.forklaring).toBe(
      'Andel behöriga: 86 % för 2026-T1 mot målvärdet 90 för 2026: 60 % av vägen från utgångsvärdet 80, minst 50 %.',
    );
  });

  it('leaves out a value registered after the proposal is made', () => {
    const forslag = bedomNyckeltal(hogre([behoriga(86), behoriga(95, { period: '2026-04', registreradAt: '2026-05-20T08:00:00.000Z' })]), {
      ...april,
      nu: new Date('2026-05-10T08:00:00Z'),
    });
    expect(forslag.senaste).toEqual({ period: '2026-T1', varde: 86 });
  });

  it('uses the values of women and men only beside the total, never for the proposal', () => {
    expect(bedomNyckeltal(hogre([{ ...behoriga(95), kon: 'kvinnor' }]), april).bedomning).toBe('ej-matt');
  });

  it('without a baseline a value short of the target is ej uppfyllt, and says why', () => {
    const forslag = bedomNyckeltal({ ...hogre([behoriga(89)]), utgangsvarde: null }, april);
    expect(forslag.bedomning).toBe('ej-uppfyllt');
    expect(forslag.forklaring).toMatch(/utan utgångsvärde/);
  });
});

describe('the target a follow-up compares with', () => {
  const malvarden = [
    { ar: 2025, varde: 85 },
    { ar: 2027, varde: 92 },
  ];
  it.each([
    [2025, 85],
    [2026, 85],
    [2027, 92],
    [2030, 92],
    [2024, 85],
  ])('in %i: %i', (ar, varde) => {
    expect(malvardeFor(malvarden, ar)?.varde).toBe(varde);
  });
  it('none without targets', () => {
    expect(malvardeFor([], 2026)).toBeNull();
  });
});

describe('a mål measured by several nyckeltal', () => {
  it.each([
    ['samsta', ['uppfyllt', 'delvis-uppfyllt', 'uppfyllt'], 'delvis-uppfyllt'],
    ['samsta', ['uppfyllt', 'ej-matt'], 'uppfyllt'],
    ['samsta', ['ej-matt', 'ej-matt'], 'ej-matt'],
    ['majoritet', ['uppfyllt', 'uppfyllt', 'ej-uppfyllt'], 'uppfyllt'],
    ['majoritet', ['uppfyllt', 'ej-uppfyllt'], 'ej-uppfyllt'],
    ['majoritet', ['uppfyllt', 'delvis-uppfyllt', 'ej-matt', 'ej-matt'], 'delvis-uppfyllt'],
  ] as const)('%s of %j is %s', (regel, bedomningar, vantat) => {
    expect(sammanvag(bedomningar, regel).bedomning).toBe(vantat);
  });

  it('the explanation names the rule and what it left out', () => {
    expect(sammanvag(['uppfyllt', 'delvis-uppfyllt', 'ej-matt'], 'samsta').forklaring).toBe(
      'Sammanvägning: det sämsta av 2 mätta nyckeltal (1 ej mätt räknas inte): delvis uppfyllt.',
    );
    expect(sammanvag(['uppfyllt', 'uppfyllt', 'ej-uppfyllt'], 'majoritet').forklaring).toBe(
      'Sammanvägning: majoriteten av 3 mätta nyckeltal: 2 av 3 uppfyllt.',
    );
  });

  it('the proposal carries each nyckeltal’s part, the rules and the combined assessment', () => {
    const forslag = foreslaBedomning({
      ...april,
      professionellBedomning: false,
      nyckeltal: [hogre([behoriga(91)]), lagre([behoriga(1200)])],
      nu: new Date('2026-05-05T08:00:00Z'),
    });
    expect(forslag).toMatchObject({ bedomning: 'ej-uppfyllt', sammanvagning: 'samsta', beraknadAt: '2026-05-05T08:00:00.000Z' });
    expect(forslag.perNyckeltal.map((n) => n.bedomning)).toEqual(['uppfyllt', 'ej-uppfyllt']);
  });

  it('a mål followed up by professionell bedömning gets no proposal, and says so', () => {
    const forslag = foreslaBedomning({ ...april, professionellBedomning: true, nyckeltal: [], nu: new Date() });
    expect(forslag.bedomning).toBeNull();
    expect(forslag.forklaring).toMatch(/professionell bedömning/);
  });
});
