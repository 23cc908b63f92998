import { randomBytes } from 'node:crypto';
import http from 'node:http';

import { CLI_CLIENT_ID, DASHBOARD_CLIENT_ID, TERTIAL_API_AUDIENCE, TOKEN_CLAIMS } from '@tertial/contracts/access';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

import { allaDemoAnvandare, demoAnvandare, hittaDemoAnvandare, type DemoAnvandare } from './demo-anvandare.js';
import { hastighetsgrans } from './hastighetsgrans.js';
import { minnesadapter } from './minnesadapter.js';
import { html, inloggningssida, sida } from './inloggningssida.js';

/** The field in the discovery document by which the command line tells this demo provider from a real one. */
export const DEMO_MARKOR = 'tertial_demo_provider';
/** Where the command line's authorization codes are sent; nobody listens there, the code is read from the redirect. */
export const CLI_REDIRECT_URI = 'http://127.0.0.1/tertial-cli/klar';
/** The resource server's own scope: what the dashboard and the command line ask for besides openid and profile. */
const API_SCOPE = 'tertial';
const ACCESS_TOKEN_TTL = 60 * 60;
const OIDC_SCOPES = ['openid', 'profile', 'offline_access'];
/** The longest user id the sign-in page takes (the demo users' ids are far shorter). */
export const MAX_ANVANDAR_ID = 100;

export interface LokalLeverantorOptions {
  /** The issuer as every party sees it, e.g. `http://localhost:8080/oidc`; its path is where the provider is mounted. */
  readonly issuer: string;
  /** The dashboard's redirect URIs, e.g. `http://localhost:8080/inloggning/klar`. */
  readonly redirectUris: readonly string[];
  readonly postLogoutRedirectUris?: readonly string[];
  /** Keys that sign the provider's cookies; random per start unless given (TERTIAL_OIDC_COOKIE_KEYS). */
  readonly cookieKeys?: readonly string[];
  /**
   * The private RS256 key (a JWK with its `kid`) that signs the tokens; made at start unless given. `npm start` gives
   * one, so a gateway it restarts keeps signing with the same key and the tokens handed out before stay valid.
   */
  readonly signingKey?: JWK;
  /** Sign-in attempts per minute per client address and user (default 30). */
  readonly inloggningarPerMinut?: number;
  /**
   * Sign-in attempts per minute per client address, whatever the user (default 3000: `npm start` signs in its
   * ~680 demo chefs from 127.0.0.1 within seconds).
   */
  readonly inloggningarPerMinutPerAdress?: number;
}

export interface LokalLeverantor {
  readonly issuer: string;
  readonly provider: Provider;
  /** Handles a request whose path lies under the issuer's path; the caller routes only those here. A plain function: it can be passed on. */
  readonly handle: (req: http.IncomingMessage, res: http.ServerResponse) => void;
}

/** A new private RS256 signing key for the local provider, as a JWK with a `kid`. */
export async function skapaSigneringsnyckel(): Promise<JWK & { kid: string }> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: `tertial-demo-${Date.now().toString(36)}`, alg: 'RS256', use: 'sig' };
}

/**
 * Tertial's local OpenID Connect provider for the demo and the tests: a real oidc-provider with the two public
 * clients (dashboard and command line, both with PKCE), access tokens as RS256 JWTs for `urn:tertial:api` that
 * carry the roles, organisation and name, and a sign-in page where one picks a demo user. No passwords: it is
 * for a local run, never for production, and its discovery document says so (`tertial_demo_provider`).
 */
