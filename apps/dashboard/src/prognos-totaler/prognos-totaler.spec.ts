import type { PrognosTotaler } from '@tertial/contracts/dto';
import { describe, expect, it } from 'vitest';

import { arTom, beskrivDiagram, prognosensSiffror, sorteraEfterNettokostnad, type NamndTotal } from './prognos-totaler.js';

function namnd(kod: string, namn: string, nettokostnadOre: number, antalLamnade = 1): NamndTotal {
  return {
    kod,
    namn,
    intakterOre: 0,
    kostnaderOre: nettokostnadOre,
    nettokostnadOre,
    antalLamnade,
    antalAnsvar: 10,
    budgetOre: null,
    utfallOre: null,
    avvikelseOre: null,
    helarsprognosOre: null,
  };
}

function totaler(namnder: NamndTotal[]): PrognosTotaler {
  const nettokostnadOre = namnder.reduce((summa, rad) => summa + rad.nettokostnadOre, 0);
  const antalLamnade = namnder.reduce((summa, rad) => summa + rad.antalLamnade, 0);
  return {
    ar: 2026,
    tillfalle: 'augusti',
    stad: {
      kod: 'HBG',
      namn: 'Helsingborgs stad',
      intakterOre: 0,
      kostnaderOre: nettokostnadOre,
      nettokostnadOre,
      antalLamnade,
      antalAnsvar: 10 * namnder.length,
      budgetOre: null,
      utfallOre: null,
      avvikelseOre: null,
      helarsprognosOre: null,
    },
    namnder,
    utfallTillManad: null,
    senastUppdaterad: namnder.length > 0 ? '2026-09-14T10:00:00+02:00' : null,
  };
}

const skola = namnd('SKOL', 'Skol- och fritidsnämnden', 250_000_000_000);
const vard = namnd('VON', 'Vård- och omsorgsnämnden', 310_000_000_000);
const miljo = namnd('MIN', 'Miljönämnden', 2_500_000_000);
const fastighet = namnd('FAN', 'Fastighetsnämnden', -4_000_000_000);

describe('the order of the nämnder', () => {
  it('puts the largest nettokostnad first and a net income last', () => {
    expect(sorteraEfterNettokostnad([miljo, fastighet, vard, skola]).map((rad) => rad.kod)).toEqual(['VON', 'SKOL', 'MIN', 'FAN']);
  });

  it('orders equal amounts by name', () => {
    const a = namnd('A', 'Arbetsmarknadsnämnden', 100);
    const o = namnd('O', 'Överförmyndarnämnden', 100);
    expect(sorteraEfterNettokostnad([o, a]).map((rad) => rad.kod)).toEqual(['A', 'O']);
  });
});

describe('an empty report', () => {
  it('is one where no ansvar has submitted a forecast yet', () => {
    expect(arTom(totaler([]))).toBe(true);
    expect(arTom(totaler([namnd('MIN', 'Miljönämnden', 0, 0)]))).toBe(true);
  });

  it('is not one with a single submitted forecast', () => {
    expect(arTom(totaler([miljo]))).toBe(false);
  });
});

describe("the chart's accessible description", () => {
  it('names the three largest nämnder and the city total with units spoken in full', () => {
    expect(beskrivDiagram(totaler([miljo, fastighet, vard, skola])).replaceAll('\u00a0', ' ')).toBe(
      'Stapeldiagram över nettokostnad per nämnd: budget, helårsprognos och utfall hittills. Helårsprognos augusti 2026, 4 nämnder.' +
        ' Störst: Vård- och omsorgsnämnden 3 100,0 miljoner kronor, Skol- och fritidsnämnden 2 500,0 miljoner kronor,' +
        ' Miljönämnden 25,0 miljoner kronor. Staden totalt 5 585,0 miljoner kronor.' +
        ' Samma siffror finns i tabellen ovanför diagrammet.',
    );
  });

  it('speaks of one nämnd in the singular', () => {
    expect(beskrivDiagram(totaler([miljo]))).toContain('1 nämnd.');
  });
});

describe('the forecast’s own figures', () => {
  it('are unknown, not zero, where no ansvar has submitted a forecast', () => {
    expect(prognosensSiffror({ ...namnd('VON', 'Vård- och omsorgsnämnden', 0, 0), avvikelseOre: 5_000 })).toEqual({
      intakterOre: null,
      kostnaderOre: null,
      nettokostnadOre: null,
      avvikelseOre: null,
    });
  });

  it('are the sums as they stand once one has, zero included', () => {
    expect(prognosensSiffror({ ...namnd('VON', 'Vård- och omsorgsnämnden', 0, 1), avvikelseOre: 5_000 })).toEqual({
      intakterOre: 0,
      kostnaderOre: 0,
      nettokostnadOre: 0,
      avvikelseOre: 5_000,
    });
  });
});
