import { STANDARD_INTERNA_KONTON, type InterntKontointervall } from '@tertial/contracts/kontoplan';
import { describe, expect, it } from 'vitest';

import {
  andelAv,
  internaDelar,
  internaDelarAvUtfall,
  laggIhopDelar,
  summeraEliminering,
  uppskattadEliminering,
  type Underlag,
} from './eliminering.js';
import { STANDARD_RESULTATRADER } from './resultatrakning.js';

const INTERNA_HYROR: InterntKontointervall[] = [
  ...STANDARD_INTERNA_KONTON,
  { fran: 3620, till: 3629, namn: 'Interna hyresintäkter' },
  { fran: 6020, till: 6029, namn: 'Interna lokalhyror' },
];

describe("a nämnd's closed year splits into its verksamhet's revenue and cost and their internal parts", () => {
  it.each([
    [
      'internränta only, the default kontoplan',
      [
        { konto: 3110, beloppOre: -1_000 },
        { konto: 5010, beloppOre: 6_000 },
        { konto: 7910, beloppOre: 300 },
        { konto: 7950, beloppOre: 100 },
        { konto: 1930, beloppOre: -5_400 },
      ],
      STANDARD_INTERNA_KONTON,
      { intakterOre: 1_000, internaIntakterOre: 0, kostnaderOre: 6_400, internaKostnaderOre: 100 },
    ],
    [
      'a landlord nämnd: internal rent revenue, no internal cost',
      [
        { konto: 3610, beloppOre: -200 },
        { konto: 3620, beloppOre: -800 },
        { konto: 5010, beloppOre: 700 },
      ],
      INTERNA_HYROR,
      { intakterOre: 1_000, internaIntakterOre: 800, kostnaderOre: 700, internaKostnaderOre: 0 },
    ],
    [
      'taxes and financial items are not the verksamhet, an internal account without a row goes by its sign',
      [
        { konto: 8010, beloppOre: -9_000 },
        { konto: 8410, beloppOre: -50 },
        { konto: 2990, beloppOre: 30 },
        { konto: 5010, beloppOre: 70 },
      ],
      [{ fran: 2990, till: 2990, namn: 'Internt avräkningskonto' }],
      { intakterOre: 0, internaIntakterOre: 0, kostnaderOre: 100, internaKostnaderOre: 30 },
    ],
  ])('%s', (_, konton, interna, vantat) => {
    expect(internaDelar(konton, STANDARD_RESULTATRADER, interna)).toEqual(vantat);
  });
});

describe('a share of an amount is rounded to the nearest öre, halves up, exactly', () => {
  it.each([
    ['a third', 100, 1, 3, 33],
    ['two thirds', 100, 2, 3, 67],
    ['exactly half an öre rounds up', 1, 1, 2, 1],
    ['just under half an öre rounds down', 1, 499_999, 1_000_000, 0],
    ['amounts whose product passes 2^53', 950_000_000_000_00, 12_345_678_901_23, 987_654_321_098_77, 11_874_999_891_78],
    ['the whole is not positive: nothing', 100, 10, 0, 0],
    ['no internal part: nothing', 100, 0, 1_000, 0],
    ['a negative internal part (a credit): nothing', 100, -10, 1_000, 0],
    ['a budget of nothing: nothing', 0, 10, 100, 0],
    ['never more than the amount itself', 100, 300, 200, 100],
  ])('%s', (_, belopp, del, helhet, vantat) => {
    expect(andelAv(belopp, del, helhet)).toBe(vantat);
  });

  it('checks the large case the slow way', () => {
    const exakt = (950_000_000_000_00n * 12_345_678_901_23n * 10n) / 987_654_321_098_77n;
    expect(11_874_999_891_78).toBe(Number((exakt + 5n) / 10n));
  });
});

const UNDERLAG: Record<string, Underlag> = {
  // internränta: 10 % of its cost; no internal revenue
  VON: {
    ar: 2025,
    kalla: 'bokslut' as const,
    delar: { intakterOre: 500_00, internaIntakterOre: 0, kostnaderOre: 3_000_00, internaKostnaderOre: 300_00 },
  },
  // the landlord: internal revenue only, 80 % of its revenue
  FN: {
    ar: 2025,
    kalla: 'bokslut' as const,
    delar: { intakterOre: 1_000_00, internaIntakterOre: 800_00, kostnaderOre: 700_00, internaKostnaderOre: 0 },
  },
  // rounding: a third of its cost is internal
  SN: { ar: 2024, kalla: 'utfall' as const, delar: { intakterOre: 0, internaIntakterOre: 0, kostnaderOre: 3, internaKostnaderOre: 1 } },
};
const underlag = (namnd: string) => UNDERLAG[namnd];

