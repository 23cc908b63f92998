import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadServiceConfig } from '../config/service-config.js';
import { ProblemException } from '../http/problem.js';
import { TokenVerifier } from './token-verifier.js';

// A real issuer on a loopback port: its discovery document and its keys, as any provider publishes them.
let server: http.Server;
let issuer: string;
let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let publicJwk: JWK;
let jwksUri: (issuer: string) => string = (iss) => `${iss}/jwks`;

beforeAll(async () => {
  const keys = await generateKeyPair('RS256', { extractable: true });
  privateKey = keys.privateKey;
  publicJwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  server = http.createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    if (request.url === '/oidc/.well-known/openid-configuration') response.end(JSON.stringify({ issuer, jwks_uri: jwksUri(issuer) }));
    else if (request.url === '/oidc/jwks') response.end(JSON.stringify({ keys: [publicJwk] }));
    else response.writeHead(404).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oidc`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const verifier = () => new TokenVerifier(loadServiceConfig('forecast', { TERTIAL_OIDC_ISSUER: issuer }));

function token(
  claims: Record<string, unknown> = {},
  {
    typ = 'at+jwt',
    exp = '5m',
    aud = 'urn:tertial:api',
    iss = issuer,
  }: { typ?: string; exp?: string | null; aud?: string; iss?: string } = {},
) {
  let jwt = new SignJWT({ roles: ['chef', 'okand-roll'], tertial_org: ['16101'], name: 'Mirela Lindberg', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1', typ })
    .setIssuer(iss)
    .setAudience(aud)
    .setSubject('mirela.lindberg')
    .setIssuedAt();
  if (exp) jwt = jwt.setExpirationTime(exp);
  return jwt.sign(privateKey);
}

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof ProblemException) return error.getStatus();
    throw error;
  }
}

describe('TokenVerifier against the issuer’s published keys', () => {
  it('reads the person from a valid access token, keeping only the roles it knows', async () => {
    expect(await verifier().verifiera(await token())).toMatchObject({
      id: 'mirela.lindberg',
      namn: 'Mirela Lindberg',
      roller: ['chef'],
      org: ['16101'],
    });
  });

  it.each([
    ['an ID token (typ JWT, with a nonce)', () => token({ nonce: 'n' }, { typ: 'JWT' })],
    ['a token with a nonce', () => token({ nonce: 'n' })],
    ['a token without an expiry', () => token({}, { exp: null })],
    ['an expired token', () => token({}, { exp: '-5m' })],
    ['a token for another audience', () => token({}, { aud: 'tertial-dashboard' })],
    ['a token from another issuer', () => token({}, { iss: 'http://127.0.0.1:1/annan' })],
    ['a token with a broken signature', async () => `${(await token()).slice(0, -4)}AAAA`],
    [
      'a token signed with HS256 and the public key as secret',
      () =>
        new SignJWT({ roles: ['ekonomidirektor'] })
          .setProtectedHeader({ alg: 'HS256', kid: 'k1', typ: 'at+jwt' })
          .setIssuer(issuer)
          .setAudience('urn:tertial:api')
          .setSubject('x')
          .setExpirationTime('5m')
          .sign(new TextEncoder().encode(JSON.stringify(publicJwk))),
    ],
  ])('refuses %s with 401', async (_, make) => {
    expect(await status(verifier().verifiera(await make()))).toBe(401);
  });

  it('takes keys only from the issuer’s own origin, even when the keys elsewhere are the right ones', async () => {
    // Another origin (another port) serving the very same keys: without the origin check this would verify.
    const annan = http.createServer((_, response) =>
      response.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [publicJwk] })),
    );
    await new Promise<void>((resolve) => annan.listen(0, '127.0.0.1', resolve));
    jwksUri = () => `http://127.0.0.1:${(annan.address() as AddressInfo).port}/jwks`;
    try {
      expect(await status(verifier().verifiera(await token()))).toBe(503);
    } finally {
      jwksUri = (iss) => `${iss}/jwks`;
      await new Promise<void>((resolve) => annan.close(() => resolve()));
    }
    expect(await status(verifier().verifiera(await token()))).toBe(200);
  });
});
