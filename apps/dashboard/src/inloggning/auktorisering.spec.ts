import { describe, expect, it } from 'vitest';

import {
  atervandningFranAdress,
  auktoriseringsUrl,
  fornyelse,
  inloggningsadress,
  kodFranAterkomst,
  kodutbyte,
  sakerAtervandning,
  sessionFranTokensvar,
  utgangstid,
  utloggningsUrl,
  type Session,
  type VantandeInloggning,
} from './auktorisering.js';
import { InloggningsFel, tolkaKonfiguration, tolkaUpptackt, upptacktsUrl, type Oidc } from './oidc-konfiguration.js';
import { testtoken } from './testtoken.js';

const ISSUER = 'http://127.0.0.1:8080/oidc';
const REDIRECT = 'http://127.0.0.1:8080/inloggning/klar';
const oidc: Oidc = {
  issuer: ISSUER,
  clientId: 'tertial-dashboard',
  scope: 'openid profile tertial',
  resource: 'urn:tertial:api',
  authorizationEndpoint: `${ISSUER}/auth`,
  tokenEndpoint: `${ISSUER}/token`,
  endSessionEndpoint: `${ISSUER}/session/end`,
};
const vantande: VantandeInloggning = { state: 'state-1', nonce: 'nonce-1', kodverifierare: 'verifierare', atervandTill: '/budget' };
const NU = 1_800_000_000_000;

describe('the configuration and the provider’s discovery document', () => {
  const konfiguration = tolkaKonfiguration({
    oidc: { issuer: ISSUER, clientId: 'tertial-dashboard', scope: 'openid profile tertial', resource: 'urn:tertial:api' },
  });
  const upptackt = {
    issuer: ISSUER,
    authorization_endpoint: `${ISSUER}/auth`,
    token_endpoint: `${ISSUER}/token`,
    end_session_endpoint: `${ISSUER}/session/end`,
  };

  it('finds the discovery document under the issuer, with or without a trailing slash', () => {
    expect(upptacktsUrl(ISSUER)).toBe(`${ISSUER}/.well-known/openid-configuration`);
    expect(upptacktsUrl(`${ISSUER}/`)).toBe(`${ISSUER}/.well-known/openid-configuration`);
  });

  it('joins into the endpoints the dashboard uses', () => {
    expect(tolkaUpptackt(konfiguration, upptackt)).toEqual({ ...oidc, issIAterkomst: false });
    expect(tolkaUpptackt(konfiguration, { ...upptackt, authorization_response_iss_parameter_supported: true }).issIAterkomst).toBe(true);
  });

  it('asks for Tertial’s scopes and no resource when the city’s provider needs none', () => {
    const utan = tolkaKonfiguration({ oidc: { issuer: ISSUER, clientId: 'tertial-dashboard' } });
    expect(utan).toEqual({ issuer: ISSUER, clientId: 'tertial-dashboard', scope: 'openid profile tertial' });
  });

  it('refuses a configuration without an issuer', () => {
    expect(() => tolkaKonfiguration({ oidc: { clientId: 'x' } })).toThrow(InloggningsFel);
  });

  it('refuses a discovery document naming another issuer', () => {
    expect(() => tolkaUpptackt(konfiguration, { ...upptackt, issuer: 'https://elsewhere.example' })).toThrow(/annan|kallar sig/);
  });
});

describe('the authorization request', () => {
  const url = new URL(auktoriseringsUrl(oidc, vantande, 'utmaning', REDIRECT));

  it('is the code flow with PKCE S256, state and nonce, at the provider’s authorization endpoint', () => {
    expect(`${url.origin}${url.pathname}`).toBe(`${ISSUER}/auth`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'tertial-dashboard',
      redirect_uri: REDIRECT,
      scope: 'openid profile tertial',
      state: 'state-1',
      nonce: 'nonce-1',
      code_challenge: 'utmaning',
      code_challenge_method: 'S256',
      resource: 'urn:tertial:api',
    });
  });

  it('never sends the verifier itself', () => {
    expect(url.toString()).not.toContain('verifierare');
  });

  it('leaves out resource when the configuration has none', () => {
    expect(new URL(auktoriseringsUrl({ ...oidc, resource: undefined }, vantande, 'u', REDIRECT)).searchParams.has('resource')).toBe(false);
  });
});

