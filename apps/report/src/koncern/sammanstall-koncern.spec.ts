import { describe, expect, it } from 'vitest';

import {
  beskrivPost,
  bolagetsHelarsutfall,
  kommunenFranResultatrakning,
  sammanstallKoncern,
  type Bolagsresultat,
  type Kommunensresultat,
  type KoncerninternPost,
} from './sammanstall-koncern.js';

const MNKR = 1_000_000_00;
const kommunen: Kommunensresultat = {
  verksamhetensIntakterOre: 2_000 * MNKR,
  verksamhetensKostnaderOre: 11_700 * MNKR,
  skatteintakterOchStatsbidragOre: 0,
  finansnettoOre: 0,
};
const hem: Bolagsresultat = {
  bolag: 'HBGHEM',
  intakterOre: 1_000 * MNKR,
  kostnaderOre: 800 * MNKR,
  resultatEfterFinansiellaPosterOre: 120 * MNKR,
};
const kraft: Bolagsresultat = {
  bolag: 'OKAB',
  intakterOre: 3_000 * MNKR,
  kostnaderOre: 2_700 * MNKR,
  resultatEfterFinansiellaPosterOre: 250 * MNKR,
};

const rad = (s: ReturnType<typeof sammanstallKoncern>, nyckel: string) => s.rader.find((r) => r.rad === nyckel)!;
const del = (s: ReturnType<typeof sammanstallKoncern>, nyckel: string, d: string) =>
  rad(s, nyckel).delar.find((x) => x.del === d)!.beloppOre;

