import { demoStad } from '@tertial/demo-city';
import { describe, expect, it } from 'vitest';

import {
  summeraInvesteringsplan,
  valideraInvesteringsplan,
  type Investeringsplan,
  type Investeringsprojekt,
  type Investeringssammanstallning,
} from './investeringsplan.js';

const kr = (kronor: number): number => Math.round(kronor * 100);

const NY_SKOLA: Investeringsprojekt = {
  id: 'SFN-P001',
  namnd: 'SFN',
  namn: 'Ny skola Drottninghög',
  motiv: 'T',
  hallbarhet: { social: 'positiv', miljomassig: 'ingen', ekonomisk: 'negativ' },
  ar: [
    { ar: 2027, budgetOre: kr(12_000_000), utfallOre: kr(4_100_000.25), prognosOre: kr(11_500_000) },
    { ar: 2028, budgetOre: kr(20_000_000) },
    { ar: 2029, budgetOre: kr(10_000_000) },
  ],
};
const CYKELVAG: Investeringsprojekt = {
  id: 'SBN-P001',
  namnd: 'SBN',
  namn: 'Cykelväg Ramlösa',
  motiv: 'A',
  ar: [{ ar: 2027, budgetOre: kr(4_500_000), utfallOre: kr(3_900_000), prognosOre: kr(5_200_000) }],
};
const PARK: Investeringsprojekt = {
  id: 'SBN-P002',
  namnd: 'SBN',
  namn: 'Park Tågaborg',
  ar: [{ ar: 2027, budgetOre: kr(2_800_000), utfallOre: kr(950_000.5) }],
};
const BOENDE: Investeringsprojekt = {
  id: 'VON-P001',
  namnd: 'VON',
  namn: 'Nytt vård- och omsorgsboende Ödåkra',
  motiv: 'T',
  hallbarhet: { social: 'positiv', miljomassig: 'negativ', ekonomisk: 'ingen' },
  ar: [
    { ar: 2028, budgetOre: kr(60_000_000) },
    { ar: 2029, budgetOre: kr(85_000_000) },
    { ar: 2033, budgetOre: kr(35_000_000) },
  ],
};

const PLAN: Investeringsplan = { forstaAr: 2027, projekt: [NY_SKOLA, CYKELVAG, PARK, BOENDE] };

function summera(plan: Investeringsplan): Investeringssammanstallning {
  const resultat = summeraInvesteringsplan(plan);
  if (!resultat.ok) throw new Error(JSON.stringify(resultat.fel));
  return resultat.varde;
}

const med = (projekt: Investeringsprojekt, andring: Partial<Investeringsprojekt>): Investeringsplan => ({
  forstaAr: 2027,
  projekt: [{ ...projekt, ...andring }],
});
const ettAr = (budgetOre: number) => [{ ar: 2027, budgetOre }];