describe('the answer at the redirect URI', () => {
  it('gives the code when state matches the sign-in this tab started', () => {
    expect(kodFranAterkomst(`?code=abc&state=state-1&iss=${encodeURIComponent(ISSUER)}`, vantande, oidc)).toBe('abc');
  });

  it('needs the issuer in the answer when the provider says it always sends it (RFC 9207), and not otherwise', () => {
    expect(() => kodFranAterkomst('?code=abc&state=state-1', vantande, { ...oidc, issIAterkomst: true })).toThrow(/saknar utgivare/);
    expect(kodFranAterkomst('?code=abc&state=state-1', vantande, { ...oidc, issIAterkomst: false })).toBe('abc');
  });

  it.each([
    { fall: 'another state', search: '?code=abc&state=state-2' },
    { fall: 'no state', search: '?code=abc' },
    { fall: 'another issuer', search: '?code=abc&state=state-1&iss=https%3A%2F%2Fevil.example' },
    { fall: 'no code', search: '?state=state-1' },
    { fall: 'an error', search: '?error=access_denied&state=state-1' },
  ])('is refused with $fall', ({ search }) => {
    expect(() => kodFranAterkomst(search, vantande, oidc)).toThrow(InloggningsFel);
  });

  it('is refused when this tab started no sign-in', () => {
    expect(() => kodFranAterkomst('?code=abc&state=state-1', undefined, oidc)).toThrow(/inte i den här fliken/);
  });

  it('passes on the provider’s own description of an error', () => {
    expect(() => kodFranAterkomst('?error=server_error&error_description=Nere&state=state-1', vantande, oidc)).toThrow(/Nere/);
  });
});

describe('the token requests', () => {
  it('exchanges the code as a public client, with the verifier and the resource', () => {
    expect(Object.fromEntries(kodutbyte(oidc, 'abc', 'verifierare', REDIRECT))).toEqual({
      grant_type: 'authorization_code',
      code: 'abc',
      redirect_uri: REDIRECT,
      client_id: 'tertial-dashboard',
      code_verifier: 'verifierare',
      resource: 'urn:tertial:api',
    });
  });

  it('renews with the refresh token', () => {
    expect(Object.fromEntries(fornyelse({ ...oidc, resource: undefined }, 'rt'))).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'rt',
      client_id: 'tertial-dashboard',
    });
  });
});

