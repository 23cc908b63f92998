import type { OrganisationNiva, OrganisationNode } from '@tertial/contracts/organisation';
import { describe, expect, it } from 'vitest';

import {
  byggTrad,
  delaVidTraff,
  namnderI,
  sokITradet,
  synligaBarn,
  synligaNoder,
  tangenthandling,
  type Organisationstrad,
  type Tradnod,
} from './organisationstrad.js';

function nod(kod: string, namn: string, niva: OrganisationNiva, foralderKod: string | null, chef?: string): OrganisationNode {
  return {
    kod,
    namn,
    niva,
    foralderKod,
    chef: chef ? { anvandarId: chef.toLowerCase().replace(' ', '.'), namn: chef } : null,
    giltigFran: '2026-01-01',
  };
}

/** A small city: two nämnder, one with two avdelningar, five ansvar and four chefer. */
const STAD = [
  nod('VON-A2', 'Hemtjänst', 'avdelning', 'VON-F'),
  nod('1283', 'Helsingborgs stad', 'stad', null),
  nod('VON', 'Vård- och omsorgsnämnden', 'namnd', '1283'),
  nod('VON-F', 'Vård- och omsorgsförvaltningen', 'forvaltning', 'VON'),
  nod('VON-A1', 'Särskilt boende', 'avdelning', 'VON-F'),
  nod('14110', 'Vårdboende Öster 10', 'enhet', 'VON-A1', 'Anna Berg'),
  nod('14102', 'Vårdboende Öster 2', 'enhet', 'VON-A1', 'Anna Berg'),
  nod('14201', 'Hemtjänst Norr', 'enhet', 'VON-A2', 'Erik Lind'),
  nod('KN', 'Kulturnämnden', 'namnd', '1283'),
  nod('KN-F', 'Kulturförvaltningen', 'forvaltning', 'KN'),
  nod('KN-A1', 'Bibliotek', 'avdelning', 'KN-F'),
  nod('16101', 'Stadsbiblioteket', 'enhet', 'KN-A1', 'Åsa Ek'),
  nod('16102', 'Ödåkra bibliotek', 'enhet', 'KN-A1', 'Olle Holm'),
];

function koder(noder: readonly Tradnod[]): string[] {
  return noder.map((n) => n.kod);
}

function hamta(trad: Organisationstrad, kod: string): Tradnod {
  const hittad = trad.noder.get(kod);
  if (!hittad) throw new Error(`${kod} saknas i trädet`);
  return hittad;
}