describe('the sammanställda räkenskaper', () => {
  it('adds the companies to the municipality row by row, each company’s finansnetto from its result', () => {
    const s = sammanstallKoncern({ kommunen, bolag: [hem, kraft], interna: [] });
    expect(del(s, 'verksamhetens-intakter', 'HBGHEM')).toBe(1_000 * MNKR);
    expect(del(s, 'verksamhetens-kostnader', 'HBGHEM')).toBe(-800 * MNKR);
    expect(del(s, 'finansnetto', 'HBGHEM')).toBe(-80 * MNKR);
    expect(del(s, 'resultat-efter-finansiella-poster', 'HBGHEM')).toBe(120 * MNKR);
    expect(rad(s, 'verksamhetens-intakter').fore).toBe(6_000 * MNKR);
    // −9 700 for the municipality (its nämnder's net cost), +120 and +250 for the companies.
    expect(rad(s, 'resultat-efter-finansiella-poster').sammanstallt).toBe(-9_330 * MNKR);
    expect(s.saknas).toEqual(['HSFAB', 'HAMN', 'HAS']);
    expect(s.varningar).toEqual([]);
  });

  it.each<[string, KoncerninternPost, { rad: string; del: string; beloppOre: number }[]]>([
    [
      'rent a nämnd pays the housing company: out of Helsingborgshem’s revenue and the municipality’s cost',
      { saljare: 'HBGHEM', kopare: 'KOMMUN', slag: 'hyra', beloppOre: 140 * MNKR },
      [
        { rad: 'verksamhetens-intakter', del: 'HBGHEM', beloppOre: -140 * MNKR },
        { rad: 'verksamhetens-kostnader', del: 'KOMMUN', beloppOre: 140 * MNKR },
      ],
    ],
    [
      'energy Öresundskraft sells to Helsingborgshem',
      { saljare: 'OKAB', kopare: 'HBGHEM', slag: 'energi', beloppOre: 35 * MNKR },
      [
        { rad: 'verksamhetens-intakter', del: 'OKAB', beloppOre: -35 * MNKR },
        { rad: 'verksamhetens-kostnader', del: 'HBGHEM', beloppOre: 35 * MNKR },
      ],
    ],
    [
      'interest the municipality’s internbank charges a company: out of both sides of the finansnetto, which nets to nothing',
      { saljare: 'KOMMUN', kopare: 'OKAB', slag: 'ranta', beloppOre: 60 * MNKR },
      [
        { rad: 'finansnetto', del: 'KOMMUN', beloppOre: -60 * MNKR },
        { rad: 'finansnetto', del: 'OKAB', beloppOre: 60 * MNKR },
      ],
    ],
    [
      'a koncernbidrag to the parent lies below the line and changes no row',
      { saljare: 'HSFAB', kopare: 'OKAB', slag: 'koncernbidrag', beloppOre: 90 * MNKR },
      [],
    ],
  ])('%s', (_namn, post, paverkan) => {
    const fore = sammanstallKoncern({ kommunen, bolag: [hem, kraft], interna: [] });
    const s = sammanstallKoncern({ kommunen, bolag: [hem, kraft], interna: [post] });
    expect(s.elimineringar).toEqual([{ ...post, paverkan }]);
    for (const p of paverkan) {
      const iRaden = paverkan.filter((q) => q.rad === p.rad).reduce((summa, q) => summa + q.beloppOre, 0);
      expect(rad(s, p.rad).eliminering).toBe(iRaden);
      expect(rad(s, p.rad).sammanstallt).toBe(rad(fore, p.rad).sammanstallt + iRaden);
    }
    // The koncern's result is what it was: an internal transaction moves money inside, it makes none.
    expect(rad(s, 'resultat-efter-finansiella-poster').eliminering).toBe(0);
    expect(rad(s, 'resultat-efter-finansiella-poster').sammanstallt).toBe(rad(fore, 'resultat-efter-finansiella-poster').sammanstallt);
  });

  it('eliminates every amount of the table to the öre', () => {
    const interna: KoncerninternPost[] = [
      { saljare: 'HBGHEM', kopare: 'KOMMUN', slag: 'hyra', beloppOre: 140_123_456_78 },
      { saljare: 'OKAB', kopare: 'KOMMUN', slag: 'energi', beloppOre: 98_765_43 },
      { saljare: 'OKAB', kopare: 'HBGHEM', slag: 'energi', beloppOre: 1 },
    ];
    const s = sammanstallKoncern({ kommunen, bolag: [hem, kraft], interna });
    expect(rad(s, 'verksamhetens-intakter').eliminering).toBe(-(140_123_456_78 + 98_765_43 + 1));
    expect(rad(s, 'verksamhetens-kostnader').eliminering).toBe(140_123_456_78 + 98_765_43 + 1);
    expect(rad(s, 'verksamhetens-intakter').sammanstallt).toBe(6_000 * MNKR - 140_123_456_78 - 98_765_43 - 1);
  });

  it('warns when an elimination is larger than the part’s own revenue, and when a part with internal amounts has no figures', () => {
    const s = sammanstallKoncern({
      kommunen,
      bolag: [hem],
      interna: [
        { saljare: 'HBGHEM', kopare: 'KOMMUN', slag: 'hyra', beloppOre: 1_200 * MNKR },
        { saljare: 'OKAB', kopare: 'HBGHEM', slag: 'energi', beloppOre: 10 * MNKR },
      ],
    });
    expect(s.varningar).toEqual([
      'De koncerninterna försäljningarna från Helsingborgshem är större än dess verksamhetens intäkter.',
      'Öresundskraft har koncerninterna belopp men inga siffror: elimineringen av dem gör summan skev.',
    ]);
  });

  it('names a post in Swedish', () => {
    expect(beskrivPost({ saljare: 'HBGHEM', kopare: 'KOMMUN', slag: 'hyra' })).toBe('Hyror från Helsingborgshem till kommunen');
  });

  it('takes the municipality from a column of the city’s resultaträkning: avskrivningar as cost, finansnetto with its sign', () => {
    const rader = [
      { kod: 'verksamhetens-intakter', belopp: 2_000 * MNKR },
      { kod: 'verksamhetens-kostnader', belopp: -9_000 * MNKR },
      { kod: 'avskrivningar', belopp: -400 * MNKR },
      { kod: 'verksamhetens-nettokostnader', belopp: -7_400 * MNKR },
      { kod: 'skatteintakter', belopp: 6_500 * MNKR },
      { kod: 'generella-statsbidrag', belopp: 1_100 * MNKR },
      { kod: 'finansiella-intakter', belopp: 80 * MNKR },
      { kod: 'finansiella-kostnader', belopp: -130 * MNKR },
      { kod: 'arets-resultat', belopp: 150 * MNKR },
    ];
    const kommun = kommunenFranResultatrakning(rader)!;
    expect(kommun).toEqual({
      verksamhetensIntakterOre: 2_000 * MNKR,
      verksamhetensKostnaderOre: 9_400 * MNKR,
      skatteintakterOchStatsbidragOre: 7_600 * MNKR,
      finansnettoOre: -50 * MNKR,
    });
    // Alone in the koncern, its result after financial items is the resultaträkning's.
    const s = sammanstallKoncern({ kommunen: kommun, bolag: [], interna: [] });
    expect(s.rader.find((r) => r.rad === 'resultat-efter-finansiella-poster')!.sammanstallt).toBe(150 * MNKR);
    expect(kommunenFranResultatrakning(rader.map((r) => (r.kod === 'skatteintakter' ? { ...r, belopp: null } : r)))).toBeNull();
  });
});

describe('a company’s year from its ledger', () => {
  const manad = (m: number) => ({ manad: m, intakterOre: 100 * MNKR + m, kostnaderOre: 90 * MNKR, finansnettoOre: -2 * MNKR });
  it('sums January to December: revenue, cost, and the result after the finansnetto, to the öre', () => {
    const ar = bolagetsHelarsutfall(
      'HAMN',
      Array.from({ length: 12 }, (_, i) => manad(i + 1)),
    );
    expect(ar).toEqual({
      bolag: 'HAMN',
      intakterOre: 1_200 * MNKR + 78,
      kostnaderOre: 1_080 * MNKR,
      resultatEfterFinansiellaPosterOre: 1_200 * MNKR + 78 - 1_080 * MNKR - 24 * MNKR,
    });
  });
  it('is not the year until the ledger reaches December: January–August is no year’s utfall', () => {
    expect(
      bolagetsHelarsutfall(
        'HAMN',
        Array.from({ length: 8 }, (_, i) => manad(i + 1)),
      ),
    ).toBeNull();
    expect(bolagetsHelarsutfall('HAMN', [])).toBeNull();
  });
});
