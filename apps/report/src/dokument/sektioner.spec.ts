import type { Koncernoversikt, Resultatrakning } from '@tertial/contracts/dto';
import { describe, expect, it } from 'vitest';

import { sammanstallKoncern } from '../koncern/sammanstall-koncern.js';

import { byggInnehall, elimineringsnotering, talvarde, type Rapportunderlag } from './sektioner.js';

const MNKR = 100_000_000;
const underlag = (andring: Partial<Rapportunderlag> = {}): Rapportunderlag => ({
  rapport: 'arsredovisning',
  ar: 2025,
  periodTomManad: 12,
  ekonomi: [],
  period: [],
  mal: [],
  kommentarer: [],
  resultatrakning: null,
  balanskrav: null,
  balanskravOversikt: null,
  koncern: null,
  prognossakerhet: null,
  resultatoverforing: null,
  investeringar: null,
  texter: {},
  ...andring,
});
const sektion = (u: Rapportunderlag, id: string) => byggInnehall(u).sektioner.find((s) => s.id === id)!;

describe('the report’s sections from the services’ data', () => {
  it('the resultaträkning’s rows add up to årets resultat, its total row, in each column', () => {
    const s = sektion(
      underlag({
        resultatrakning: {
          ar: 2025,
          kolumner: (['budget', 'april', 'augusti', 'bokslut'] as const).map((tillfalle) => ({
            tillfalle,
            finns: true,
            kallor: [],
            elimineratOre: 0,
            eliminering: { metod: 'inget' as const, intakterOre: 0, kostnaderOre: 0, differensOre: 0, namnder: [] },
          })),
          rader: [
            { kod: 'verksamhetens-intakter', namn: 'Verksamhetens intäkter', summa: false, belopp: [20 * MNKR, 0, 0, 21 * MNKR] },
            { kod: 'verksamhetens-kostnader', namn: 'Verksamhetens kostnader', summa: false, belopp: [-100 * MNKR, 0, 0, -103 * MNKR] },
            {
              kod: 'verksamhetens-nettokostnader',
              namn: 'Verksamhetens nettokostnader',
              summa: true,
              belopp: [-80 * MNKR, 0, 0, -82 * MNKR],
            },
            { kod: 'skatteintakter', namn: 'Skatteintäkter', summa: false, belopp: [82 * MNKR, 0, 0, 83 * MNKR + 1] },
            { kod: 'arets-resultat', namn: 'Årets resultat', summa: true, belopp: [2 * MNKR, 0, 0, MNKR + 1] },
          ],
        },
      }),
      'resultatrakning',
    );
    const [t] = s.tabeller;
    // The subtotal is not a row: the total row would otherwise count it twice.
    expect(t!.rader.map((r) => r[0])).toEqual(['Verksamhetens intäkter', 'Verksamhetens kostnader', 'Skatteintäkter']);
    expect(t!.summa).toEqual(['Årets resultat', 2 * MNKR, MNKR + 1, -MNKR + 1]);
    for (const k of [1, 2, 3]) expect(t!.rader.reduce((a, r) => a + (r[k] as number), 0)).toBe(t!.summa![k]);
  });

  it.each([
    ['resultatrakning', 'Resultaträkningen för 2025 finns inte i rapporttjänsten.'],
    ['balanskrav', '2025 har ingen balanskravsutredning för bokslutet i rapporttjänsten.'],
    ['resultatoverforing', 'Kommunfullmäktige har ännu inte beslutat om resultatöverföringen för 2025.'],
    ['prognossakerhet', '2025 hade inga prognosomgångar i Tertial.'],
    ['bolag-okab', 'Öresundskraft AB har varken budget, utfall eller prognos för 2025 i Tertial.'],
  ])('where %s has no data, the section says so and has no table', (id, notering) => {
    const s = sektion(underlag(), id);
    expect(s.tabeller).toEqual([]);
    expect(s.noteringar).toContain(notering);
  });

  it('a company’s section has its figures, avvikelse better-is-positive, and names what it lacks', () => {
    const siffror = {
      intakterOre: 500 * MNKR,
      kostnaderOre: 450 * MNKR,
      resultatEfterFinansiellaPosterOre: 40 * MNKR,
      investeringarOre: 90 * MNKR,
    };
    const koncern = {
      ar: 2026,
      tillfalle: 'augusti',
      utfallTillManad: 8,
      namnder: [],
      bolag: [
        {
          kod: 'OKAB',
          namn: 'Öresundskraft AB',
          typ: 'bolag',
          matt: 'resultat',
          budgetOre: 40 * MNKR,
          utfallOre: null,
          prognosOre: 35 * MNKR,
          avvikelseOre: -5 * MNKR,
          bolag: {
            budget: siffror,
            utfall: null,
            prognos: { ...siffror, kostnaderOre: 455 * MNKR, resultatEfterFinansiellaPosterOre: 35 * MNKR, investeringarOre: 80 * MNKR },
            kommentar: 'Lägre elpriser.',
            prognosAndradAv: 'okab',
          },
        },
      ],
      sammanstallning: { grund: 'prognos', kommunensKalla: '', bolagensKalla: '', saknas: [], rader: [], elimineringar: [], varningar: [] },
    } satisfies Koncernoversikt;
    const s = sektion(underlag({ rapport: 'delarsrapport-augusti', ar: 2026, periodTomManad: 8, koncern }), 'bolag-okab');
    expect(s.tabeller[0]!.rader).toEqual([
      ['Intäkter', 500 * MNKR, null, 500 * MNKR, 0],
      ['Kostnader', 450 * MNKR, null, 455 * MNKR, -5 * MNKR],
      ['Resultat efter finansiella poster', 40 * MNKR, null, 35 * MNKR, -5 * MNKR],
      ['Investeringar', 90 * MNKR, null, 80 * MNKR, 10 * MNKR],
    ]);
    expect(s.noteringar).toContain('Öresundskraft AB har inget utfall för 2026 i Tertial.');
    expect(s.noteringar).toContain('Bolagets kommentar till prognosen: Lägre elpriser.');
    expect(s.noteringar).toContain('Öresundskraft AB har inga mål ur ägardirektivet uppföljda 2026.');
  });

  it('each mål shows its nyckeltal’s values; a company’s mål go to its own section', () => {
    const mal = (kod: string, agartyp: 'namnd' | 'bolag') => ({
      kod,
      namnd: kod,
      agartyp,
      mal: `Mål för ${kod}`,
      bedomning: 'delvis-uppfyllt' as const,
      analys: 'Analys.',
      nyckeltal: [{ namn: 'Andel nöjda', utgangsvarde: 71.5, senaste: { period: '2025', varde: 74.25 }, malvarde: 80 }],
    });
    const u = underlag({ mal: [mal('KN', 'namnd'), mal('HAMN', 'bolag')] });
    const maluppfyllelse = sektion(u, 'maluppfyllelse');
    expect(maluppfyllelse.tabeller[0]!.rader.map((r) => r[0])).toEqual(['KN']);
    expect(maluppfyllelse.tabeller[1]!.rader).toEqual([['KN', 'Mål för KN', 'Andel nöjda', '71,5', '74,25', '2025', '80']]);
    expect(sektion(u, 'bolag-hamn').tabeller.map((t) => t.id)).toEqual(['bolag-hamn-mal', 'bolag-hamn-mal-nyckeltal']);
  });

  it('nyckeltal values are written the Swedish way', () => {
    expect([talvarde(1234.5), talvarde(-0.25), talvarde(null)]).toEqual(['1 234,5', '−0,25', '–']);
  });

  describe('the årsredovisning’s sammanställda räkenskaper are the year’s', () => {
    const koncern = (sammanstallning: Partial<Koncernoversikt['sammanstallning']>): Koncernoversikt => ({
      ar: 2025,
      tillfalle: 'augusti',
      utfallTillManad: 12,
      namnder: [],
      bolag: [],
      sammanstallning: {
        grund: 'bokslut',
        kommunensKalla: 'Kommunens siffror är resultaträkningens bokslut 2025.',
        bolagensKalla: 'Bolagens siffror är deras utfall januari–december 2025 ur deras egen bokföring.',
        saknas: [],
        rader: [],
        elimineringar: [],
        varningar: [],
        ...sammanstallning,
      },
    });
    const kommunen = {
      verksamhetensIntakterOre: 20 * MNKR,
      verksamhetensKostnaderOre: 100 * MNKR,
      skatteintakterOchStatsbidragOre: 85 * MNKR,
      finansnettoOre: -MNKR,
    };

    it('the municipality’s bokslut stands even where no company’s year has reached Tertial, naming those missing', () => {
      const s = sammanstallKoncern({ kommunen, bolag: [], interna: [] });
      const sektionen = sektion(
        underlag({
          koncern: koncern({ rader: s.rader, saknas: ['HSFAB', 'Helsingborgshem', 'Helsingborgs Hamn', 'Öresundskraft', 'HAS'] }),
        }),
        'koncern',
      );
      const [t] = sektionen.tabeller;
      expect(t!.id).toBe('sammanstallda-rakenskaper');
      // Kommunen's result: 20 − 100 + 85 − 1 = 4 mnkr, as its bokslut.
      expect(t!.summa?.[1]).toBe(4 * MNKR);
      expect(sektionen.noteringar).toContain('Kommunens siffror är resultaträkningens bokslut 2025.');
      expect(sektionen.noteringar.join(' ')).toMatch(/Saknar siffror \(räknas som noll\): HSFAB/);
    });

    it('without the year’s bokslut the statement cannot be set up, and the section says why', () => {
      const sektionen = sektion(
        underlag({ koncern: koncern({ kommunensKalla: 'Bokslutet 2025 har inte kommit till rapporttjänsten.' }) }),
        'koncern',
      );
      expect(sektionen.tabeller).toEqual([]);
      expect(sektionen.noteringar.join(' ')).toMatch(/kan inte ställas upp.*Bokslutet 2025 har inte kommit/);
    });
  });
});

