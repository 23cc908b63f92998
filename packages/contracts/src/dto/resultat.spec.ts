import { describe, expect, it } from 'vitest';

import { FINANSRADER, kravsKalla, RESULTAT_TILLFALLEN, saknadeKallor } from './resultat.js';

describe('which finance lines name their source', () => {
  const kraver = RESULTAT_TILLFALLEN.flatMap((tillfalle) =>
    FINANSRADER.filter(({ kod }) => kravsKalla(tillfalle, kod)).map(({ kod }) => `${tillfalle} ${kod}`),
  );

  it('a round’s forecast of skatteintäkter and generella statsbidrag, nothing else', () => {
    expect(kraver).toEqual([
      'april skatteintakter',
      'april generella-statsbidrag',
      'augusti skatteintakter',
      'augusti generella-statsbidrag',
    ]);
  });

  it.each([
    [
      'both named',
      'augusti',
      [
        { rad: 'skatteintakter', kalla: 'SKR 2026-08-21' },
        { rad: 'generella-statsbidrag', kalla: 'SKR' },
      ],
      [],
    ],
    ['a blank source is none', 'april', [{ rad: 'pensioner' }, { rad: 'generella-statsbidrag', kalla: '  ' }], ['rader[1].kalla']],
    [
      'every line without',
      'augusti',
      [{ rad: 'skatteintakter' }, { rad: 'generella-statsbidrag', kalla: '' }],
      ['rader[0].kalla', 'rader[1].kalla'],
    ],
    ['KF’s budget needs none', 'budget', [{ rad: 'skatteintakter' }], []],
    ['nor the bokslut', 'bokslut', [{ rad: 'generella-statsbidrag', kalla: '' }], []],
  ] as const)('%s', (_, tillfalle, rader, falt) => {
    expect(saknadeKallor(tillfalle, rader).map((fel) => fel.field)).toEqual(falt);
  });
});
