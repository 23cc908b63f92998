import { describe, expect, it } from 'vitest';

import { okandaNamnder } from './budgetbeslut.js';

const NAMNDER = new Set(['SN', 'VON', 'KS']);

describe('KF decides frames only for the nämnder of the organisation', () => {
  it.each([
    ['a KF decision on known nämnder is taken', 'kf-beslut', ['SN', 'VON'], null],
    ['a tilläggsbudget for a known nämnd is taken', 'tillaggsbudget', ['KS'], null],
    ['a decision naming no nämnd at all has nothing unknown', 'kf-beslut', [], null],
    ['a frame for a förvaltning is refused at its place', 'kf-beslut', ['SN', 'SN-F'], ['ramar[1].namnd']],
    ['every unknown nämnd of a tilläggsbudget is named', 'tillaggsbudget', ['X', 'SN', 'Y'], ['andringar[0].namnd', 'andringar[2].namnd']],
  ] as const)('%s', (_, typ, namnder, falt) => {
    const hinder = okandaNamnder(
      typ,
      namnder.map((namnd) => ({ namnd })),
      NAMNDER,
    );
    expect(hinder && hinder.status === 422 ? hinder.fel.map((fel) => fel.field) : null).toEqual(falt);
  });

  it('says which kods are not nämnder', () => {
    expect(okandaNamnder('kf-beslut', [{ namnd: 'X' }, { namnd: 'Y' }], NAMNDER)).toMatchObject({
      status: 422,
      title: 'Okänd nämnd',
      detail: 'X, Y finns inte i organisationen.',
    });
  });
});