describe('building the tree from the flat list', () => {
  const trad = byggTrad(STAD);

  it('hangs every node under its parent, the city at the root', () => {
    expect(koder(trad.rotter)).toEqual(['1283']);
    expect(hamta(trad, '14201').foralder?.kod).toBe('VON-A2');
    expect(hamta(trad, '14201').djup).toBe(5);
  });

  it('sorts children by name as Swedes do: numbers by value, å ä ö after z', () => {
    expect(koder(hamta(trad, '1283').barn)).toEqual(['KN', 'VON']);
    expect(koder(hamta(trad, 'VON-A1').barn)).toEqual(['14102', '14110']);
    expect(koder(hamta(trad, 'KN-A1').barn)).toEqual(['16101', '16102']);
  });

  it('counts the ansvar under every node', () => {
    expect(hamta(trad, '1283').antalAnsvar).toBe(5);
    expect(hamta(trad, 'VON').antalAnsvar).toBe(3);
    expect(hamta(trad, 'VON-A2').antalAnsvar).toBe(1);
    expect(hamta(trad, '14201').antalAnsvar).toBe(1);
    expect(trad.antalAnsvar).toBe(5);
  });

  it('counts nämnder and different chefer', () => {
    expect(trad.antalNamnder).toBe(2);
    expect(trad.antalChefer).toBe(4);
  });

  it('keeps a node whose parent is missing, as a root of its own', () => {
    const utanForalder = byggTrad([...STAD, nod('99901', 'Projektenhet', 'enhet', 'FINNS-INTE', 'Per Ek')]);
    expect(koder(utanForalder.rotter)).toEqual(['1283', '99901']);
  });

  it('keeps the nodes of a cycle instead of losing them', () => {
    const cykel = byggTrad([nod('A', 'Avdelning A', 'avdelning', 'B'), nod('B', 'Avdelning B', 'avdelning', 'A')]);
    expect(cykel.noder.size).toBe(2);
    expect(cykel.rotter).toHaveLength(1);
  });

  it('builds a city of 3,300 nodes quickly', () => {
    const stor: OrganisationNode[] = [nod('1283', 'Helsingborgs stad', 'stad', null)];
    for (let n = 1; n <= 15; n += 1) {
      stor.push(nod(`N${n}`, `Nämnd ${n}`, 'namnd', '1283'), nod(`N${n}-F`, `Förvaltning ${n}`, 'forvaltning', `N${n}`));
      for (let a = 1; a <= 4; a += 1) {
        stor.push(nod(`N${n}-A${a}`, `Avdelning ${a}`, 'avdelning', `N${n}-F`));
        for (let e = 1; e <= 50; e += 1)
          stor.push(nod(`${n}${a}${String(e).padStart(3, '0')}`, `Enhet ${e}`, 'enhet', `N${n}-A${a}`, `Chef ${n}-${a}-${e % 7}`));
      }
    }
    const start = performance.now();
    const trad = byggTrad(stor);
    const sok = sokITradet(trad, 'enhet 1');
    expect(performance.now() - start).toBeLessThan(500);
    expect(trad.antalAnsvar).toBe(3000);
    expect(sok?.antalTraffar).toBe(15 * 4 * 11);
    expect(sok?.traffar.size).toBe(100);
  });
});

describe('the nämnder to choose between', () => {
  it('are the nämnd nodes, by name', () => {
    expect(namnderI(STAD)).toEqual([
      { kod: 'KN', namn: 'Kulturnämnden' },
      { kod: 'VON', namn: 'Vård- och omsorgsnämnden' },
    ]);
  });
});

describe('searching the tree', () => {
  const trad = byggTrad(STAD);

  it('finds by name, ignoring case and surrounding spaces, and opens the way to each hit', () => {
    const sok = sokITradet(trad, '  HEMTJÄNST ');
    expect([...(sok?.traffar ?? [])]).toEqual(['VON-A2', '14201']);
    expect([...(sok?.pavag ?? [])].sort()).toEqual(['1283', 'VON', 'VON-A2', 'VON-F']);
  });

  it('finds an ansvar by the start of its code', () => {
    expect([...(sokITradet(trad, '1411')?.traffar ?? [])]).toEqual(['14110']);
    expect(sokITradet(trad, '110')?.antalTraffar).toBe(0);
  });

  it('finds the ansvar of a chef', () => {
    expect([...(sokITradet(trad, 'anna')?.traffar ?? [])]).toEqual(['14102', '14110']);
  });

  it('shows only the children on the way to a hit', () => {
    const sok = sokITradet(trad, 'norr');
    expect(koder(synligaBarn(hamta(trad, 'VON-F'), sok))).toEqual(['VON-A2']);
    expect(koder(synligaBarn(hamta(trad, '1283'), sok))).toEqual(['VON']);
  });

  it('shows all children of a hit that is not on the way to another one', () => {
    const sok = sokITradet(trad, 'bibliotek');
    expect(sok?.pavag.has('KN-A1')).toBe(true);
    const sokAvdelning = sokITradet(trad, 'särskilt');
    expect(koder(synligaBarn(hamta(trad, 'VON-A1'), sokAvdelning))).toEqual(['14102', '14110']);
  });

  it('stops listing at the cap but counts every hit', () => {
    const sok = sokITradet(trad, 'vård', 2);
    expect(sok?.antalTraffar).toBe(4);
    expect(sok?.traffar.size).toBe(2);
  });

  it('is no search when empty', () => {
    expect(sokITradet(trad, '   ')).toBeNull();
  });

  it('marks the first match in a name', () => {
    expect(delaVidTraff('Vårdboende Öster 2', 'öster')).toEqual({ fore: 'Vårdboende ', traff: 'Öster', efter: ' 2' });
    expect(delaVidTraff('Hemtjänst', 'norr')).toBeNull();
  });
});