export async function skapaLokalLeverantor(options: LokalLeverantorOptions): Promise<LokalLeverantor> {
  const issuer = options.issuer.replace(/\/$/, '');
  const mountPath = new URL(issuer).pathname.replace(/\/$/, '');
  // Unless given, signing keys made at start: tokens die with the process, which is what a local demo provider wants.
  const signingKey = options.signingKey ? { ...options.signingKey, alg: 'RS256', use: 'sig' } : await skapaSigneringsnyckel();
  const cookieKeys = options.cookieKeys?.length ? [...options.cookieKeys] : [randomBytes(32).toString('base64url')];

  const konto = (id: string) => {
    const anvandare = hittaDemoAnvandare(id);
    return anvandare ? { accountId: id, claims: () => ({ sub: id, ...tokenClaims(anvandare) }) } : undefined;
  };

  const configuration: Configuration = {
    adapter: minnesadapter(),
    clients: [
      {
        client_id: DASHBOARD_CLIENT_ID,
        client_name: 'Tertial',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [...options.redirectUris],
        post_logout_redirect_uris: [...(options.postLogoutRedirectUris ?? [])],
      },
      {
        client_id: CLI_CLIENT_ID,
        client_name: 'Tertial kommandorad',
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [CLI_REDIRECT_URI],
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: cookieKeys },
    pkce: { required: () => true },
    scopes: [...OIDC_SCOPES],
    claims: { openid: ['sub'], profile: [TOKEN_CLAIMS.namn, TOKEN_CLAIMS.roller, TOKEN_CLAIMS.organisation] },
    // The dashboard reads who signed in from the ID token; it has no use for the userinfo endpoint.
    conformIdTokenClaims: false,
    findAccount: (_ctx, sub) => konto(sub),
    // Cross-origin calls (token, discovery) only from the origins the dashboard is registered on.
    clientBasedCORS: (_ctx, origin, client) => (client.redirectUris ?? []).some((uri) => new URL(uri).origin === origin),
    extraTokenClaims: (_ctx, token) => {
      const anvandare = 'accountId' in token && token.accountId ? hittaDemoAnvandare(token.accountId) : undefined;
      return anvandare ? tokenClaims(anvandare) : undefined;
    },
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => TERTIAL_API_AUDIENCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== TERTIAL_API_AUDIENCE) throw new errors.InvalidTarget(`okänd resurs: ${resource}`);
          return {
            scope: API_SCOPE,
            audience: TERTIAL_API_AUDIENCE,
            accessTokenTTL: ACCESS_TOKEN_TTL,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = sida(
            'Logga ut',
            `<h1>Logga ut från Tertial</h1>${form}<p>Vill du logga ut?</p><button type="submit" form="op.logoutForm" name="logout" value="yes" class="skicka">Ja, logga ut</button>`,
          );
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = 'html';
          ctx.body = sida('Utloggad', '<h1>Du är utloggad</h1><p>Du kan stänga fönstret.</p>');
        },
      },
    },
    // The dashboard renews with a refresh token; the command line signs in again.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: {
      AccessToken: ACCESS_TOKEN_TTL,
      AuthorizationCode: 60,
      IdToken: ACCESS_TOKEN_TTL,
      Interaction: 10 * 60,
      Session: 8 * 60 * 60,
      Grant: 8 * 60 * 60,
      RefreshToken: 8 * 60 * 60,
    },
    interactions: { url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
    discovery: { [DEMO_MARKOR]: true, service_documentation: 'docs/sign-in.md' },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      const beskrivning = out.error_description ?? out.error;
      ctx.body = sida(
        'Inloggningen misslyckades',
        `<h1>Inloggningen misslyckades</h1><p>${html(String(beskrivning))}</p><p><code>${html(String(out.error))}</code></p>`,
      );
    },
  };

  const provider = new Provider(issuer, configuration);
  const gransPerAdress = hastighetsgrans({ antal: options.inloggningarPerMinutPerAdress ?? 3000, fonsterMs: 60_000 });
  const gransPerAnvandare = hastighetsgrans({ antal: options.inloggningarPerMinut ?? 30, fonsterMs: 60_000 });
  const utvalda = demoAnvandare();
  const exempelId =
    allaDemoAnvandare().find((anvandare) => anvandare.roll === 'chef' && !utvalda.includes(anvandare))?.id ?? utvalda[0]!.id;

  // The sign-in page (the interaction), before the provider's own routes.
  provider.use(async (ctx, next) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(ctx.path);
    if (!match) {
      await next();
      return;
    }
    ctx.set('cache-control', 'no-store');
    const action = `${mountPath}/interaction/${match[1]}`;
    let details: Awaited<ReturnType<Provider['interactionDetails']>>;
    try {
      details = await provider.interactionDetails(ctx.req, ctx.res);
    } catch {
      ctx.status = 400;
      ctx.type = 'html';
      ctx.body = sida(
        'Inloggningen har gått ut',
        '<h1>Inloggningen har gått ut</h1><p>Inloggningen har gått ut eller påbörjades i ett annat fönster. Gå tillbaka till Tertial och logga in igen.</p>',
      );
      return;
    }
    if (ctx.method === 'GET') {
      ctx.type = 'html';
      ctx.body = inloggningssida({ action, anvandare: utvalda, exempelId });
      return;
    }
    if (ctx.method !== 'POST') {
      ctx.status = 405;
      ctx.set('allow', 'GET, POST');
      return;
    }
    const id = (await formular(ctx)).get('anvandare')?.trim() ?? '';
    // Per address first (every attempt counts), then per address and user; an overlong id is no key at all.
    let grans = gransPerAdress.forsok(ctx.ip);
    if (grans.tillatet && id.length > MAX_ANVANDAR_ID) {
      ctx.status = 400;
      ctx.type = 'html';
      ctx.body = inloggningssida({ action, anvandare: utvalda, exempelId, fel: `Ett användar-id är högst ${MAX_ANVANDAR_ID} tecken.` });
      return;
    }
    if (grans.tillatet) grans = gransPerAnvandare.forsok(`${ctx.ip} ${id}`);
    if (!grans.tillatet) {
      ctx.status = 429;
      ctx.set('retry-after', String(grans.vantaSekunder));
      ctx.type = 'html';
      ctx.body = inloggningssida({
        action,
        anvandare: utvalda,
        exempelId,
        angivetId: id.slice(0, MAX_ANVANDAR_ID),
        fel: `För många inloggningsförsök på kort tid. Vänta ${grans.vantaSekunder} sekunder och försök igen.`,
      });
      return;
    }
    const anvandare = hittaDemoAnvandare(id);
    if (!anvandare) {
      ctx.status = 400;
      ctx.type = 'html';
      ctx.body = inloggningssida({
        action,
        anvandare: utvalda,
        exempelId,
        angivetId: id,
        fel: id ? `Det finns ingen demoanvändare med användar-id ”${id}”.` : 'Ange ett användar-id eller välj en demoanvändare.',
      });
      return;
    }
    // A first-party app: what it asks for is granted here, with the sign-in, and no consent screen follows.
    const { Grant } = provider;
    const grant = details.grantId
      ? ((await Grant.find(details.grantId)) ?? new Grant({ accountId: anvandare.id, clientId: String(details.params.client_id) }))
      : new Grant({ accountId: anvandare.id, clientId: String(details.params.client_id) });
    const scopes = (typeof details.params.scope === 'string' ? details.params.scope : '')
      .split(' ')
      .filter((scope) => OIDC_SCOPES.includes(scope));
    grant.addOIDCScope(scopes.join(' '));
    grant.addResourceScope(TERTIAL_API_AUDIENCE, API_SCOPE);
    const grantId = await grant.save();
    const redirectTo = await provider.interactionResult(
      ctx.req,
      ctx.res,
      { login: { accountId: anvandare.id }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
    ctx.status = 303;
    ctx.redirect(redirectTo);
  });

  const callback = provider.callback();
  return {
    issuer,
    provider,
    handle(req, res) {
      // Mounted under the issuer's path: the provider sees its own paths and finds its mount point in originalUrl.
      const original = req.url ?? '/';
      (req as http.IncomingMessage & { originalUrl?: string }).originalUrl = original;
      req.url = original.slice(mountPath.length) || '/';
      if (!req.url.startsWith('/')) req.url = `/${req.url}`;
      void callback(req, res);
    },
  };
}

