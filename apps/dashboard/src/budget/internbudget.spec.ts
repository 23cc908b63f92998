import type { InternbudgetDto, NodbudgetDto } from '@tertial/contracts/dto';
import { describe, expect, it } from 'vitest';

import { internbudgetrader, internbudgettrad, type Internbudgetnod } from './internbudget.js';

function nod(kod: string, namn: string, niva: NodbudgetDto['niva'], foralderKod: string | null, nettokostnadOre = 0): NodbudgetDto {
  return { kod, namn, niva, foralderKod, intakterOre: 0, kostnaderOre: nettokostnadOre, nettokostnadOre, kontogrupper: [] };
}

const INTERNBUDGET: InternbudgetDto = {
  namnd: 'VON',
  ramOre: 1_000,
  fordelatOre: 900,
  ofordelatOre: 100,
  // Parents first, as the budget service sends them, but not in the order of the table.
  noder: [
    nod('VON', 'Vård- och omsorgsnämnden', 'namnd', '1283', 900),
    nod('VON-F', 'Vård- och omsorgsförvaltningen', 'forvaltning', 'VON', 900),
    nod('VON-A2', 'Särskilt boende', 'avdelning', 'VON-F', 600),
    nod('VON-A1', 'Hemtjänst', 'avdelning', 'VON-F', 300),
    nod('14202', 'Vårdboende Öster', 'enhet', 'VON-A2', 600),
    nod('14101', 'Hemtjänst Norr', 'enhet', 'VON-A1', 300),
  ],
};

describe('the rows of the internbudget table', () => {
  it('run from the nämnd down through förvaltning and avdelningar, siblings by name, indented by level', () => {
    expect(internbudgetrader(INTERNBUDGET, { medEnheter: false }).map((rad) => [rad.nod.kod, rad.djup])).toEqual([
      ['VON', 0],
      ['VON-F', 1],
      ['VON-A1', 2],
      ['VON-A2', 2],
    ]);
  });

  it('put each enhet under its avdelning when asked for', () => {
    expect(internbudgetrader(INTERNBUDGET, { medEnheter: true }).map((rad) => [rad.nod.kod, rad.djup])).toEqual([
      ['VON', 0],
      ['VON-F', 1],
      ['VON-A1', 2],
      ['14101', 3],
      ['VON-A2', 2],
      ['14202', 3],
    ]);
  });

  it('keep a node whose parent is missing, at the top level', () => {
    const utanForvaltning = { ...INTERNBUDGET, noder: INTERNBUDGET.noder.filter((n) => n.kod !== 'VON-F') };
    expect(internbudgetrader(utanForvaltning, { medEnheter: false }).map((rad) => [rad.nod.kod, rad.djup])).toEqual([
      ['VON', 0],
      ['VON-A1', 0],
      ['VON-A2', 0],
    ]);
  });
});

describe('the internbudget as a tree that expands', () => {
  const koder = (noder: readonly Internbudgetnod[]): unknown[] =>
    noder.map((post) => (post.barn.length > 0 ? [post.nod.kod, koder(post.barn)] : post.nod.kod));

  it('starts at the förvaltningar, the nämnd being the total, with avdelningar and their enheter beneath', () => {
    expect(koder(internbudgettrad(INTERNBUDGET))).toEqual([
      [
        'VON-F',
        [
          ['VON-A1', ['14101']],
          ['VON-A2', ['14202']],
        ],
      ],
    ]);
  });

  it('keeps a node whose parent is missing at the top', () => {
    const utanForvaltning = { ...INTERNBUDGET, noder: INTERNBUDGET.noder.filter((nod) => nod.kod !== 'VON-F') };
    expect(koder(internbudgettrad(utanForvaltning))).toEqual([
      ['VON-A1', ['14101']],
      ['VON-A2', ['14202']],
    ]);
  });
});
