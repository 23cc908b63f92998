import { skatteunderlagetsTioarssnitt, type FinansradKod, type RurRegler } from '@tertial/contracts/dto';
import { describe, expect, it } from 'vitest';

import { lasBalanskravCsv, lasKronor } from './balanskrav-csv.js';
import {
  balanskravsresultat,
  farAnvandaRur,
  maxAvsattning,
  provaRurRorelse,
  resultatEfterJusteringar,
  rurReglerFranLagrade,
  rurSaldon,
  underskottFore,
  underskottshistorik,
  type BalanskravAr,
} from './balanskrav.js';
import { DEMO_BALANSKRAV_CSV, DEMO_RUR_REGLER, demoFinansrader } from './demo-resultat.loader.js';
import { laggTillFinansrader, radbeloppFranNamnder, stallUpp } from './resultatrakning.js';

const MNKR = 100_000_000;
const ar = (ar: number, aretsResultatMnkr: number, andra: Partial<BalanskravAr> = {}): BalanskravAr => ({
  ar,
  aretsResultatOre: aretsResultatMnkr * MNKR,
  samtligaRealisationsvinsterOre: 0,
  realisationsvinsterUndantagOre: 0,
  realisationsforlusterUndantagOre: 0,
  orealiseradeForlusterOre: 0,
  aterforingOrealiseradeForlusterOre: 0,
  tillRurOre: 0,
  franRurOre: 0,
  ...andra,
});

const REGLER: RurRegler = {
  ingaendeSaldoOre: 100 * MNKR,
  andelPositivtEgetKapitalBasispunkter: 100,
  andelNegativtEgetKapitalBasispunkter: 200,
  egetKapitalNegativt: false,
  // 2014–2024: the ten-year average is 4,23 % for 2023 (which grew 5,5 %) and 4,22 % for 2024 (which grew 3,2 %).
  skatteunderlagUtveckling: [330, 460, 500, 450, 360, 320, 210, 530, 520, 550, 320].map((basispunkter, index) => ({
    ar: 2014 + index,
    basispunkter,
  })),
};

describe('the balanskravsutredning', () => {
  it('adds the adjustments with the sign they have in a published utredning', () => {
    const aret = ar(2024, 120, {
      samtligaRealisationsvinsterOre: -30 * MNKR,
      realisationsvinsterUndantagOre: 10 * MNKR,
      realisationsforlusterUndantagOre: -2 * MNKR,
      orealiseradeForlusterOre: 5 * MNKR,
      aterforingOrealiseradeForlusterOre: -1 * MNKR,
      tillRurOre: -40 * MNKR,
    });
    expect(resultatEfterJusteringar(aret)).toBe(102 * MNKR);
    expect(balanskravsresultat(aret)).toBe(62 * MNKR);
  });

  it('restores deficits oldest first and shows what remains and by which year', () => {
    const resultat = new Map([
      [2021, -30 * MNKR],
      [2022, -20 * MNKR],
      [2023, 40 * MNKR],
      [2024, 5 * MNKR],
    ]);
    const historik = underskottshistorik(
      [...resultat.keys()].map((ar) => ({ ar })),
      (ar) => resultat.get(ar)!,
    );
    expect(historik).toEqual([
      {
        ar: 2021,
        underskottOre: 30 * MNKR,
        aterstalltOre: 30 * MNKR,
        kvarOre: 0,
        senastAr: 2024,
        aterstallningar: [{ ar: 2023, beloppOre: 30 * MNKR }],
      },
      {
        ar: 2022,
        underskottOre: 20 * MNKR,
        aterstalltOre: 15 * MNKR,
        kvarOre: 5 * MNKR,
        senastAr: 2025,
        aterstallningar: [
          { ar: 2023, beloppOre: 10 * MNKR },
          { ar: 2024, beloppOre: 5 * MNKR },
        ],
      },
    ]);
    expect(underskottFore(historik, 2023).map((rad) => [rad.ar, rad.kvarOre])).toEqual([
      [2021, 30 * MNKR],
      [2022, 20 * MNKR],
    ]);
    expect(underskottFore(historik, 2025).map((rad) => [rad.ar, rad.kvarOre])).toEqual([[2022, 5 * MNKR]]);
  });

  it('keeps the RUR balance from the movements of each year', () => {
    const saldon = rurSaldon(100 * MNKR, [ar(2022, 0, { tillRurOre: -40 * MNKR }), ar(2023, 0, { franRurOre: 25 * MNKR })]);
    expect([...saldon]).toEqual([
      [2022, 140 * MNKR],
      [2023, 115 * MNKR],
    ]);
  });
});