/** Starts the local provider on its own HTTP server (the tests do; the gateway mounts it instead). */
export async function startaLokalLeverantor({
  port = 0,
  host = '127.0.0.1',
  ...options
}: Omit<LokalLeverantorOptions, 'issuer'> & { port?: number; host?: string; path?: string }): Promise<
  LokalLeverantor & { close(): Promise<void> }
> {
  let handle: LokalLeverantor['handle'] = (_req, res) => res.writeHead(503).end();
  const server = http.createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, () => resolve()));
  const address = server.address() as { port: number };
  const leverantor = await skapaLokalLeverantor({
    ...options,
    issuer: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}${options.path ?? ''}`,
  });
  handle = leverantor.handle;
  return {
    ...leverantor,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function tokenClaims(anvandare: DemoAnvandare): Record<string, unknown> {
  return { [TOKEN_CLAIMS.roller]: [anvandare.roll], [TOKEN_CLAIMS.organisation]: [...anvandare.org], [TOKEN_CLAIMS.namn]: anvandare.namn };
}

async function formular(ctx: KoaContextWithOIDC | { req: http.IncomingMessage }): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of ctx.req) {
    body += chunk;
    if (body.length > 10_000) throw new Error('för stort formulär');
  }
  return new URLSearchParams(body);
}
