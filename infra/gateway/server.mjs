// The one origin the browser sees: /api/<service>/... goes to that service unchanged, everything else is
// the built dashboard (apps/dashboard/dist). Fastify with its maintained plugins: @fastify/http-proxy for the
// services, @fastify/static for the dashboard (precompressed .br/.gz files as the browser accepts them) and
// @fastify/helmet for the security headers.
//
// Sign-in: /konfiguration.json tells the dashboard its OpenID Connect issuer (TERTIAL_OIDC_ISSUER). The local
// demo provider, where anyone signs in as anyone, is strictly opt-in: TERTIAL_DEMO_LOGIN=1 mounts it under
// /oidc, and only on a loopback address (TERTIAL_DEMO_LOGIN_ALLOW_NON_LOOPBACK=1 overrides that). With
// neither set the gateway refuses to start.
//
//   node infra/gateway/server.mjs   (TERTIAL_PORT, TERTIAL_HOST, GOALS_URL, BUDGET_URL, FORECAST_URL, REPORT_URL (each one URL,
//                                    or its replicas' URLs separated by commas, taken in turn),
//                                    TERTIAL_STATIC_DIR, TERTIAL_OIDC_ISSUER, TERTIAL_DEMO_LOGIN,
//                                    TERTIAL_OIDC_PUBLIC_URL)
import { existsSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import fastifyHelmet from '@fastify/helmet';
import fastifyHttpProxy from '@fastify/http-proxy';
import fastifyStatic from '@fastify/static';
import { DASHBOARD_CLIENT_ID, TERTIAL_API_AUDIENCE, TERTIAL_SCOPE } from '@tertial/contracts/access';
import { servicePorts } from '@tertial/contracts/services';
import Fastify from 'fastify';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Same origin only; inline styles because ECharts sets style attributes on the elements it draws (and the
 * local provider's sign-in page has its styles inline). The dashboard also talks to the identity provider
 * (discovery, token), so its origin is allowed to be fetched from when it is another one.
 *
 * Forms (form-action, which browsers also apply to the redirects after a submission): the dashboard itself
 * posts no form anywhere but its own origin. The local provider's sign-in and logout forms post to the
 * issuer (`<publicUrl>/oidc`), which then redirects to the dashboard's redirect URIs, so `formOrigins` holds
 * those: the issuer's origin and, on loopback, both localhost and 127.0.0.1 (the dashboard may be opened
 * on either). With an external issuer the gateway serves none of its pages, but the issuer's origin is
 * allowed too, so that a logout or consent the dashboard might post there is not blocked.
 */
export function contentSecurityPolicy(issuer, formOrigins = []) {
  const issuerOrigin = issuer ? new URL(issuer).origin : undefined;
  const unique = (sources) => [...new Set(sources.filter(Boolean))];
  return {
    defaultSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: unique(["'self'", issuerOrigin]),
    formAction: unique(["'self'", issuerOrigin, ...formOrigins]),
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
  };
}

/** A setting that keeps the gateway from starting: the standalone gateway prints its message and exits. */
export class ConfigError extends Error {}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

/** Whether the gateway binds to a loopback address only, the one place the demo provider may be reached. */
export function isLoopbackHost(host) {
  return LOOPBACK_HOSTS.has(String(host).toLowerCase());
}

const OIDC_PATH = '/oidc';

// Headers that describe one connection, not the message: never passed on by a proxy (RFC 9110 7.6.1).
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];

/**
 * Starts the gateway. `services` maps a service name to its base URL, e.g.
 * `{ goals: 'http://127.0.0.1:3101', ... }`, or to its replicas' URLs (an array), taken in turn. `oidc` is where the dashboard signs in: `{ issuer }` for the
 * city's identity provider, or `{ local: true }` for the local demo provider mounted under /oidc (issuer
 * `<publicUrl>/oidc`, publicUrl defaulting to the gateway's own URL; give the URL people open, since the
 * tokens' `iss` is this exact string). Resolves to `{ url, issuer, close() }` once listening; port 0 picks
 * a free port.
 *
 * The local provider signs anyone in as anyone, so it is refused on any host but a loopback one (127.0.0.1,
 * ::1, localhost) unless `oidc.allowNonLoopbackDemo` is true or TERTIAL_DEMO_LOGIN_ALLOW_NON_LOOPBACK=1.
 */
