import type { InvesteringsprojektDto, InvesteringssammanstallningDto } from '@tertial/contracts/dto';
import { describe, expect, it } from 'vitest';

import { beskrivInvesteringsdiagram, hallbarhetsbedomning, MOTIV, namndensSummering, planensAr, projektrader } from './investeringar.js';

const MNKR = 100_000_000;

const PROJEKT: InvesteringsprojektDto[] = [
  {
    id: 'SBN-P002',
    namn: 'Cykelväg Öster',
    namnd: 'SBN',
    motiv: 'T',
    hallbarhet: { social: 'positiv', miljomassig: 'positiv', ekonomisk: 'negativ' },
    ar: [
      { ar: 2027, budgetOre: 10 * MNKR, utfallOre: null, prognosOre: null },
      { ar: 2028, budgetOre: 8 * MNKR },
    ],
  },
  {
    id: 'SBN-P001',
    namn: 'Bro Västra',
    namnd: 'SBN',
    motiv: null,
    hallbarhet: null,
    ar: [{ ar: 2026, budgetOre: 2 * MNKR, utfallOre: 1 * MNKR }],
  },
];

const summa = (budget: number, prognos = budget, utfall = 0) => ({
  budgetOre: budget * MNKR,
  prognosOre: prognos * MNKR,
  utfallOre: utfall * MNKR,
  avvikelseOre: (budget - prognos) * MNKR,
  utanPrognos: 0,
});

const SAMMANSTALLNING: InvesteringssammanstallningDto = {
  forstaAr: 2026,
  sistaAr: 2032,
  namnder: [
    {
      namnd: 'SBN',
      ar: [
        { ar: 2026, ...summa(2, 3, 1) },
        { ar: 2027, ...summa(10) },
        { ar: 2028, ...summa(8) },
      ],
      totalt: summa(20, 21, 1),
    },
  ],
  projekt: [],
  stad: { ar: [], totalt: summa(20, 21, 1) },
};

describe('the plan', () => {
  it('runs seven years from the first', () => {
    expect(planensAr(SAMMANSTALLNING)).toEqual([2026, 2027, 2028, 2029, 2030, 2031, 2032]);
  });

  it('has one row per project, by name, its budget laid out over the years', () => {
    const rader = projektrader(PROJEKT, planensAr(SAMMANSTALLNING));
    expect(rader.map((rad) => rad.id)).toEqual(['SBN-P001', 'SBN-P002']);
    expect(rader[1]?.budgetPerAr).toEqual([null, 10 * MNKR, 8 * MNKR, null, null, null, null]);
    expect(rader[1]?.totaltOre).toBe(18 * MNKR);
    expect(rader[0]?.motiv).toBeNull();
  });

  it('finds the nämnd in the summary', () => {
    expect(namndensSummering(SAMMANSTALLNING, 'SBN')?.totalt.budgetOre).toBe(20 * MNKR);
    expect(namndensSummering({ ...SAMMANSTALLNING, namnder: [] }, 'SBN')).toBeNull();
  });
});

describe('motives and assessments', () => {
  it('name all seven motives', () => {
    expect(Object.entries(MOTIV)).toEqual([
      ['A', 'Attraktiv stad'],
      ['E', 'Klimat- och energiplan'],
      ['K', 'Kostnadsbesparande'],
      ['L', 'Lagstiftning'],
      ['M', 'Miljöeffekter'],
      ['U', 'Underhåll'],
      ['T', 'Tillväxt'],
    ]);
  });

  it('read an assessment aspect by aspect, an unassessed aspect as null', () => {
    expect(hallbarhetsbedomning({ social: 'positiv', ekonomisk: 'negativ' })).toEqual([
      { aspekt: 'Social', paverkan: 'positiv' },
      { aspekt: 'Miljömässig', paverkan: null },
      { aspekt: 'Ekonomisk', paverkan: 'negativ' },
    ]);
  });

  it('count an empty assessment as none', () => {
    expect(hallbarhetsbedomning(null)).toBeNull();
    expect(hallbarhetsbedomning({})).toBeNull();
  });
});

describe("the chart's accessible description", () => {
  it('gives the totals and the largest year, units in words', () => {
    const summering = namndensSummering(SAMMANSTALLNING, 'SBN');
    if (!summering) throw new Error('summering saknas');
    expect(beskrivInvesteringsdiagram(summering, 'Stadsbyggnadsnämnden').replaceAll('\u00a0', ' ')).toBe(
      'Stapeldiagram över investeringar per år för Stadsbyggnadsnämnden 2026–2028: budget, prognos och utfall.' +
        ' Totalt budget 20,0 miljoner kronor, prognos 21,0 miljoner kronor, utfall 1,0 miljoner kronor.' +
        ' Störst budget 2027: 10,0 miljoner kronor. Samma siffror finns i tabellen under diagrammet.',
    );
  });
});
