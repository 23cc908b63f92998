import { describe, expect, it } from 'vitest';

import {
  foreslaResultatoverforing,
  HELSINGBORGS_OVERFORINGSREGEL,
  type Arsresultat,
  type Overforingsregel,
  type Overforingsundantag,
  type Resultatoverforing,
} from './resultatoverforing.js';

const kr = (kronor: number): number => Math.round(kronor * 100);

/** Bokslut 2026: net cost budget and utfall per nämnd. */
const BOKSLUT_2026: Arsresultat[] = [
  { namnd: 'SN', budgetOre: kr(1_312_450_000), utfallOre: kr(1_298_765_432.1), nastaArsRamOre: kr(1_333_085_834) },
  { namnd: 'VON', budgetOre: kr(2_350_000_000), utfallOre: kr(2_371_250_000.55) },
  { namnd: 'SBN', budgetOre: kr(98_400_000), utfallOre: kr(98_400_000) },
  { namnd: 'KN', budgetOre: kr(180_000_000), utfallOre: kr(170_000_000) },
];

function forslag(resultat: readonly Arsresultat[], regel?: Overforingsregel, undantag?: Overforingsundantag[]): Resultatoverforing {
  const utfall = foreslaResultatoverforing(resultat, regel, undantag);
  if (!utfall.ok) throw new Error(JSON.stringify(utfall.fel));
  return utfall.varde;
}