export async function startGateway({ port, host = '127.0.0.1', staticDir, services, oidc }) {
  if (oidc?.local && !isLoopbackHost(host)) {
    const allowed = oidc.allowNonLoopbackDemo === true || process.env.TERTIAL_DEMO_LOGIN_ALLOW_NON_LOOPBACK === '1';
    if (!allowed) {
      throw new ConfigError(
        `The local demo provider (no passwords: anyone can sign in as anyone) is only served on a loopback address, not on ${host}. ` +
          'Use TERTIAL_OIDC_ISSUER for a real provider, bind to 127.0.0.1, or set TERTIAL_DEMO_LOGIN_ALLOW_NON_LOOPBACK=1 if you really mean to expose it.',
      );
    }
  }
  // What the dashboard and the provider's pages may do; the local provider's origins are known once listening.
  let csp = contentSecurityPolicy(oidc?.local ? undefined : oidc?.issuer);
  const state = { konfiguration: undefined, leverantor: undefined };

  const app = Fastify({
    // Server-sent events stay open for as long as the page does (no connection timeout); the request
    // timeout only guards the request itself (headers and body), which is short for every route here.
    connectionTimeout: 0,
    requestTimeout: 60_000,
    // Requests go to the services' own logs; the gateway says only what goes wrong.
    logger: { level: process.env.TERTIAL_GATEWAY_LOG_LEVEL || 'warn' },
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      // Read per response: the local provider's origins are added once the gateway listens.
      directives: Object.fromEntries(Object.keys(csp).map((name) => [name, [() => csp[name].join(' ')]])),
    },
    referrerPolicy: { policy: 'same-origin' },
    // The gateway speaks plain HTTP; HSTS belongs to whatever terminates TLS in front of it.
    strictTransportSecurity: false,
  });

  for (const name of Object.keys(services)) await app.register(fastifyHttpProxy, proxyOptions(name, services[name]));
  registerUnknownService(app, Object.keys(services));
  if (oidc?.local) app.register(mountLocalProvider, { state });
  registerKonfiguration(app, state);
  registerHealth(app, state);
  await registerDashboard(app, resolve(staticDir));

  let url;
  try {
    const address = await app.listen({ port, host });
    const actualPort = new URL(address).port;
    const shownHost = host.includes(':') ? `[${host}]` : host;
    url = `http://${shownHost}:${actualPort}`;

    let issuer = oidc?.issuer;
    if (oidc?.local) {
      const publicUrl = (oidc.publicUrl ?? url).replace(/\/$/, '');
      issuer = `${publicUrl}${OIDC_PATH}`;
      const formOrigins = dashboardOrigins(publicUrl, Number(actualPort));
      state.leverantor = await startLocalProvider(issuer, formOrigins, oidc);
      csp = contentSecurityPolicy(issuer, formOrigins);
    }
    if (issuer) {
      state.konfiguration = { oidc: { issuer, clientId: DASHBOARD_CLIENT_ID, scope: TERTIAL_SCOPE, resource: TERTIAL_API_AUDIENCE } };
    }
    return { url, issuer, close: () => closeGateway(app) };
  } catch (error) {
    await closeGateway(app);
    throw error;
  }
}

/** Closes the gateway, and at once the connections it holds: open event streams would otherwise keep it open. */
async function closeGateway(app) {
  const closed = app.close();
  app.server.closeAllConnections();
  await closed;
}

