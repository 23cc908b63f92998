import type { MaluppfyllelseAntal, MaluppfyllelseOversikt } from '@tertial/contracts/dto';
import { describe, expect, it } from 'vitest';

import { antalFor, malText, malUppfoljningFor } from './malantal.js';

const antal = (delar: Partial<MaluppfyllelseAntal>): MaluppfyllelseAntal => {
  const alla = { uppfyllt: 0, 'delvis-uppfyllt': 0, 'ej-uppfyllt': 0, 'ej-matt': 0, ejBeslutade: 0, ...delar };
  return { ...alla, totalt: alla.uppfyllt + alla['delvis-uppfyllt'] + alla['ej-uppfyllt'] + alla['ej-matt'] + alla.ejBeslutade };
};

describe('the roll-up’s goal column', () => {
  it('reads a forecast round beside the goal follow-up of the same name, or the latest before a monthly round', () => {
    expect(malUppfoljningFor('april')).toBe('april');
    expect(malUppfoljningFor('augusti')).toBe('augusti');
    expect(['maj', 'juni', 'juli'].map((manad) => malUppfoljningFor(manad as 'maj'))).toEqual(['april', 'april', 'april']);
    expect(['september', 'oktober', 'november'].map((manad) => malUppfoljningFor(manad as 'oktober'))).toEqual([
      'augusti',
      'augusti',
      'augusti',
    ]);
    expect(malUppfoljningFor('februari')).toBeNull();
    expect(malUppfoljningFor('mars')).toBeNull();
  });

  it('finds the city’s counts at its node and a nämnd’s at its own, none below a nämnd', () => {
    const kn = antal({ uppfyllt: 2, 'ej-matt': 1 });
    const stad = antal({ uppfyllt: 9, 'delvis-uppfyllt': 3 });
    const oversikt = {
      ar: 2026,
      tillfalle: 'augusti',
      stad,
      namnder: [{ kod: 'KN', namn: 'Kulturnämnden', agartyp: 'namnd', antal: kn, ekonomi: null }],
      senastUppdaterad: null,
    } satisfies MaluppfyllelseOversikt;
    expect(antalFor(oversikt, 'HBG', 'stad')).toBe(stad);
    expect(antalFor(oversikt, 'KN', 'namnd')).toBe(kn);
    expect(antalFor(oversikt, 'SN', 'namnd')).toBeUndefined();
    expect(antalFor(oversikt, 'KN1', 'forvaltning')).toBeUndefined();
    expect(antalFor({ ...oversikt, stad: null }, 'HBG', 'stad')).toBeUndefined();
    expect(antalFor(undefined, 'KN', 'namnd')).toBeUndefined();
  });

  it('says every color with its count in words, and the mål not yet decided', () => {
    expect(malText(antal({ uppfyllt: 1, 'ej-uppfyllt': 2, ejBeslutade: 1 }))).toBe('4 mål: 1 uppfyllt, 2 ej uppfyllt, 1 ej bedömt');
    expect(malText(antal({ 'delvis-uppfyllt': 1 }))).toBe('1 mål: 1 delvis uppfyllt');
    expect(malText(antal({}))).toBe('0 mål');
  });
});
