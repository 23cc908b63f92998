import { describe, expect, it } from 'vitest';

import { InloggningsFel, tolkaKonfiguration } from './oidc-konfiguration.js';

const ISSUER = 'http://127.0.0.1:8080/oidc';

describe('the configuration from /konfiguration.json', () => {
  it('names the provider, the client, the scopes and the API’s resource', () => {
    const oidc = { issuer: ISSUER, clientId: 'tertial-dashboard', scope: 'openid profile tertial', resource: 'urn:tertial:api' };
    expect(tolkaKonfiguration({ oidc })).toEqual(oidc);
  });

  it('asks for Tertial’s scopes and no resource when the city’s provider needs none', () => {
    const utan = tolkaKonfiguration({ oidc: { issuer: ISSUER, clientId: 'tertial-dashboard' } });
    expect(utan).toEqual({ issuer: ISSUER, clientId: 'tertial-dashboard', scope: 'openid profile tertial' });
  });

  it.each([{ oidc: { clientId: 'x' } }, { oidc: { issuer: ISSUER } }, undefined])('refuses %j', (body) => {
    expect(() => tolkaKonfiguration(body)).toThrow(InloggningsFel);
  });
});
