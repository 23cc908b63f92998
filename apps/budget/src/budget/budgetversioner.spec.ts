import { describe, expect, it } from 'vitest';

import { gallandeBudget, jamforVersioner, type Budgetversion } from './budgetversioner.js';

const kr = (kronor: number): number => Math.round(kronor * 100);

const KF_2027: Budgetversion = {
  id: 'kf-2027',
  ar: 2027,
  typ: 'kf-beslut',
  namn: 'Budget 2027',
  beslutad: '2026-06-17',
  ramar: [
    { namnd: 'SN', beloppOre: kr(1_333_085_834) },
    { namnd: 'VON', beloppOre: kr(2_410_000_000) },
    { namnd: 'SBN', beloppOre: kr(101_450_400) },
  ],
};
const INTERNBUDGET_SN: Budgetversion = {
  id: 'ib-sn-1',
  ar: 2027,
  typ: 'internbudget',
  namn: 'Internbudget 2027 socialnämnden',
  beslutad: '2026-11-25',
  namnd: 'SN',
  rader: [
    { ansvar: '41210', kontogrupp: 'personalkostnader', beloppOre: kr(600_000_000) },
    { ansvar: '41310', kontogrupp: 'ovriga-kostnader', beloppOre: kr(750_000_000) },
    { ansvar: '41310', kontogrupp: 'intakter', beloppOre: kr(20_000_000) },
  ],
};
const TILLAGG_1: Budgetversion = {
  id: 'tb-1',
  ar: 2027,
  typ: 'tillaggsbudget',
  namn: 'Tilläggsbudget 1 2027',
  beslutad: '2027-03-15',
  andringar: [
    { namnd: 'SN', beloppOre: kr(5_000_000) },
    { namnd: 'SBN', beloppOre: kr(-450_400) },
  ],
};
const INTERNBUDGET_SN_REVIDERAD: Budgetversion = {
  ...INTERNBUDGET_SN,
  id: 'ib-sn-2',
  namn: 'Reviderad internbudget 2027 socialnämnden',
  beslutad: '2027-03-20',
  rader: [...INTERNBUDGET_SN.rader, { ansvar: '41230', kontogrupp: 'personalkostnader', beloppOre: kr(8_000_000) }],
};
const TILLAGG_2: Budgetversion = {
  id: 'tb-2',
  ar: 2027,
  typ: 'tillaggsbudget',
  namn: 'Tilläggsbudget 2 2027',
  beslutad: '2027-09-20',
  andringar: [{ namnd: 'VON', beloppOre: kr(12_500_000.5) }],
};
const KF_2026: Budgetversion = { ...KF_2027, id: 'kf-2026', ar: 2026, namn: 'Budget 2026', beslutad: '2025-06-18' };

/** Kept in no particular order, as a store would return them. */
const VERSIONER: Budgetversion[] = [TILLAGG_2, INTERNBUDGET_SN_REVIDERAD, KF_2026, TILLAGG_1, KF_2027, INTERNBUDGET_SN];

function gallande(versioner: readonly Budgetversion[]) {
  const resultat = gallandeBudget(versioner, 2027);
  if (!resultat.ok) throw new Error(JSON.stringify(resultat.fel));
  return resultat.varde;
}

