import { describe, expect, it } from 'vitest';

import { lasbaraVersioner, provaAndring, provaFaststallande, provaGranskning, provaLasning, provaNyVersion } from './dokumentregler.js';

const UTKAST = { status: 'utkast', version: 2 } as const;
const GRANSKNING = { status: 'granskning', version: 2 } as const;
const FASTSTALLD = { status: 'faststalld', version: 1 } as const;

describe('who reads which version', () => {
  it.each([
    ['the ekonomidirektör reads every version', ['ekonomidirektor'], ['utkast', 'granskning', 'faststalld']],
    ['stadsrevisionen reads the drafts put up for audit and the fixed versions', ['stadsrevisionen'], ['granskning', 'faststalld']],
    ['a council member reads the fixed versions only', ['fullmaktige'], ['faststalld']],
  ] as const)('%s', (_, roller, statusar) => {
    expect(lasbaraVersioner(roller)).toEqual(statusar);
  });

  it.each([
    ['a council member is refused a draft', UTKAST, ['fullmaktige'], 403],
    ['a council member is refused a draft under audit', GRANSKNING, ['fullmaktige'], 403],
    ['a council member reads a fixed version', FASTSTALLD, ['fullmaktige'], null],
    ['stadsrevisionen reads a draft under audit', GRANSKNING, ['stadsrevisionen'], null],
    ['stadsrevisionen is refused a draft not put up for audit', UTKAST, ['stadsrevisionen'], 403],
    ['stadsrevisionen is refused a version that does not exist as a draft', null, ['stadsrevisionen'], 403],
    ['the ekonomidirektör is told a version does not exist', null, ['ekonomidirektor'], 404],
  ] as const)('%s', (_, version, roller, status) => {
    const provat = provaLasning('delarsrapport-augusti', 2026, 2, version, roller);
    expect(provat.ok ? null : provat.hinder.status).toBe(status);
  });
});

describe('changing a version', () => {
  it.each([
    ['a draft’s text can be edited', UTKAST, null],
    ['a draft under audit can still be corrected', GRANSKNING, null],
    ['a fixed version never changes', FASTSTALLD, 409],
    ['a version that does not exist is not found', null, 404],
  ] as const)('%s', (_, version, status) => {
    const provat = provaAndring('arsredovisning', 2026, 1, version);
    expect(provat.ok ? null : provat.hinder.status).toBe(status);
  });

  it.each([
    ['the first version of a report', [], null],
    ['a correction beside the fixed version', [FASTSTALLD], null],
    ['not a second draft while one is open', [FASTSTALLD, UTKAST], 409],
  ] as const)('%s', (_, versioner, status) => {
    expect(provaNyVersion('delarsrapport-april', 2026, versioner)?.status ?? null).toBe(status);
  });

  it('only the delårsrapport augusti and the årsredovisning go to stadsrevisionen', () => {
    expect(provaGranskning('delarsrapport-april')?.status).toBe(422);
    expect(provaGranskning('delarsrapport-augusti')).toBeNull();
    expect(provaGranskning('arsredovisning')).toBeNull();
  });

  it.each([
    ['the delårsrapport augusti is not fixed before it was put up for audit', 'delarsrapport-augusti', UTKAST, 409],
    ['the årsredovisning is not fixed before it was put up for audit', 'arsredovisning', UTKAST, 409],
    ['the delårsrapport augusti is fixed after audit', 'delarsrapport-augusti', GRANSKNING, null],
    ['the årsredovisning is fixed after audit', 'arsredovisning', GRANSKNING, null],
    ['the delårsrapport april, which is not audited, is fixed from its draft', 'delarsrapport-april', UTKAST, null],
  ] as const)('%s', (_, rapport, version, status) => {
    const hinder = provaFaststallande(rapport, 2026, version);
    expect(hinder?.status ?? null).toBe(status);
    if (hinder && 'fel' in hinder) expect(hinder.fel).toEqual([{ field: 'version', message: 'inte lämnad till granskning' }]);
  });
});
