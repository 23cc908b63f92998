import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { balanskrav, importBalanskrav } from './balanskrav.js';

// The help says: 0 done, 1 refused, 2 used wrongly or Tertial unreachable. Port 1 on the loopback refuses connections.
const OSTANGD = 'http://127.0.0.1:1';
const fil = join(mkdtempSync(join(tmpdir(), 'balanskrav-')), 'historik.csv');
writeFileSync(fil, 'ar;arets_resultat\n2024;1\n');

let server: Server;
let tertial: string;
beforeAll(async () => {
  // A proxy's error page for 2099, a problem+json 404 for every other year.
  server = createServer((request, response) => {
    if (request.url?.includes('2099')) response.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad Gateway</h1>');
    else response.writeHead(404, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ title: 'Ingen utredning' }));
  });
  await new Promise<void>((klar) => server.listen(0, '127.0.0.1', klar));
  tertial = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((klar) => server.close(() => klar())));

let fel: string[] = [];
const stderr = () => {
  fel = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void fel.push(args.join(' ')));
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
};
afterEach(() => vi.restoreAllMocks());

describe('npx tertial import-balanskrav: exit status 2 for used wrongly or unreachable', () => {
  it.each([
    ['a file that is not there', ['/finns/inte/historik.csv', '--url', OSTANGD], /Filen \/finns\/inte\/historik.csv kunde inte läsas/],
    ['an unknown flag', [fil, '--torrkorning'], /Unknown option '--torrkorning'/],
    ['Tertial unreachable', [fil, '--url', OSTANGD], /Tertial kunde inte nås på http:\/\/127.0.0.1:1\/api\/report\/balanskrav\/historik/],
    ['a --url that is no address', [fil, '--url', 'inte en adress'], /--url inte en adress är ingen adress/],
  ])('%s', async (_, argv, meddelande) => {
    stderr();
    expect(await importBalanskrav(argv)).toBe(2);
    expect(fel.join('\n')).toMatch(meddelande);
  });
});

describe('npx tertial balanskrav: exit status 2 for used wrongly or unreachable, 1 for a year without an utredning', () => {
  it.each([
    ['an unknown flag', ['--ar', '2044', '--manad', '3', '--url', OSTANGD], /Unknown option '--manad'/],
    ['Tertial unreachable', ['--ar', '2044', '--url', OSTANGD], /Tertial kunde inte nås på http:\/\/127.0.0.1:1\//],
    ['an answer that is not Tertial', ['--ar', '2099', '--tillfalle', 'bokslut'], /Tertial svarade inte \(502\)/],
  ])('%s', async (_, argv, meddelande) => {
    stderr();
    expect(await balanskrav([...argv, ...(argv.includes('--url') ? [] : ['--url', tertial])])).toBe(2);
    expect(fel.join('\n')).toMatch(meddelande);
  });

  it('a year Tertial has no utredning of is still 1', async () => {
    stderr();
    expect(await balanskrav(['--ar', '2044', '--url', tertial])).toBe(1);
    expect(fel).toEqual(['2044 har ingen balanskravsutredning.']);
  });
});
