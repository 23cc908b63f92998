import { anvandareFran, lasClaims, type Anvandare } from './jwt.js';
import { InloggningsFel, type Oidc } from './oidc-konfiguration.js';

/** Where the provider sends the browser back with the code; registered for the dashboard's client. */
export const INLOGGNING_KLAR = '/inloggning/klar';
export const INLOGGNING = '/inloggning';

/** What a started sign-in must remember until the provider sends the browser back. */
export interface VantandeInloggning {
  readonly state: string;
  readonly nonce: string;
  readonly kodverifierare: string;
  /** The dashboard path (with query) the user wanted. */
  readonly atervandTill: string;
}

/** What the dashboard holds while signed in. */
export interface Session {
  readonly atkomsttoken: string;
  readonly uppdateringstoken: string | undefined;
  readonly idToken: string | undefined;
  /** Epoch milliseconds when the access token stops being accepted. */
  readonly utgar: number;
}

/** Without expires_in or exp we do not know; a short life means asking again soon rather than failing late. */
const OKAND_LIVSLANGD_MS = 5 * 60_000;

/**
 * A path of this dashboard to return to after signing in; anything else (another origin, `//host`, the
 * sign-in pages themselves) becomes the start page, so the return address cannot send anyone elsewhere.
 */
export function sakerAtervandning(till: string | null | undefined): string {
  if (!till || !till.startsWith('/') || till.startsWith('//') || till.includes('\\')) return '/';
  const sokvag = till.split(/[?#]/, 1)[0] ?? '/';
  if (sokvag === INLOGGNING || sokvag.startsWith(`${INLOGGNING}/`)) return '/';
  return till;
}

/** Where to return after signing in, seen from the current address: the sign-in page's `till`, or the page itself. */
export function atervandningFranAdress(pathname: string, search: string): string {
  if (pathname === INLOGGNING) return sakerAtervandning(new URLSearchParams(search).get('till'));
  return sakerAtervandning(`${pathname}${search}`);
}

/** The sign-in page's address, remembering the page the visitor wanted. */
export function inloggningsadress(atervandTill: string): string {
  const till = sakerAtervandning(atervandTill);
  return till === '/' ? INLOGGNING : `${INLOGGNING}?${new URLSearchParams({ till }).toString()}`;
}

export function auktoriseringsUrl(oidc: Oidc, vantande: VantandeInloggning, kodutmaning: string, redirectUri: string): string {
  const url = new URL(oidc.authorizationEndpoint);
  const parametrar: Record<string, string> = {
    response_type: 'code',
    client_id: oidc.clientId,
    redirect_uri: redirectUri,
    scope: oidc.scope,
    state: vantande.state,
    nonce: vantande.nonce,
    code_challenge: kodutmaning,
    code_challenge_method: 'S256',
    ...(oidc.resource ? { resource: oidc.resource } : {}),
  };
  for (const [namn, varde] of Object.entries(parametrar)) url.searchParams.set(namn, varde);
  return url.toString();
}

/**
 * Checks the provider's answer at the redirect URI against the sign-in this tab started, and returns the code.
 * `state` ties the answer to this tab's request (CSRF); `iss`, when sent, that it came from our provider (RFC 9207).
 */
export function kodFranAterkomst(search: string, vantande: VantandeInloggning | undefined, oidc: Oidc): string {
  const parametrar = new URLSearchParams(search);
  const fel = parametrar.get('error');
  if (!vantande) throw new InloggningsFel('Inloggningen startades inte i den här fliken, eller är redan avslutad. Logga in igen.');
  if (parametrar.get('state') !== vantande.state)
    throw new InloggningsFel('Svaret från inloggningen hör inte till den här inloggningen. Logga in igen.');
  const iss = parametrar.get('iss');
  if (iss === null && oidc.issIAterkomst) throw new InloggningsFel('Svaret från inloggningen saknar utgivare. Logga in igen.');
  if (iss !== null && iss !== oidc.issuer)
    throw new InloggningsFel('Svaret från inloggningen kom från en annan identitetsleverantör. Logga in igen.');
  if (fel === 'access_denied') throw new InloggningsFel('Inloggningen avbröts.');
  if (fel !== null)
    throw new InloggningsFel(`Identitetsleverantören kunde inte logga in dig: ${parametrar.get('error_description') ?? fel}.`);
  const kod = parametrar.get('code');
  if (!kod) throw new InloggningsFel('Svaret från inloggningen saknar kod. Logga in igen.');
  return kod;
}

/** The body of the code exchange at the token endpoint: a public client proves itself with the verifier. */
export function kodutbyte(oidc: Oidc, kod: string, kodverifierare: string, redirectUri: string): URLSearchParams {
  return new URLSearchParams({
    grant_type: 'authorization_code',
    code: kod,
    redirect_uri: redirectUri,
    client_id: oidc.clientId,
    code_verifier: kodverifierare,
    ...(oidc.resource ? { resource: oidc.resource } : {}),
  });
}

export function fornyelse(oidc: Oidc, uppdateringstoken: string): URLSearchParams {
  return new URLSearchParams({
    grant_type: 'refresh_token',
    refresh_token: uppdateringstoken,
    client_id: oidc.clientId,
    ...(oidc.resource ? { resource: oidc.resource } : {}),
  });
}

function harAudience(claims: Readonly<Record<string, unknown>>, klient: string): boolean {
  const aud = claims['aud'];
  return aud === klient || (Array.isArray(aud) && aud.includes(klient));
}

/**
 * Reads the token endpoint's answer into a session. The ID token comes straight from the token endpoint over
 * the same connection, so (OIDC Core §3.1.3.7) its signature is left to TLS; issuer, audience and the nonce
 * of this sign-in are checked. On a refresh, `tidigare` supplies what the answer may leave out.
 */
export function sessionFranTokensvar(body: unknown, nu: number, oidc: Oidc, forvantat: { nonce: string } | { tidigare: Session }): Session {
  if (typeof body !== 'object' || body === null) throw new InloggningsFel('Identitetsleverantören svarade inte med några token.');
  const svar = body as Record<string, unknown>;
  const atkomsttoken = svar['access_token'];
  if (typeof atkomsttoken !== 'string' || atkomsttoken === '')
    throw new InloggningsFel('Identitetsleverantören svarade utan åtkomsttoken.');
  if (typeof svar['token_type'] !== 'string' || svar['token_type'].toLowerCase() !== 'bearer') {
    throw new InloggningsFel('Identitetsleverantören svarade med en token av okänd typ.');
  }

  const nyttIdToken = typeof svar['id_token'] === 'string' ? svar['id_token'] : undefined;
  if ('nonce' in forvantat) {
    if (!nyttIdToken && oidc.scope.split(' ').includes('openid')) throw new InloggningsFel('Identitetsleverantören svarade utan ID-token.');
    if (nyttIdToken) {
      const id = lasClaims(nyttIdToken);
      if (!id || id['iss'] !== oidc.issuer || !harAudience(id, oidc.clientId) || id['nonce'] !== forvantat.nonce) {
        throw new InloggningsFel('ID-token hör inte till den här inloggningen. Logga in igen.');
      }
    }
  }

  const tidigare = 'tidigare' in forvantat ? forvantat.tidigare : undefined;
  const uppdateringstoken =
    typeof svar['refresh_token'] === 'string' && svar['refresh_token'] !== '' ? svar['refresh_token'] : tidigare?.uppdateringstoken;
  return {
    atkomsttoken,
    uppdateringstoken,
    idToken: nyttIdToken ?? tidigare?.idToken,
    utgar: utgangstid(atkomsttoken, svar['expires_in'], nu),
  };
}

/** The earlier of expires_in and the token's own exp; whichever the provider gave. */
export function utgangstid(atkomsttoken: string, expiresIn: unknown, nu: number): number {
  const kandidater: number[] = [];
  if (typeof expiresIn === 'number' && Number.isFinite(expiresIn) && expiresIn > 0) kandidater.push(nu + expiresIn * 1000);
  const exp = lasClaims(atkomsttoken)?.['exp'];
  if (typeof exp === 'number' && Number.isFinite(exp)) kandidater.push(exp * 1000);
  return kandidater.length > 0 ? Math.min(...kandidater) : nu + OKAND_LIVSLANGD_MS;
}

/** Where to send the browser to end the provider's session too (RP-Initiated Logout 1.0). */
export function utloggningsUrl(oidc: Oidc, idToken: string | undefined, postLogoutRedirectUri: string): string | undefined {
  if (!oidc.endSessionEndpoint) return undefined;
  const url = new URL(oidc.endSessionEndpoint);
  if (idToken) url.searchParams.set('id_token_hint', idToken);
  url.searchParams.set('client_id', oidc.clientId);
  url.searchParams.set('post_logout_redirect_uri', postLogoutRedirectUri);
  return url.toString();
}

export function anvandareISession(session: Session): Anvandare {
  return anvandareFran(lasClaims(session.atkomsttoken) ?? {}, session.idToken ? lasClaims(session.idToken) : undefined);
}