/**
 * /api/<service>/... to the service as it came: method, path, query, headers and a streamed body (the
 * content-type parsers of the proxy hand the request on unread, so an upload of many MB is never held in
 * memory and the gateway sets no body limit: each service has its own). The answer is streamed back as
 * it arrives; for an event stream the headers go out at once and no timeout cuts it while it is idle.
 */
function proxyOptions(name, base) {
  const bases = Array.isArray(base) ? base : [base];
  const upstream = new URL(bases[0]);
  const path = `/api/${name}`;
  // Several replicas: each request goes to the next one (see replicaRouter); one alone is simply the upstream.
  const router = bases.length > 1 ? replicaRouter(bases) : undefined;
  return {
    // With replicas there is no one upstream: @fastify/reply-from then sends each request where getUpstream says.
    upstream: router ? '' : upstream.origin,
    prefix: path,
    rewritePrefix: `${upstream.pathname.replace(/\/$/, '')}${path}`,
    // Our own keep-alive pool to the service; no timeout on an answer's body (an event stream is idle
    // between events), and ten minutes for an answer to begin (a big ledger file is read before it).
    undici: { headersTimeout: 600_000, bodyTimeout: 0 },
    replyOptions: {
      // Never retried: a service's 503 (its health while the database is down) is passed on at once, as it came.
      retryDelay: () => null,
      ...(router && {
        getUpstream(request) {
          request.tertialUpstream = router.pick();
          return request.tertialUpstream;
        },
      }),
      rewriteRequestHeaders(request, headers) {
        // The API takes bearer tokens only: the provider's session cookies (and any other) stay with the browser.
        delete headers.cookie;
        // The address this gateway saw, not what the client claims: a client-sent X-Forwarded-For is dropped.
        return {
          ...headers,
          'x-forwarded-for': request.socket.remoteAddress ?? '',
          'x-forwarded-host': request.headers.host ?? '',
          'x-forwarded-proto': 'http',
        };
      },
      rewriteHeaders(headers) {
        const kept = { ...headers };
        for (const header of HOP_BY_HOP) delete kept[header];
        return kept;
      },
      onResponse(request, reply, response) {
        const eventStream = /^text\/event-stream/i.test(String(reply.getHeader('content-type') ?? ''));
        if (eventStream) {
          // Each event goes out at once, and an idle stream is not a dead one.
          request.socket.setNoDelay(true);
          request.socket.setTimeout(0);
        }
        // A service may answer before it has read the whole body (a refused upload): @fastify/reply-from then
        // answers with `connection: close`, and the rest of the upload is no longer passed on.
        reply.send(response.stream);
        if (eventStream && reply.raw.headersSent) reply.raw.flushHeaders();
      },
      onError(reply, { error }) {
        const cause = error.cause?.code ?? error.code ?? error.message;
        // A replica that is not there (killed, restarting) is passed over for a while; a request it did take is not retried.
        if (router && CONNECT_ERRORS.has(cause)) router.failed(reply.request.tertialUpstream);
        const status = error.statusCode === 504 ? 504 : 502;
        sendProblem(reply, status, `The ${name} service did not answer (${cause}).`);
      },
    },
  };
}

const CONNECT_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * The replicas of one service, taken in turn (round-robin) for each request. A replica that could not be reached is
 * passed over for `restMs`, so a killed one costs the request that found it dead (a 502 the client may retry), not
 * every other request until it is back; when all are resting, the next in turn is tried anyway.
 */
export function replicaRouter(bases, { restMs = 5_000, now = Date.now } = {}) {
  const origins = bases.map((base) => new URL(base).origin);
  const restingUntil = new Map();
  let next = 0;
  return {
    origins,
    pick() {
      for (let tried = 0; tried < origins.length; tried += 1) {
        const origin = origins[next++ % origins.length];
        if ((restingUntil.get(origin) ?? 0) <= now()) return origin;
      }
      return origins[next++ % origins.length];
    },
    failed(origin) {
      if (origin) restingUntil.set(origin, now() + restMs);
    },
  };
}