describe("a budget or forecast column's internal part is each nämnd's share in a closed year", () => {
  it.each([
    [
      'revenue and cost per nämnd: each side by its own share',
      [
        { namnd: 'VON', intakterOre: 600_00, kostnaderOre: 3_300_00 },
        { namnd: 'FN', intakterOre: 1_100_00, kostnaderOre: 650_00 },
      ],
      [
        { namnd: 'VON', intakterOre: 0, kostnaderOre: 330_00, underlagAr: 2025, underlag: 'bokslut' },
        { namnd: 'FN', intakterOre: 880_00, kostnaderOre: 0, underlagAr: 2025, underlag: 'bokslut' },
      ],
      { intakterOre: 880_00, kostnaderOre: 330_00, differensOre: -550_00 },
    ],
    [
      'a nämnd with no closed year: nothing eliminated for it, and it says so',
      [
        { namnd: 'VON', intakterOre: 600_00, kostnaderOre: 3_300_00 },
        { namnd: 'NY', intakterOre: 100_00, kostnaderOre: 900_00 },
      ],
      [
        { namnd: 'VON', intakterOre: 0, kostnaderOre: 330_00, underlagAr: 2025, underlag: 'bokslut' },
        { namnd: 'NY', intakterOre: 0, kostnaderOre: 0, underlagAr: null, underlag: null },
      ],
      { intakterOre: 0, kostnaderOre: 330_00, differensOre: 330_00 },
    ],
    [
      'rounding to the öre per nämnd: a third of 100 öre and of 200 öre; the sum is the sum of the rounded parts',
      [
        { namnd: 'SN', intakterOre: 0, kostnaderOre: 100 },
        { namnd: 'SN', intakterOre: 0, kostnaderOre: 200 },
      ],
      [
        { namnd: 'SN', intakterOre: 0, kostnaderOre: 33, underlagAr: 2024, underlag: 'utfall' },
        { namnd: 'SN', intakterOre: 0, kostnaderOre: 67, underlagAr: 2024, underlag: 'utfall' },
      ],
      { intakterOre: 0, kostnaderOre: 100, differensOre: 100 },
    ],
    [
      'net cost only (a year before the internbudget per ansvar): both sides scale with net cost',
      [
        // VON's net was 2 500; budget net 2 750 → internal cost 300 × 1,1
        { namnd: 'VON', nettokostnadOre: 2_750_00 },
        // FN's net was −300 (a surplus): no share of a negative net can be taken
        { namnd: 'FN', nettokostnadOre: 100_00 },
      ],
      [
        { namnd: 'VON', intakterOre: 0, kostnaderOre: 330_00, underlagAr: 2025, underlag: 'bokslut' },
        { namnd: 'FN', intakterOre: 0, kostnaderOre: 0, underlagAr: 2025, underlag: 'bokslut' },
      ],
      { intakterOre: 0, kostnaderOre: 330_00, differensOre: 330_00 },
    ],
    ['no nämnd at all', [], [], { intakterOre: 0, kostnaderOre: 0, differensOre: 0 }],
  ])('%s', (_, namnder, vantat, summa) => {
    const eliminering = uppskattadEliminering(namnder, underlag);
    expect(eliminering).toEqual(vantat);
    expect(summeraEliminering(eliminering)).toEqual(summa);
  });

  it('no utfall to go by: nothing is eliminated anywhere', () => {
    const eliminering = uppskattadEliminering([{ namnd: 'VON', intakterOre: 600_00, kostnaderOre: 3_300_00 }], () => undefined);
    expect(summeraEliminering(eliminering)).toEqual({ intakterOre: 0, kostnaderOre: 0, differensOre: 0 });
    expect(eliminering[0]!.underlagAr).toBeNull();
  });

  it('internal cost and revenue that match leave the result as it was', () => {
    const lika = {
      A: {
        ar: 2025,
        kalla: 'bokslut' as const,
        delar: { intakterOre: 1_000, internaIntakterOre: 0, kostnaderOre: 4_000, internaKostnaderOre: 400 },
      },
      B: {
        ar: 2025,
        kalla: 'bokslut' as const,
        delar: { intakterOre: 800, internaIntakterOre: 400, kostnaderOre: 900, internaKostnaderOre: 0 },
      },
    };
    const eliminering = uppskattadEliminering(
      [
        { namnd: 'A', intakterOre: 1_000, kostnaderOre: 4_000 },
        { namnd: 'B', intakterOre: 800, kostnaderOre: 900 },
      ],
      (namnd) => lika[namnd as 'A' | 'B'],
    );
    expect(summeraEliminering(eliminering)).toEqual({ intakterOre: 400, kostnaderOre: 400, differensOre: 0 });
  });
});

describe("the year's utfall so far, per kontogrupp with its internal part", () => {
  it.each([
    [
      'revenue and cost of the verksamhet over the months, taxes left out',
      [
        {
          rader: [
            { kontogrupp: 'intakter' as const, beloppOre: 1_000, internOre: 800 },
            { kontogrupp: 'kapitalkostnader' as const, beloppOre: 400, internOre: 100 },
            { kontogrupp: 'skatter-och-bidrag' as const, beloppOre: 9_000, internOre: 0 },
          ],
        },
        { rader: [{ kontogrupp: 'personalkostnader' as const, beloppOre: 600, internOre: 0 }] },
      ],
      { intakterOre: 1_000, internaIntakterOre: 800, kostnaderOre: 1_000, internaKostnaderOre: 100 },
    ],
    [
      'an event from before the internal part was published says nothing',
      [{ rader: [{ kontogrupp: 'intakter' as const, beloppOre: 1_000 }] }],
      null,
    ],
    ['no months yet', [], { intakterOre: 0, internaIntakterOre: 0, kostnaderOre: 0, internaKostnaderOre: 0 }],
  ])('%s', (_, manader, vantat) => {
    expect(internaDelarAvUtfall(manader)).toEqual(vantat);
  });

  it("a nämnd's ansvar add up", () => {
    const del = { intakterOre: 1, internaIntakterOre: 2, kostnaderOre: 3, internaKostnaderOre: 4 };
    expect(laggIhopDelar([del, del])).toEqual({ intakterOre: 2, internaIntakterOre: 4, kostnaderOre: 6, internaKostnaderOre: 8 });
  });
});