describe('the RUR rules', () => {
  const skatter = 8_000 * MNKR;

  it('reserves at most the part of the result above 1 % of skatteintäkter and statsbidrag, 2 % with negative equity', () => {
    expect(maxAvsattning(ar(2023, 200), skatter, REGLER)).toBe(120 * MNKR);
    expect(maxAvsattning(ar(2023, 200), skatter, { ...REGLER, egetKapitalNegativt: true })).toBe(40 * MNKR);
    expect(maxAvsattning(ar(2023, 200, { samtligaRealisationsvinsterOre: -150 * MNKR }), skatter, REGLER)).toBe(0);
  });

  it.each([
    ['a reservation within the limit', ar(2023, 200, { tillRurOre: -120 * MNKR }), []],
    ['a reservation above the limit', ar(2023, 200, { tillRurOre: -121 * MNKR }), ['rur-tak']],
    ['use in a year the skatteunderlag grows less than its ten-year average', ar(2024, -50, { franRurOre: 50 * MNKR }), []],
    ['use in a year the skatteunderlag grows more', ar(2023, -50, { franRurOre: 50 * MNKR }), ['rur-skatteunderlag']],
    ['use beyond the negative result', ar(2024, -50, { franRurOre: 60 * MNKR }), ['rur-underskott']],
    ['use beyond the balance', ar(2024, -150, { franRurOre: 110 * MNKR }), ['rur-saldo']],
    ['both reserve and use', ar(2024, 300, { tillRurOre: -10 * MNKR, franRurOre: 10 * MNKR }), ['rur-bada', 'rur-underskott']],
  ])('%s', (_, aret, regler) => {
    expect(provaRurRorelse(aret, skatter, 100 * MNKR, REGLER).map((brott) => brott.regel)).toEqual(regler);
  });

  it("takes each year's own ten-year average: the mean of its growth and the nine years' before, or the published one", () => {
    expect(skatteunderlagetsTioarssnitt(REGLER, 2023)).toEqual({ basispunkter: 423, franAr: 2014 });
    expect(skatteunderlagetsTioarssnitt(REGLER, 2024)).toEqual({ basispunkter: 422, franAr: 2015 });
    expect(skatteunderlagetsTioarssnitt(REGLER, 2022)).toEqual({ basispunkter: null, saknadeAr: [2013] });
    expect(farAnvandaRur(2024, REGLER)).toBe(true);
    expect(farAnvandaRur(2023, REGLER)).toBe(false);
    // Nine years known: no average, so the reserve may not be used.
    expect(
      farAnvandaRur(2022, {
        ...REGLER,
        skatteunderlagUtveckling: REGLER.skatteunderlagUtveckling.map((rad) => ({ ...rad, basispunkter: 100 })),
      }),
    ).toBe(false);
    // Growth equal to its average is not less than it.
    const lika = REGLER.skatteunderlagUtveckling.map((rad) => ({ ...rad, basispunkter: 400 }));
    expect(farAnvandaRur(2024, { ...REGLER, skatteunderlagUtveckling: lika })).toBe(false);
    // SKR's published average for a year is taken over the mean.
    const publicerat = REGLER.skatteunderlagUtveckling.map((rad) => (rad.ar === 2023 ? { ...rad, tioarssnittBasispunkter: 560 } : rad));
    expect(skatteunderlagetsTioarssnitt({ skatteunderlagUtveckling: publicerat }, 2023)).toEqual({ basispunkter: 560, franAr: null });
    expect(farAnvandaRur(2023, { ...REGLER, skatteunderlagUtveckling: publicerat })).toBe(true);
  });

  it('names the growth and the ten-year average, or the years missing for it, when refusing the use of the reserve', () => {
    const [brott] = provaRurRorelse(ar(2023, -50, { franRurOre: 50 * MNKR }), skatter, 100 * MNKR, REGLER);
    expect(brott!.meddelande).toContain('2023: skatteunderlaget växte 5,5 %, tioårssnittet 4,23 % (2014–2023)');
    const [saknas] = provaRurRorelse(ar(2022, -50, { franRurOre: 50 * MNKR }), skatter, 100 * MNKR, REGLER);
    expect(saknas!.meddelande).toContain('2022: skatteunderlaget växte 5,2 %; tioårssnittet saknas (utvecklingen saknas för 2013)');
  });

  it('reads rules stored with one average for every year as that average published for each year', () => {
    const lagrade = { ...REGLER, skatteunderlagTioarssnittBasispunkter: 400, skatteunderlagUtveckling: [{ ar: 2024, basispunkter: 320 }] };
    expect(rurReglerFranLagrade(lagrade)).toEqual({
      ...REGLER,
      skatteunderlagUtveckling: [{ ar: 2024, basispunkter: 320, tioarssnittBasispunkter: 400 }],
    });
    expect(rurReglerFranLagrade(REGLER)).toEqual(REGLER);
  });

  it('names the limit in the refusal', () => {
    const [brott] = provaRurRorelse(ar(2023, 200, { tillRurOre: -121 * MNKR }), skatter, 0, REGLER);
    expect(brott!.meddelande).toContain('1 % av skatteintäkter och generella statsbidrag');
    expect(brott!.meddelande).toContain('högst 120,0 mnkr');
  });
});

