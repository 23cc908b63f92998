import { describe, expect, it } from 'vitest';

import { beskrivResultatvag, resultatvag } from './resultatvag.js';

const MNKR = 100_000_000;

describe('resultatvag', () => {
  it('walks from the budgeted result through each nämnd and the rest to the forecast result', () => {
    const staplar = resultatvag({
      budgeteratOre: 200 * MNKR,
      prognosOre: 150 * MNKR,
      steg: [
        { kod: 'SN', namn: 'Socialnämnden', beloppOre: -80 * MNKR },
        { kod: 'MN', namn: 'Miljönämnden', beloppOre: 10 * MNKR },
      ],
      ovrigtOre: 20 * MNKR,
    });
    expect(staplar.map((s) => [s.kortNamn, s.typ, s.franOre / MNKR, s.tillOre / MNKR])).toEqual([
      ['Budget', 'total', 0, 200],
      ['SN', 'minskning', 200, 120],
      ['MN', 'okning', 120, 130],
      ['Övrigt', 'okning', 130, 150],
      ['Prognos', 'total', 0, 150],
    ]);
    // The last step lands exactly on the forecast result.
    expect(staplar.at(-2)!.tillOre).toBe(staplar.at(-1)!.tillOre);
    expect(beskrivResultatvag(staplar, 2026)).toContain('Socialnämnden −80,0 miljoner kronor');
  });

  it('without the resultaträkning ends at the nämnder’s summed avvikelse', () => {
    const staplar = resultatvag({
      budgeteratOre: null,
      prognosOre: null,
      steg: [{ kod: 'SN', namn: 'Socialnämnden', beloppOre: -5 * MNKR }],
      ovrigtOre: null,
    });
    expect(staplar.map((s) => [s.namn, s.typ, s.tillOre / MNKR])).toEqual([
      ['Socialnämnden', 'minskning', -5],
      ['Nämndernas avvikelse mot budget', 'total', -5],
    ]);
  });
});
