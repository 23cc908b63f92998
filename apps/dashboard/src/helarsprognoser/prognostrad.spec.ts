import type { HelarsprognosDto } from '@tertial/contracts/dto';
import type { OrganisationNode } from '@tertial/contracts/organisation';
import { describe, expect, it } from 'vitest';

import type { Ansvar, Ansvarsrad } from './helarsprognoser.js';
import { prognostrad, type Prognosrad } from './prognostrad.js';

const KR = 100;

function nod(kod: string, niva: OrganisationNode['niva'], foralderKod: string | null): OrganisationNode {
  return { kod, namn: `Namn ${kod}`, niva, foralderKod, chef: null, giltigFran: '2020-01-01' };
}

const organisation = [
  nod('1283', 'stad', null),
  nod('SN', 'namnd', '1283'),
  nod('SN-F', 'forvaltning', 'SN'),
  nod('SN-A1', 'avdelning', 'SN-F'),
  nod('SN-A2', 'avdelning', 'SN-F'),
];

function rad(kod: string, foralderKod: string, prognos?: Pick<HelarsprognosDto, 'nettokostnadOre' | 'status'>): Ansvarsrad {
  const ansvar: Ansvar = { ...nod(kod, 'enhet', foralderKod), eget: false };
  return { ansvar, prognos: prognos as HelarsprognosDto | undefined };
}

const rader = [
  rad('101', 'SN-A1', { nettokostnadOre: 1100 * KR, status: 'klarmarkerad' }),
  rad('102', 'SN-A1', { nettokostnadOre: 400 * KR, status: 'godkand' }),
  rad('201', 'SN-A2'),
];
const budget = new Map([
  ['101', 1000 * KR],
  ['102', 500 * KR],
  ['201', 300 * KR],
]);

const sammanfattning = (rader: Prognosrad[]) => rader.map((rad) => [rad.kod, rad.budgetOre, rad.prognosOre, rad.avvikelseOre]);

describe("a förvaltningsekonom's forecasts, grouped", () => {
  const trad = prognostrad(rader, organisation, budget);

  it('starts at the first level where the rows part, not at the city, nämnd and förvaltning all rows share', () => {
    expect(trad.map((rad) => rad.kod)).toEqual(['SN-A1', 'SN-A2']);
  });

  it('sums budget and prognos per avdelning, with avvikelse only when every ansvar has both', () => {
    expect(sammanfattning(trad)).toEqual([
      ['SN-A1', 1500 * KR, 1500 * KR, 0],
      ['SN-A2', 300 * KR, null, null],
    ]);
  });

  it('gives each ansvar its own budget, prognos and avvikelse = budget − prognos', () => {
    const forsta = trad[0]!;
    expect(forsta.typ === 'grupp' ? sammanfattning(forsta.underrader) : []).toEqual([
      ['101', 1000 * KR, 1100 * KR, -100 * KR],
      ['102', 500 * KR, 400 * KR, 100 * KR],
    ]);
  });

  it('counts the forecasts per status in each group', () => {
    expect(trad.map((rad) => (rad.typ === 'grupp' ? [rad.antalAnsvar, rad.antal] : null))).toEqual([
      [2, { utkast: 0, klarmarkerad: 1, godkand: 1, aterskickad: 0, saknas: 0 }],
      [1, { utkast: 0, klarmarkerad: 0, godkand: 0, aterskickad: 0, saknas: 1 }],
    ]);
  });

  it('shows no budget where the reader may not see it, and keeps an ansvar of unknown place at the top, beside the tree', () => {
    const utan = prognostrad([...rader, rad('999', 'OKAND')], organisation, new Map());
    expect(sammanfattning(utan)).toEqual([
      ['999', null, null, null],
      ['1283', null, 1500 * KR, null],
    ]);
  });
});