describe('the rows on screen', () => {
  const trad = byggTrad(STAD);

  it('are the open nodes and their children, top to bottom', () => {
    expect(koder(synligaNoder(trad, new Set(['1283', 'VON']), null))).toEqual(['1283', 'KN', 'VON', 'VON-F']);
  });

  it('during a search follow the paths to the hits', () => {
    const sok = sokITradet(trad, 'norr');
    expect(koder(synligaNoder(trad, sok?.pavag ?? new Set(), sok))).toEqual(['1283', 'VON', 'VON-F', 'VON-A2', '14201']);
  });
});

describe('the keyboard in the tree', () => {
  const trad = byggTrad(STAD);
  const oppna = new Set(['1283', 'VON', 'VON-F']);
  const synliga = synligaNoder(trad, oppna, null);
  const tangent = (namn: string, kod: string) => tangenthandling(namn, hamta(trad, kod), synliga, oppna, null);

  it.each([
    { tangent: 'ArrowDown', fran: 'KN', handling: { typ: 'fokus', kod: 'VON' } },
    { tangent: 'ArrowDown', fran: 'VON-A1', handling: undefined },
    { tangent: 'ArrowUp', fran: 'KN', handling: { typ: 'fokus', kod: '1283' } },
    { tangent: 'ArrowUp', fran: '1283', handling: undefined },
    { tangent: 'ArrowRight', fran: 'KN', handling: { typ: 'oppna', kod: 'KN' } },
    { tangent: 'ArrowRight', fran: 'VON', handling: { typ: 'fokus', kod: 'VON-F' } },
    { tangent: 'ArrowLeft', fran: 'VON', handling: { typ: 'stang', kod: 'VON' } },
    { tangent: 'ArrowLeft', fran: 'VON-A1', handling: { typ: 'fokus', kod: 'VON-F' } },
    { tangent: 'ArrowLeft', fran: '1283', handling: { typ: 'stang', kod: '1283' } },
    { tangent: 'Home', fran: 'VON-A2', handling: { typ: 'fokus', kod: '1283' } },
    { tangent: 'End', fran: 'KN', handling: { typ: 'fokus', kod: 'VON-A1' } },
    { tangent: 'Enter', fran: 'KN', handling: { typ: 'oppna', kod: 'KN' } },
    { tangent: ' ', fran: 'VON', handling: { typ: 'stang', kod: 'VON' } },
    { tangent: 'h', fran: '1283', handling: { typ: 'fokus', kod: 'VON-A2' } },
    { tangent: 'V', fran: 'VON', handling: { typ: 'fokus', kod: 'VON-F' } },
    { tangent: 'Tab', fran: 'KN', handling: undefined },
  ])('$tangent on $fran: $handling.typ $handling.kod', ({ tangent: namn, fran, handling }) => {
    expect(tangent(namn, fran)).toEqual(handling);
  });

  it('does not open a leaf', () => {
    const allaOppna = new Set(trad.noder.keys());
    const allaSynliga = synligaNoder(trad, allaOppna, null);
    expect(tangenthandling('ArrowRight', hamta(trad, '14201'), allaSynliga, allaOppna, null)).toBeUndefined();
    expect(tangenthandling('Enter', hamta(trad, '14201'), allaSynliga, allaOppna, null)).toBeUndefined();
  });
});
