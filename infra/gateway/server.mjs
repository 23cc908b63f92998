// The one origin the browser sees: /api/<service>/... goes to that service unchanged, everything else is
// the built dashboard (apps/dashboard/dist). Node's http only, so it runs anywhere Node does.
//
// Sign-in: /konfiguration.json tells the dashboard its OpenID Connect issuer; with the local demo provider
// (no TERTIAL_OIDC_ISSUER) the provider itself is mounted under /oidc.
//
//   node infra/gateway/server.mjs   (TERTIAL_PORT, TERTIAL_HOST, GOALS_URL, BUDGET_URL, FORECAST_URL, REPORT_URL,
//                                    TERTIAL_STATIC_DIR, TERTIAL_OIDC_ISSUER, TERTIAL_OIDC_PUBLIC_URL)
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
 */
function securityHeaders(issuer) {
  const connect = ["'self'", issuer ? new URL(issuer).origin : undefined].filter(Boolean);
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'content-security-policy': `default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src ${[...new Set(connect)].join(' ')}; frame-ancestors 'none'`,
  };
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
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

/**
 * Starts the gateway. `services` maps a service name to its base URL, e.g.
 * `{ goals: 'http://127.0.0.1:3101', ... }`. `oidc` is where the dashboard signs in: `{ issuer }` for the
 * city's identity provider, or `{ local: true }` for the local demo provider mounted under /oidc (issuer
 * `<publicUrl>/oidc`, publicUrl defaulting to the gateway's own URL; give the URL people open, since the
 * tokens' `iss` is this exact string). Resolves to `{ url, issuer, close() }` once listening; port 0 picks
 * a free port.
 */
export async function startGateway({ port, host = '127.0.0.1', staticDir, services, oidc }) {
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
    if (oidc?.local) {
      const publicUrl = (oidc.publicUrl ?? url).replace(/\/$/, '');
      issuer = `${publicUrl}${OIDC_PATH}`;
      leverantor = await startLocalProvider(issuer, publicUrl, actualPort, oidc);
    }
    if (issuer) {
      // The client id, scope and audience of the contract, from the built contracts package (as the scripts import it).
      const { DASHBOARD_CLIENT_ID, TERTIAL_API_AUDIENCE, TERTIAL_SCOPE } = await import(pathToFileURL(join(REPO_ROOT, 'packages/contracts/dist/index.js')).href);
      konfiguration = { oidc: { issuer, clientId: DASHBOARD_CLIENT_ID, scope: TERTIAL_SCOPE, resource: TERTIAL_API_AUDIENCE } };
      headers = securityHeaders(issuer);
    }
    return { url, issuer, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The local demo provider from the built identity package. The dashboard may be opened on localhost or on
 * 127.0.0.1 (the same machine, two origins): both come back to /inloggning/klar.
 */
async function startLocalProvider(issuer, publicUrl, port, { cookieKeys } = {}) {
  const { skapaLokalLeverantor } = await import(pathToFileURL(join(REPO_ROOT, 'packages/identity/dist/index.js')).href);
  const origins = new Set([new URL(publicUrl).origin]);
  const loopback = new Set(['localhost', '127.0.0.1', '[::1]']);
  if (loopback.has(new URL(publicUrl).hostname)) for (const name of ['localhost', '127.0.0.1']) origins.add(`http://${name}:${port}`);
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
  if (!konfiguration) return sendProblem(res, 503, 'Service Unavailable', 'The gateway has no sign-in configured: start it with an OpenID Connect issuer (TERTIAL_OIDC_ISSUER) or the local provider.');
  const body = JSON.stringify(konfiguration);
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache', 'content-length': Buffer.byteLength(body) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Passes /api/<service>/... to the service as it came: method, path, query, headers and a streamed body. */
function proxy(req, res, upstreams, agent) {
  const service = req.url.split('?', 1)[0].split('/')[2] ?? '';
  const upstream = upstreams.get(service);
  if (!upstream) {
    return sendProblem(res, 404, 'Not Found', `No service is called "${service}": the API is /api/{${[...upstreams.keys()].join(',')}}/...`);
  }

  const headers = forwardableHeaders(req.headers);
  headers['x-forwarded-for'] = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
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
    res.writeHead(upstreamRes.statusCode, upstreamRes.statusMessage, forwardableHeaders(upstreamRes.headers));
    res.flushHeaders();
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
  const connectionListed = new Set(String(headers.connection ?? '').toLowerCase().split(',').map((name) => name.trim()));
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
    // The city's provider when named; otherwise the local demo provider, its issuer on the URL people open.
    oidc: env.TERTIAL_OIDC_ISSUER
      ? { issuer: env.TERTIAL_OIDC_ISSUER }
      : { local: true, publicUrl: env.TERTIAL_OIDC_PUBLIC_URL || `http://localhost:${Number(env.TERTIAL_PORT || 8080)}` },
  };
}

const runDirectly = import.meta.main ?? (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url));
if (runDirectly) {
  const config = envConfig();
  const gateway = await startGateway(config);
  console.log(`[tertial] gateway on ${gateway.url} (dashboard from ${config.staticDir}; sign-in at ${gateway.issuer})`);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => gateway.close().then(() => process.exit(0)));
  }
}
