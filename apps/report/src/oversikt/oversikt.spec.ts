import type { MaluppfyllelseOversikt, PrognossakerhetDto, PrognosTotaler, Resultatrakning } from '@tertial/contracts/dto';
import { describe, expect, it } from 'vitest';

import { sammanstallOversikt } from './oversikt.js';

const summa = (budget: number | null, prognos: number, utfall: number | null = null) => ({
  intakterOre: 0,
  kostnaderOre: prognos,
  nettokostnadOre: prognos,
  antalLamnade: 3,
  antalAnsvar: 4,
  budgetOre: budget,
  utfallOre: utfall,
  avvikelseOre: budget === null ? null : budget - prognos,
  helarsprognosOre: budget === null ? null : prognos,
});

const TOTALER: PrognosTotaler = {
  ar: 2026,
  tillfalle: 'augusti',
  stad: { kod: 'STAD', namn: 'Helsingborgs stad', ...summa(1_000_00, 1_020_05) },
  namnder: [
    { kod: 'SN', namn: 'Socialnämnden', ...summa(600_00, 640_00, 400_00) },
    { kod: 'MN', namn: 'Miljönämnden', ...summa(100_00, 90_05) },
    { kod: 'KN', namn: 'Kulturnämnden', ...summa(300_00, 300_00) },
    { kod: 'VALN', namn: 'Valnämnden', ...summa(null, 0) },
  ],
  utfallTillManad: 8,
  senastUppdaterad: null,
};

const resultatrakning = (budget: number | null, augusti: number | null): Resultatrakning => ({
  ar: 2026,
  kolumner: (['budget', 'april', 'augusti', 'bokslut'] as const).map((tillfalle) => ({
    tillfalle,
    finns: tillfalle === 'budget' ? budget !== null : tillfalle === 'augusti' ? augusti !== null : false,
    kallor: [],
    elimineratOre: 0,
    eliminering: { metod: 'inget' as const, intakterOre: 0, kostnaderOre: 0, differensOre: 0, namnder: [] },
  })),
  rader: [
    { kod: 'verksamhetens-resultat', namn: 'Verksamhetens resultat', summa: true, belopp: [1, null, 2, null] },
    { kod: 'arets-resultat', namn: 'Årets resultat', summa: true, belopp: [budget, null, augusti, null] },
  ],
});

const rad = (namnd: string, prognosOre: number, bokslutOre: number | null) => ({
  namnd,
  namn: namnd,
  prognosBudgetOre: 0,
  prognosOre,
  prognosAvvikelseOre: 0,
  prognosAvvikelseProcent: null,
  bokslutBudgetOre: null,
  bokslutOre,
  bokslutAvvikelseOre: null,
  bokslutAvvikelseProcent: null,
  prognosavvikelseOre: null,
  prognosavvikelseProcent: null,
});

const PROGNOSSAKERHET: PrognossakerhetDto = {
  ar: 2026,
  bokslutFaststallt: false,
  omgangar: [
    { tillfalle: 'april', stangdAt: '2026-05-10T10:00:00Z', namnder: [rad('SN', 620_00, null)], stad: rad('STAD', 1_010_00, null) },
    { tillfalle: 'maj', stangdAt: null, namnder: [rad('SN', 1, null)], stad: rad('STAD', 1, null) },
    { tillfalle: 'augusti', stangdAt: null, namnder: [rad('SN', 640_00, null), rad('MN', 90_05, null)], stad: rad('STAD', 1_020_05, null) },
  ],
};

const MAL = { ar: 2026, tillfalle: 'augusti', stad: null, namnder: [], senastUppdaterad: null } satisfies MaluppfyllelseOversikt;

