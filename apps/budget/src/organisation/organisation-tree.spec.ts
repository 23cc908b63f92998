import type { OrganisationNode } from '@tertial/contracts/organisation';
import { describe, expect, it } from 'vitest';

import { demoStad } from '@tertial/demo-city';
import { parentsFirst, valideraOrganisation } from './organisation-tree.js';

const node = (kod: string, niva: OrganisationNode['niva'], foralderKod: string | null, chef = niva === 'enhet'): OrganisationNode => ({
  kod,
  namn: kod,
  niva,
  foralderKod,
  chef: chef ? { anvandarId: `chef.${kod}`, namn: `Chef ${kod}` } : null,
  giltigFran: '2026-01-01',
});

describe('the organisation tree', () => {
  it('the demo city is one sound tree', () => {
    expect(valideraOrganisation(demoStad().organisation)).toEqual([]);
  });

  it.each([
    ['a parent that does not exist', [node('1', 'stad', null), node('SN', 'namnd', 'X')], 'SN: föräldern X finns inte'],
    ['a level skipped', [node('1', 'stad', null), node('41230', 'enhet', '1')], '41230: en enhet kan inte ligga under en stad'],
    [
      'an ansvar without chef',
      [
        node('1', 'stad', null),
        node('SN', 'namnd', '1'),
        node('F', 'forvaltning', 'SN'),
        node('A', 'avdelning', 'F'),
        node('41230', 'enhet', 'A', false),
      ],
      '41230: ett ansvar ska ha en ansvarig chef',
    ],
    ['two roots', [node('1', 'stad', null), node('2', 'stad', null)], 'trädet ska ha exakt en rot, staden'],
    [
      'a code used twice',
      [node('1', 'stad', null), node('SN', 'namnd', '1'), node('SN', 'namnd', '1')],
      'SN: koden förekommer mer än en gång',
    ],
  ])('refuses %s', (_, nodes, problem) => {
    expect(valideraOrganisation(nodes)).toContain(problem);
  });

  it('orders parents before their children', () => {
    const ordered = parentsFirst([...demoStad().organisation].reverse());
    const seen = new Set<string>();
    for (const n of ordered) {
      if (n.foralderKod) expect(seen.has(n.foralderKod)).toBe(true);
      seen.add(n.kod);
    }
  });
});