describe('the token endpoint’s answer', () => {
  const atkomst = testtoken({ iss: ISSUER, aud: 'urn:tertial:api', exp: NU / 1000 + 600, roles: ['ekonomidirektor'] });
  const idToken = (andring: Record<string, unknown> = {}) =>
    testtoken({ iss: ISSUER, aud: 'tertial-dashboard', nonce: 'nonce-1', ...andring });
  const svar = (andring: Record<string, unknown> = {}) => ({
    access_token: atkomst,
    token_type: 'Bearer',
    expires_in: 300,
    id_token: idToken(),
    refresh_token: 'rt',
    ...andring,
  });

  it('becomes a session that knows when the token expires', () => {
    expect(sessionFranTokensvar(svar(), NU, oidc, { nonce: 'nonce-1' })).toEqual({
      atkomsttoken: atkomst,
      uppdateringstoken: 'rt',
      idToken: idToken(),
      utgar: NU + 300_000,
    });
  });

  it.each([
    { fall: 'another nonce', andring: { id_token: idToken({ nonce: 'nonce-2' }) } },
    { fall: 'an ID token for another client', andring: { id_token: idToken({ aud: 'other' }) } },
    { fall: 'an ID token from another issuer', andring: { id_token: idToken({ iss: 'https://evil.example' }) } },
    { fall: 'no ID token', andring: { id_token: undefined } },
    { fall: 'no access token', andring: { access_token: undefined } },
    { fall: 'a token type other than Bearer', andring: { token_type: 'DPoP' } },
  ])('is refused with $fall', ({ andring }) => {
    expect(() => sessionFranTokensvar(svar(andring), NU, oidc, { nonce: 'nonce-1' })).toThrow(InloggningsFel);
  });

  it('on renewal keeps the earlier refresh and ID tokens when the answer leaves them out', () => {
    const tidigare: Session = { atkomsttoken: 'gammal', uppdateringstoken: 'rt-1', idToken: 'id-1', utgar: NU };
    const ny = sessionFranTokensvar({ access_token: atkomst, token_type: 'bearer', expires_in: 300 }, NU, oidc, { tidigare });
    expect(ny).toEqual({ atkomsttoken: atkomst, uppdateringstoken: 'rt-1', idToken: 'id-1', utgar: NU + 300_000 });
  });

  it('on renewal takes a rotated refresh token', () => {
    const tidigare: Session = { atkomsttoken: 'gammal', uppdateringstoken: 'rt-1', idToken: 'id-1', utgar: NU };
    expect(sessionFranTokensvar(svar({ refresh_token: 'rt-2' }), NU, oidc, { tidigare }).uppdateringstoken).toBe('rt-2');
  });
});

describe('when the access token expires', () => {
  it('is the earlier of expires_in and its own exp', () => {
    expect(utgangstid(testtoken({ exp: NU / 1000 + 60 }), 300, NU)).toBe(NU + 60_000);
    expect(utgangstid(testtoken({ exp: NU / 1000 + 600 }), 300, NU)).toBe(NU + 300_000);
  });

  it('is its exp when expires_in is missing', () => {
    expect(utgangstid(testtoken({ exp: NU / 1000 + 600 }), undefined, NU)).toBe(NU + 600_000);
  });

  it('is soon when neither says, so the token is renewed or given up early rather than late', () => {
    expect(utgangstid('opaque', undefined, NU)).toBe(NU + 5 * 60_000);
  });
});

describe('returning after sign-in', () => {
  it.each([
    { till: '/budget?namnd=SN&ar=2026', blir: '/budget?namnd=SN&ar=2026' },
    { till: '/', blir: '/' },
    { till: null, blir: '/' },
    { till: 'https://evil.example/', blir: '/' },
    { till: '//evil.example/', blir: '/' },
    { till: '/\\evil.example', blir: '/' },
    { till: '/inloggning', blir: '/' },
    { till: '/inloggning/klar?code=x', blir: '/' },
  ])('to $till goes to $blir', ({ till, blir }) => {
    expect(sakerAtervandning(till)).toBe(blir);
  });

  it('remembers the page the visitor wanted in the sign-in page’s address, and reads it back', () => {
    const adress = new URL(inloggningsadress('/budget?ar=2026'), 'http://x');
    expect(adress.pathname).toBe('/inloggning');
    expect(atervandningFranAdress(adress.pathname, adress.search)).toBe('/budget?ar=2026');
  });

  it('needs no return address for the start page', () => {
    expect(inloggningsadress('/')).toBe('/inloggning');
  });

  it('from another page of the dashboard returns to that page', () => {
    expect(atervandningFranAdress('/organisation', '?datum=2026-01-01')).toBe('/organisation?datum=2026-01-01');
  });
});

describe('signing out at the provider', () => {
  it('sends the ID token as hint and where to come back to', () => {
    const url = new URL(utloggningsUrl(oidc, 'id-token', 'http://127.0.0.1:8080/')!);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      id_token_hint: 'id-token',
      client_id: 'tertial-dashboard',
      post_logout_redirect_uri: 'http://127.0.0.1:8080/',
    });
  });

  it('is not possible without an end_session_endpoint', () => {
    expect(utloggningsUrl({ ...oidc, endSessionEndpoint: undefined }, 'id', '/')).toBeUndefined();
  });
});