describe('the history file', () => {
  const RUBRIK =
    'ar;arets_resultat;samtliga_realisationsvinster;realisationsvinster_undantag;realisationsforluster_undantag;orealiserade_forluster_vardepapper;aterforing_orealiserade_forluster;till_rur;fran_rur';

  it.each([
    ['12 345 678,90', 1_234_567_890],
    ['-1 000', -100_000],
    ['\u22121\u00a0000.5', -100_050],
    ['0', 0],
    ['12,3,4', undefined],
    ['tolv', undefined],
    ['1,234', undefined],
  ])('reads %s as %s öre', (text, ore) => {
    expect(lasKronor(text)).toBe(ore);
  });

  it('reads a semicolon file with decimal commas and a matching check column', () => {
    const { ar, fel } = lasBalanskravCsv(
      `${RUBRIK};balanskravsresultat\n2022;250 000 000,50;-12 000 000;0;0;0;0;-80 000 000;0;158 000 000,50\n`,
    );
    expect(fel).toEqual([]);
    expect(ar).toMatchObject([{ ar: 2022, rad: 2, aretsResultatOre: 25_000_000_050, tillRurOre: -8_000_000_000 }]);
  });

  it('reads a comma file with decimal points', () => {
    const { ar, fel } = lasBalanskravCsv(`${RUBRIK.replaceAll(';', ',')}\n2021,-40000000.25,0,0,0,0,0,0,0\n`);
    expect(fel).toEqual([]);
    expect(ar[0]!.aretsResultatOre).toBe(-4_000_000_025);
  });

  it.each([
    ['a missing column', RUBRIK.replace(';fran_rur', ''), '2021;1;0;0;0;0;0;0', { rad: 1, falt: 'fran_rur' }],
    ['a non-numeric amount', RUBRIK, '2021;ett;0;0;0;0;0;0;0', { rad: 2, falt: 'arets_resultat' }],
    ['the same year twice', RUBRIK, '2021;1;0;0;0;0;0;0;0\n2021;2;0;0;0;0;0;0;0', { rad: 3, falt: 'ar' }],
    ['a positive till_rur', RUBRIK, '2021;10;0;0;0;0;0;5;0', { rad: 2, falt: 'till_rur' }],
    [
      'a check column that does not match',
      `${RUBRIK};resultat_efter_justeringar`,
      '2021;100;-10;0;0;0;0;0;0;100',
      { rad: 2, falt: 'resultat_efter_justeringar' },
    ],
  ])('refuses %s, naming the line and the field', (_, rubrik, rader, forvantat) => {
    const { fel } = lasBalanskravCsv(`${rubrik}\n${rader}\n`);
    expect(fel).toContainEqual(expect.objectContaining(forvantat));
  });
});

describe('the demo city', () => {
  it('has a history file that passes its own check columns, with a deficit from 2023 partly restored', () => {
    const { ar, fel } = lasBalanskravCsv(DEMO_BALANSKRAV_CSV);
    expect(fel).toEqual([]);
    expect(ar.map((rad) => rad.ar)).toEqual([2021, 2022, 2023, 2024]);
    const historik = underskottshistorik(ar, (aret) => balanskravsresultat(ar.find((rad) => rad.ar === aret)!));
    expect(historik).toMatchObject([
      { ar: 2023, underskottOre: 6_450_000_000, aterstalltOre: 2_390_000_000, kvarOre: 4_060_000_000, senastAr: 2026 },
    ]);
    expect(rurSaldon(DEMO_RUR_REGLER.ingaendeSaldoOre, ar).get(2024)).toBe(270 * MNKR);
  });

  it('could use the reserve in 2023 (when it did), 2025 and 2026, each by its own ten-year average, and not in the others', () => {
    const far = [2021, 2022, 2023, 2024, 2025, 2026].filter((aret) => farAnvandaRur(aret, DEMO_RUR_REGLER));
    expect(far).toEqual([2023, 2025, 2026]);
    expect([2023, 2025, 2026].map((aret) => skatteunderlagetsTioarssnitt(DEMO_RUR_REGLER, aret).basispunkter)).toEqual([406, 408, 391]);
  });

  it('budgets a result of about 2 % of skatteintäkter and generella statsbidrag', () => {
    const netto = 9_674 * MNKR;
    const rader = laggTillFinansrader(
      radbeloppFranNamnder(0, netto),
      Object.entries(demoFinansrader(netto)).map(([rad, beloppOre]) => ({ rad: rad as FinansradKod, beloppOre })),
    );
    const resultat = stallUpp(rader).find((rad) => rad.kod === 'arets-resultat')!.beloppOre;
    const andel = resultat / (rader.skatteintakter + rader['generella-statsbidrag']);
    expect(andel).toBeGreaterThan(0.018);
    expect(andel).toBeLessThan(0.022);
  });
});
