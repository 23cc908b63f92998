import type { Balanskravsutredning, Resultatrakning, RurRegler } from '@tertial/contracts/dto';
import { describe, expect, it } from 'vitest';

import { elimineringsrader, elimineringsunderlag, kallrader, mnkr, procent, rurReglerText, utredningSidaVidSida } from './resultat.js';

const utredning = (belopp: number[]): Balanskravsutredning => ({
  ar: 2026,
  tillfalle: 'april',
  kalla: 'prognos',
  meddelanden: [],
  rader: belopp.map((beloppOre, index) => ({
    kod: ['arets-resultat', 'resultat-efter-justeringar'][index]!,
    namn: `rad ${index}`,
    beloppOre,
  })),
  underskottFranTidigareAr: [],
  rur: { ingaendeOre: 0, utgaendeOre: 0, maxAvsattningOre: 0, farAnvandas: false },
});

describe('the city’s result on the page', () => {
  it('writes mnkr the Swedish way and a dash for a missing figure', () => {
    expect(mnkr(1_234_567_890_000)).toBe('12\u00a0345,7');
    expect(mnkr(-4_060_000_000)).toBe('\u221240,6');
    expect(mnkr(null)).toBe('–');
    expect(procent(410)).toBe('4,1\u00a0%');
  });

  it('puts the utredningar side by side, a dash where a round has none', () => {
    expect(utredningSidaVidSida([utredning([100, 90]), null, utredning([200, 150])])).toEqual([
      { kod: 'arets-resultat', namn: 'rad 0', summa: false, belopp: [100, null, 200] },
      { kod: 'resultat-efter-justeringar', namn: 'rad 1', summa: true, belopp: [90, null, 150] },
    ]);
    expect(utredningSidaVidSida([null, null, null])).toEqual([]);
  });

  it('says the RUR rules and whether the skatteunderlag allows using the reserve', () => {
    const regler: RurRegler = {
      ingaendeSaldoOre: 0,
      andelPositivtEgetKapitalBasispunkter: 100,
      andelNegativtEgetKapitalBasispunkter: 200,
      egetKapitalNegativt: false,
      // 2017–2026: 4,5 3,6 3,2 2,1 5,3 5,2 3,8 4,5 3,6 3,3 %, a mean of 3,91 %; 2027 has SKR's published average.
      skatteunderlagUtveckling: [450, 360, 320, 210, 530, 520, 380, 450, 360, 330].map((basispunkter, index) => ({
        ar: 2017 + index,
        basispunkter,
      })),
    };
    const [tak, anvandning] = rurReglerText(regler, 2026);
    expect(tak).toContain('överstiger 1\u00a0% av skatteintäkter');
    expect(anvandning).toContain('2026: skatteunderlaget växer 3,3\u00a0%, tioårssnittet är 3,91\u00a0% (2017–2026)');
    const publicerat = { ...regler, skatteunderlagUtveckling: [{ ar: 2027, basispunkter: 402, tioarssnittBasispunkter: 398 }] };
    expect(rurReglerText(publicerat, 2027)[1]).toContain(
      '2027: skatteunderlaget växer 4,02\u00a0%, tioårssnittet är 3,98\u00a0% (publicerat)',
    );
    expect(rurReglerText(regler, 2027)[1]).toContain(
      '2027: skatteunderlagets utveckling saknas, tioårssnittet saknas (utvecklingen saknas för 2027)',
    );
  });
});

describe('the sources of the finance lines', () => {
  it('are one line per column and source, naming the rows', () => {
    expect(
      kallrader([
        {
          tillfalle: 'augusti',
          finns: true,
          elimineratOre: 0,
          eliminering: { metod: 'inget', intakterOre: 0, kostnaderOre: 0, differensOre: 0, namnder: [] },
          kallor: [
            { rad: 'skatteintakter', kalla: 'SKR 2026-08-21' },
            { rad: 'generella-statsbidrag', kalla: 'SKR 2026-08-21' },
            { rad: 'pensioner', kalla: 'KPA' },
          ],
        },
      ]),
    ).toEqual([
      'Prognos augusti: SKR 2026-08-21 (skatteintäkter, generella statsbidrag och utjämning)',
      'Prognos augusti: KPA (pensionskostnader (centralt))',
    ]);
  });
});

describe('what each column eliminated', () => {
  const kolumn = (
    tillfalle: 'budget' | 'bokslut',
    eliminering: Resultatrakning['kolumner'][number]['eliminering'],
    finns = true,
  ): Resultatrakning['kolumner'][number] => ({ tillfalle, finns, kallor: [], elimineratOre: 0, eliminering });
  const budget = kolumn('budget', {
    metod: 'andel',
    intakterOre: 77_777_778,
    kostnaderOre: 41_666_667,
    differensOre: -36_111_111,
    namnder: [
      { namnd: 'FN', intakterOre: 77_777_778, kostnaderOre: 0, underlag: 'bokslut', underlagAr: 2053 },
      { namnd: 'VON', intakterOre: 0, kostnaderOre: 41_666_667, underlag: 'utfall', underlagAr: 2054 },
      { namnd: 'NY', intakterOre: 0, kostnaderOre: 0, underlag: null, underlagAr: null },
    ],
  });
  const bokslut = kolumn('bokslut', { metod: 'konton', intakterOre: 0, kostnaderOre: 0, differensOre: 0, namnder: [] }, false);

  it('are rows beside the columns, with nothing where a column has no figures', () => {
    expect(elimineringsrader([budget, bokslut])).toEqual([
      { kod: 'interna-intakter', namn: 'Interna intäkter borttagna', belopp: [77_777_778, null] },
      { kod: 'interna-kostnader', namn: 'Interna kostnader borttagna', belopp: [41_666_667, null] },
      { kod: 'elimineringsdifferens', namn: 'Elimineringsdifferens (påverkan på resultatet)', belopp: [-36_111_111, null] },
    ]);
    expect(mnkr(-36_111_111)).toBe('−0,4');
  });

  it('say how, naming the nämnder with nothing to go by', () => {
    expect(elimineringsunderlag([budget, bokslut])).toEqual([
      'Budget: uppskattad per nämnd med andelen interna konton i bokslutet 2053 och utfallet 2054 hittills. Inget eliminerat för NY (inget utfall eller bokslut).',
    ]);
    expect(
      elimineringsunderlag([kolumn('budget', { metod: 'inget', intakterOre: 0, kostnaderOre: 0, differensOre: 0, namnder: [] })]),
    ).toEqual(['Budget: inget eliminerat – ingen nämnd har utfall eller bokslut att uppskatta den interna delen från.']);
  });
});
