import type { VerksamhetsbudgetDto } from '@tertial/contracts/dto';
import { describe, expect, it } from 'vitest';

import { berakna, budgetbegaran, budgetinmatningFran, bytPeriodisering, jamntOverAret } from './verksamhetsbudget-rutnat.js';

const KR = 100;
const TKR = 1000 * KR;

const BUDGET: VerksamhetsbudgetDto = {
  ansvar: '16104',
  ar: 2026,
  namnd: 'SN',
  kalla: 'standard',
  periodisering: null,
  internbudget: [
    { kontogrupp: 'intakter', beloppOre: 120 * TKR },
    { kontogrupp: 'personalkostnader', beloppOre: 1200 * TKR },
  ],
  rader: [
    { kontogrupp: 'intakter', manader: jamntOverAret(120 * TKR) },
    { kontogrupp: 'personalkostnader', manader: jamntOverAret(1200 * TKR) },
  ],
  nettokostnadOre: 1080 * TKR,
  internbudgetOre: 1080 * TKR,
  inaktuell: null,
  arsarbetare: 1.9,
  arsarbetareKalla: 'berakning',
  sparad: null,
  etag: '"standard"',
};

describe('the chef’s verksamhetsbudget', () => {
  it('starts from the budget as it stands, by last year’s pattern when the chef has made none, and adds up', () => {
    const inmatning = budgetinmatningFran(BUDGET, 'tkr');
    expect(inmatning).toMatchObject({ periodisering: 'foregaende-ar', ar: { intakter: '120', personalkostnader: '1\u00a0200' } });
    expect(inmatning.manader.personalkostnader).toEqual(Array.from({ length: 12 }, () => '100'));
    expect(berakna(BUDGET, inmatning, 'tkr')).toMatchObject({ nettokostnadOre: 1080 * TKR, differensOre: 0 });
  });

  it('shows how far a changed year is from the internbudget', () => {
    const inmatning = { ...budgetinmatningFran(BUDGET, 'tkr'), ar: { intakter: '100', personalkostnader: '1 200' } };
    expect(berakna(BUDGET, inmatning, 'tkr').differensOre).toBe(20 * TKR);
  });

  it('by hand, sums the twelve months and names a month that cannot be read', () => {
    const inmatning = bytPeriodisering(budgetinmatningFran(BUDGET, 'tkr'), 'manuellt', 'tkr');
    const manader = [...inmatning.manader.personalkostnader!];
    manader[6] = '50';
    manader[7] = '150';
    expect(berakna(BUDGET, { ...inmatning, manader: { ...inmatning.manader, personalkostnader: manader } }, 'tkr').differensOre).toBe(0);
    manader[3] = 'x';
    const fel = berakna(BUDGET, { ...inmatning, manader: { ...inmatning.manader, personalkostnader: manader } }, 'tkr');
    expect(fel).toMatchObject({ nettokostnadOre: null, differensOre: null });
    expect(budgetbegaran(fel, 'manuellt')).toEqual({ ok: false, fel: expect.stringMatching(/^Personalkostnader: Skriv ett belopp/) });
  });

  it('switching to by hand spreads each year evenly to the öre, and back gives the months’ sum', () => {
    expect(jamntOverAret(1_000_005)).toEqual([...Array.from({ length: 9 }, () => 83_334), 83_333, 83_333, 83_333]);
    expect(jamntOverAret(1_000_005).reduce((a, b) => a + b, 0)).toBe(1_000_005);
    const jamnt = {
      ...budgetinmatningFran(BUDGET, 'kr'),
      periodisering: 'jamnt' as const,
      ar: { intakter: '10 000,05', personalkostnader: '0' },
    };
    const manuellt = bytPeriodisering(jamnt, 'manuellt', 'kr');
    expect(manuellt.manader.intakter![0]).toBe('833,34');
    expect(bytPeriodisering(manuellt, 'jamnt', 'kr').ar.intakter).toBe('10\u00a0000,05');
  });

  it('sends the year per kontogrupp, or twelve months each, in canonical kronor', () => {
    const inmatning = budgetinmatningFran(BUDGET, 'tkr');
    expect(budgetbegaran(berakna(BUDGET, inmatning, 'tkr'), 'jamnt')).toEqual({
      ok: true,
      begaran: {
        periodisering: 'jamnt',
        rader: [
          { kontogrupp: 'intakter', belopp: '120000.00' },
          { kontogrupp: 'personalkostnader', belopp: '1200000.00' },
        ],
      },
    });
    const manuellt = budgetbegaran(berakna(BUDGET, { ...inmatning, periodisering: 'manuellt' }, 'tkr'), 'manuellt');
    expect(manuellt.ok && manuellt.begaran.periodisering === 'manuellt' && manuellt.begaran.rader[0]!.manader[0]).toBe('10000.00');
  });
});
