import { describe, expect, it } from 'vitest';

import { hinderForBolagsprognos } from './bolagsprognosregler.js';

describe('when a company may save its forecast', () => {
  it.each([
    ['april, before the round is opened', 'april', undefined, null],
    ['augusti, while the round is open', 'augusti', 'oppen', null],
    ['augusti, once the round is closed', 'augusti', 'stangd', 409],
    ['a månadsprognos in maj', 'maj', 'oppen', 422],
  ] as const)('%s', (_namn, tillfalle, status, vantat) => {
    const hinder = hinderForBolagsprognos(tillfalle, status);
    expect(hinder?.status ?? null).toBe(vantat);
    if (hinder && hinder.status !== 403) expect(hinder.fel).toEqual([{ field: 'tillfalle', message: expect.any(String) }]);
  });
});
