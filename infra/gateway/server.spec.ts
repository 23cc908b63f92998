import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { replicaRouter, startGateway } from './server.mjs';

const ISSUER = 'https://login.stad.example/realms/tertial';
const INDEX_HTML = '<!doctype html><html lang="sv"><title>Tertial</title><div id="root"></div></html>';
const APP_JS = `export const sidor = ${JSON.stringify('Stadens prognos '.repeat(2000))};\n`;

/** A built dashboard as Vite and vite-plugin-compression2 leave it: hashed assets with .br and .gz beside them. */
function dashboardDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tertial-gateway-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX_HTML);
  writeFileSync(join(dir, 'assets/index-Bx3f9aQk.js'), APP_JS);
  writeFileSync(join(dir, 'assets/index-Bx3f9aQk.js.br'), brotliCompressSync(APP_JS));
  writeFileSync(join(dir, 'assets/index-Bx3f9aQk.js.gz'), gzipSync(APP_JS));
  return dir;
}

/** What a stand-in service answers; an async one's rejection fails the test through its own expectations. */
type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

/** A stand-in for a service: each test sets what it answers. */
async function fakeService(): Promise<{ url: string; handle: (handler: Handler) => void; close: () => Promise<void> }> {
  let handler: Handler = (_req, res) => res.writeHead(500).end();
  const server = http.createServer((req, res) => void handler(req, res));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    handle: (next) => (handler = next),
    close: () => {
      server.closeAllConnections();
      return new Promise((done) => server.close(() => done()));
    },
  };
}

/** A request through Node's http, so that a test sees the connection as it is (headers, close, a body sent in parts). */
function request(
  url: string,
  { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {},
): { req: http.ClientRequest; response: Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> } {
  const req = http.request(url, { method, headers, agent: false });
  const response = new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
  });
  return { req, response };
}