/** /api/<anything else>: a problem naming the services there are. */
function registerUnknownService(app, names) {
  const handler = (request, reply) => {
    const service = request.url.split('?', 1)[0].split('/')[2] ?? '';
    sendProblem(reply, 404, `No service is called "${service}": the API is /api/{${names.join(',')}}/...`);
  };
  app.all('/api', handler);
  app.all('/api/*', handler);
}

/**
 * The local provider (koa, oidc-provider) under /oidc: its own callback gets the request as it came, body
 * unread, so no content-type parser of Fastify's may touch it here.
 */
async function mountLocalProvider(app, { state }) {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));
  const handler = (request, reply) => {
    if (!state.leverantor) return sendProblem(reply, 503, 'The sign-in provider is starting: try again in a moment.');
    reply.hijack();
    state.leverantor.handle(request.raw, reply.raw);
  };
  app.all(OIDC_PATH, handler);
  app.all(`${OIDC_PATH}/*`, handler);
}

/** Where the dashboard signs in; read once at its start. */
function registerKonfiguration(app, state) {
  app.get('/konfiguration.json', (_request, reply) => {
    if (!state.konfiguration) {
      return sendProblem(
        reply,
        503,
        'The gateway has no sign-in configured: start it with an OpenID Connect issuer (TERTIAL_OIDC_ISSUER) or the local provider.',
      );
    }
    return reply.header('cache-control', 'no-cache').type('application/json; charset=utf-8').send(JSON.stringify(state.konfiguration));
  });
}

/**
 * The gateway's own health, for its readiness and liveness probes: 200 once it listens with sign-in configured, 503
 * before. It asks no service: the gateway holds no state, and one service being down must not take the gateway (the
 * dashboard, and the other services' APIs) out of rotation; each service's own probe is on its /health.
 */
function registerHealth(app, state) {
  app.get('/health', (_request, reply) => {
    if (!state.konfiguration) return sendProblem(reply, 503, 'The gateway has no sign-in configured yet.');
    return reply.header('cache-control', 'no-store').send({ status: 'ok' });
  });
}

/**
 * Files of the built dashboard, brotli or gzip as the build precompressed them and the browser accepts.
 * Hashed files under /assets/ are cached for a year; index.html is always revalidated, so a new build shows
 * at the next load. Paths without a file extension that match no file are dashboard routes and get
 * index.html; a missing /assets/x.js stays a 404 rather than HTML.
 */
async function registerDashboard(app, root) {
  const index = join(root, 'index.html');
  await app.register(fastifyStatic, {
    root,
    preCompressed: true,
    cacheControl: false,
    dotfiles: 'ignore',
    setHeaders(reply, path) {
      const hashed = path.startsWith(join(root, 'assets') + '/');
      reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return reply.code(405).header('allow', 'GET, HEAD').type('text/plain; charset=utf-8').send('Method not allowed\n');
    }
    const path = request.url.split('?', 1)[0];
    if (extname(path) !== '' && !path.endsWith('/')) return sendText(reply, 404, 'Not found\n');
    if (!existsSync(index))
      return sendText(reply, 503, `The dashboard is not built: ${index} is missing. Run \`npm run build\` and reload.\n`);
    return reply.sendFile('index.html');
  });
}

/**
 * The origins the dashboard may be opened on with the local provider: the public URL's, and on loopback both
 * localhost and 127.0.0.1 (the same machine, two origins); all of them come back to /inloggning/klar.
 */
function dashboardOrigins(publicUrl, port) {
  const origins = new Set([new URL(publicUrl).origin]);
  if (isLoopbackHost(new URL(publicUrl).hostname)) for (const name of ['localhost', '127.0.0.1']) origins.add(`http://${name}:${port}`);
  return [...origins];
}