describe('budget versions kept side by side', () => {
  it("a nämnd's budget is KF's frame plus the tilläggsbudgetar decided since, to the öre", () => {
    expect(gallande(VERSIONER).namnder.map((n) => [n.namnd, n.kfBeslutOre, n.tillaggOre, n.ramOre, n.versioner])).toEqual([
      ['SBN', kr(101_450_400), kr(-450_400), kr(101_000_000), ['kf-2027', 'tb-1']],
      ['SN', kr(1_333_085_834), kr(5_000_000), kr(1_338_085_834), ['kf-2027', 'tb-1']],
      ['VON', kr(2_410_000_000), kr(12_500_000.5), kr(2_422_500_000.5), ['kf-2027', 'tb-2']],
    ]);
  });

  it("an ansvar's budget is its nämnd's latest internbudget, and the nämnd shows what it leaves ofördelat", () => {
    const budget = gallande(VERSIONER);
    expect(budget.ansvar.map((a) => [a.ansvar, a.internbudget, a.intakterOre, a.kostnaderOre, a.nettokostnadOre])).toEqual([
      ['41210', 'ib-sn-2', 0, kr(600_000_000), kr(600_000_000)],
      ['41230', 'ib-sn-2', 0, kr(8_000_000), kr(8_000_000)],
      ['41310', 'ib-sn-2', kr(20_000_000), kr(750_000_000), kr(730_000_000)],
    ]);
    expect(budget.namnder.find((n) => n.namnd === 'SN')).toMatchObject({
      internbudget: 'ib-sn-2',
      internbudgetNettoOre: kr(1_338_000_000),
      ofordelatOre: kr(85_834),
    });
    expect(budget.namnder.find((n) => n.namnd === 'VON')).toMatchObject({
      internbudget: null,
      internbudgetNettoOre: null,
      ofordelatOre: null,
    });
  });

  it.each([
    ['before KF has decided, there is no budget', [], []],
    [
      "KF's decision alone is the budget",
      [KF_2027],
      [
        ['SBN', kr(101_450_400)],
        ['SN', kr(1_333_085_834)],
        ['VON', kr(2_410_000_000)],
      ],
    ],
    [
      "a later KF decision (an election year's new budget) replaces the frames and the tilläggsbudgetar before it",
      [
        KF_2027,
        TILLAGG_1,
        {
          ...KF_2027,
          id: 'kf-2027-ny',
          namn: 'Budget 2027, ny majoritet',
          beslutad: '2027-03-30',
          ramar: [{ namnd: 'SN', beloppOre: kr(1_340_000_000) }],
        },
      ],
      [
        ['SBN', kr(101_000_000)],
        ['SN', kr(1_340_000_000)],
        ['VON', kr(2_410_000_000)],
      ],
    ],
  ])('%s', (_, versioner, ramar) => {
    expect(gallande(versioner as Budgetversion[]).namnder.map((n) => [n.namnd, n.ramOre])).toEqual(ramar);
  });

  it('compares the versions of a year side by side per nämnd, oldest decision first, with a sum row', () => {
    const resultat = jamforVersioner(VERSIONER, 2027);
    if (!resultat.ok) throw new Error(JSON.stringify(resultat.fel));
    const { kolumner, rader, summa } = resultat.varde;
    expect(kolumner.map((k) => [k.id, k.typ, k.beslutad])).toEqual([
      ['kf-2027', 'kf-beslut', '2026-06-17'],
      ['ib-sn-1', 'internbudget', '2026-11-25'],
      ['tb-1', 'tillaggsbudget', '2027-03-15'],
      ['ib-sn-2', 'internbudget', '2027-03-20'],
      ['tb-2', 'tillaggsbudget', '2027-09-20'],
    ]);
    expect(rader.map((r) => [r.namnd, ...r.belopp, r.gallandeRamOre])).toEqual([
      ['SBN', kr(101_450_400), null, kr(-450_400), null, null, kr(101_000_000)],
      ['SN', kr(1_333_085_834), kr(1_330_000_000), kr(5_000_000), kr(1_338_000_000), null, kr(1_338_085_834)],
      ['VON', kr(2_410_000_000), null, null, null, kr(12_500_000.5), kr(2_422_500_000.5)],
    ]);
    expect(summa).toEqual({
      namnd: null,
      belopp: [kr(3_844_536_234), kr(1_330_000_000), kr(4_549_600), kr(1_338_000_000), kr(12_500_000.5)],
      gallandeRamOre: kr(3_861_585_834.5),
    });
  });

  it.each<[string, Budgetversion[], string, string]>([
    ['the same version twice', [KF_2027, KF_2027], 'versioner[1].id', 'versionen kf-2027 förekommer mer än en gång'],
    [
      'two KF decisions on the same day',
      [KF_2027, { ...KF_2027, id: 'kf-2027-b', namn: 'Budget 2027 b' }],
      'versioner[1].beslutad',
      '"Budget 2027 b" och "Budget 2027" är båda KF-beslut den 2026-06-17; det går inte att avgöra vilket som gäller',
    ],
    [
      'a tilläggsbudget for a nämnd KF has given no frame',
      [KF_2027, { ...TILLAGG_2, andringar: [{ namnd: 'KN', beloppOre: kr(1_000_000) }] }],
      'versioner[1].andringar[0].namnd',
      'tilläggsbudgeten "Tilläggsbudget 2 2027" ändrar ramen för KN, som inget tidigare KF-beslut ger en ram',
    ],
    [
      'a tilläggsbudget decided before the KF decision',
      [{ ...TILLAGG_1, beslutad: '2026-05-01' }, KF_2027],
      'versioner[0].andringar[0].namnd',
      'tilläggsbudgeten "Tilläggsbudget 1 2027" ändrar ramen för SN, som inget tidigare KF-beslut ger en ram',
    ],
    [
      'a nämnd twice in one KF decision',
      [{ ...KF_2027, ramar: [...KF_2027.ramar, { namnd: 'SN', beloppOre: 1 }] }],
      'versioner[0].ramar[3].namnd',
      '"Budget 2027" tar upp SN mer än en gång',
    ],
    [
      'two internbudgetar for a nämnd on the same day',
      [KF_2027, INTERNBUDGET_SN, { ...INTERNBUDGET_SN, id: 'ib-sn-b', namn: 'Internbudget b' }],
      'versioner[2].beslutad',
      '"Internbudget b" och "Internbudget 2027 socialnämnden" är båda internbudgetar för SN den 2026-11-25; det går inte att avgöra vilken som gäller',
    ],
    [
      'a decision date that does not exist',
      [{ ...KF_2027, beslutad: '2026-06-31' }],
      'versioner[0].beslutad',
      '"Budget 2027" har inget giltigt beslutsdatum (ÅÅÅÅ-MM-DD): "2026-06-31"',
    ],
  ])('refuses %s, naming the version', (_, versioner, field, message) => {
    const resultat = gallandeBudget(versioner, 2027);
    expect(resultat.ok ? [] : resultat.fel).toContainEqual({ field, message });
    const jamforelse = jamforVersioner(versioner, 2027);
    expect(jamforelse.ok).toBe(false);
  });
});
