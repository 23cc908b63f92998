import { describe, expect, it } from 'vitest';

import { investeringsfel, investeringsunderlag, personalunderlag, type AgtProjekt } from './personal-och-investeringar.js';

const projekt: AgtProjekt[] = [
  { id: 'SBN-P002', ansvar: '20101', namn: 'Lekplats Dalhem', ar: [{ ar: 2026, budgetOre: 2_000_000_00, utfallOre: null }] },
  {
    id: 'SBN-P001',
    ansvar: '20101',
    namn: 'Cykelväg Tågaborg',
    ar: [
      { ar: 2026, budgetOre: 5_000_000_00, utfallOre: 1_250_000_00 },
      { ar: 2027, budgetOre: 1_000_000_00 },
    ],
  },
  { id: 'SBN-P003', ansvar: '20101', namn: 'Bro Öresund', ar: [{ ar: 2028, budgetOre: 9_000_000_00 }] },
];

describe('investeringsfel', () => {
  const agare = new Map([
    ['SBN-P001', { ansvar: '20101' }],
    ['SBN-P004', { ansvar: '20102' }],
    ['SBN-P005', { ansvar: null }],
  ]);
  it.each([
    { fall: 'its own project', rader: [{ projekt: 'SBN-P001' }], fel: [] },
    {
      fall: 'an unknown project',
      rader: [{ projekt: 'SBN-P001' }, { projekt: 'X-1' }],
      fel: [{ field: 'investeringar.1.projekt', message: 'okänt investeringsprojekt X-1' }],
    },
    {
      fall: "another ansvar's project",
      rader: [{ projekt: 'SBN-P004' }],
      fel: [{ field: 'investeringar.0.projekt', message: 'projektet SBN-P004 hör inte till ansvaret 20101' }],
    },
    {
      fall: 'a project without owner',
      rader: [{ projekt: 'SBN-P005' }],
      fel: [{ field: 'investeringar.0.projekt', message: 'projektet SBN-P005 hör inte till ansvaret 20101' }],
    },
    { fall: 'no lines', rader: [], fel: [] },
  ])('$fall', ({ rader, fel }) => {
    expect(investeringsfel('20101', rader, agare)).toEqual(fel);
  });
});

describe('investeringsunderlag', () => {
  it('lists the projects with a budget in the year, by id, with both rounds and the deviation', () => {
    expect(
      investeringsunderlag(
        2026,
        projekt,
        [{ projekt: 'SBN-P001', prognosOre: 4_000_000_00 }],
        [{ projekt: 'SBN-P001', prognosOre: 5_600_000_00 }],
      ),
    ).toEqual([
      {
        projekt: 'SBN-P001',
        namn: 'Cykelväg Tågaborg',
        budgetOre: 5_000_000_00,
        utfallOre: 1_250_000_00,
        foregaendePrognosOre: 4_000_000_00,
        prognosOre: 5_600_000_00,
        avvikelseOre: -600_000_00,
      },
      {
        projekt: 'SBN-P002',
        namn: 'Lekplats Dalhem',
        budgetOre: 2_000_000_00,
        utfallOre: null,
        foregaendePrognosOre: null,
        prognosOre: null,
        avvikelseOre: null,
      },
    ]);
  });

  it('has nothing for a year without projects', () => {
    expect(investeringsunderlag(2030, projekt, null, null)).toEqual([]);
  });
});

describe('personalunderlag', () => {
  it.each([
    {
      fall: 'nothing known',
      budget: null,
      foregaende: null,
      aktuell: null,
      vantat: { budget: null, foregaendePrognos: null, nu: null, prognos: null },
    },
    {
      fall: 'every figure, as årsarbetare',
      budget: 125,
      foregaende: { nuTiondelar: 120, prognosTiondelar: 118 },
      aktuell: { nuTiondelar: 121, prognosTiondelar: 0 },
      vantat: { budget: 12.5, foregaendePrognos: 11.8, nu: 12.1, prognos: 0 },
    },
  ])('$fall', ({ budget, foregaende, aktuell, vantat }) => {
    expect(personalunderlag(budget, foregaende, aktuell)).toEqual(vantat);
  });
});
