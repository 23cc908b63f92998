import type { Roll } from '@tertial/contracts/access';
import type { OrganisationNode } from '@tertial/contracts/organisation';
import { describe, expect, it } from 'vitest';

import { Omfang } from './omfang.js';
import type { Principal } from './principal.js';

const nod = (kod: string, niva: OrganisationNode['niva'], foralderKod: string | null, chef?: string): OrganisationNode => ({
  kod,
  namn: kod,
  niva,
  foralderKod,
  chef: chef ? { anvandarId: chef, namn: chef } : null,
  giltigFran: '2020-01-01',
});
const TRAD = [
  nod('1283', 'stad', null),
  nod('SN', 'namnd', '1283'),
  nod('SN-F', 'forvaltning', 'SN'),
  nod('SN-A1', 'avdelning', 'SN-F'),
  nod('16101', 'enhet', 'SN-A1', 'mirela'),
  nod('16102', 'enhet', 'SN-A1', 'mirela'),
  nod('16103', 'enhet', 'SN-A1', 'anna'),
  nod('SN-A2', 'avdelning', 'SN-F'),
  nod('16201', 'enhet', 'SN-A2', 'bo'),
  nod('VON', 'namnd', '1283'),
  nod('VON-F', 'forvaltning', 'VON'),
  nod('VON-A1', 'avdelning', 'VON-F'),
  nod('15101', 'enhet', 'VON-A1', 'nils'),
];
const vem = (id: string, roll: Roll, org: string[] = []): Principal => ({
  id,
  namn: id,
  roller: [roll],
  org,
  utgarMs: Date.now() + 60_000,
});

describe('Omfang: what a person sees and may change, from the organisation tree', () => {
  it('a chef sees and owns the ansvar the organisation names them chef of, and nothing else', () => {
    const omfang = Omfang.for(vem('mirela', 'chef'), TRAD);
    expect(omfang.synligaAnsvar()).toEqual(new Set(['16101', '16102']));
    expect([omfang.arEget('16101'), omfang.arEget('16103'), omfang.arEget('15101')]).toEqual([true, false, false]);
    expect(omfang.ser('16103')).toBe(false);
    expect(() => omfang.kravSer('15101')).toThrow();
  });

  it('a chef higher up sees everything below their node but owns none of it', () => {
    const omfang = Omfang.for(vem('avd', 'chef', ['SN-A1']), TRAD);
    expect(omfang.synligaAnsvar()).toEqual(new Set(['16101', '16102', '16103']));
    expect(omfang.arEget('16101')).toBe(false);
    expect([omfang.serDelAv('SN'), omfang.serDelAv('VON'), omfang.ser('SN')]).toEqual([true, false, false]);
  });

  it('a förvaltningsekonom sees the whole förvaltning and its nämnd, not another nämnd', () => {
    const omfang = Omfang.for(vem('ekonom', 'forvaltningsekonom', ['SN-F']), TRAD);
    expect(omfang.synligaAnsvar()).toEqual(new Set(['16101', '16102', '16103', '16201']));
    expect(() => omfang.kravNamnd('SN')).not.toThrow();
    expect(() => omfang.kravNamnd('VON')).toThrow();
    expect(() => omfang.kravNamnd('1283')).toThrow();
    expect(() => omfang.kravNamnd('SN-A1')).toThrow();
  });

  it('the ekonomidirektör sees everything; a token that names no node sees nothing', () => {
    const alla = Omfang.for(vem('ed', 'ekonomidirektor'), TRAD);
    expect([alla.alla, alla.synligaAnsvar(), alla.ser('15101')]).toEqual([true, undefined, true]);
    const ingen = Omfang.for(vem('kf', 'fullmaktige'), TRAD);
    expect([ingen.synligaAnsvar()?.size, ingen.serDelAv('1283')]).toEqual([0, false]);
    const okand = Omfang.for(vem('x', 'forvaltningsekonom', ['FINNS-INTE']), TRAD);
    expect(okand.synligaAnsvar()?.size).toBe(0);
  });
});
