import type { OrganisationNode } from '@tertial/contracts/organisation';
import { describe, expect, it } from 'vitest';

import { summeraPerNamnd } from './summera-per-namnd.js';

const node = (kod: string, niva: OrganisationNode['niva'], foralderKod: string | null, namn = kod): OrganisationNode => ({
  kod,
  namn,
  niva,
  foralderKod,
  chef: null,
  giltigFran: '2026-01-01',
});

const TREE: OrganisationNode[] = [
  node('1283', 'stad', null, 'Helsingborgs stad'),
  node('SN', 'namnd', '1283', 'Socialnämnden'),
  node('SN-F', 'forvaltning', 'SN'),
  node('SN-A1', 'avdelning', 'SN-F'),
  node('41210', 'enhet', 'SN-A1'),
  node('41230', 'enhet', 'SN-A1'),
  node('KS', 'namnd', '1283', 'Kommunstyrelsen'),
  node('KS-F', 'forvaltning', 'KS'),
  node('KS-A1', 'avdelning', 'KS-F'),
  node('11010', 'enhet', 'KS-A1'),
];

const prognos = (ansvar: string, intakterOre: number, kostnaderOre: number) => ({
  ansvar,
  intakterOre,
  kostnaderOre,
  nettokostnadOre: kostnaderOre - intakterOre,
});

describe('summeraPerNamnd: forecasts rolled up to nämnd and city', () => {
  it('lists every nämnd, also those without forecasts, sorted by name', () => {
    const totaler = summeraPerNamnd(TREE, []);
    expect(totaler.namnder.map((n) => [n.kod, n.nettokostnadOre, n.antalLamnade, n.antalAnsvar])).toEqual([
      ['KS', 0, 0, 1],
      ['SN', 0, 0, 2],
    ]);
    expect(totaler.stad).toMatchObject({ kod: '1283', namn: 'Helsingborgs stad', nettokostnadOre: 0, antalAnsvar: 3 });
  });

  it('sums each ansvar into its nämnd and the nämnder into the city, to the öre', () => {
    const totaler = summeraPerNamnd(TREE, [
      prognos('41210', 100_00, 1_000_01),
      prognos('41230', 0, 2_000_02),
      prognos('11010', 5_00, 7_77),
    ]);
    const sn = totaler.namnder.find((n) => n.kod === 'SN');
    expect(sn).toMatchObject({ intakterOre: 100_00, kostnaderOre: 3_000_03, nettokostnadOre: 2_900_03, antalLamnade: 2, antalAnsvar: 2 });
    expect(totaler.stad).toMatchObject({ intakterOre: 105_00, kostnaderOre: 3_007_80, nettokostnadOre: 2_902_80, antalLamnade: 3 });
    const summaNamnder = totaler.namnder.reduce((sum, n) => sum + n.nettokostnadOre, 0);
    expect(summaNamnder).toBe(totaler.stad.nettokostnadOre);
  });

  it('leaves out a forecast for an ansvar the tree does not know yet', () => {
    const totaler = summeraPerNamnd(TREE, [prognos('99999', 0, 1_000_00), prognos('11010', 0, 1_00)]);
    expect(totaler.stad.nettokostnadOre).toBe(1_00);
  });

  it('puts each nämnd’s frame and net utfall beside its forecast; without ansvar budgets, the deviation once every ansvar has one', () => {
    const jamforelse = {
      ramPerNamnd: new Map([
        ['SN', 3_000_00],
        ['KS', 10_00],
      ]),
      utfallPerAnsvar: new Map([
        ['41210', 1_234_56],
        ['11010', 3_00],
        ['99999', 1],
      ]),
    };
    const delvis = summeraPerNamnd(TREE, [prognos('41210', 0, 1_500_00), prognos('11010', 0, 12_34)], jamforelse);
    expect(delvis.namnder.find((n) => n.kod === 'SN')).toMatchObject({ budgetOre: 3_000_00, utfallOre: 1_234_56, avvikelseOre: null });
    expect(delvis.namnder.find((n) => n.kod === 'KS')).toMatchObject({ budgetOre: 10_00, utfallOre: 3_00, avvikelseOre: 10_00 - 12_34 });
    // The city's is its nämnders' added up: SN's is not known yet.
    expect(delvis.stad).toMatchObject({ budgetOre: 3_010_00, utfallOre: 1_237_56, avvikelseOre: 10_00 - 12_34 });

    const alla = summeraPerNamnd(
      TREE,
      [prognos('41210', 0, 1_500_00), prognos('41230', 0, 1_000_00), prognos('11010', 0, 12_34)],
      jamforelse,
    );
    expect(alla.namnder.find((n) => n.kod === 'SN')?.avvikelseOre).toBe(500_00);
    expect(alla.stad.avvikelseOre).toBe(3_010_00 - 2_512_34);
  });

  // SN's frame holds 500,00 more than its ansvar's budgets: not distributed, so counted as spent, like an ansvar
  // without a forecast. 41210's budget is 1 000,00, 41230's 2 000,00, KS's one ansvar's 10,00.
  const medAnsvarsbudget = {
    ramPerNamnd: new Map([
      ['SN', 3_500_00],
      ['KS', 10_00],
    ]),
    utfallPerAnsvar: new Map<string, number>(),
    budgetPerAnsvar: new Map([
      ['41210', 1_000_00],
      ['41230', 2_000_00],
      ['11010', 10_00],
    ]),
  };
  it.each([
    { fall: 'no forecast yet', prognoser: [], SN: null, KS: null, stad: null },
    {
      fall: 'one of SN’s two ansvar: 1 000,00 − 1 500,00; KS 10,00 − 12,34',
      prognoser: [prognos('41210', 0, 1_500_00), prognos('11010', 0, 12_34)],
      SN: -500_00,
      KS: -2_34,
      stad: -502_34,
    },
    {
      fall: 'every ansvar: 1 000,00 − 999,99 and 2 000,00 − 1 999,00; KS on budget',
      prognoser: [prognos('41210', 0, 999_99), prognos('41230', 1_00, 2_000_00), prognos('11010', 0, 10_00)],
      SN: 1_01,
      KS: 0,
      stad: 1_01,
    },
  ])('with ansvar budgets, the deviation is the roll-up’s, each forecast against its ansvar’s budget: $fall', (fall) => {
    const totaler = summeraPerNamnd(TREE, fall.prognoser, medAnsvarsbudget);
    const avvikelse = (kod: string) => totaler.namnder.find((n) => n.kod === kod)?.avvikelseOre;
    expect(avvikelse('SN')).toBe(fall.SN);
    expect(avvikelse('KS')).toBe(fall.KS);
    expect(totaler.stad.avvikelseOre).toBe(fall.stad);
  });

  it('says null, not zero, for a budget or utfall it has not heard of', () => {
    const totaler = summeraPerNamnd(TREE, []);
    expect(totaler.stad).toMatchObject({ budgetOre: null, utfallOre: null, avvikelseOre: null });
  });
});