describe("a resultaträkning column's elimination, in one sentence", () => {
  const kolumn = (eliminering: Resultatrakning['kolumner'][number]['eliminering']): Resultatrakning['kolumner'][number] => ({
    tillfalle: 'april',
    finns: true,
    kallor: [],
    elimineratOre: eliminering.intakterOre + eliminering.kostnaderOre,
    eliminering,
  });
  it.each([
    [
      'estimated, with a nämnd that had nothing to go by',
      kolumn({
        metod: 'andel',
        intakterOre: 0,
        kostnaderOre: 12_345_678_90,
        differensOre: 12_345_678_90,
        namnder: [
          { namnd: 'VON', intakterOre: 0, kostnaderOre: 12_345_678_90, underlag: 'bokslut', underlagAr: 2025 },
          { namnd: 'NY', intakterOre: 0, kostnaderOre: 0, underlag: null, underlagAr: null },
        ],
      }),
      'Prognosen i april: interna poster eliminerade, 0,0 mnkr av intäkterna och 12,3 mnkr av kostnaderna (uppskattade med varje nämnds andel interna konton i bokslutet 2025); elimineringsdifferens 12,3 mnkr. Utan utfall eller bokslut att gå efter, inget eliminerat för NY.',
    ],
    [
      'nothing to go by at all',
      kolumn({ metod: 'inget', intakterOre: 0, kostnaderOre: 0, differensOre: 0, namnder: [] }),
      'Prognosen i april: inga interna poster eliminerade, eftersom ingen nämnd har utfall eller bokslut att uppskatta den interna delen från.',
    ],
  ])('%s', (_, k, text) => {
    expect(elimineringsnotering(k)).toBe(text);
  });
});
