import { describe, expect, it } from 'vitest';

import {
  arOppnatIgen,
  hinderForAndringIOmgang,
  hinderForAteroppning,
  hinderForForlangning,
  hinderForStangning,
  provaOppning,
  type Omgang,
} from './omgangsregler.js';

const NU = new Date('2026-09-10T12:00:00Z');
const OMGANG: Omgang = {
  ar: 2026,
  tillfalle: 'augusti',
  typ: 'ordinarie',
  status: 'oppen',
  deadline: new Date('2026-09-15T14:00:00Z'),
  namnder: null,
  stangdAt: null,
};
const STANGD: Omgang = { ...OMGANG, status: 'stangd', stangdAt: new Date('2026-09-16T08:00:00Z') };

describe('opening a round', () => {
  const kandaNamnder = new Set(['SN', 'VON', 'BUN']);
  it.each([
    ['augusti is an ordinary round for every nämnd', 'augusti', undefined, { ok: true, typ: 'ordinarie', namnder: null }],
    ['a månadsprognos is for the nämnder chosen', 'oktober', ['VON', 'SN'], { ok: true, typ: 'manadsprognos', namnder: ['SN', 'VON'] }],
  ] as const)('%s', (_, tillfalle, namnder, vantat) => {
    expect(provaOppning({ tillfalle, deadline: OMGANG.deadline, namnder, kandaNamnder, nu: NU })).toEqual(vantat);
  });

  it.each([
    ['a deadline already passed', 'augusti', undefined, new Date('2026-09-01T00:00:00Z'), 'deadline'],
    ['an ordinary round limited to some nämnder', 'april', ['SN'], OMGANG.deadline, 'namnder'],
    ['a månadsprognos with no nämnd', 'juni', undefined, OMGANG.deadline, 'namnder'],
    ['a månadsprognos for an unknown nämnd', 'juni', ['XX'], OMGANG.deadline, 'namnder'],
  ] as const)('refuses %s', (_, tillfalle, namnder, deadline, falt) => {
    const provat = provaOppning({ tillfalle, deadline, namnder, kandaNamnder, nu: NU });
    expect(provat.ok ? null : provat.hinder).toMatchObject({ status: 400, fel: [{ field: falt }] });
  });
});

describe('extending a round', () => {
  it.each([
    ['a later deadline extends an open round', OMGANG, '2026-09-20T14:00:00Z', null],
    ['an earlier deadline is no extension', OMGANG, '2026-09-14T14:00:00Z', 400],
    ['a closed round is not extended', STANGD, '2026-09-20T14:00:00Z', 409],
  ] as const)('%s', (_, omgang, deadline, status) => {
    expect(hinderForForlangning(omgang, new Date(deadline), NU)?.status ?? null).toBe(status);
  });
});

describe('whether a forecast may change in its round', () => {
  const forandring = { avChef: true, namnd: 'SN', ateroppnadAt: null, nu: NU };
  it.each([
    ['a chef saves while the round is open before its deadline', OMGANG, {}, null],
    ['a chef cannot save after the deadline', OMGANG, { nu: new Date('2026-09-15T14:00:01Z') }, 'Deadline har passerat'],
    [
      'the förvaltningsekonom decides after the deadline while the round is open',
      OMGANG,
      { avChef: false, nu: new Date('2026-09-18T00:00:00Z') },
      null,
    ],
    ['nobody changes a forecast after the round closes', STANGD, {}, 'Prognosomgången är inte öppen'],
    ['nor the förvaltningsekonom', STANGD, { avChef: false }, 'Prognosomgången är inte öppen'],
    ['an ansvar reopened after the close may change', STANGD, { ateroppnadAt: new Date('2026-09-17T00:00:00Z') }, null],
    [
      'a reopening before the latest close no longer counts',
      STANGD,
      { ateroppnadAt: new Date('2026-09-12T00:00:00Z') },
      'Prognosomgången är inte öppen',
    ],
    ['a round never opened takes nothing', null, {}, 'Prognosomgången är inte öppen'],
    ['a månadsprognos takes its nämnder’s ansvar', { ...OMGANG, typ: 'manadsprognos', namnder: ['SN'] }, {}, null],
    [
      'a månadsprognos refuses other nämnders ansvar',
      { ...OMGANG, typ: 'manadsprognos', namnder: ['VON'] },
      {},
      'Ansvaret ingår inte i omgången',
    ],
  ] as const)('%s', (_, omgang, andrat, titel) => {
    const hinder = hinderForAndringIOmgang(omgang, 2026, 'augusti', { ...forandring, ...andrat });
    expect(hinder && hinder.status !== 403 ? hinder.title : hinder).toBe(titel);
  });

  it.each([
    ['an ansvar reopened after the close is open again', STANGD, new Date('2026-09-17T00:00:00Z'), true],
    ['an ansvar reopened the instant the round closed is open again', STANGD, STANGD.stangdAt, true],
    ['an ansvar reopened before the latest close is locked again', STANGD, new Date('2026-09-12T00:00:00Z'), false],
    ['an ansvar never reopened stays locked', STANGD, null, false],
    ['an open round has no ansvar open again', OMGANG, new Date('2026-09-17T00:00:00Z'), false],
  ] as const)('%s', (_, omgang, ateroppnadAt, svar) => {
    expect(arOppnatIgen(omgang, ateroppnadAt)).toBe(svar);
  });

  it.each([
    ['a closed round can have an ansvar reopened', STANGD, null],
    ['an open round needs no reopening', OMGANG, 409],
    ['a round never opened has nothing to reopen', null, 409],
  ] as const)('%s', (_, omgang, status) => {
    expect(hinderForAteroppning(omgang, 2026, 'augusti')?.status ?? null).toBe(status);
  });
});

describe('closing a round', () => {
  it.each([
    { namn: 'an open round closes', omgang: OMGANG, svar: null },
    { namn: 'a closed round is not closed again (409 naming tillfalle)', omgang: STANGD, svar: 409 },
  ])('$namn', ({ omgang, svar }) => {
    const hinder = hinderForStangning(omgang);
    expect(hinder?.status ?? null).toBe(svar);
    if (hinder) expect(hinder).toMatchObject({ fel: [{ field: 'tillfalle' }] });
  });
});
