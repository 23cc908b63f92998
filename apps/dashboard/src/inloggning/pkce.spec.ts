import { describe, expect, it } from 'vitest';

import { base64url, franBase64url } from './base64url.js';
import { kodutmaning, slumpstrang } from './pkce.js';

describe('PKCE', () => {
  it('derives the S256 challenge of RFC 7636’s own example', async () => {
    expect(await kodutmaning('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes a verifier of 43 base64url characters, different every time', () => {
    const verifierare = Array.from({ length: 20 }, () => slumpstrang());
    for (const v of verifierare) expect(v).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(verifierare).size).toBe(20);
  });
});

describe('base64url', () => {
  it('leaves out padding and uses - and _ where base64 has + and /', () => {
    expect(base64url(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('-_-_');
    expect(base64url(new Uint8Array([1]))).toBe('AQ');
  });

  it('decodes UTF-8 text, å, ä and ö included', () => {
    expect(franBase64url(base64url(new TextEncoder().encode('Åsa Öberg-Ängström')))).toBe('Åsa Öberg-Ängström');
  });
});