describe('resultatöverföring: each nämnd keeps its surplus or deficit into next year', () => {
  it("by Helsingborg's rule surplus and deficit are both carried in full, to the öre", () => {
    const { namnder, resultatOre, overforingOre } = forslag(BOKSLUT_2026);
    expect(namnder.map((n) => [n.namnd, n.resultatOre, n.overforingOre, n.grund])).toEqual([
      ['SN', kr(13_684_567.9), kr(13_684_567.9), 'overskott'],
      ['VON', kr(-21_250_000.55), kr(-21_250_000.55), 'underskott'],
      ['SBN', 0, 0, 'nollresultat'],
      ['KN', kr(10_000_000), kr(10_000_000), 'overskott'],
    ]);
    expect(resultatOre).toBe(kr(2_434_567.35));
    expect(overforingOre).toBe(resultatOre);
  });

  it("says why, and shows next year's frame after the carry-over where it is known", () => {
    const [sn, von] = forslag(BOKSLUT_2026).namnder;
    expect(sn).toMatchObject({ forklaring: '100 % av överskottet 13 684 567,90 kr', nastaArsRamEfterOverforingOre: kr(1_346_770_401.9) });
    expect(von).toMatchObject({ forklaring: '100 % av underskottet 21 250 000,55 kr', nastaArsRamEfterOverforingOre: null });
  });

  it.each<[string, Overforingsregel, number, number]>([
    ['half of a surplus', { ...HELSINGBORGS_OVERFORINGSREGEL, overskottAndel: '50' }, kr(6_842_283.95), kr(-21_250_000.55)],
    [
      'a surplus capped at 1 % of the budget',
      { ...HELSINGBORGS_OVERFORINGSREGEL, overskottTakProcentAvBudget: '1' },
      kr(13_124_500),
      kr(-21_250_000.55),
    ],
    [
      'a cap above the surplus',
      { ...HELSINGBORGS_OVERFORINGSREGEL, overskottTakProcentAvBudget: '2' },
      kr(13_684_567.9),
      kr(-21_250_000.55),
    ],
    ['nothing of a surplus and all of a deficit', { ...HELSINGBORGS_OVERFORINGSREGEL, overskottAndel: '0' }, 0, kr(-21_250_000.55)],
    ['a deficit carried by two thirds', { ...HELSINGBORGS_OVERFORINGSREGEL, underskottAndel: '66,6667' }, kr(13_684_567.9), -14_166_674_12],
  ])('another rule: %s', (_, regel, sn, von) => {
    const { namnder } = forslag(BOKSLUT_2026, regel);
    expect(namnder.slice(0, 2).map((n) => n.overforingOre)).toEqual([sn, von]);
  });

  it('a capped surplus says so', () => {
    const kn = forslag(BOKSLUT_2026, { ...HELSINGBORGS_OVERFORINGSREGEL, overskottTakProcentAvBudget: '1' }).namnder[3];
    expect(kn).toMatchObject({ overforingOre: kr(1_800_000), grund: 'overskott-tak', forklaring: 'taket 1 % av budgeten, 1 800 000 kr' });
  });

  it.each([
    ['half of a surplus of 1,01 kr is 0,51 kr', 101, '50', 51],
    ['half of a deficit of 1,01 kr is −0,51 kr', -101, '50', -51],
    ['a third of 1,00 kr is 0,33 kr', 100, '33,3333', 33],
    ['two thirds of 1,00 kr is 0,67 kr', 100, '66,6667', 67],
  ])('a share is rounded half away from zero to the öre: %s', (_, resultatOre, andel, overforingOre) => {
    const regel = { overskottAndel: andel, overskottTakProcentAvBudget: null, underskottAndel: andel };
    const [namnd] = forslag([{ namnd: 'KN', budgetOre: kr(1_000), utfallOre: kr(1_000) - resultatOre }], regel).namnder;
    expect(namnd?.overforingOre).toBe(overforingOre);
  });

  it('KF may, for särskilda skäl, decide otherwise for one nämnd', () => {
    const undantag = [{ namnd: 'VON', overforingOre: 0, sarskildaSkal: 'pandemikostnader som staten inte ersatt' }];
    const { namnder, overforingOre } = forslag(BOKSLUT_2026, undefined, undantag);
    expect(namnder[1]).toMatchObject({
      overforingOre: 0,
      grund: 'undantag',
      forklaring: 'särskilda skäl: pandemikostnader som staten inte ersatt',
    });
    expect(overforingOre).toBe(kr(23_684_567.9));
  });

  it.each<[string, readonly Arsresultat[], Overforingsregel, Overforingsundantag[], string, string]>([
    [
      'a nämnd twice',
      [...BOKSLUT_2026, BOKSLUT_2026[0]!],
      HELSINGBORGS_OVERFORINGSREGEL,
      [],
      'resultat[4].namnd',
      'SN förekommer mer än en gång',
    ],
    [
      'an utfall in fractions of an öre',
      [{ namnd: 'SN', budgetOre: 1, utfallOre: 0.5 }],
      HELSINGBORGS_OVERFORINGSREGEL,
      [],
      'resultat[0].utfallOre',
      'beloppet för SN ska vara i hela öre',
    ],
    [
      'a share over 100 %',
      BOKSLUT_2026,
      { ...HELSINGBORGS_OVERFORINGSREGEL, overskottAndel: '100,5' },
      [],
      'regel.overskottAndel',
      'andelen av överskottet ska vara en procentsats mellan 0 och 100, till exempel "50" eller "2,5"; fick "100,5"',
    ],
    [
      'a negative cap',
      BOKSLUT_2026,
      { ...HELSINGBORGS_OVERFORINGSREGEL, overskottTakProcentAvBudget: '-1' },
      [],
      'regel.overskottTakProcentAvBudget',
      'taket för överskott ska vara en procentsats mellan 0 och 100, till exempel "50" eller "2,5"; fick "-1"',
    ],
    [
      'a share that is not a number',
      BOKSLUT_2026,
      { ...HELSINGBORGS_OVERFORINGSREGEL, underskottAndel: 'allt' },
      [],
      'regel.underskottAndel',
      'andelen av underskottet ska vara en procentsats mellan 0 och 100, till exempel "50" eller "2,5"; fick "allt"',
    ],
    [
      'an exception without särskilda skäl',
      BOKSLUT_2026,
      HELSINGBORGS_OVERFORINGSREGEL,
      [{ namnd: 'VON', overforingOre: 0, sarskildaSkal: ' ' }],
      'undantag[0].sarskildaSkal',
      'undantaget för VON ska ange de särskilda skälen',
    ],
    [
      'an exception for a nämnd without result',
      BOKSLUT_2026,
      HELSINGBORGS_OVERFORINGSREGEL,
      [{ namnd: 'ÖFN', overforingOre: 0, sarskildaSkal: 'x' }],
      'undantag[0].namnd',
      'undantaget gäller ÖFN, som inte har något årsresultat',
    ],
    [
      'two exceptions for one nämnd',
      BOKSLUT_2026,
      HELSINGBORGS_OVERFORINGSREGEL,
      [
        { namnd: 'VON', overforingOre: 0, sarskildaSkal: 'x' },
        { namnd: 'VON', overforingOre: 1, sarskildaSkal: 'y' },
      ],
      'undantag[1].namnd',
      'VON har mer än ett undantag',
    ],
  ])('refuses %s, naming the field', (_, resultat, regel, undantag, field, message) => {
    const utfall = foreslaResultatoverforing(resultat, regel, undantag);
    expect(utfall.ok ? [] : utfall.fel).toContainEqual({ field, message });
  });
});