describe('sammanstallOversikt', () => {
  it('walks from the budgeted to the forecast result nämnd by nämnd, largest effect first, the rest exact in övrigt', () => {
    const oversikt = sammanstallOversikt(2026, 'augusti', {
      totaler: TOTALER,
      resultatrakning: resultatrakning(50_000_00, 20_000_03),
      prognossakerhet: PROGNOSSAKERHET,
      mal: MAL,
      rollupAvvikelse: () => undefined,
    });
    expect(oversikt.resultat.steg).toEqual([
      { kod: 'SN', namn: 'Socialnämnden', beloppOre: -40_00 },
      { kod: 'MN', namn: 'Miljönämnden', beloppOre: 9_95 },
    ]);
    expect(oversikt.resultat).toMatchObject({ budgeteratOre: 50_000_00, prognosOre: 20_000_03 });
    const summa =
      oversikt.resultat.budgeteratOre! + oversikt.resultat.steg.reduce((s, steg) => s + steg.beloppOre, 0) + oversikt.resultat.ovrigtOre!;
    expect(summa).toBe(20_000_03);
    expect(oversikt.resultat.ovrigtOre).toBe(20_000_03 - 50_000_00 + 40_00 - 9_95);
  });

  it('has no övrigt when the resultaträkning lacks the budget or the round', () => {
    const utanBudget = sammanstallOversikt(2026, 'augusti', {
      totaler: TOTALER,
      resultatrakning: resultatrakning(null, 20_000_03),
      prognossakerhet: PROGNOSSAKERHET,
      mal: MAL,
      rollupAvvikelse: () => undefined,
    });
    expect(utanBudget.resultat).toMatchObject({ budgeteratOre: null, prognosOre: 20_000_03, ovrigtOre: null });
    expect(utanBudget.resultat.steg).toHaveLength(2);
  });

  it('follows each nämnd from April to August to the bokslut, leaving out the monthly rounds and nämnder without any point', () => {
    const oversikt = sammanstallOversikt(2026, 'augusti', {
      totaler: TOTALER,
      resultatrakning: resultatrakning(1, 1),
      prognossakerhet: PROGNOSSAKERHET,
      mal: MAL,
      rollupAvvikelse: () => undefined,
    });
    expect(oversikt.trend.stad).toEqual({ kod: 'STAD', namn: 'Helsingborgs stad', nettokostnadOre: [1_010_00, 1_020_05, null] });
    expect(oversikt.trend.namnder).toEqual([
      { kod: 'SN', namn: 'Socialnämnden', nettokostnadOre: [620_00, 640_00, null] },
      { kod: 'MN', namn: 'Miljönämnden', nettokostnadOre: [null, 90_05, null] },
    ]);
  });

  it('ends the trend at the bokslut once the year is closed', () => {
    const stangt: PrognossakerhetDto = {
      ...PROGNOSSAKERHET,
      bokslutFaststallt: true,
      omgangar: PROGNOSSAKERHET.omgangar.map((o) => ({
        ...o,
        namnder: o.namnder.map((n) => ({ ...n, bokslutOre: n.namnd === 'SN' ? 650_00 : 91_00 })),
        stad: { ...o.stad, bokslutOre: 1_030_00 },
      })),
    };
    const oversikt = sammanstallOversikt(2026, 'augusti', {
      totaler: TOTALER,
      resultatrakning: resultatrakning(1, 1),
      prognossakerhet: stangt,
      mal: MAL,
      rollupAvvikelse: () => undefined,
    });
    expect(oversikt.trend.stad.nettokostnadOre).toEqual([1_010_00, 1_020_05, 1_030_00]);
    expect(oversikt.trend.namnder.find((n) => n.kod === 'SN')?.nettokostnadOre).toEqual([620_00, 640_00, 650_00]);
  });

  it('takes a closed round’s kept forecast per nämnd where no ansvar forecast of it is stored', () => {
    const utanAnsvar: PrognosTotaler = {
      ...TOTALER,
      namnder: TOTALER.namnder.map((n) => ({ ...n, antalLamnade: 0, nettokostnadOre: 0, avvikelseOre: null, helarsprognosOre: null })),
    };
    const stangd: PrognossakerhetDto = {
      ...PROGNOSSAKERHET,
      omgangar: [
        {
          tillfalle: 'augusti',
          stangdAt: '2026-09-20T10:00:00Z',
          namnder: [{ ...rad('SN', 650_00, null), prognosBudgetOre: 600_00, prognosAvvikelseOre: -50_00 }],
          stad: rad('STAD', 650_00, null),
        },
      ],
    };
    const oversikt = sammanstallOversikt(2026, 'augusti', {
      totaler: utanAnsvar,
      resultatrakning: resultatrakning(1, 1),
      prognossakerhet: stangd,
      mal: MAL,
      rollupAvvikelse: () => undefined,
    });
    expect(oversikt.namnder.find((n) => n.kod === 'SN')).toMatchObject({ budgetOre: 600_00, prognosOre: 650_00, avvikelseOre: -50_00 });
    expect(oversikt.resultat.steg).toEqual([{ kod: 'SN', namn: 'Socialnämnden', beloppOre: -50_00 }]);
  });

  it('takes each nämnd’s step from the roll-up, where the budget stands for an ansvar without a forecast', () => {
    const oversikt = sammanstallOversikt(2026, 'augusti', {
      totaler: TOTALER,
      resultatrakning: resultatrakning(50_000_00, 20_000_03),
      prognossakerhet: PROGNOSSAKERHET,
      mal: MAL,
      rollupAvvikelse: (kod) => (kod === 'SN' ? -12_00 : kod === 'KN' ? 0 : undefined),
    });
    expect(oversikt.resultat.steg).toEqual([
      { kod: 'SN', namn: 'Socialnämnden', beloppOre: -12_00 },
      { kod: 'MN', namn: 'Miljönämnden', beloppOre: 9_95 },
    ]);
    expect(oversikt.resultat.ovrigtOre).toBe(20_000_03 - 50_000_00 + 12_00 - 9_95);
  });
});
