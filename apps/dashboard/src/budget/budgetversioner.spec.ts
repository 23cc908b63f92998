import type { VersionsjamforelseDto } from '@tertial/contracts/dto';
import { describe, expect, it } from 'vitest';

import { budgetversionstabell } from './budgetversioner.js';

const MNKR = 100_000_000;

/** KF's frames, a tilläggsbudget for SN, and three internbudgetar: SN's twice, VON's once. */
const jamforelse: VersionsjamforelseDto = {
  ar: 2026,
  kolumner: [
    { id: 'kf', typ: 'kf-beslut', namn: 'KF juni 2025', beslutad: '2025-06-18' },
    { id: 'ib-sn-1', typ: 'internbudget', namn: 'Internbudget 2026', beslutad: '2025-11-20' },
    { id: 'ib-von', typ: 'internbudget', namn: 'Internbudget 2026', beslutad: '2025-12-04' },
    { id: 'tb', typ: 'tillaggsbudget', namn: 'Tilläggsbudget 1', beslutad: '2026-03-01' },
    { id: 'ib-sn-2', typ: 'internbudget', namn: 'Reviderad internbudget', beslutad: '2026-03-10' },
  ],
  rader: [
    { namnd: 'SN', belopp: [1000 * MNKR, 990 * MNKR, null, 20 * MNKR, 1015 * MNKR], gallandeRamOre: 1020 * MNKR },
    { namnd: 'VON', belopp: [3000 * MNKR, null, 3000 * MNKR, null, null], gallandeRamOre: 3000 * MNKR },
    { namnd: 'KN', belopp: [200 * MNKR, null, null, null, null], gallandeRamOre: 200 * MNKR },
  ],
  summa: { namnd: null, belopp: [4200 * MNKR, 990 * MNKR, 3000 * MNKR, 20 * MNKR, 1015 * MNKR], gallandeRamOre: 4220 * MNKR },
};

describe('the budget versions per nämnd', () => {
  const tabell = budgetversionstabell(jamforelse);

  it('makes a column of each frame decision only; internbudgetar, one nämnd each, share one column', () => {
    expect(tabell.ramkolumner.map((kolumn) => kolumn.id)).toEqual(['kf', 'tb']);
    expect(tabell.rader.map((rad) => rad.ramar)).toEqual([
      [1000 * MNKR, 20 * MNKR],
      [3000 * MNKR, null],
      [200 * MNKR, null],
    ]);
  });

  it('shows each nämnd’s latest internbudget and what of its frame it leaves undistributed', () => {
    expect(
      tabell.rader.map((rad) => [rad.namnd, rad.internbudget?.namn ?? null, rad.internbudget?.nettoOre ?? null, rad.ejFordelatOre]),
    ).toEqual([
      ['SN', 'Reviderad internbudget', 1015 * MNKR, 5 * MNKR],
      ['VON', 'Internbudget 2026', 3000 * MNKR, 0],
      ['KN', null, null, null],
    ]);
  });

  it('sums the frames as the service does and the latest internbudgetar, not every version of them', () => {
    expect(tabell.summa).toEqual({
      namnd: null,
      ramar: [4200 * MNKR, 20 * MNKR],
      gallandeRamOre: 4220 * MNKR,
      internbudgetOre: 4015 * MNKR,
      ejFordelatOre: 5 * MNKR,
    });
  });
});
