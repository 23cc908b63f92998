// The one origin the browser sees: /api/<service>/... goes to that service unchanged, everything else is
// the built dashboard (apps/dashboard/dist). Node's http only, so it runs anywhere Node does.
//
//   node infra/gateway/server.mjs   (TERTIAL_PORT, TERTIAL_HOST, GOALS_URL, BUDGET_URL, FORECAST_URL, REPORT_URL,
//                                    TERTIAL_STATIC_DIR)
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  // Same origin only; inline styles because ECharts sets style attributes on the elements it draws.
  'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'",
};

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
 * `{ goals: 'http://127.0.0.1:3101', ... }`. Resolves to `{ url, close() }` once listening; port 0 picks a
 * free port.
 */
export function startGateway({ port, host = '127.0.0.1', staticDir, services }) {
  const upstreams = new Map(Object.entries(services).map(([name, base]) => [name, new URL(base)]));
  // Our own keep-alive pool to the services: no per-request TCP handshakes, no idle timeout on live streams.
  const agent = new http.Agent({ keepAlive: true });
  const root = resolve(staticDir);

  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const path = req.url.split('?', 1)[0];
    if (path === '/api' || path.startsWith('/api/')) return proxy(req, res, upstreams, agent);
    serveStatic(req, res, root).catch((error) => {
      if (!res.headersSent) sendText(res, 500, `Internal error: ${error.message}\n`);
      else res.destroy(error);
    });
  });
  // Server-Sent Events stay open for as long as the page does; the request timeout only guards the
  // request itself (headers and body), which is short for every route here.
  server.timeout = 0;
  server.requestTimeout = 60_000;

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const { port: actualPort } = server.address();
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolvePromise({
        url: `http://${shownHost}:${actualPort}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections(); // open event streams would otherwise keep it from closing
            agent.destroy();
          }),
      });
    });
  });
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
  };
}

const runDirectly = import.meta.main ?? (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url));
if (runDirectly) {
  const config = envConfig();
  const gateway = await startGateway(config);
  console.log(`[tertial] gateway on ${gateway.url} (dashboard from ${config.staticDir})`);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => gateway.close().then(() => process.exit(0)));
  }
}