describe('the rolling seven-year investment plan', () => {
  it('a sound plan has no problems', () => {
    expect(valideraInvesteringsplan(PLAN)).toEqual([]);
  });

  it.each<[string, Investeringsplan, string, string]>([
    [
      'a project over 3 mnkr without motive',
      med(NY_SKOLA, { motiv: null }),
      'projekt[0].motiv',
      "projektet 'Ny skola Drottninghög' (42 mnkr) saknar motiv",
    ],
    [
      'a project of 3 mnkr and one öre without motive',
      med(PARK, { ar: ettAr(kr(3_000_000) + 1) }),
      'projekt[0].motiv',
      "projektet 'Park Tågaborg' (3 000 000,01 kr) saknar motiv",
    ],
    [
      'a project with an unknown motive',
      med(CYKELVAG, { motiv: 'X' as never }),
      'projekt[0].motiv',
      'projektet \'Cykelväg Ramlösa\' (4,5 mnkr) har okänt motiv "X"; giltiga är A, E, K, L, M, U, T',
    ],
    [
      'a project over 15 mnkr without sustainability assessment',
      med(NY_SKOLA, { hallbarhet: null }),
      'projekt[0].hallbarhet',
      "projektet 'Ny skola Drottninghög' (42 mnkr) saknar hållbarhetsbedömning",
    ],
    [
      'a project over 15 mnkr assessed on two of three aspects',
      med(NY_SKOLA, { hallbarhet: { social: 'positiv', ekonomisk: 'ingen' } }),
      'projekt[0].hallbarhet.miljomassig',
      "projektet 'Ny skola Drottninghög' (42 mnkr) saknar bedömning av miljömässig hållbarhet",
    ],
    [
      'an assessment that is not positiv, ingen or negativ',
      med(NY_SKOLA, { hallbarhet: { social: 'bra' as never, miljomassig: 'ingen', ekonomisk: 'ingen' } }),
      'projekt[0].hallbarhet.social',
      'projektet \'Ny skola Drottninghög\' (42 mnkr) har okänd social påverkan "bra"; giltiga är positiv, ingen, negativ',
    ],
    [
      'a year after the plan',
      med(PARK, { ar: [{ ar: 2034, budgetOre: kr(1) }] }),
      'projekt[0].ar[0].ar',
      "projektet 'Park Tågaborg' har året 2034, utanför planen 2027–2033",
    ],
    [
      'a year before the plan',
      med(PARK, { ar: [{ ar: 2026, budgetOre: kr(1) }] }),
      'projekt[0].ar[0].ar',
      "projektet 'Park Tågaborg' har året 2026, utanför planen 2027–2033",
    ],
    [
      'a year twice',
      med(PARK, {
        ar: [
          { ar: 2027, budgetOre: kr(1) },
          { ar: 2027, budgetOre: kr(2) },
        ],
      }),
      'projekt[0].ar[1].ar',
      "projektet 'Park Tågaborg' har året 2027 mer än en gång",
    ],
    [
      'an amount in fractions of an öre',
      med(PARK, { ar: [{ ar: 2027, budgetOre: 0.5 }] }),
      'projekt[0].ar[0].budgetOre',
      "projektet 'Park Tågaborg' har ett belopp för 2027 som inte är hela öre",
    ],
    [
      'two projects with the same id',
      { forstaAr: 2027, projekt: [PARK, { ...CYKELVAG, id: PARK.id }] },
      'projekt[1].id',
      "projektet 'Cykelväg Ramlösa' har samma id som ett annat projekt: SBN-P002",
    ],
  ])('refuses %s, naming the project and field', (_, plan, field, message) => {
    expect(valideraInvesteringsplan(plan)).toContainEqual({ field, message });
    expect(summeraInvesteringsplan(plan).ok).toBe(false);
  });

  it.each([
    ['exactly 3 mnkr needs no motive', kr(3_000_000), {}],
    ['exactly 15 mnkr needs a motive but no assessment', kr(15_000_000), { motiv: 'U' as const }],
  ])('the limits are "över": %s', (_, total, extra) => {
    expect(valideraInvesteringsplan(med(PARK, { ar: ettAr(total), ...extra }))).toEqual([]);
  });

  it('sums budget, utfall and prognos per nämnd and year, with avvikelse = budget − prognos', () => {
    const sbn = summera(PLAN).namnder.find((n) => n.namnd === 'SBN');
    expect(sbn?.ar[0]).toEqual({
      ar: 2027,
      budgetOre: kr(7_300_000),
      utfallOre: kr(4_850_000.5),
      prognosOre: kr(8_000_000),
      avvikelseOre: kr(-700_000),
      utanPrognos: 1,
    });
    expect(sbn?.ar.map((a) => a.ar)).toEqual([2027, 2028, 2029, 2030, 2031, 2032, 2033]);
  });

  it('a year without a prognos counts at its budget, so later years show no avvikelse', () => {
    const von = summera(PLAN).namnder.find((n) => n.namnd === 'VON');
    expect(von?.ar.map((a) => [a.ar, a.budgetOre, a.prognosOre, a.avvikelseOre])).toEqual([
      [2027, 0, 0, 0],
      [2028, kr(60_000_000), kr(60_000_000), 0],
      [2029, kr(85_000_000), kr(85_000_000), 0],
      [2030, 0, 0, 0],
      [2031, 0, 0, 0],
      [2032, 0, 0, 0],
      [2033, kr(35_000_000), kr(35_000_000), 0],
    ]);
    expect(von?.totalt).toMatchObject({ budgetOre: kr(180_000_000), utanPrognos: 3 });
  });

  it('each project shows its total over the plan', () => {
    expect(summera(PLAN).projekt.map((p) => [p.id, p.budgetOre, p.utfallOre, p.prognosOre, p.avvikelseOre])).toEqual([
      ['SFN-P001', kr(42_000_000), kr(4_100_000.25), kr(41_500_000), kr(500_000)],
      ['SBN-P001', kr(4_500_000), kr(3_900_000), kr(5_200_000), kr(-700_000)],
      ['SBN-P002', kr(2_800_000), kr(950_000.5), kr(2_800_000), 0],
      ['VON-P001', kr(180_000_000), 0, kr(180_000_000), 0],
    ]);
  });

  it("the city's total per year is the exact sum of the nämnder, to the öre", () => {
    const { stad, namnder } = summera(PLAN);
    stad.ar.forEach((ar, index) => {
      expect(namnder.reduce((sum, n) => sum + (n.ar[index]?.utfallOre ?? 0), 0)).toBe(ar.utfallOre);
      expect(namnder.reduce((sum, n) => sum + (n.ar[index]?.budgetOre ?? 0), 0)).toBe(ar.budgetOre);
    });
    expect(stad.totalt).toMatchObject({ budgetOre: kr(229_300_000), utfallOre: kr(8_950_000.75), avvikelseOre: kr(-200_000) });
  });

  it("the demo city's seven-year plan is sound", () => {
    const stad = demoStad();
    expect(valideraInvesteringsplan({ forstaAr: stad.ar, projekt: stad.investeringar })).toEqual([]);
  });
});
