import { createHash, randomBytes } from 'node:crypto';

import { CLI_CLIENT_ID, TERTIAL_API_AUDIENCE, TERTIAL_SCOPE } from '@tertial/contracts/access';

import { CLI_REDIRECT_URI, DEMO_MARKOR } from './lokal-leverantor.js';

export interface HamtaTokenOptions {
  /** The issuer, e.g. `http://localhost:8080/oidc`. */
  readonly issuer: string;
  /** The demo user to sign in as, e.g. `ekonomidirektor` or a chef's id. */
  readonly anvandare: string;
  readonly clientId?: string;
  readonly redirectUri?: string;
  readonly scope?: string;
  readonly resource?: string;
}

export interface Token {
  readonly accessToken: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

interface Discovery {
  readonly issuer: string;
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
  readonly jwks_uri: string;
  readonly [key: string]: unknown;
}

/** Discovery documents are public and fixed for a provider's life; fetched once per issuer. */
const discoveries = new Map<string, Promise<Discovery>>();

export function hamtaDiscovery(issuer: string): Promise<Discovery> {
  const key = issuer.replace(/\/$/, '');
  let discovery = discoveries.get(key);
  if (!discovery) {
    discovery = (async () => {
      const response = await fetch(`${key}/.well-known/openid-configuration`, { headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(`${key} svarar inte som en OpenID Connect-leverantör (${response.status} på discovery)`);
      return (await response.json()) as Discovery;
    })();
    discovery.catch(() => discoveries.delete(key));
    discoveries.set(key, discovery);
  }
  return discovery;
}

/** Whether the issuer is Tertial's local demo provider (its discovery document carries the marker). */
export async function arLokalLeverantor(issuer: string): Promise<boolean> {
  try {
    return (await hamtaDiscovery(issuer))[DEMO_MARKOR] === true;
  } catch {
    return false;
  }
}

/**
 * An access token for a demo user of the local provider, got the way any client gets one: authorization code
 * with PKCE, signing in on the provider's own sign-in page as a person would (the form's button for that user),
 * following the redirects with the cookies they set, and redeeming the code with the verifier.
 */
export async function hamtaToken({
  issuer,
  anvandare,
  clientId = CLI_CLIENT_ID,
  redirectUri = CLI_REDIRECT_URI,
  scope = TERTIAL_SCOPE,
  resource = TERTIAL_API_AUDIENCE,
}: HamtaTokenOptions): Promise<Token> {
  const discovery = await hamtaDiscovery(issuer);
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const authorize = new URL(discovery.authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope,
    resource,
    state,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();

  const browser = new Webblasare();
  // To the sign-in page.
  let response = await browser.folj(authorize.href, redirectUri);
  if (response.url.startsWith(redirectUri)) throw new Error(`leverantören skickade tillbaka utan inloggning: ${response.url}`);
  const sida = await response.text();
  if (response.status !== 200) throw new Error(`inloggningssidan svarade ${response.status}: ${text(sida)}`);
  const action = /<form method="post" action="([^"]+)"/.exec(sida)?.[1]?.replaceAll('&amp;', '&');
  if (!action) throw new Error(`ingen inloggningssida på ${response.url}`);

  // The user's button, as the page would post it; then on through the provider back to the redirect URI.
  response = await browser.folj(new URL(action, response.url).href, redirectUri, {
    method: 'POST',
    body: new URLSearchParams({ anvandare }),
  });
  if (!response.url.startsWith(redirectUri)) {
    const body = await response.text();
    throw new Error(`inloggningen som ${anvandare} misslyckades (${response.status}): ${text(body)}`);
  }
  const svar = new URL(response.url).searchParams;
  if (svar.get('error')) throw new Error(`leverantören nekade: ${svar.get('error')} ${svar.get('error_description') ?? ''}`.trim());
  if (svar.get('state') !== state) throw new Error('fel state i svaret från leverantören');
  const code = svar.get('code');
  if (!code) throw new Error(`ingen kod i ${response.url}`);

  const started = Date.now();
  const tokenResponse = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: clientId,
      code_verifier: verifier,
      resource,
    }),
  });
  const token = (await tokenResponse.json()) as { access_token?: string; expires_in?: number; error?: string; error_description?: string };
  if (!tokenResponse.ok || !token.access_token)
    throw new Error(`token: ${tokenResponse.status} ${token.error ?? ''} ${token.error_description ?? ''}`.trim());
  return { accessToken: token.access_token, expiresAt: started + (token.expires_in ?? 0) * 1000 };
}

/** The first line of an answer's text, without markup, for an error message. */
function text(body: string): string {
  const fel =
    /role="alert"[^>]*>([\s\S]*?)<\/div>/.exec(body)?.[1] ??
    /<h1>([\s\S]*?)<\/h1>\s*<p>([\s\S]*?)<\/p>/.exec(body)?.slice(1).join(': ') ??
    body;
  return fel
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
}

/** Just enough of a browser: a cookie jar for one host and manual redirects, stopping at the redirect URI. */
class Webblasare {
  readonly #cookies = new Map<string, string>();

  /** Requests `url` and follows redirects until an answer that is not one, or a redirect to `stopp`. */
  async folj(
    url: string,
    stopp: string,
    init?: { method: 'POST'; body: URLSearchParams },
  ): Promise<{ url: string; status: number; text(): Promise<string> }> {
    let current = url;
    let request = init;
    for (let hopp = 0; hopp < 10; hopp++) {
      const response = await fetch(current, {
        method: request?.method ?? 'GET',
        redirect: 'manual',
        headers: {
          accept: 'text/html',
          ...(this.#cookies.size ? { cookie: [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ') } : {}),
          ...(request ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        body: request?.body,
      });
      this.#spara(response.headers.getSetCookie());
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location)
        return { url: current, status: response.status, text: () => response.text() };
      await response.body?.cancel();
      current = new URL(location, current).href;
      request = undefined;
      if (current.startsWith(stopp)) return { url: current, status: response.status, text: async () => '' };
    }
    throw new Error(`för många omdirigeringar från ${url}`);
  }

  #spara(setCookies: string[]): void {
    for (const header of setCookies) {
      const [par = '', ...attribut] = header.split(';');
      const likhet = par.indexOf('=');
      if (likhet < 1) continue;
      const name = par.slice(0, likhet).trim();
      const raderad = attribut.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=.*1970/i.test(a));
      if (raderad) this.#cookies.delete(name);
      else this.#cookies.set(name, par.slice(likhet + 1).trim());
    }
  }
}
