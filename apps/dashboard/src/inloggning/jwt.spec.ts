import { describe, expect, it } from 'vitest';

import { anvandareFran, lasClaims } from './jwt.js';
import { testtoken } from './testtoken.js';

describe('reading a token’s claims', () => {
  it('reads the payload of a JWT', () => {
    expect(lasClaims(testtoken({ sub: 'u1', exp: 1_800_000_000 }))).toEqual({ sub: 'u1', exp: 1_800_000_000 });
  });

  it.each(['opaque-token', 'a.!!!.c', `a.${btoa('[1,2]')}.c`, ''])('finds no claims in %j', (token) => {
    expect(lasClaims(token)).toBeUndefined();
  });
});

describe('the signed-in user', () => {
  it('takes name, the roles Tertial knows and the organisation from the access token', () => {
    const claims = lasClaims(testtoken({ name: 'Åsa Öberg', roles: ['chef', 'admin'], tertial_org: ['14105'] }))!;
    expect(anvandareFran(claims)).toEqual({ namn: 'Åsa Öberg', roller: ['chef'], organisation: ['14105'] });
  });

  it('accepts a single role given as a string', () => {
    expect(anvandareFran({ roles: 'ekonomidirektor' }).roller).toEqual(['ekonomidirektor']);
  });

  it('falls back to the ID token’s name when the access token has none', () => {
    expect(anvandareFran({ sub: 'x' }, { name: 'Bo Ek' }).namn).toBe('Bo Ek');
  });

  it('has no roles and no organisation when the token says nothing', () => {
    expect(anvandareFran({})).toEqual({ namn: 'Okänd användare', roller: [], organisation: [] });
  });
});
