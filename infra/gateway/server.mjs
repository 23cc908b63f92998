// The one origin the browser sees: /api/<service>/... goes to that service unchanged, everything else is
// the built dashboard (apps/dashboard/dist). Node's http only, so it runs anywhere Node does.
//
// Sign-in: /konfiguration.json tells the dashboard its OpenID Connect issuer (TERTIAL_OIDC_ISSUER). The local
// demo provider, where anyone signs in as anyone, is strictly opt-in: TERTIAL_DEMO_LOGIN=1 mounts it under
// /oidc, and only on a loopback address (TERTIAL_DEMO_LOGIN_ALLOW_NON_LOOPBACK=1 overrides that). With
// neither set the gateway refuses to start.
//
//   node infra/gateway/server.mjs   (TERTIAL_PORT, TERTIAL_HOST, GOALS_URL, BUDGET_URL, FORECAST_URL, REPORT_URL,
//                                    TERTIAL_STATIC_DIR, TERTIAL_OIDC_ISSUER, TERTIAL_DEMO_LOGIN,
//                                    TERTIAL_OIDC_PUBLIC_URL)
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
function securityHeaders(issuer, formOrigins = []) {
  const issuerOrigin = issuer ? new URL(issuer).origin : undefined;
  const connect = ["'self'", issuerOrigin].filter(Boolean);
  const form = ["'self'", issuerOrigin, ...formOrigins].filter(Boolean);
  const csp = [
    "default-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src ${[...new Set(connect)].join(' ')}`,
    `form-action ${[...new Set(form)].join(' ')}`,
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ];
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'content-security-policy': csp.join('; '),
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

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

// Headers that describe one connection, not the message: never forwarded by a proxy (RFC 9110 7.6.1).
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * Starts the gateway. `services` maps a service name to its base URL, e.g.
 * `{ goals: 'http://127.0.0.1:3101', ... }`. `oidc` is where the dashboard signs in: `{ issuer }` for the
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
  const upstreams = new Map(Object.entries(services).map(([name, base]) => [name, new URL(base)]));
  // Our own keep-alive pool to the services: no per-request TCP handshakes, no idle timeout on live streams.
  const agent = new http.Agent({ keepAlive: true });
  const root = resolve(staticDir);
  let headers = securityHeaders(oidc?.local ? undefined : oidc?.issuer);
  let konfiguration;
  let leverantor;

  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const path = req.url.split('?', 1)[0];
    if (path === '/api' || path.startsWith('/api/')) return proxy(req, res, upstreams, agent);
    if (leverantor && (path === OIDC_PATH || path.startsWith(`${OIDC_PATH}/`))) return leverantor.handle(req, res);
    if (path === '/konfiguration.json') return sendKonfiguration(req, res, konfiguration);
    serveStatic(req, res, root).catch((error) => {
      if (!res.headersSent) sendText(res, 500, `Internal error: ${error.message}\n`);
      else res.destroy(error);
    });
  });
  // Server-Sent Events stay open for as long as the page does; the request timeout only guards the
  // request itself (headers and body), which is short for every route here.
  server.timeout = 0;
  server.requestTimeout = 60_000;

  await new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  const { port: actualPort } = server.address();
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${actualPort}`;
  const close = () =>
    new Promise((done) => {
      server.close(() => done());
      server.closeAllConnections(); // open event streams would otherwise keep it from closing
      agent.destroy();
    });
  try {
    let issuer = oidc?.issuer;
    let formOrigins = [];
    if (oidc?.local) {
      const publicUrl = (oidc.publicUrl ?? url).replace(/\/$/, '');
      issuer = `${publicUrl}${OIDC_PATH}`;
      formOrigins = dashboardOrigins(publicUrl, actualPort);
      leverantor = await startLocalProvider(issuer, formOrigins, oidc);
    }
    if (issuer) {
      // The client id, scope and audience of the contract, from the built contracts package (as the scripts import it).
      const { DASHBOARD_CLIENT_ID, TERTIAL_API_AUDIENCE, TERTIAL_SCOPE } = await import(
        pathToFileURL(join(REPO_ROOT, 'packages/contracts/dist/index.js')).href
      );
      konfiguration = { oidc: { issuer, clientId: DASHBOARD_CLIENT_ID, scope: TERTIAL_SCOPE, resource: TERTIAL_API_AUDIENCE } };
      headers = securityHeaders(issuer, formOrigins);
    }
    return { url, issuer, close };
  } catch (error) {
    await close();
    throw error;
  }
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

/** The local demo provider from the built identity package. */
async function startLocalProvider(issuer, origins, { cookieKeys } = {}) {
  const { skapaLokalLeverantor } = await import(pathToFileURL(join(REPO_ROOT, 'packages/identity/dist/index.js')).href);
  return skapaLokalLeverantor({
    issuer,
    redirectUris: [...origins].map((origin) => `${origin}/inloggning/klar`),
    postLogoutRedirectUris: [...origins].flatMap((origin) => [`${origin}/`, `${origin}/inloggning/utloggad`]),
    cookieKeys: cookieKeys ?? (process.env.TERTIAL_OIDC_COOKIE_KEYS ? process.env.TERTIAL_OIDC_COOKIE_KEYS.split(',') : undefined),
  });
}

/** Where the dashboard signs in; read once at its start. */
function sendKonfiguration(req, res, konfiguration) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return sendText(res, 405, 'Method not allowed\n');
  }
  if (!konfiguration)
    return sendProblem(
      res,
      503,
      'Service Unavailable',
      'The gateway has no sign-in configured: start it with an OpenID Connect issuer (TERTIAL_OIDC_ISSUER) or the local provider.',
    );
  const body = JSON.stringify(konfiguration);
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-cache',
    'content-length': Buffer.byteLength(body),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Passes /api/<service>/... to the service as it came: method, path, query, headers and a streamed body. */
function proxy(req, res, upstreams, agent) {
  const service = req.url.split('?', 1)[0].split('/')[2] ?? '';
  const upstream = upstreams.get(service);
  if (!upstream) {
    return sendProblem(
      res,
      404,
      'Not Found',
      `No service is called "${service}": the API is /api/{${[...upstreams.keys()].join(',')}}/...`,
    );
  }

  const headers = forwardableHeaders(req.headers);
  // The API takes bearer tokens only: the provider's session cookies (and any other) stay with the browser.
  delete headers.cookie;
  // The address this gateway saw, not what the client claims: a client-sent X-Forwarded-For is dropped.
  headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  headers['x-forwarded-host'] = req.headers.host ?? '';
  headers['x-forwarded-proto'] = 'http';

  const upstreamReq = http.request({
    protocol: upstream.protocol,
    hostname: upstream.hostname,
    port: upstream.port,
    method: req.method,
    path: `${upstream.pathname.replace(/\/$/, '')}${req.url}`,
    headers,
    agent,
  });

  upstreamReq.on('response', (upstreamRes) => {
    if (/^text\/event-stream/i.test(upstreamRes.headers['content-type'] ?? '')) {
      // An event stream is idle between events: no timeout may cut it, and each event goes out at once.
      req.socket.setTimeout(0);
      req.socket.setNoDelay(true);
      upstreamRes.socket.setTimeout(0);
    }
    // A service may answer before it has read the whole body (a refused upload): this connection then ends
    // with the answer, and the client is told so rather than finding a dead socket on its next request.
    const uploadUnfinished = !req.complete;
    res.writeHead(upstreamRes.statusCode, upstreamRes.statusMessage, {
      ...forwardableHeaders(upstreamRes.headers),
      ...(uploadUnfinished ? { connection: 'close' } : {}),
    });
    res.flushHeaders();
    if (uploadUnfinished) {
      req.unpipe(upstreamReq);
      upstreamRes.on('end', () => upstreamReq.destroy());
    }
    upstreamRes.pipe(res); // streamed as it arrives, never buffered whole
    upstreamRes.on('error', () => res.destroy());
  });

  upstreamReq.on('error', (error) => {
    if (res.headersSent) return res.destroy(error);
    sendProblem(res, 502, 'Bad Gateway', `The ${service} service did not answer (${error.code ?? error.message}).`);
  });

  // When the browser goes away (a closed tab on an event stream), stop the request to the service too.
  res.on('close', () => {
    if (!res.writableFinished) upstreamReq.destroy();
  });

  req.pipe(upstreamReq);
}

function forwardableHeaders(headers) {
  const connectionListed = new Set(
    String(headers.connection ?? '')
      .toLowerCase()
      .split(',')
      .map((name) => name.trim()),
  );
  const kept = {};
  for (const [name, value] of Object.entries(headers)) {
    if (HOP_BY_HOP.has(name) || connectionListed.has(name) || name === 'host') continue;
    kept[name] = value;
  }
  return kept;
}

/**
 * Files of the built dashboard. Hashed files under /assets/ are cached for a year; index.html is always
 * revalidated, so a new build shows at the next load. Paths without a file extension that match no file
 * are dashboard routes and get index.html; a missing /assets/x.js stays a 404 rather than HTML.
 */
async function serveStatic(req, res, root) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return sendText(res, 405, 'Method not allowed\n');
  }
  let path;
  try {
    path = decodeURIComponent(req.url.split('?', 1)[0]);
  } catch {
    return sendText(res, 400, 'Bad path\n');
  }
  const file = resolve(root, `.${path}`);
  if (path.includes('\0') || (file !== root && !file.startsWith(root + sep))) return sendText(res, 404, 'Not found\n');

  const found = await fileStat(file);
  if (found) return sendFile(req, res, file, found, path.startsWith('/assets/'));

  const index = join(root, 'index.html');
  const indexStat = await fileStat(index);
  if (extname(path) === '' || path.endsWith('/')) {
    if (!indexStat) {
      return sendText(res, 503, `The dashboard is not built: ${index} is missing. Run \`npm run build\` and reload.\n`);
    }
    return sendFile(req, res, index, indexStat, false);
  }
  return sendText(res, 404, 'Not found\n');
}

