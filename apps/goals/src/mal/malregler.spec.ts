import { MAX_AKTIVA_MAL, skapaMalRequestSchema } from '@tertial/contracts/dto';
import { describe, expect, it } from 'vitest';

import { forMangaMal, hinderForNyttMal, inaktuellVersion, malarIForfluten, type NyttMal } from './malregler.js';

const SN = 'Socialnämnden';

describe('who may add a mål for which nämnd', () => {
  const nytt: NyttMal = { namnd: 'SN', serNamnden: true, arNamnd: true };

  it.each([
    ['a processledare adds a mål for the nämnd they work for', {}, null],
    ['a processledare cannot add a mål for another nämnd', { serNamnden: false }, 403],
    ['a processledare is not told whether a kod outside their part exists', { serNamnden: false, arNamnd: false }, 403],
    ['a mål is set for a nämnd, not for a förvaltning or an ansvar', { arNamnd: false }, 422],
  ] as const)('%s', (_, andrat: Partial<NyttMal>, status) => {
    expect(hinderForNyttMal({ ...nytt, ...andrat })?.status ?? null).toBe(status);
  });

  it('names the nämnd that is not one', () => {
    expect(hinderForNyttMal({ ...nytt, namnd: 'SN-F', arNamnd: false })).toMatchObject({
      detail: 'Nämnden SN-F finns inte i organisationen.',
      fel: [{ field: 'namnd', message: 'okänd nämnd' }],
    });
  });
});

describe('at most three active mål per nämnd', () => {
  it.each([
    ['the first mål', 0, null],
    ['the third mål', 2, null],
    ['a fourth mål', 3, 409],
    ['a mål beyond the limit however it came about', 7, 409],
  ])('%s: %s', (_, antal, status) => {
    expect(forMangaMal(SN, antal)?.status ?? null).toBe(status);
  });

  it('says how many the nämnd has and how many KF gives', () => {
    expect(forMangaMal(SN, MAX_AKTIVA_MAL)).toMatchObject({
      detail: 'Socialnämnden har redan 3 aktiva mål; KF ger högst 3. Avsluta ett mål först.',
    });
  });
});

describe('when a mål must be reached', () => {
  it.each([
    [2026, 2026, null],
    [2030, 2026, null],
    [2025, 2026, 400],
  ])('target year %i in %i: %s', (ar, iAr, status) => {
    expect(malarIForfluten(ar, iAr)?.status ?? null).toBe(status);
  });
  it('names the field', () => {
    expect(malarIForfluten(2020, 2026)?.status === 400 && malarIForfluten(2020, 2026)).toMatchObject({ fel: [{ field: 'ar' }] });
  });
});

describe('a change names the version it changes', () => {
  it.each([
    [3, 3, 'aktivt', null],
    [4, 3, 'aktivt', 409],
    [3, 3, 'avslutat', 409],
  ] as const)('current %i, given %i, %s: %s', (aktuell, angiven, status, vantat) => {
    expect(inaktuellVersion(aktuell, angiven, status)?.status ?? null).toBe(vantat);
  });
});

describe('what a mål must say', () => {
  const beslut = { datum: '2026-06-15', paragraf: 'KF § 112' };
  const mal = { namnd: 'SN', ar: 2027, text: 'Fler barn får tidigt stöd.', beslut };
  const nyckeltal = ['00000000-0000-4000-8000-000000000001'];

  it.each([
    ['a mål for a professional assessment', { ...mal, professionellBedomning: true }],
    ['a mål with the nyckeltal it is measured by', { ...mal, nyckeltal }],
    [
      'a mål with two nyckeltal and a professional assessment beside',
      { ...mal, nyckeltal: [...nyckeltal, '00000000-0000-4000-8000-000000000002'], professionellBedomning: true },
    ],
  ])('accepts %s', (_, request) => {
    expect(skapaMalRequestSchema.safeParse(request).success).toBe(true);
  });

  it.each([
    ['a text shorter than five characters', { ...mal, nyckeltal, text: '  Bra ' }, 'text'],
    ['a year outside 2000–2100', { ...mal, nyckeltal, ar: 1999 }, 'ar'],
    ['no nämnd', { ...mal, nyckeltal, namnd: '' }, 'namnd'],
    ['neither a nyckeltal nor a professional assessment', mal, 'nyckeltal'],
    ['the same nyckeltal twice', { ...mal, nyckeltal: [...nyckeltal, ...nyckeltal] }, 'nyckeltal'],
    ['a nyckeltal that is no id', { ...mal, nyckeltal: ['Andel i öppenvård'] }, 'nyckeltal.0'],
    ['no KF decision', { ...mal, nyckeltal, beslut: undefined }, 'beslut'],
    ['a decision without a proper date', { ...mal, nyckeltal, beslut: { datum: '15/6 2026' } }, 'beslut.datum'],
  ])('refuses %s', (_, request, falt) => {
    const parsed = skapaMalRequestSchema.safeParse(request);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain(falt);
  });
});
