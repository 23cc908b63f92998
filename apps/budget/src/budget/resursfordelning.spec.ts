import { describe, expect, it } from 'vitest';

import { beraknaResursfordelning, type Resursfordelning, type ResursfordelningUnderlag } from './resursfordelning.js';
import type { Validerat } from './validering.js';

const kr = (kronor: number): number => kronor * 100;

/** Socialnämnden's frame for 2027, with Helsingborg-sized numbers. */
const SOCIALNAMNDEN: ResursfordelningUnderlag = {
  namnd: 'SN',
  ar: 2027,
  foregaendeArsTilldelningOre: kr(1_312_450_000),
  tillfalligaSatsningar: [
    { text: 'Tillfällig satsning mot hemlöshet 2026', beloppOre: kr(8_000_000) },
    { text: 'Engångsmedel för digitalisering', beloppOre: kr(2_500_000) },
  ],
  befolkning: [
    { aldersband: '0-17', invanareIAr: 33_120, invanarePrognos: 33_410 },
    { aldersband: '18-64', invanareIAr: 87_900, invanarePrognos: 88_650 },
    { aldersband: '65-79', invanareIAr: 18_400, invanarePrognos: 18_950 },
  ],
  demografi: [
    { verksamhetsomrade: 'Barn och familj', aldersband: '0-17', prisPerInvanareOre: kr(5_200) },
    { verksamhetsomrade: 'Ekonomiskt bistånd', aldersband: '18-64', prisPerInvanareOre: kr(1_850) },
    { verksamhetsomrade: 'Beroendevård', aldersband: '18-64', prisPerInvanareOre: kr(950) },
  ],
  upprakning: { namn: 'KPI', procentsats: '2,3' },
  ovrigaJusteringar: [
    { text: 'Politisk prioritering: förstärkt föräldrastöd', beloppOre: kr(4_000_000) },
    { text: 'Effektivisering 0,5 %', beloppOre: kr(-6_500_000) },
  ],
};

/** Stadsbyggnadsnämnden is anslagsfinansierad and raised with entreprenadindex instead of KPI. */
const STADSBYGGNADSNAMNDEN: ResursfordelningUnderlag = {
  namnd: 'SBN',
  ar: 2027,
  foregaendeArsTilldelningOre: kr(98_400_000),
  tillfalligaSatsningar: [],
  befolkning: [],
  demografi: [],
  upprakning: { namn: 'Entreprenadindex', procentsats: '3.1' },
  ovrigaJusteringar: [],
};

function berakna(underlag: ResursfordelningUnderlag): Resursfordelning {
  const resultat = beraknaResursfordelning(underlag);
  if (!resultat.ok) throw new Error(JSON.stringify(resultat.fel));
  return resultat.varde;
}

function fel(resultat: Validerat<unknown>): readonly { field: string; message: string }[] {
  return resultat.ok ? [] : resultat.fel;
}