async function fileStat(file) {
  try {
    const info = await stat(file);
    return info.isFile() ? info : undefined;
  } catch {
    return undefined;
  }
}

function sendFile(req, res, file, info, immutable) {
  const etag = `W/"${info.size.toString(16)}-${Math.trunc(info.mtimeMs).toString(16)}"`;
  res.setHeader('content-type', CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream');
  res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  res.setHeader('etag', etag);
  res.setHeader('last-modified', info.mtime.toUTCString());
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304);
    return res.end();
  }
  res.setHeader('content-length', info.size);
  res.writeHead(200);
  if (req.method === 'HEAD') return res.end();
  createReadStream(file)
    .on('error', (error) => res.destroy(error))
    .pipe(res);
}

function sendText(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/** Errors in RFC 9457 problem details, the shape the services answer with; about:blank takes the status phrase as title. */
function sendProblem(res, status, title, detail) {
  const body = JSON.stringify({ type: 'about:blank', title, status, detail });
  res.writeHead(status, { 'content-type': 'application/problem+json', 'cache-control': 'no-store' });
  res.end(body);
}

function envConfig(env = process.env) {
  return {
    port: Number(env.TERTIAL_PORT || 8080),
    host: env.TERTIAL_HOST || '127.0.0.1',
    staticDir: env.TERTIAL_STATIC_DIR || join(REPO_ROOT, 'apps', 'dashboard', 'dist'),
    services: {
      goals: env.GOALS_URL || 'http://127.0.0.1:3101',
      budget: env.BUDGET_URL || 'http://127.0.0.1:3102',
      forecast: env.FORECAST_URL || 'http://127.0.0.1:3103',
      report: env.REPORT_URL || 'http://127.0.0.1:3104',
    },
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
    process.once(signal, () => gateway.close().then(() => process.exit(0)));
  }
}
