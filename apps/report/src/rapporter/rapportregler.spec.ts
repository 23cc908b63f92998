import { describe, expect, it } from 'vitest';

import { lasbaraStatusar, provaFaststallning, provaLasning } from './rapportregler.js';

const UTKAST = { status: 'utkast' } as const;
const FASTSTALLD = { status: 'faststalld' } as const;

describe('who reads which report', () => {
  it.each([
    ['the ekonomidirektör lists drafts and fixed reports', true, ['utkast', 'faststalld']],
    ['everyone else lists the fixed reports only', false, ['faststalld']],
  ])('%s', (_, arEkonomidirektor, statusar) => {
    expect(lasbaraStatusar(arEkonomidirektor)).toEqual(statusar);
  });

  it.each([
    ['the ekonomidirektör reads a draft', UTKAST, true, null],
    ['the ekonomidirektör reads a fixed report', FASTSTALLD, true, null],
    ['the ekonomidirektör is told a report does not exist', null, true, 404],
    ['a council member reads a fixed report', FASTSTALLD, false, null],
    ['a council member cannot read a draft', UTKAST, false, 403],
    ['a council member is refused a report that does not exist exactly as a draft', null, false, 403],
  ] as const)('%s', (_, rapport, arEkonomidirektor, status) => {
    const provat = provaLasning('r1', rapport, arEkonomidirektor);
    expect(provat.ok ? null : provat.hinder.status).toBe(status);
  });
});

describe('fixing a report', () => {
  it.each([
    ['a draft can be fixed', UTKAST, null],
    ['a fixed report cannot be fixed again: it never changes', FASTSTALLD, 409],
    ['a report that does not exist is not found', null, 404],
  ] as const)('%s', (_, rapport, status) => {
    const provat = provaFaststallning('r1', rapport);
    expect(provat.ok ? null : provat.hinder.status).toBe(status);
  });
});
