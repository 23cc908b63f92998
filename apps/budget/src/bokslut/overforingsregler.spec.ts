import { describe, expect, it } from 'vitest';

import { bokslutPerNamnd } from './bokslut.js';
import { foreslaEnligtRegler, STANDARDREGLER, valideraBeslut, valideraRegler, type Overforingsregler } from './overforingsregler.js';

const MNKR = 100_000_000;
const resultat = [
  { namnd: 'SN', budgetOre: 1_248 * MNKR, utfallOre: 1_281 * MNKR }, // a deficit of 33 mnkr
  { namnd: 'AMN', budgetOre: 384 * MNKR, utfallOre: 370 * MNKR }, // a surplus of 14 mnkr
  { namnd: 'VALN', budgetOre: 3 * MNKR, utfallOre: 2 * MNKR }, // a surplus of 1 mnkr
];

describe('resultatöverföring under the city’s rules', () => {
  it('carries surplus and deficit in full under Helsingborg’s rule', () => {
    const forslag = foreslaEnligtRegler(resultat, STANDARDREGLER);
    expect(forslag.ok && forslag.varde.namnder.map((n) => [n.namnd, n.overforingOre, n.grund])).toEqual([
      ['SN', -33 * MNKR, 'underskott'],
      ['AMN', 14 * MNKR, 'overskott'],
      ['VALN', 1 * MNKR, 'overskott'],
    ]);
    expect(forslag.ok && forslag.varde.overforingOre).toBe(-18 * MNKR);
  });

  it('gives a nämnd the rules name its own shares and says why', () => {
    const regler: Overforingsregler = {
      overskottAndel: '50',
      overskottTakProcentAvBudget: '2',
      underskottAndel: '100',
      namndundantag: [{ namnd: 'VALN', overskottAndel: '0', underskottAndel: '0', skal: 'valår' }],
    };
    const forslag = foreslaEnligtRegler(resultat, regler);
    expect(forslag.ok).toBe(true);
    if (!forslag.ok) return;
    const [sn, amn, valn] = forslag.varde.namnder;
    expect(sn).toMatchObject({ overforingOre: -33 * MNKR, grund: 'underskott' });
    // Half the surplus is 7 mnkr, the cap 2 % of 384 mnkr = 7.68 mnkr: the half.
    expect(amn).toMatchObject({ overforingOre: 7 * MNKR, grund: 'overskott' });
    expect(valn).toMatchObject({ overforingOre: 0, grund: 'undantag' });
    expect(valn!.forklaring).toContain('valår');
    expect(forslag.varde.resultatOre).toBe(-18 * MNKR);
    expect(forslag.varde.overforingOre).toBe(-26 * MNKR);
  });

  it('leaves aside an exception for a nämnd without a result that year', () => {
    const regler = { ...STANDARDREGLER, namndundantag: [{ namnd: 'KF', overskottAndel: '0', underskottAndel: '0', skal: 'x' }] };
    const forslag = foreslaEnligtRegler(resultat, regler);
    expect(forslag.ok && forslag.varde.overforingOre).toBe(-18 * MNKR);
  });

  it('caps a surplus at the share of the budget the rules allow', () => {
    const forslag = foreslaEnligtRegler(resultat, { ...STANDARDREGLER, overskottTakProcentAvBudget: '2,5' });
    // 2.5 % of 384 mnkr is 9.6 mnkr, less than the 14 mnkr surplus.
    expect(forslag.ok && forslag.varde.namnder[1]).toMatchObject({ overforingOre: 960_000_000, grund: 'overskott-tak' });
  });

  it('refuses rules that name an unknown nämnd, twice the same one, or a share above 100 %', () => {
    const fel = valideraRegler(
      {
        ...STANDARDREGLER,
        underskottAndel: '120',
        namndundantag: [
          { namnd: 'XYZ', overskottAndel: '0', underskottAndel: '0', skal: 'x' },
          { namnd: 'SN', overskottAndel: '0', underskottAndel: '0', skal: 'x' },
          { namnd: 'SN', overskottAndel: '0', underskottAndel: '0', skal: 'x' },
        ],
      },
      new Set(['SN', 'AMN']),
    );
    expect(fel.map((f) => f.field)).toEqual(['underskottAndel', 'namndundantag[0].namnd', 'namndundantag[2].namnd']);
    expect(fel[1]!.message).toBe('okänd nämnd XYZ');
  });
});

