import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import type { UtfallImportResultat } from '@tertial/contracts/dto';
import { kontogruppForKonto, visatBelopp } from '@tertial/contracts/kontoplan';
import { describe, expect, inject, it } from 'vitest';

import { apiClient } from '../support/api.js';
import { ALLA_ANSVAR } from '../support/demo.js';
import { ROOT } from '../support/services.js';
import { demoSieSpec, generatedUtfall, pc8, sieBytes, writeTemp } from '../support/sie.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);
const [ANSVAR] = ALLA_ANSVAR.map((node) => node.kod) as [string];

const upload = (bytes: Buffer, { dryRun = false, filnamn = 'utfall.se' } = {}) =>
  api.json<UtfallImportResultat & { resultat?: UtfallImportResultat; errors?: { field: string; message: string }[] }>(
    `/api/budget/utfall/import?dryRun=${dryRun}&filnamn=${filnamn}`,
    { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: bytes },
  );
const summor = async () =>
  (await api.json<{ manad: number; kontogrupp: string; beloppOre: number }[]>('/api/budget/utfall/summor?ar=2026')).body;
const importer = async () => (await api.json<unknown[]>('/api/budget/utfall/importer')).body.length;

/** What the city's totals per month and kontogrupp must be after importing a generated file. */
function forvantadeSummor(spec: Parameters<typeof generatedUtfall>[0]) {
  const summa = new Map<string, number>();
  for (const rad of generatedUtfall(spec)) {
    const grupp = kontogruppForKonto(Number(rad.konto));
    if (!grupp || rad.ansvar === null) continue;
    summa.set(`${rad.manad}:${grupp}`, (summa.get(`${rad.manad}:${grupp}`) ?? 0) + visatBelopp(grupp, rad.beloppOre));
  }
  return [...summa].map(([key, beloppOre]) => ({ manad: Number(key.split(':')[0]), kontogrupp: key.split(':')[1], beloppOre }));
}

const rubrik = [
  '#FLAGGA 0',
  '#FORMAT PC8',
  '#SIETYP 4',
  '#RAR 0 20260101 20261231',
  '#DIM 1 "Ansvar"',
  `#OBJEKT 1 "${ANSVAR}" "Enhet"`,
  '#KONTO 5010 "Löner"',
  '#KONTO 1930 "Bank"',
];

describe('utfall from the ledger', () => {
  const spec = demoSieSpec();

  it('a dry run shows rows and totals per account and month, and stores nothing', async () => {
    const before = await importer();
    const { status, body } = await upload(await sieBytes(spec), { dryRun: true });
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'provkord', format: 'SIE4', kodning: 'CP437', importId: null, fel: [] });
    expect(body.poster.trans).toBe(spec.verifikationer * spec.transPerVer);
    expect(body.totalerPerManad.map((m) => m.manad)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(body.totalerPerKonto.every((k) => k.kontogrupp !== null)).toBe(true);
    expect(await importer()).toBe(before);
  });

  it('an import stores the file’s utfall exactly, and importing it again changes nothing', async () => {
    const bytes = await sieBytes(spec);
    const first = await upload(bytes);
    expect(first.body).toMatchObject({ status: 'importerad', importId: expect.any(String) });
    const expected = forvantadeSummor(spec);
    const after = await summor();
    expect(after).toEqual(expect.arrayContaining(expected));
    expect(after).toHaveLength(expected.length);

    const second = await upload(bytes);
    expect(second.body.status).toBe('importerad');
    expect(await summor()).toEqual(after);
  });

  it.each([
    ['a truncated file', [...rubrik, '#VER A 1 20260115 "Lön"', '{', `#TRANS 5010 {1 "${ANSVAR}"} 100.00`], /avslutas inte|saknar|\}/],
    [
      'an unbalanced #VER',
      [...rubrik, '#VER A 1 20260115 "Lön"', '{', `#TRANS 5010 {1 "${ANSVAR}"} 100.00`, '#TRANS 1930 {} -99.00', '}'],
      /balanserar|balans/,
    ],
    [
      'an unknown account',
      [...rubrik, '#VER A 1 20260115 "x"', '{', `#TRANS 9876 {1 "${ANSVAR}"} 100.00`, '#TRANS 1930 {} -100.00', '}'],
      /9876/,
    ],
    [
      'an unknown ansvar',
      [
        ...rubrik,
        '#OBJEKT 1 "99999" "Okänd"',
        '#VER A 1 20260115 "x"',
        '{',
        '#TRANS 5010 {1 "99999"} 100.00',
        '#TRANS 1930 {} -100.00',
        '}',
      ],
      /99999/,
    ],
  ])('%s is refused with the line it is on, and nothing is stored', async (_, lines, reason) => {
    const before = await summor();
    const { status, body, contentType } = await upload(pc8(lines));
    expect(status).toBe(422);
    expect(contentType).toMatch(/application\/problem\+json/);
    expect(body.resultat?.status).toBe('avvisad');
    expect(body.resultat?.fel.some((fel) => reason.test(fel.meddelande) && fel.rad > 0)).toBe(true);
    expect(body.errors?.[0]?.field).toMatch(/^rad \d+$/);
    expect(await summor()).toEqual(before);
  });

  it('a file in ISO-8859-1 that says #FORMAT PC8 is refused as a wrong encoding', async () => {
    const latin1 = Buffer.from([...rubrik, '#KONTO 6010 "Lokalhyra för förskola på Råå"'].join('\r\n') + '\r\n', 'latin1');
    const { status, body } = await upload(latin1);
    expect(status).toBe(422);
    expect(body.resultat?.fel.map((fel) => fel.meddelande).join(' ')).toMatch(/ISO-8859-1|Latin-1|teckenkod/i);
  });

  it('npx tertial import-utfall --dry-run --json prints what the file holds, signed in with npx tertial token', async () => {
    const file = writeTemp('utfall.se', await sieBytes(demoSieSpec({ verifikationer: 50, seed: 11 })));
    const tertial = `${ROOT}/packages/cli/bin/tertial`;
    const token = (await promisify(execFile)('bash', [tertial, 'token', 'ekonomidirektor', '--issuer', stack.oidcIssuer])).stdout.trim();
    // Against any issuer that is not the local demo provider, it refuses (exit 2) and prints no token.
    await expect(
      promisify(execFile)('bash', [tertial, 'token', 'ekonomidirektor', '--issuer', `${stack.services.budget}/ingen-leverantor`]),
    ).rejects.toMatchObject({ code: 2, stdout: '' });
    await expect(
      promisify(execFile)('bash', [tertial, 'import-utfall', file, '--dry-run', '--json', '--url', stack.gatewayUrl], {
        env: { ...process.env, TERTIAL_TOKEN: '' },
      }),
    ).rejects.toThrow();
    const { stdout } = await promisify(execFile)(
      'bash',
      [tertial, 'import-utfall', file, '--dry-run', '--json', '--url', stack.gatewayUrl],
      { env: { ...process.env, TERTIAL_TOKEN: token } },
    );
    const resultat = JSON.parse(stdout) as UtfallImportResultat;
    expect(resultat).toMatchObject({ status: 'provkord', filnamn: 'utfall.se', poster: { trans: 200 } });
  });
});
