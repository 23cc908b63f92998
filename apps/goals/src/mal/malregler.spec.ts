import { MAX_MAL_PER_NAMND_OCH_AR, skapaMalRequestSchema } from '@tertial/contracts/dto';
import { describe, expect, it } from 'vitest';

import { forMangaMal, hinderForNyttMal, type NyttMal } from './malregler.js';

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

describe('at most three mål per nämnd and year', () => {
  it.each([
    ['the first mål of the year', 0, null],
    ['the third mål of the year', 2, null],
    ['a fourth mål of the year', 3, 409],
    ['a mål beyond the limit however it came about', 7, 409],
  ])('%s: %s', (_, antal, status) => {
    expect(forMangaMal(SN, 2026, antal)?.status ?? null).toBe(status);
  });

  it('says how many the nämnd has and how many KF gives', () => {
    expect(forMangaMal(SN, 2026, MAX_MAL_PER_NAMND_OCH_AR)).toMatchObject({
      detail: 'Socialnämnden har redan 3 mål för 2026; KF ger högst 3.',
    });
  });
});

describe('what a mål must say', () => {
  const mal = { namnd: 'SN', ar: 2026, text: 'Fler barn får tidigt stöd.' };
  const nyckeltal = { namn: 'Andel i öppenvård', enhet: '%', utgangsvarde: 71, malvarde: 80, riktning: 'hogre-ar-battre' };

  it.each([
    ['a mål in text alone, for a professional assessment', mal],
    ['a mål with the nyckeltal it is followed up by', { ...mal, nyckeltal }],
    ['a nyckeltal where lower is better', { ...mal, nyckeltal: { ...nyckeltal, riktning: 'lagre-ar-battre' } }],
  ])('accepts %s', (_, request) => {
    expect(skapaMalRequestSchema.safeParse(request).success).toBe(true);
  });

  it.each([
    ['a text shorter than five characters', { ...mal, text: '  Bra ' }, 'text'],
    ['a year outside 2000–2100', { ...mal, ar: 1999 }, 'ar'],
    ['no nämnd', { ...mal, namnd: '' }, 'namnd'],
    ['a nyckeltal without a direction', { ...mal, nyckeltal: { ...nyckeltal, riktning: 'uppat' } }, 'nyckeltal.riktning'],
    ['a nyckeltal whose target is not a number', { ...mal, nyckeltal: { ...nyckeltal, malvarde: 'många' } }, 'nyckeltal.malvarde'],
  ])('refuses %s', (_, request, falt) => {
    const parsed = skapaMalRequestSchema.safeParse(request);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain(falt);
  });
});