describe('KF’s decision on the proposal', () => {
  const forslag = foreslaEnligtRegler(resultat, STANDARDREGLER);
  if (!forslag.ok) throw new Error('förslaget ska gå att räkna');

  it('takes the proposal as it stands, keeping what was proposed beside what was decided', () => {
    const beslut = valideraBeslut([{ namnd: 'SN', beloppOre: -33 * MNKR }], forslag.varde);
    expect(beslut.ok && beslut.varde).toEqual([{ namnd: 'SN', beloppOre: -33 * MNKR, forslagOre: -33 * MNKR }]);
  });

  it('needs a motivering when KF decides otherwise than proposed', () => {
    const utan = valideraBeslut([{ namnd: 'SN', beloppOre: -16 * MNKR }], forslag.varde);
    expect(!utan.ok && utan.fel).toEqual([
      { field: 'namnder[0].motivering', message: 'beslutet för SN avviker från förslaget och ska motiveras (särskilda skäl)' },
    ]);
    const med = valideraBeslut([{ namnd: 'SN', beloppOre: -16 * MNKR, motivering: 'placeringar' }], forslag.varde);
    expect(med.ok).toBe(true);
  });

  it('refuses a nämnd without a result, naming it', () => {
    const beslut = valideraBeslut([{ namnd: 'NOPE', beloppOre: 100 }], forslag.varde);
    expect(!beslut.ok && beslut.fel).toEqual([{ field: 'namnder[0].namnd', message: 'okänd nämnd NOPE: den har inget resultat för året' }]);
  });
});

describe('the closed year per nämnd', () => {
  const namndAv = (ansvar: string) => ({ '1101': 'SN', '1102': 'SN', '2101': 'AMN' })[ansvar];
  const kontogruppAv = (konto: number) => (konto < 4000 ? 'intakter' : konto < 8000 ? 'personalkostnader' : undefined);

  it('groups the year’s rows by nämnd, keeps the ledger’s sign and sums the net cost', () => {
    const { namnder, utanNamnd } = bokslutPerNamnd(
      ['SN', 'AMN', 'VALN'],
      [
        { ansvar: '1102', konto: 5010, beloppOre: 700_00 },
        { ansvar: '1101', konto: 3110, beloppOre: -200_00 },
        { ansvar: '1101', konto: 5010, beloppOre: 1_000_00 },
        { ansvar: '2101', konto: 8410, beloppOre: 50_00 },
        { ansvar: '2101', konto: 5010, beloppOre: 0 },
      ],
      namndAv,
      kontogruppAv,
    );
    expect(utanNamnd).toEqual([]);
    expect(namnder).toEqual([
      {
        namnd: 'SN',
        rader: [
          { ansvar: '1101', konto: 3110, kontogrupp: 'intakter', beloppOre: -200_00 },
          { ansvar: '1101', konto: 5010, kontogrupp: 'personalkostnader', beloppOre: 1_000_00 },
          { ansvar: '1102', konto: 5010, kontogrupp: 'personalkostnader', beloppOre: 700_00 },
        ],
        nettokostnadOre: 1_500_00,
      },
      { namnd: 'AMN', rader: [{ ansvar: '2101', konto: 8410, kontogrupp: null, beloppOre: 50_00 }], nettokostnadOre: 50_00 },
      { namnd: 'VALN', rader: [], nettokostnadOre: 0 },
    ]);
  });

  it('returns the ansvar no nämnd with a frame owns, so the close can refuse them', () => {
    const { utanNamnd } = bokslutPerNamnd(
      ['SN'],
      [
        { ansvar: '2101', konto: 5010, beloppOre: 10 },
        { ansvar: '9999', konto: 5010, beloppOre: 5 },
      ],
      namndAv,
      kontogruppAv,
    );
    expect(utanNamnd).toEqual(['2101', '9999']);
  });
});
