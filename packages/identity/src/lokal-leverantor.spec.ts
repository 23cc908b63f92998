import { createHash } from 'node:crypto';

import { CLI_CLIENT_ID, TERTIAL_API_AUDIENCE, TERTIAL_SCOPE } from '@tertial/contracts/access';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { demoAnvandare, hittaDemoAnvandare } from './demo-anvandare.js';
import { arLokalLeverantor, hamtaDiscovery, hamtaToken } from './hamta-token.js';
import { hastighetsgrans } from './hastighetsgrans.js';
import { CLI_REDIRECT_URI, MAX_ANVANDAR_ID, skapaSigneringsnyckel, startaLokalLeverantor } from './lokal-leverantor.js';

describe('the local demo provider', () => {
  let leverantor: Awaited<ReturnType<typeof startaLokalLeverantor>>;
  beforeAll(async () => {
    leverantor = await startaLokalLeverantor({
      path: '/oidc',
      redirectUris: ['http://127.0.0.1:1/inloggning/klar'],
      inloggningarPerMinut: 5,
    });
  });
  afterAll(() => leverantor.close());

  it('gives the ekonomidirektör a signed access token for Tertial’s API with her role, organisation and name', async () => {
    const { accessToken, expiresAt } = await hamtaToken({ issuer: leverantor.issuer, anvandare: 'ekonomidirektor' });
    const discovery = await hamtaDiscovery(leverantor.issuer);
    const { payload, protectedHeader } = await jwtVerify(accessToken, createRemoteJWKSet(new URL(discovery.jwks_uri)), {
      issuer: leverantor.issuer,
      audience: TERTIAL_API_AUDIENCE,
    });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({ sub: 'ekonomidirektor', roles: ['ekonomidirektor'], tertial_org: [], name: 'Margareta Holm' });
    expect(expiresAt - Date.now()).toBeGreaterThan(59 * 60 * 1000);
  });

  it('signs with the key it is given, so a provider started again with it accepts the tokens handed out before', async () => {
    const signingKey = await skapaSigneringsnyckel();
    const redirectUris = ['http://127.0.0.1:1/inloggning/klar'];
    const [forsta, omstartad] = await Promise.all([
      startaLokalLeverantor({ path: '/oidc', redirectUris, signingKey }),
      startaLokalLeverantor({ path: '/oidc', redirectUris, signingKey }),
    ]);
    try {
      const { accessToken } = await hamtaToken({ issuer: forsta.issuer, anvandare: 'ekonomidirektor' });
      const jwks = createRemoteJWKSet(new URL((await hamtaDiscovery(omstartad.issuer)).jwks_uri));
      const { payload } = await jwtVerify(accessToken, jwks, { issuer: forsta.issuer, audience: TERTIAL_API_AUDIENCE });
      expect(payload.sub).toBe('ekonomidirektor');
    } finally {
      await Promise.all([forsta.close(), omstartad.close()]);
    }
  });

  it('lets any chef of the demo city sign in, with their ansvar as organisation', async () => {
    const chef = demoAnvandare().find((anvandare) => anvandare.beskrivning.startsWith('Enhetschef'))!;
    const { accessToken } = await hamtaToken({ issuer: leverantor.issuer, anvandare: chef.id });
    const { payload } = await jwtVerify(accessToken, createRemoteJWKSet(new URL((await hamtaDiscovery(leverantor.issuer)).jwks_uri)), {
      issuer: leverantor.issuer,
      audience: TERTIAL_API_AUDIENCE,
    });
    expect(payload).toMatchObject({ roles: ['chef'], tertial_org: chef.org, name: chef.namn });
  });

  it('says in its discovery document that it is the demo provider', async () => {
    expect(await arLokalLeverantor(leverantor.issuer)).toBe(true);
    expect(await arLokalLeverantor('http://127.0.0.1:1/oidc')).toBe(false);
  });

  it('refuses a user who is not a demo user, on the sign-in page', async () => {
    await expect(hamtaToken({ issuer: leverantor.issuer, anvandare: 'mallory' })).rejects.toThrow(
      /ingen demoanvändare med användar-id ”mallory”/,
    );
  });

  it('answers 429 in Swedish when one address signs in as one user too often', async () => {
    const lev = await startaLokalLeverantor({ redirectUris: [], inloggningarPerMinut: 2 });
    try {
      await hamtaToken({ issuer: lev.issuer, anvandare: 'kf-ledamot' });
      await hamtaToken({ issuer: lev.issuer, anvandare: 'kf-ledamot' });
      await expect(hamtaToken({ issuer: lev.issuer, anvandare: 'kf-ledamot' })).rejects.toThrow(/\(429\): För många inloggningsförsök/);
      await hamtaToken({ issuer: lev.issuer, anvandare: 'ekonomidirektor' });
    } finally {
      await lev.close();
    }
  });

  it('answers 429 when one address signs in too often, whoever it signs in as', async () => {
    const lev = await startaLokalLeverantor({ redirectUris: [], inloggningarPerMinutPerAdress: 2 });
    try {
      await hamtaToken({ issuer: lev.issuer, anvandare: 'kf-ledamot' });
      await hamtaToken({ issuer: lev.issuer, anvandare: 'ekonomidirektor' });
      await expect(hamtaToken({ issuer: lev.issuer, anvandare: 'ekonom-sn' })).rejects.toThrow(/\(429\): För många inloggningsförsök/);
    } finally {
      await lev.close();
    }
  });

  it('refuses an overlong user id', async () => {
    await expect(hamtaToken({ issuer: leverantor.issuer, anvandare: 'x'.repeat(MAX_ANVANDAR_ID + 1) })).rejects.toThrow(
      /\(400\): .*högst 100 tecken/,
    );
  });

  it('does not redeem a code without the verifier of its challenge', async () => {
    const discovery = await hamtaDiscovery(leverantor.issuer);
    const code = await koden(leverantor.issuer, 'ratt-verifierare-som-ar-minst-43-tecken-lang-0000');
    const token = await fetch(discovery.token_endpoint, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: CLI_REDIRECT_URI,
        client_id: CLI_CLIENT_ID,
        code_verifier: 'fel-verifierare-som-ocksa-ar-minst-43-tecken-lang-111',
      }),
    });
    expect(token.status).toBe(400);
    expect(await token.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('does not start a sign-in without PKCE', async () => {
    const discovery = await hamtaDiscovery(leverantor.issuer);
    const url = new URL(discovery.authorization_endpoint);
    url.search = new URLSearchParams({
      client_id: CLI_CLIENT_ID,
      redirect_uri: CLI_REDIRECT_URI,
      response_type: 'code',
      scope: TERTIAL_SCOPE,
    }).toString();
    const response = await fetch(url, { redirect: 'manual' });
    expect(new URL(response.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');
  });

  it('knows every chef of the demo city, and the listed handful covers every role', () => {
    expect(new Set(demoAnvandare().map((anvandare) => anvandare.roll))).toEqual(
      new Set(['chef', 'forvaltningsekonom', 'processledare', 'ekonomidirektor', 'fullmaktige', 'stadsrevisionen', 'bolagsekonom']),
    );
    expect(hittaDemoAnvandare('ekonomidirektor')?.org).toEqual([]);
    expect(hittaDemoAnvandare('mallory')).toBeUndefined();
  });
});

/** A code for the ekonomidirektör, got like hamtaToken does but with a challenge of our own. */
async function koden(issuer: string, verifier: string): Promise<string> {
  const discovery = await hamtaDiscovery(issuer);
  const cookies = new Map<string, string>();
  const hamta = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as object), cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [par = ''] = cookie.split(';');
      const [namn = '', ...varde] = par.split('=');
      cookies.set(namn, varde.join('='));
    }
    return response;
  };
  const auth = new URL(discovery.authorization_endpoint);
  auth.search = new URLSearchParams({
    client_id: CLI_CLIENT_ID,
    redirect_uri: CLI_REDIRECT_URI,
    response_type: 'code',
    scope: TERTIAL_SCOPE,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  let response = await hamta(auth.href);
  let location = new URL(response.headers.get('location')!, auth).href;
  response = await hamta(location, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'anvandare=ekonomidirektor',
  });
  for (let i = 0; i < 5 && !location.startsWith(CLI_REDIRECT_URI); i++) {
    location = new URL(response.headers.get('location')!, location).href;
    if (!location.startsWith(CLI_REDIRECT_URI)) response = await hamta(location);
  }
  return new URL(location).searchParams.get('code')!;
}

describe('the sign-in rate limit', () => {
  it('forgets quiet keys and never holds more than its maximum', () => {
    const grans = hastighetsgrans({ antal: 2, fonsterMs: 1000, maxNycklar: 3 });
    for (let i = 0; i < 10; i++) expect(grans.forsok(`adress-${i}`, 0).tillatet).toBe(true);
    expect(grans.storlek).toBe(3);
    expect(grans.forsok('adress-9', 1).tillatet).toBe(true);
    expect(grans.forsok('adress-9', 2)).toEqual({ tillatet: false, vantaSekunder: 1 });
    grans.forsok('ny', 5000);
    expect(grans.storlek).toBe(1);
  });
});
