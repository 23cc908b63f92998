import type { OrganisationNode } from '@tertial/contracts/organisation';
import { describe, expect, it } from 'vitest';

import { egenNamnd } from './egen-namnd.js';

const nod = (kod: string, niva: OrganisationNode['niva'], foralderKod: string | null): OrganisationNode => ({
  kod,
  namn: kod,
  niva,
  foralderKod,
  chef: null,
  giltigFran: '2026-01-01',
});

const stad = [
  nod('HBG', 'stad', null),
  nod('SN', 'namnd', 'HBG'),
  nod('SN-F', 'forvaltning', 'SN'),
  nod('SN-A1', 'avdelning', 'SN-F'),
  nod('16101', 'enhet', 'SN-A1'),
  nod('VON', 'namnd', 'HBG'),
  nod('VON-F', 'forvaltning', 'VON'),
];

describe('the nämnd a person works in', () => {
  it('is the parent of a förvaltningsekonom’s förvaltning', () => {
    expect(egenNamnd(stad, ['SN-F'])).toBe('SN');
  });

  it('is found from an ansvar deep below', () => {
    expect(egenNamnd(stad, ['16101'])).toBe('SN');
  });

  it('is a processledare’s nämnd itself', () => {
    expect(egenNamnd(stad, ['VON'])).toBe('VON');
  });

  it('skips codes the tree does not know', () => {
    expect(egenNamnd(stad, ['X-99', 'VON-F'])).toBe('VON');
  });

  it('is none for someone who answers for nothing in particular', () => {
    expect(egenNamnd(stad, [])).toBeUndefined();
  });
});