/** The local demo provider from the identity package (its build, as the scripts use it). */
async function startLocalProvider(issuer, origins, { cookieKeys, signingKey } = {}) {
  const { skapaLokalLeverantor } = await import('@tertial/identity');
  return skapaLokalLeverantor({
    issuer,
    redirectUris: [...origins].map((origin) => `${origin}/inloggning/klar`),
    postLogoutRedirectUris: [...origins].flatMap((origin) => [`${origin}/`, `${origin}/inloggning/utloggad`]),
    cookieKeys: cookieKeys ?? (process.env.TERTIAL_OIDC_COOKIE_KEYS ? process.env.TERTIAL_OIDC_COOKIE_KEYS.split(',') : undefined),
    // npm start hands every gateway it starts the same key, so a restarted one accepts what the last one signed.
    signingKey: signingKey ?? (process.env.TERTIAL_OIDC_SIGNING_KEY ? JSON.parse(process.env.TERTIAL_OIDC_SIGNING_KEY) : undefined),
  });
}

function sendText(reply, status, text) {
  return reply.code(status).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send(text);
}

/** Errors in RFC 9457 problem details, the shape the services answer with; about:blank takes the status phrase as title. */
const STATUS_TITLES = { 404: 'Not Found', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };
function sendProblem(reply, status, detail) {
  const body = JSON.stringify({ type: 'about:blank', title: STATUS_TITLES[status], status, detail });
  return reply.code(status).header('cache-control', 'no-store').type('application/problem+json').send(body);
}

function envConfig(env = process.env) {
  return {
    port: Number(env.TERTIAL_PORT || 8080),
    host: env.TERTIAL_HOST || '127.0.0.1',
    staticDir: env.TERTIAL_STATIC_DIR || join(REPO_ROOT, 'apps', 'dashboard', 'dist'),
    // GOALS_URL, BUDGET_URL, FORECAST_URL, REPORT_URL; by default the ports of the local run (goals 3101 … report 3104).
    // Replicas of a service: their URLs separated by commas, taken in turn.
    services: Object.fromEntries(
      Object.entries(servicePorts()).map(([name, port]) => {
        const urls = (env[`${name.toUpperCase()}_URL`] || `http://127.0.0.1:${port}`).split(',').map((url) => url.trim());
        return [name, urls.length > 1 ? urls : urls[0]];
      }),
    ),
    oidc: oidcConfig(env),
  };
}

/**
 * The city's provider (TERTIAL_OIDC_ISSUER), or the local demo provider only when asked for with
 * TERTIAL_DEMO_LOGIN=1, its issuer on the URL people open. Neither, or both: no start.
 */
function oidcConfig(env) {
  const demo = env.TERTIAL_DEMO_LOGIN === '1';
  if (env.TERTIAL_OIDC_ISSUER && demo) {
    throw new ConfigError(
      'Both TERTIAL_OIDC_ISSUER and TERTIAL_DEMO_LOGIN=1 are set: choose the real provider (TERTIAL_OIDC_ISSUER) or the local demo provider (TERTIAL_DEMO_LOGIN=1), not both.',
    );
  }
  if (env.TERTIAL_OIDC_ISSUER) return { issuer: env.TERTIAL_OIDC_ISSUER };
  if (demo) return { local: true, publicUrl: env.TERTIAL_OIDC_PUBLIC_URL || `http://localhost:${Number(env.TERTIAL_PORT || 8080)}` };
  throw new ConfigError(
    "No sign-in configured: set TERTIAL_OIDC_ISSUER to the identity provider's issuer URL, or TERTIAL_DEMO_LOGIN=1 for the local demo provider (no passwords, anyone can sign in as anyone; for a local run on 127.0.0.1 only).",
  );
}

const runDirectly = import.meta.main ?? (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url));
if (runDirectly) {
  let config;
  let gateway;
  try {
    config = envConfig();
    gateway = await startGateway(config);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`[tertial] gateway not started: ${error.message}`);
    process.exit(1);
  }
  console.log(`[tertial] gateway on ${gateway.url} (dashboard from ${config.staticDir}; sign-in at ${gateway.issuer})`);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => void gateway.close().then(() => process.exit(0)));
  }
}