describe('the gateway', () => {
  let dist: string;
  let goals: Awaited<ReturnType<typeof fakeService>>;
  let budget: Awaited<ReturnType<typeof fakeService>>;
  let gateway: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    dist = dashboardDist();
    goals = await fakeService();
    budget = await fakeService();
    gateway = await startGateway({
      port: 0,
      staticDir: dist,
      // forecast points at a port nothing listens on: a service that is down.
      services: { goals: goals.url, budget: budget.url, forecast: 'http://127.0.0.1:9', report: goals.url },
      oidc: { issuer: ISSUER },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await Promise.all([goals?.close(), budget?.close()]);
    rmSync(dist, { recursive: true, force: true });
  });

  describe('security headers', () => {
    it('sends the same CSP as before on the dashboard, the API and the sign-in configuration', async () => {
      goals.handle((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('[]'));
      for (const path of ['/', '/api/goals/mal', '/konfiguration.json']) {
        const response = await fetch(`${gateway.url}${path}`);
        const csp = response.headers.get('content-security-policy') ?? '';
        expect(csp.split(';').map((directive) => directive.trim())).toEqual([
          "default-src 'self'",
          "style-src 'self' 'unsafe-inline'",
          "img-src 'self' data:",
          "connect-src 'self' https://login.stad.example",
          "form-action 'self' https://login.stad.example",
          "base-uri 'none'",
          "frame-ancestors 'none'",
        ]);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('referrer-policy')).toBe('same-origin');
        expect(response.headers.get('strict-transport-security')).toBeNull();
      }
    });

    it('tells the dashboard where it signs in', async () => {
      const response = await fetch(`${gateway.url}/konfiguration.json`);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.json()).toEqual({
        oidc: { issuer: ISSUER, clientId: 'tertial-dashboard', scope: 'openid profile tertial', resource: 'urn:tertial:api' },
      });
    });
  });

  describe('its health', () => {
    it('answers /health at once, without asking the services (forecast here is down)', async () => {
      let asked = 0;
      goals.handle((_req, res) => {
        asked += 1;
        res.writeHead(500).end();
      });
      const response = await fetch(`${gateway.url}/health`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toEqual({ status: 'ok' });
      expect(asked).toBe(0);
    });
  });

  describe('the API', () => {
    it('passes method, path and query on unchanged, drops cookies and sets X-Forwarded-For itself', async () => {
      let seen: { method?: string; url?: string; headers?: http.IncomingHttpHeaders } = {};
      goals.handle((req, res) => {
        seen = { method: req.method, url: req.url, headers: req.headers };
        res.writeHead(204).end();
      });
      const response = await fetch(`${gateway.url}/api/goals/mal/42?ar=2026&tillfalle=augusti`, {
        method: 'DELETE',
        headers: { cookie: '_session=hemlig', authorization: 'Bearer x', 'x-forwarded-for': '10.0.0.1' },
      });
      expect(response.status).toBe(204);
      expect(seen.method).toBe('DELETE');
      expect(seen.url).toBe('/api/goals/mal/42?ar=2026&tillfalle=augusti');
      expect(seen.headers?.cookie).toBeUndefined();
      expect(seen.headers?.authorization).toBe('Bearer x');
      expect(seen.headers?.['x-forwarded-for']).toBe('127.0.0.1');
    });

    it('answers a problem for a service that does not exist, and for one that does not answer', async () => {
      const unknown = await fetch(`${gateway.url}/api/lon/anstallda`);
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('content-type')).toContain('application/problem+json');
      expect(((await unknown.json()) as { detail: string }).detail).toContain('No service is called "lon"');

      const down = await fetch(`${gateway.url}/api/forecast/ansvar`);
      expect(down.status).toBe(502);
      expect(down.headers.get('content-type')).toContain('application/problem+json');
      expect(((await down.json()) as { detail: string }).detail).toMatch(/^The forecast service did not answer/);
    });

    it('passes a service’s 503 on at once rather than retrying it', async () => {
      let requests = 0;
      goals.handle((_req, res) => {
        requests += 1;
        res.writeHead(503, { 'content-type': 'application/problem+json' }).end('{"status":503,"detail":"databasen svarar inte"}');
      });
      const response = await fetch(`${gateway.url}/api/goals/health`);
      expect(response.status).toBe(503);
      expect(((await response.json()) as { detail: string }).detail).toBe('databasen svarar inte');
      expect(requests).toBe(1);
    });

    it('passes server-sent events on as they come: headers at once, each event before the next is written, uncompressed', async () => {
      let sendNext!: () => void;
      const next = new Promise<void>((resolve) => (sendNext = resolve));
      goals.handle((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
        res.flushHeaders();
        res.write('event: totaler\ndata: {"stad":1}\n\n');
        void next.then(() => res.end('event: totaler\ndata: {"stad":2}\n\n'));
      });
      const response = await fetch(`${gateway.url}/api/goals/live`, { headers: { 'accept-encoding': 'br, gzip' } });
      expect(response.headers.get('content-type')).toBe('text/event-stream');
      expect(response.headers.get('content-encoding')).toBeNull();
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      // The second event is written only after the first has arrived: a buffering gateway never gets here.
      expect((await reader.read()).value).toBe('event: totaler\ndata: {"stad":1}\n\n');
      sendNext();
      let rest = '';
      for (let part = await reader.read(); !part.done; part = await reader.read()) rest += part.value;
      expect(rest).toBe('event: totaler\ndata: {"stad":2}\n\n');
    });

    it('ends the request to the service when the browser leaves an event stream', async () => {
      let serviceSawClose!: () => void;
      const closed = new Promise<void>((resolve) => (serviceSawClose = resolve));
      goals.handle((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(': ansluten\n\n');
        res.on('close', () => serviceSawClose());
      });
      const leave = new AbortController();
      const response = await fetch(`${gateway.url}/api/goals/live`, { signal: leave.signal });
      await response.body!.getReader().read();
      leave.abort();
      await closed; // the test times out if the gateway keeps the service's stream open
    });

    it('streams an upload to the service while it is still being sent', async () => {
      let firstChunkArrived!: () => void;
      const arrived = new Promise<void>((resolve) => (firstChunkArrived = resolve));
      budget.handle(async (req, res) => {
        let bytes = 0;
        for await (const chunk of req) {
          if (bytes === 0) firstChunkArrived();
          bytes += (chunk as Buffer).length;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ bytes }));
      });
      const part = Buffer.alloc(1024 * 1024, 'x');
      const { req, response } = request(`${gateway.url}/api/budget/utfall/import?filnamn=stor.se`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
      });
      req.write(part);
      // The rest is sent only once the service has the first megabyte: a gateway that read the whole body first would wait forever.
      await arrived;
      for (let i = 0; i < 7; i++) req.write(part);
      req.end();
      const { status, body } = await response;
      expect(status).toBe(200);
      expect(JSON.parse(body.toString())).toEqual({ bytes: 8 * 1024 * 1024 });
    });

    it('passes on an answer the service gives before it has read the upload, and closes that connection', async () => {
      budget.handle((req, res) => {
        req.once('data', () => {
          req.pause();
          res.writeHead(413, { 'content-type': 'application/problem+json' });
          res.end(JSON.stringify({ type: 'about:blank', title: 'Payload Too Large', status: 413, detail: 'Filen är för stor' }));
        });
      });
      const { req, response } = request(`${gateway.url}/api/budget/utfall/import?filnamn=for-stor.se`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
      });
      req.on('error', () => {}); // the gateway may close the connection while we still send
      let answered = false;
      void response.then(() => (answered = true)).catch(() => {});
      const part = Buffer.alloc(256 * 1024, 'x');
      // Keeps sending, as a browser does, until the answer is there (at most 64 MB).
      for (let i = 0; i < 256 && !answered && !req.destroyed; i++) {
        if (!req.write(part)) await Promise.race([once(req, 'drain'), response, new Promise((r) => setTimeout(r, 200))]);
      }
      const { status, headers, body } = await response;
      expect(status).toBe(413);
      expect(headers.connection).toBe('close');
      expect((JSON.parse(body.toString()) as { detail: string }).detail).toBe('Filen är för stor');
      req.destroy();

      // The gateway carries on.
      budget.handle((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
      expect(await (await fetch(`${gateway.url}/api/budget/health`)).json()).toEqual({ ok: true });
    });
  });

  describe('the dashboard', () => {
    it('answers a dashboard route with index.html, revalidated on every load', async () => {
      for (const path of ['/', '/prognoser/2026/augusti', '/budget/versioner/']) {
        const response = await fetch(`${gateway.url}${path}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toContain('text/html');
        expect(response.headers.get('cache-control')).toBe('no-cache');
        expect(await response.text()).toBe(INDEX_HTML);
      }
    });

    it('keeps a missing file a 404 rather than HTML, and takes only GET and HEAD', async () => {
      const missing = await fetch(`${gateway.url}/assets/index-saknas0.js`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).not.toContain('text/html');
      const post = await fetch(`${gateway.url}/prognoser`, { method: 'POST', body: 'x' });
      expect(post.status).toBe(405);
    });

    it.each([
      ['br, gzip', 'br', brotliCompressSync(APP_JS)],
      ['gzip', 'gzip', gzipSync(APP_JS)],
      ['identity', undefined, Buffer.from(APP_JS)],
    ])('serves a hashed asset precompressed as the browser accepts (%s), cached for a year', async (accept, encoding, expected) => {
      const { req, response } = request(`${gateway.url}/assets/index-Bx3f9aQk.js`, { headers: { 'accept-encoding': accept } });
      req.end();
      const { status, headers, body } = await response;
      expect(status).toBe(200);
      expect(headers['content-encoding']).toBe(encoding);
      expect(headers['content-type']).toMatch(/javascript/);
      expect(headers.vary).toMatch(/accept-encoding/i);
      expect(headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(body.equals(expected)).toBe(true);
    });
  });
});

describe('the gateway with the local demo provider', () => {
  let dist: string;
  let gateway: { url: string; issuer: string; close: () => Promise<void> };

  beforeAll(async () => {
    dist = dashboardDist();
    gateway = await startGateway({ port: 0, staticDir: dist, services: {}, oidc: { local: true } });
  }, 60_000); // the provider (koa, oidc-provider) takes a while to load on a busy machine
  afterAll(async () => {
    await gateway?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('mounts the provider under /oidc, with its issuer on the gateway’s URL', async () => {
    expect(gateway.issuer).toBe(`${gateway.url}/oidc`);
    const discovery = (await (await fetch(`${gateway.url}/oidc/.well-known/openid-configuration`)).json()) as {
      issuer: string;
      token_endpoint: string;
    };
    expect(discovery.issuer).toBe(gateway.issuer);
    expect(discovery.token_endpoint).toBe(`${gateway.issuer}/token`);
  });

  it('lets the provider’s forms post back on both loopback names, and nowhere else', async () => {
    const port = new URL(gateway.url).port;
    const csp = (await fetch(`${gateway.url}/`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`form-action 'self' http://127.0.0.1:${port} http://localhost:${port};`);
    expect(csp).toContain("connect-src 'self' http://127.0.0.1");
  });

  it('refuses to serve the demo provider on an address that is not loopback', async () => {
    await expect(startGateway({ port: 0, host: '0.0.0.0', staticDir: dist, services: {}, oidc: { local: true } })).rejects.toThrow(
      /only served on a loopback address/,
    );
  });
});

describe('the gateway in front of replicas', () => {
  let dist: string;
  let ettan: Awaited<ReturnType<typeof fakeService>>;
  let tvaan: Awaited<ReturnType<typeof fakeService>>;
  let gateway: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    dist = dashboardDist();
    ettan = await fakeService();
    tvaan = await fakeService();
    ettan.handle((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('1'));
    tvaan.handle((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('2'));
    gateway = await startGateway({
      port: 0,
      staticDir: dist,
      services: { goals: ettan.url, budget: ettan.url, forecast: [ettan.url, tvaan.url], report: ettan.url },
      oidc: { issuer: ISSUER },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await Promise.all([ettan?.close(), tvaan?.close()]);
    rmSync(dist, { recursive: true, force: true });
  });

  const svar = async () => {
    const response = await fetch(`${gateway.url}/api/forecast/omgangar`);
    return `${response.status} ${await response.text()}`;
  };

  it('sends each request to the next replica in turn', async () => {
    const svaren = [];
    for (let i = 0; i < 6; i += 1) svaren.push(await svar());
    expect(svaren.filter((s) => s === '200 1')).toHaveLength(3);
    expect(svaren.filter((s) => s === '200 2')).toHaveLength(3);
    expect(svaren[0]).not.toBe(svaren[1]);
  });

  it('passes over a replica that is gone after the one request that found it gone', async () => {
    await tvaan.close();
    const svaren = [];
    for (let i = 0; i < 6; i += 1) svaren.push(await svar());
    // At most one 502 (a problem naming the service), then the living replica answers every request.
    expect(svaren.filter((s) => s.startsWith('502')).length).toBeLessThanOrEqual(1);
    expect(svaren.slice(-4)).toEqual(['200 1', '200 1', '200 1', '200 1']);
  });
});

describe('replicaRouter', () => {
  it('takes the replicas in turn, rests one that failed, and tries it again after the rest', () => {
    let klocka = 0;
    const router = replicaRouter(['http://127.0.0.1:1/api', 'http://127.0.0.1:2'], { restMs: 1_000, now: () => klocka });
    expect([router.pick(), router.pick(), router.pick()]).toEqual(['http://127.0.0.1:1', 'http://127.0.0.1:2', 'http://127.0.0.1:1']);
    router.failed('http://127.0.0.1:2');
    expect([router.pick(), router.pick()]).toEqual(['http://127.0.0.1:1', 'http://127.0.0.1:1']);
    klocka = 1_000;
    expect(new Set([router.pick(), router.pick()])).toEqual(new Set(['http://127.0.0.1:1', 'http://127.0.0.1:2']));
    // All resting: the next in turn is tried anyway, rather than no one.
    router.failed('http://127.0.0.1:1');
    router.failed('http://127.0.0.1:2');
    expect(router.pick()).toMatch(/^http:\/\/127\.0\.0\.1:[12]$/);
  });
});