describe("resursfördelningsmodellen: a nämnd's frame in seven steps", () => {
  it("socialnämnden's frame: previous allocation, minus one-offs, plus demography and KPI, plus priorities", () => {
    const { steg, forslagOre } = berakna(SOCIALNAMNDEN);
    expect(steg.map((s) => [s.steg, s.namn, s.typ, s.beloppOre, s.summaOre])).toEqual([
      [1, 'Föregående års budgettilldelning', 'total', kr(1_312_450_000), kr(1_312_450_000)],
      [2, 'Justeringar för satsningar av temporär karaktär', 'forandring', kr(-10_500_000), kr(1_301_950_000)],
      [3, 'Bas för budgettilldelning', 'total', kr(1_301_950_000), kr(1_301_950_000)],
      [4, 'Justering för demografiska förändringar', 'forandring', kr(3_608_000), kr(1_305_558_000)],
      [5, 'Procentuell uppräkning för kostnadsutvecklingen', 'forandring', kr(30_027_834), kr(1_335_585_834)],
      [6, 'Övriga justeringar, tillägg/avdrag', 'forandring', kr(-2_500_000), kr(1_333_085_834)],
      [7, 'Förslag på ekonomisk tilldelning', 'total', kr(1_333_085_834), kr(1_333_085_834)],
    ]);
    expect(forslagOre).toBe(kr(1_333_085_834));
  });

  it("a nämnd's frame grows with its residents per age band, times the price per resident", () => {
    const demografi = berakna(SOCIALNAMNDEN).steg[3]?.underlag;
    expect(demografi).toEqual([
      expect.objectContaining({
        verksamhetsomrade: 'Barn och familj',
        aldersband: '0-17',
        forandringInvanare: 290,
        beloppOre: kr(1_508_000),
      }),
      expect.objectContaining({
        verksamhetsomrade: 'Ekonomiskt bistånd',
        aldersband: '18-64',
        forandringInvanare: 750,
        beloppOre: kr(1_387_500),
      }),
      expect.objectContaining({ verksamhetsomrade: 'Beroendevård', aldersband: '18-64', forandringInvanare: 750, beloppOre: kr(712_500) }),
    ]);
    expect(demografi?.[0]?.text).toBe('Barn och familj (0-17): +290 invånare × 5 200 kr');
  });

  it.each([
    ['more residents', 33_410, kr(1_508_000)],
    ['as many residents', 33_120, 0],
    ['fewer residents', 33_000, kr(-624_000)],
  ])('a nämnd with %s in the age band gets that change times the price', (_, invanarePrognos, beloppOre) => {
    const underlag: ResursfordelningUnderlag = {
      ...SOCIALNAMNDEN,
      befolkning: [{ aldersband: '0-17', invanareIAr: 33_120, invanarePrognos }],
      demografi: [{ verksamhetsomrade: 'Barn och familj', aldersband: '0-17', prisPerInvanareOre: kr(5_200) }],
    };
    expect(berakna(underlag).steg[3]?.beloppOre).toBe(beloppOre);
  });

  it('an anslagsfinansierad nämnd has no demography, and stadsbyggnadsnämnden is raised with entreprenadindex', () => {
    const { steg, forslagOre } = berakna(STADSBYGGNADSNAMNDEN);
    expect(steg[3]).toMatchObject({ beloppOre: 0, underlag: [] });
    expect(steg[4]?.underlag).toEqual([
      {
        typ: 'upprakning',
        text: 'Entreprenadindex 3,1 % av 98 400 000 kr',
        index: 'Entreprenadindex',
        procentsats: '3,1',
        berakningsunderlagOre: kr(98_400_000),
        beloppOre: kr(3_050_400),
      },
    ]);
    expect(forslagOre).toBe(kr(101_450_400));
  });

  it.each([
    ['an exact percentage', kr(1_000_000), '2,5', kr(25_000)],
    ['a fraction of a krona below half, rounded down', 1_000_000_50, '2,5', kr(25_000)],
    ['exactly half a krona, rounded away from zero', kr(1_000_020), '2,5', kr(25_001)],
    ['a negative index, half rounded away from zero', kr(1_000_020), '-2,5', kr(-25_001)],
    ['four decimals', kr(1_305_558_000), '2,3456', kr(30_623_168)],
    ['a zero index', kr(1_305_558_000), '0', 0],
  ])('the uplift on %s is rounded half away from zero to whole kronor', (_, basOre, procentsats, upprakningOre) => {
    const underlag = { ...STADSBYGGNADSNAMNDEN, foregaendeArsTilldelningOre: basOre, upprakning: { namn: 'KPI', procentsats } };
    expect(berakna(underlag).steg[4]?.beloppOre).toBe(upprakningOre);
  });

  it('every change step is the exact sum of its underlag, and the proposal the exact sum of the steps, to the öre', () => {
    const udda: ResursfordelningUnderlag = {
      ...SOCIALNAMNDEN,
      foregaendeArsTilldelningOre: 1_312_450_000_17,
      tillfalligaSatsningar: [
        { text: 'a', beloppOre: 10 },
        { text: 'b', beloppOre: 20 },
      ],
      demografi: SOCIALNAMNDEN.demografi.map((rad) => ({ ...rad, prisPerInvanareOre: (rad.prisPerInvanareOre ?? 0) + 1 })),
      ovrigaJusteringar: [
        { text: 'c', beloppOre: 10 },
        { text: 'd', beloppOre: -30 },
      ],
    };
    const { steg, forslagOre } = berakna(udda);
    for (const s of steg.filter((s) => s.typ === 'forandring')) {
      expect(s.underlag.reduce((sum, rad) => sum + rad.beloppOre, 0)).toBe(s.beloppOre);
    }
    const forandringar = steg.filter((s) => s.typ === 'forandring').reduce((sum, s) => sum + s.beloppOre, 0);
    expect(forslagOre).toBe(1_312_450_000_17 + forandringar);
    expect(steg[2]?.beloppOre).toBe(1_312_450_000_17 - 30);
    expect(steg[3]?.beloppOre).toBe(kr(3_608_000) + 290 + 750 + 750);
  });

  it.each<[string, Partial<ResursfordelningUnderlag>, string, string]>([
    [
      'negative residents',
      { befolkning: [{ aldersband: '0-17', invanareIAr: -5, invanarePrognos: 33_410 }], demografi: [] },
      'befolkning[0].invanareIAr',
      'antalet invånare i åldersbandet 0-17 får inte vara negativt (-5)',
    ],
    [
      'residents that are not whole people',
      { befolkning: [{ aldersband: '0-17', invanareIAr: 33_120, invanarePrognos: 33_410.5 }], demografi: [] },
      'befolkning[0].invanarePrognos',
      'antalet invånare i åldersbandet 0-17 ska vara ett heltal',
    ],
    [
      'an age band named twice',
      {
        befolkning: [
          { aldersband: '0-17', invanareIAr: 1, invanarePrognos: 1 },
          { aldersband: '0-17', invanareIAr: 2, invanarePrognos: 2 },
        ],
        demografi: [],
      },
      'befolkning[1].aldersband',
      'åldersbandet 0-17 förekommer mer än en gång',
    ],
    [
      'an unknown age band',
      { demografi: [{ verksamhetsomrade: 'Förskola', aldersband: '1-5', prisPerInvanareOre: kr(140_000) }] },
      'demografi[0].aldersband',
      'okänt åldersband "1-5" för Förskola; befolkningsprognosen har 0-17, 18-64, 65-79',
    ],
    [
      'a missing price',
      { demografi: [{ verksamhetsomrade: 'Barn och familj', aldersband: '0-17' }] },
      'demografi[0].prisPerInvanareOre',
      'pris per invånare saknas för Barn och familj, åldersbandet 0-17',
    ],
    [
      'a negative price',
      { demografi: [{ verksamhetsomrade: 'Barn och familj', aldersband: '0-17', prisPerInvanareOre: -1 }] },
      'demografi[0].prisPerInvanareOre',
      'pris per invånare för Barn och familj, åldersbandet 0-17, ska vara ett belopp i hela öre, noll eller mer',
    ],
    [
      'a verksamhetsområde and age band named twice',
      {
        demografi: [
          { verksamhetsomrade: 'Barn och familj', aldersband: '0-17', prisPerInvanareOre: 1 },
          { verksamhetsomrade: 'Barn och familj', aldersband: '0-17', prisPerInvanareOre: 2 },
        ],
      },
      'demografi[1]',
      'Barn och familj och åldersbandet 0-17 förekommer mer än en gång',
    ],
    [
      'a negative temporary satsning',
      { tillfalligaSatsningar: [{ text: 'Sommarlovsaktiviteter', beloppOre: kr(-300_000) }] },
      'tillfalligaSatsningar[0].beloppOre',
      'beloppet för "Sommarlovsaktiviteter" får inte vara negativt; satsningen dras av i steg 2',
    ],
    [
      'an adjustment without text',
      { ovrigaJusteringar: [{ text: ' ', beloppOre: kr(1_000) }] },
      'ovrigaJusteringar[0].text',
      'posten behöver en text som säger vad den gäller',
    ],
    [
      'an amount in fractions of an öre',
      { ovrigaJusteringar: [{ text: 'Effektivisering', beloppOre: 0.5 }] },
      'ovrigaJusteringar[0].beloppOre',
      'beloppet för "Effektivisering" ska vara i hela öre',
    ],
    [
      'a negative previous allocation',
      { foregaendeArsTilldelningOre: -1 },
      'foregaendeArsTilldelningOre',
      'föregående års budgettilldelning ska vara ett belopp i hela öre, noll eller mer',
    ],
    [
      'a percentage that is not a decimal',
      { upprakning: { namn: 'KPI', procentsats: '2,3 %' } },
      'upprakning.procentsats',
      '"2,3 %" är ingen procentsats; skriv till exempel "2,3" (högst fyra decimaler)',
    ],
    [
      'a percentage with five decimals',
      { upprakning: { namn: 'KPI', procentsats: '2,12345' } },
      'upprakning.procentsats',
      '"2,12345" är ingen procentsats; skriv till exempel "2,3" (högst fyra decimaler)',
    ],
    [
      'an index without a name',
      { upprakning: { namn: '', procentsats: '2,3' } },
      'upprakning.namn',
      'uppräkningens index saknar namn (till exempel KPI eller entreprenadindex)',
    ],
  ])('refuses %s, naming the field', (_, andring, field, message) => {
    expect(fel(beraknaResursfordelning({ ...SOCIALNAMNDEN, ...andring }))).toContainEqual({ field, message });
  });

  it('lists every problem at once, not only the first', () => {
    const resultat = beraknaResursfordelning({
      ...SOCIALNAMNDEN,
      befolkning: [{ aldersband: '0-17', invanareIAr: -1, invanarePrognos: -2 }],
      demografi: [{ verksamhetsomrade: 'Förskola', aldersband: '1-5', prisPerInvanareOre: null }],
    });
    expect(fel(resultat).map((f) => f.field)).toEqual([
      'befolkning[0].invanareIAr',
      'befolkning[0].invanarePrognos',
      'demografi[0].aldersband',
      'demografi[0].prisPerInvanareOre',
    ]);
  });
});
