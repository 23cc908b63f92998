// The reports to kommunfullmäktige as documents: a draft with live figures and the writers' texts, fixed into a
// version that never changes, corrected by a new version beside it, audited by stadsrevisionen, and exported as
// PDF/A, XLSX and DOCX that the real tools (veraPDF, LibreOffice) accept, with the API's figures to the öre.
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import type {
  ArsbokslutDto,
  BalanskravOversikt,
  Balanskravsutredning,
  PrognossakerhetDto,
  PrognosTotaler,
  Rapportjamforelse,
  Rapportsektion,
  Rapporttabell,
  RapportversionDto,
  RapportversionMedInnehall,
  Resultatrakning,
} from '@tertial/contracts/dto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { apiClient } from '../support/api.js';
import { ansvarI } from '../support/demo.js';
import { lasStadensTabeller } from '../support/las.js';
import { eventually, ROOT } from '../support/services.js';
import { token } from '../support/tokens.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);
const AR = 2045;
const BAS = `/api/report/dokument/delarsrapport-augusti/${AR}`;
const [SN1, SN2] = ansvarI('SN') as [string, string];
const [KN1] = ansvarI('KN') as [string];
const scratch = mkdtempSync(join(tmpdir(), 'tertial-rapportdokument-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function kravVerktyg(namn: string): string {
  const varde = process.env[namn];
  if (!varde) throw new Error(`${namn} saknas: kör testerna med infra/scripts/test.mjs (npm test), som hämtar veraPDF och LibreOffice`);
  return varde;
}

const put = (sektion: string, text: unknown, version = 1, som?: string) =>
  api.json<RapportversionMedInnehall & { detail?: string }>(`${BAS}/versioner/${version}/texter/${sektion}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
    som,
  });
const post = <T>(path: string, som?: string) => api.json<T>(`${BAS}${path}`, { method: 'POST', som });

async function hamtaFil(query: string): Promise<{ fil: Buffer; filhash: string | null; status: number }> {
  // A kept-alive connection the gateway has closed meanwhile (after a long test) fails at once: ask again on a new one.
  const svar = await fetch(`${stack.gatewayUrl}${BAS}/export?${query}`, {
    headers: { authorization: `Bearer ${await (await import('../support/tokens.js')).token('ekonomidirektor')}` },
  });
  return { fil: Buffer.from(await svar.arrayBuffer()), filhash: svar.headers.get('x-tertial-filhash'), status: svar.status };
}

async function hamtaFilMedForsok(query: string): Promise<{ fil: Buffer; filhash: string | null; status: number }> {
  try {
    return await hamtaFil(query);
  } catch (fel) {
    if (!(fel instanceof TypeError)) throw fel;
    return hamtaFil(query);
  }
}

/** veraPDF's verdict on a PDF against a flavour (`2a`: PDF/A-2a, `ua1`: PDF/UA-1): `PASS <file> <flavour>` when it conforms. */
function veraPdf(pdf: string, flavour: '2a' | 'ua1'): string {
  const rapport = execFileSync(
    'java',
    [
      '-cp',
      join(kravVerktyg('TERTIAL_VERAPDF_LIBS'), '*'),
      'org.verapdf.apps.GreenfieldCliWrapper',
      '--flavour',
      flavour,
      '--format',
      'text',
      pdf,
    ],
    { encoding: 'utf8', timeout: 180_000 },
  );
  return rapport.trim();
}

/** LibreOffice converts the file; its output must name no warning or error about the file (its own javaldx notice aside). */
function soffice(fil: string, till: string): string {
  const ut = join(scratch, `ut-${till.split(':')[0]}-${Date.now()}`);
  const logg = execFileSync(
    kravVerktyg('TERTIAL_SOFFICE'),
    ['--headless', `-env:UserInstallation=file://${join(scratch, 'lo-profil')}`, '--convert-to', till, '--outdir', ut, fil],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    },
  );
  const varningar = logg.split('\n').filter((rad) => /warn|error|fel/i.test(rad) && !/javaldx/.test(rad));
  expect(varningar).toEqual([]);
  return ut;
}

/** `npx tertial` as a script calls it: its exit status, what it printed and what it complained of. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      'bash',
      [join(ROOT, 'packages/cli/bin/tertial'), ...args, '--url', stack.gatewayUrl],
      {
        env: { ...process.env, TERTIAL_TOKEN: await token('ekonomidirektor') },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const fel = error as { code: number; stdout: string; stderr: string };
    return { code: fel.code, stdout: fel.stdout, stderr: fel.stderr };
  }
}

let totaler: PrognosTotaler;

beforeAll(async () => {
  // Utfall January–August and two forecasts of a year of the test's own, and its August round closed.
  const rader = ['ar;manad;ansvar;konto;belopp'];
  for (let manad = 1; manad <= 8; manad++) {
    rader.push(
      `${AR};${manad};${SN1};5010;${100_000 + manad},25`,
      `${AR};${manad};${KN1};5010;20000,10`,
      `${AR};${manad};${KN1};3110;-1500,05`,
    );
  }
  const importerad = await api.json<{ status: string }>(`/api/budget/utfall/import?filnamn=rapport-${AR}.csv`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: `${rader.join('\n')}\n`,
  });
  expect(importerad.body.status).toBe('importerad');
  await api.oppnaOmgangar([AR], ['augusti']);
  for (const [ansvar, belopp] of [
    [SN1, '1300000,50'],
    [SN2, '250000'],
    [KN1, '240000,75'],
  ] as const) {
    const svar = await api.lamnaPrognos({ ansvar, ar: AR, tillfalle: 'augusti', rader: [{ kontogrupp: 'personalkostnader', belopp }] });
    expect(svar.status).toBe(200);
  }
  totaler = await eventually(
    () => api.totaler(AR, 'augusti'),
    (t) => t.stad.antalLamnade === 3 && t.utfallTillManad === 8,
    60_000,
  );
  expect((await api.json(`/api/forecast/omgangar/${AR}/augusti/stang`, { method: 'POST' })).status).toBe(200);
  await eventually(
    () => api.json(`${BAS}/versioner`, { method: 'POST' }),
    (svar) => svar.status === 201,
    30_000,
  );
}, 180_000);

describe('a report from draft to fixed version', () => {
  it('the draft’s figures are the live totals of the closed round, to the öre', async () => {
    const { body, status } = await api.json<RapportversionMedInnehall>(`${BAS}/versioner/1`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ version: 1, status: 'utkast', hash: null });
    expect(body.innehall.sektioner.map((s) => s.id)).toEqual([
      'vasentliga-handelser',
      'resultatrakning',
      'balanskrav',
      'ekonomi-per-namnd',
      'periodutfall',
      'investeringar',
      'maluppfyllelse',
      'bolag-hsfab',
      'bolag-hbghem',
      'bolag-hamn',
      'bolag-okab',
      'bolag-has',
      'arbetsmiljo',
      'framtid',
    ]);
    const tabell = body.innehall.sektioner.find((s) => s.id === 'ekonomi-per-namnd')!.tabeller[0]!;
    const sn = totaler.namnder.find((n) => n.kod === 'SN')!;
    // Utfall SN: Σ (100,000 + m) kr + 0.25 kr over eight months = 800,038 kr; prognos 1,300,000.50 + 250,000 kr.
    expect(sn.utfallOre).toBe(80_003_800);
    expect(sn.nettokostnadOre).toBe(155_000_050);
    // The nämnd's whole helårsprognos (its forecasts, and the budget for the rest), or where the year has no frame for
    // it, as here, the sum of its forecasts.
    const snPrognos = sn.helarsprognosOre ?? sn.nettokostnadOre;
    expect(tabell.rader.find((r) => r[0] === sn.namn)).toEqual([sn.namn, sn.budgetOre, 80_003_800, snPrognos, sn.avvikelseOre]);
    if (sn.budgetOre !== null) expect(sn.budgetOre - snPrognos).toBe(sn.avvikelseOre);
    expect(tabell.summa?.[2]).toBe(totaler.stad.utfallOre);
    const prognoser = totaler.namnder.filter((n) => n.antalLamnade > 0).map((n) => n.helarsprognosOre ?? n.nettokostnadOre);
    expect(tabell.summa?.[3]).toBe(prognoser.reduce((a, b) => a + b, 0));
  });

  it('texts are plain paragraphs, headings and lists; markup is refused and nothing changes', async () => {
    const text = [
      { typ: 'rubrik', text: 'Ett år av omställning' },
      { typ: 'stycke', text: 'Kostnaderna för försörjningsstöd ökade under våren.' },
      { typ: 'lista', punkter: ['Ny grundskola i Drottninghög', 'Simhallen öppnade'] },
    ];
    const sparad = await put('vasentliga-handelser', text);
    expect(sparad.status).toBe(200);
    expect(sparad.body.innehall.sektioner[0]!.text).toEqual(text);

    const html = await put('vasentliga-handelser', [{ typ: 'stycke', text: 'Se <b>här</b>' }]);
    expect(html.status).toBe(400);
    expect(html.body.detail).toMatch(/text\[0\]\.text: .*märkning/);
    expect((await put('okand-sektion', text)).status).toBe(404);
    expect((await api.json<RapportversionMedInnehall>(`${BAS}/versioner/1`)).body.innehall.sektioner[0]!.text).toEqual(text);
  });

  it('stadsrevisionen reads a draft put up for audit, its figures to the ansvar and the audit trail, and changes nothing', async () => {
    expect((await api.json(`${BAS}/versioner/1`, { som: 'revisor' })).status).toBe(403);
    expect((await post<RapportversionDto>('/versioner/1/granskning')).body.status).toBe('granskning');
    expect((await api.json(`${BAS}/versioner/1`, { som: 'revisor' })).status).toBe(200);
    expect((await api.json(`${BAS}/versioner/1`, { som: 'kf-ledamot' })).status).toBe(403);
    expect((await put('framtid', [{ typ: 'stycke', text: 'Revisorn skriver.' }], 1, 'revisor')).status).toBe(403);
    expect((await post('/versioner/1/faststall', 'revisor')).status).toBe(403);
    const ansvar = await api.json<{ noder?: unknown }>(`/api/report/uppfoljning/${AR}/augusti/noder/${SN1}`, { som: 'revisor' });
    expect(ansvar.status).toBe(200);
    const logg = await api.json<{ handling: string }[]>(
      `/api/report/andringslogg?objektTyp=rapportversion&objektId=${encodeURIComponent(`delarsrapport-augusti/${AR}/1`)}`,
      { som: 'revisor' },
    );
    expect(logg.status).toBe(200);
    expect(logg.body.map((p) => p.handling)).toEqual(
      expect.arrayContaining(['rapportversion.skapad', 'rapportversion.text-andrad', 'rapportversion.till-granskning']),
    );
  });

  it('fixing freezes figures and texts with a hash; fixing again or editing is refused; a correction is a new version beside it', async () => {
    const fast = await post<RapportversionMedInnehall>('/versioner/1/faststall');
    expect(fast.status).toBe(200);
    expect(fast.body).toMatchObject({ status: 'faststalld', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await post<{ title: string }>('/versioner/1/faststall')).body).toMatchObject({ title: 'Versionen är fastställd' });
    const andra = await put('framtid', [{ typ: 'stycke', text: 'För sent.' }]);
    expect(andra.status).toBe(409);
    expect(JSON.stringify(andra.body)).toMatch(/fastställd/);

    // A later forecast changes the live totals, never the fixed version.
    await api.oppnaOmgangar([AR], ['augusti']);
    expect(
      (
        await api.lamnaPrognos({
          ansvar: SN2,
          ar: AR,
          tillfalle: 'augusti',
          rader: [{ kontogrupp: 'personalkostnader', belopp: '400000' }],
        })
      ).status,
    ).toBe(200);
    await eventually(
      () => api.totaler(AR, 'augusti'),
      (t) => t.namnder.find((n) => n.kod === 'SN')?.nettokostnadOre === 170_000_050,
    );
    expect((await api.json(`/api/forecast/omgangar/${AR}/augusti/stang`, { method: 'POST' })).status).toBe(200);
    const frusen = await api.json<RapportversionMedInnehall>(`${BAS}/versioner/1`);
    expect(frusen.body.innehall).toEqual(fast.body.innehall);

    // The round's closing reaches the report service as an event: until then the period is not closed.
    const rattelse = await eventually(
      () => post<RapportversionDto>('/versioner'),
      (svar) => svar.status === 201,
      30_000,
    );
    expect(rattelse.body).toMatchObject({ version: 2, status: 'utkast', ersatter: 1 });
    expect((await post('/versioner')).status).toBe(409);
    await put('framtid', [{ typ: 'stycke', text: 'Prognosen för Socialnämnden är rättad.' }], 2);
    // Stadsrevisionen audits the delårsrapport augusti before KF fixes it: a draft not put up for audit stays a draft.
    const ogranskad = await api.json<{ title: string; errors?: { field: string; message: string }[] }>(`${BAS}/versioner/2/faststall`, {
      method: 'POST',
    });
    expect(ogranskad.status).toBe(409);
    expect(ogranskad.contentType).toMatch(/application\/problem\+json/);
    expect(ogranskad.body).toMatchObject({
      title: 'Inte lämnad till granskning',
      errors: [{ field: 'version', message: 'inte lämnad till granskning' }],
    });
    expect((await api.json<RapportversionDto>(`${BAS}/versioner/2`)).body).toMatchObject({ status: 'utkast', hash: null });
    expect((await post<RapportversionDto>('/versioner/2/granskning')).body.status).toBe('granskning');
    const v2 = await post<RapportversionMedInnehall>('/versioner/2/faststall');
    expect(v2.status).toBe(200);
    expect(v2.body.hash).not.toBe(fast.body.hash);

    const diff = await api.json<Rapportjamforelse>(`${BAS}/jamforelse?fran=1&till=2`);
    expect(diff.body.skillnader).toEqual(
      expect.arrayContaining([
        { sektion: 'Framtiden', var: 'text 1', fran: null, till: 'Prognosen för Socialnämnden är rättad.' },
        expect.objectContaining({
          sektion: 'Nämndernas ekonomi',
          var: expect.stringMatching(/Socialnämnden: Helårsprognos/),
          fran: '155000050',
          till: '170000050',
        }),
      ]),
    );
  });

  it('kommunfullmäktige’s members see the fixed versions only', async () => {
    await post('/versioner');
    const lista = await api.json<RapportversionDto[]>(`${BAS}/versioner`, { som: 'kf-ledamot' });
    expect(lista.body.map((v) => [v.version, v.status])).toEqual([
      [1, 'faststalld'],
      [2, 'faststalld'],
    ]);
    expect((await api.json<RapportversionDto[]>(`${BAS}/versioner`)).body.map((v) => v.version)).toEqual([1, 2, 3]);
    expect((await api.json(`${BAS}/versioner/3`, { som: 'kf-ledamot' })).status).toBe(403);
  });

  it('the list of every report holds, for each reader, the versions they may read', async () => {
    const avRapporten = (lista: RapportversionDto[]) =>
      lista.filter((v) => v.rapport === 'delarsrapport-augusti' && v.ar === AR).map((v) => [v.version, v.status]);
    const kf = await api.json<RapportversionDto[]>('/api/report/dokument', { som: 'kf-ledamot' });
    expect(kf.status).toBe(200);
    expect(kf.body.every((v) => v.status === 'faststalld')).toBe(true);
    expect(avRapporten(kf.body)).toEqual([
      [1, 'faststalld'],
      [2, 'faststalld'],
    ]);
    const ed = await api.json<RapportversionDto[]>('/api/report/dokument');
    expect(avRapporten(ed.body)).toEqual([
      [1, 'faststalld'],
      [2, 'faststalld'],
      [3, 'utkast'],
    ]);
    // Newest year first.
    const ar = ed.body.map((v) => v.ar);
    expect(ar).toEqual([...ar].sort((a, b) => b - a));
    expect((await api.json('/api/report/dokument', { som: 'ekonom-sn' })).status).toBe(403);
  });
});

describe('bad input is refused with a problem naming it, and nothing changes', () => {
  it.each([
    ['an unknown report', `/api/report/dokument/kvartalsrapport/${AR}/versioner`, 'GET', 400, 'rapport'],
    ['an unknown year', '/api/report/dokument/delarsrapport-augusti/1999/versioner', 'GET', 400, 'ar'],
    ['a year Tertial knows nothing of', '/api/report/dokument/arsredovisning/2099/versioner', 'GET', 404, 'ar'],
    ['an unknown version', `${BAS}/versioner/99`, 'GET', 404, 'version'],
    ['a period with no closed round', `/api/report/dokument/delarsrapport-april/${AR}/versioner`, 'POST', 422, 'ar'],
    ['an årsredovisning of a year without December', `/api/report/dokument/arsredovisning/${AR}/versioner`, 'POST', 422, 'ar'],
    ['an unknown format', `${BAS}/export?format=odt&version=1`, 'GET', 400, 'format'],
  ] as const)('%s', async (_, path, method, status, falt) => {
    const svar = await api.json<{ errors?: { field: string }[] }>(path, { method });
    expect(svar.status).toBe(status);
    expect(svar.contentType).toMatch(/application\/problem\+json/);
    expect(svar.body.errors?.map((fel) => fel.field)).toContain(falt);
  });
});

describe('the exports', () => {
  it('the PDF is valid PDF/A-2a and PDF/UA-1 to veraPDF, and LibreOffice opens it', { timeout: 240_000 }, async () => {
    const { fil, filhash, status } = await hamtaFilMedForsok('format=pdf&version=1');
    expect(status).toBe(200);
    expect(filhash).toMatch(/^[0-9a-f]{64}$/);
    const pdf = join(scratch, 'rapport.pdf');
    writeFileSync(pdf, fil);
    expect(veraPdf(pdf, '2a')).toBe(`PASS ${pdf} 2a`);
    // The same file against PDF/UA-1 (tables' header scope, the TOC's structure, the UA identification).
    expect(veraPdf(pdf, 'ua1')).toBe(`PASS ${pdf} ua1`);
    const ut = soffice(pdf, 'html');
    expect(readdirSync(ut).length).toBeGreaterThan(0);
  });

  it('the XLSX opens in LibreOffice with the API’s figures to the öre and each total equal to its rows', { timeout: 240_000 }, async () => {
    const version = (await api.json<RapportversionMedInnehall>(`${BAS}/versioner/1`)).body;
    const { fil } = await hamtaFilMedForsok('format=xlsx&version=1');
    const xlsx = join(scratch, 'rapport.xlsx');
    writeFileSync(xlsx, fil);
    const ut = soffice(xlsx, 'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1');
    const blad = readFileSync(join(ut, 'rapport-Nämndernas ekonomi.csv'), 'utf8')
      .trim()
      .split('\n')
      .map((rad) => rad.split(';').map((cell) => cell.replace(/^"|"$/g, '')));
    const tabell = version.innehall.sektioner.find((s) => s.id === 'ekonomi-per-namnd')!.tabeller[0]!;
    const ore = (cell: string | undefined) => (cell ? Math.round(Number(cell.replace(',', '.')) * 100) : null);
    for (const rad of [...tabell.rader, tabell.summa!]) {
      const csv = blad.find((r) => r[0] === rad[0]);
      expect(csv, String(rad[0])).toBeDefined();
      expect(csv!.slice(1, 5).map(ore)).toEqual(rad.slice(1, 5));
    }
    const summa = blad.find((r) => r[0] === 'Summa')!;
    const rader = blad.filter((r) => tabell.rader.some((t) => t[0] === r[0]));
    for (const k of [1, 2, 3, 4]) {
      const rows = rader.map((r) => ore(r[k])).filter((x): x is number => x !== null);
      if (rows.length > 0) expect(ore(summa[k])).toBe(rows.reduce((a, b) => a + b, 0));
    }
  });

  it('the DOCX opens in LibreOffice with the same headings and figures in mnkr', { timeout: 240_000 }, async () => {
    const { fil } = await hamtaFilMedForsok('format=docx&version=1');
    const docx = join(scratch, 'rapport.docx');
    writeFileSync(docx, fil);
    const ut = soffice(docx, 'txt:Text (encoded):UTF8');
    const text = readFileSync(join(ut, 'rapport.txt'), 'utf8');
    expect(text).toContain('Delårsrapport augusti 2045');
    expect(text).toContain('Nämndernas ekonomi');
    expect(text).toContain('Ett år av omställning');
    // Socialnämnden's prognos 155,000,050 öre = 1.55 mnkr.
    expect(text).toContain('1,6');
  });

  it(
    'npx tertial export-report: a fixed version twice is the same file and hash; an unknown version and a bad format are refused',
    { timeout: 240_000 },
    async () => {
      const exportera = (...extra: string[]) =>
        cli('export-report', '--report', 'delarsrapport-augusti', '--year', String(AR), '--format', 'pdf', ...extra);
      const [a, b] = [join(scratch, 'cli-a.pdf'), join(scratch, 'cli-b.pdf')];
      const forsta = await exportera('--out', a, '--version', '1');
      expect(forsta).toMatchObject({ code: 0 });
      const andra = await exportera('--out', b, '--version', '1');
      expect(andra).toMatchObject({ code: 0 });
      expect(readFileSync(b).equals(readFileSync(a))).toBe(true);
      expect(andra.stdout).toBe(forsta.stdout);
      // Line 1 the file's SHA-256 (as sha256sum prints it); line 2 the version, its status and its content hash.
      const v1 = (await api.json<RapportversionDto>(`${BAS}/versioner/1`)).body;
      expect(forsta.stdout).toBe(`${createHash('sha256').update(readFileSync(a)).digest('hex')}\nversion 1 faststalld ${v1.hash}\n`);
      const json = await cli(
        'export-report',
        '--report',
        'delarsrapport-augusti',
        '--year',
        String(AR),
        '--format',
        'xlsx',
        '--out',
        join(scratch, 'cli.xlsx'),
        '--version',
        '1',
        '--json',
      );
      expect(json.code).toBe(0);
      expect(JSON.parse(json.stdout)).toEqual({
        fil: join(scratch, 'cli.xlsx'),
        filhash: createHash('sha256')
          .update(readFileSync(join(scratch, 'cli.xlsx')))
          .digest('hex'),
        version: 1,
        status: 'faststalld',
        innehallshash: v1.hash,
      });

      const okand = await exportera('--out', join(scratch, 'cli-okand.pdf'), '--version', '99');
      expect(okand.code).toBe(1);
      expect(okand.stderr).toContain(`tjänsten svarade 404: Hittades inte: Delårsrapport augusti ${AR} har ingen version 99.`);
      const format = await cli(
        'export-report',
        '--report',
        'delarsrapport-augusti',
        '--year',
        String(AR),
        '--format',
        'odt',
        '--out',
        join(scratch, 'x.odt'),
      );
      expect(format.code).toBe(2);
      expect(format.stderr).toContain('--format ska vara pdf, xlsx, docx');
    },
  );

  it('without a version the export is the open draft', async () => {
    const { status } = await hamtaFilMedForsok('format=xlsx');
    expect(status).toBe(200);
  });
});

const sektion = (v: RapportversionMedInnehall, id: string): Rapportsektion => {
  const funnen = v.innehall.sektioner.find((s) => s.id === id);
  expect(funnen, id).toBeDefined();
  return funnen!;
};
const tabell = (s: Rapportsektion, id: string): Rapporttabell => {
  const funnen = s.tabeller.find((t) => t.id === id);
  expect(funnen, `${s.id}/${id}`).toBeDefined();
  return funnen!;
};

describe('the demo city’s årsredovisning 2025, from the services’ data', () => {
  const AR25 = '/api/report/dokument/arsredovisning/2025';
  let fastslagen: RapportversionMedInnehall;
  let utkast: RapportversionMedInnehall;
  let slappLas: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    // The demo loader fixes version 1 once the closed year's bokslut, KF's resultatöverföring and the finance lines are here.
    const lista = await eventually(
      () => api.json<RapportversionDto[]>(`${AR25}/versioner`, { som: 'kf-ledamot' }),
      (svar) => svar.status === 200 && svar.body.some((v) => v.version === 1 && v.status === 'faststalld'),
      180_000,
    );
    expect(lista.body[0]).toMatchObject({ version: 1, status: 'faststalld', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    fastslagen = (await api.json<RapportversionMedInnehall>(`${AR25}/versioner/1`, { som: 'kf-ledamot' })).body;
    // A correction drafted now carries the live figures, compared below with the services' own endpoints: with the
    // city's tables (internal accounts, account → row) as they are, not as stadens-resultat.test.ts sets them a while.
    slappLas = await lasStadensTabeller(stack.groupSuffix);
    const ny = await api.json<RapportversionDto>(`${AR25}/versioner`, { method: 'POST' });
    expect(ny.status).toBe(201);
    utkast = (await api.json<RapportversionMedInnehall>(`${AR25}/versioner/${ny.body.version}`)).body;
  }, 540_000);
  afterAll(async () => {
    await slappLas?.();
  });

  it('is fixed at demo load with every section of an årsredovisning, which kommunfullmäktige’s members read', () => {
    expect(fastslagen.innehall.sektioner.map((s) => s.id)).toEqual([
      'vasentliga-handelser',
      'resultatrakning',
      'balanskrav',
      'flerarsoversikt',
      'ekonomi-per-namnd',
      'resultatoverforing',
      'prognossakerhet',
      'investeringar',
      'maluppfyllelse',
      'koncern',
      'bolag-hsfab',
      'bolag-hbghem',
      'bolag-hamn',
      'bolag-okab',
      'bolag-has',
      'framtid',
    ]);
    expect(fastslagen.innehall.sektioner.map((s) => s.id)).toEqual(utkast.innehall.sektioner.map((s) => s.id));
    // The budget service's 14 nämnder each have a net cost in the bokslut.
    const ekonomi = tabell(sektion(fastslagen, 'ekonomi-per-namnd'), 'ekonomi');
    expect(ekonomi.rader.filter((r) => typeof r[2] === 'number')).toHaveLength(14);
  });

  it('went through stadsrevisionen’s audit before it was fixed', async () => {
    const logg = await api.json<{ handling: string }[]>(
      `/api/report/andringslogg?objektTyp=rapportversion&objektId=${encodeURIComponent('arsredovisning/2025/1')}`,
    );
    // Drafted, its texts written (väsentliga händelser, Framtiden), put up for audit, then fixed.
    const handlingar = logg.body.map((p) => p.handling);
    expect(handlingar[0]).toBe('rapportversion.skapad');
    expect(handlingar.slice(-2)).toEqual(['rapportversion.till-granskning', 'rapportversion.faststalld']);
    const texter = handlingar.slice(1, -2);
    expect(texter.length).toBeGreaterThan(0);
    expect(new Set(texter)).toEqual(new Set(['rapportversion.text-andrad']));
  });

  it('its resultaträkning is the bokslut column of the resultaträkning endpoint, to the öre, with årets resultat as the total', async () => {
    const { body: rr } = await api.json<Resultatrakning>('/api/report/resultatrakning?ar=2025');
    const [b, j] = [rr.kolumner.findIndex((k) => k.tillfalle === 'budget'), rr.kolumner.findIndex((k) => k.tillfalle === 'bokslut')];
    expect(rr.kolumner[j]!.finns).toBe(true);
    const t = tabell(sektion(utkast, 'resultatrakning'), 'resultatrakning');
    const delar = rr.rader.filter((r) => !r.summa);
    expect(t.rader).toEqual(delar.map((r) => [r.namn, r.belopp[b], r.belopp[j], r.belopp[j]! - r.belopp[b]!]));
    const arets = rr.rader.find((r) => r.kod === 'arets-resultat')!;
    expect(t.summa?.slice(0, 3)).toEqual(['Årets resultat', arets.belopp[b], arets.belopp[j]]);
    expect(delar.reduce((a, r) => a + r.belopp[j]!, 0)).toBe(arets.belopp[j]);
  });

  it('its sammanställda räkenskaper take the municipality’s part from the bokslut column, to the öre, not from a forecast', async () => {
    const { body: rr } = await api.json<Resultatrakning>('/api/report/resultatrakning?ar=2025');
    const j = rr.kolumner.findIndex((k) => k.tillfalle === 'bokslut');
    const bokslut = (kod: string) => rr.rader.find((r) => r.kod === kod)!.belopp[j]!;
    const s = sektion(fastslagen, 'koncern');
    const t = tabell(s, 'sammanstallda-rakenskaper');
    // The column after Post is the municipality's.
    expect(t.kolumner[1]!.rubrik).toBe('Kommunen');
    const kommunen = (rad: string) => t.rader.find((r) => r[0] === rad)![1];
    expect(kommunen('Verksamhetens intäkter')).toBe(bokslut('verksamhetens-intakter'));
    expect(kommunen('Verksamhetens kostnader')).toBe(bokslut('verksamhetens-kostnader') + bokslut('avskrivningar'));
    expect(kommunen('Skatteintäkter, generella statsbidrag och utjämning')).toBe(
      bokslut('skatteintakter') + bokslut('generella-statsbidrag'),
    );
    expect(kommunen('Finansnetto')).toBe(bokslut('finansiella-intakter') + bokslut('finansiella-kostnader'));
    expect(t.summa![1]).toBe(bokslut('resultat-efter-finansiella-poster'));
    expect(s.noteringar.join(' ')).toMatch(/resultaträkningens bokslut 2025/);
    expect(s.noteringar.join(' ')).toMatch(/utfall januari–december 2025/);
    expect(s.noteringar.join(' ')).not.toMatch(/kan inte ställas upp|prognose/);
  });

  it('its balanskravsutredning, RUR, deficits and flerårsöversikt are the balanskrav endpoints’, to the öre', async () => {
    const { body: utredning } = await api.json<Balanskravsutredning>('/api/report/balanskrav/2025/bokslut');
    const { body: oversikt } = await api.json<BalanskravOversikt>('/api/report/balanskrav?ar=2025');
    const s = sektion(utkast, 'balanskrav');
    expect(tabell(s, 'balanskravsutredning').rader).toEqual(utredning.rader.map((r) => [r.namn, r.beloppOre]));
    const rur = tabell(s, 'rur').rader;
    expect(rur.find((r) => r[0] === 'Ingående reserv')?.[1]).toBe(utredning.rur.ingaendeOre);
    expect(rur.find((r) => r[0] === 'Utgående reserv')?.[1]).toBe(utredning.rur.utgaendeOre);
    // The demo's 2023 was a deficit (−64.5 mnkr in the published utredning) that later years restore.
    expect(oversikt.underskott.length).toBeGreaterThan(0);
    expect(tabell(s, 'underskott').rader).toEqual(
      oversikt.underskott.map((d) => [String(d.ar), d.underskottOre, d.aterstalltOre, d.kvarOre, String(d.senastAr)]),
    );
    const flerar = tabell(sektion(utkast, 'flerarsoversikt'), 'flerarsoversikt');
    expect(flerar.rader.map((r) => r[0])).toEqual(['2021', '2022', '2023', '2024', '2025']);
    expect(flerar.rader).toEqual(
      oversikt.historik.map((h) => [
        String(h.ar),
        h.aretsResultatOre,
        h.resultatEfterJusteringarOre,
        h.tillRurOre,
        h.franRurOre,
        h.balanskravsresultatOre,
        h.rurUtgaendeOre,
      ]),
    );
  });

  it('its resultatöverföring is KF’s decision in the budget service, per nämnd to the öre', async () => {
    const { body: arsbokslut } = await api.json<ArsbokslutDto>('/api/budget/bokslut/2025');
    const beslut = arsbokslut.beslut!;
    const totaler2025 = await api.totaler(2025, 'augusti');
    const namn = new Map(totaler2025.namnder.map((n) => [n.kod, n.namn]));
    const t = tabell(sektion(utkast, 'resultatoverforing'), 'resultatoverforing');
    expect(t.rader).toEqual(beslut.namnder.map((n) => [namn.get(n.namnd), n.forslagOre, n.beslutOre, n.motivering ?? '']));
    expect(t.summa?.[2]).toBe(beslut.beslutOre);
    // KF carried only half of socialnämndens deficit: the decision differs from the proposal there.
    const sn = t.rader.find((r) => r[0] === namn.get('SN'))!;
    expect(sn[2]).not.toBe(sn[1]);
  });

  it('its prognossäkerhet is the prognossäkerhet endpoint’s, per round and nämnd to the öre', async () => {
    const { body: sakerhet } = await api.json<PrognossakerhetDto>('/api/report/prognossakerhet?ar=2025');
    const s = sektion(utkast, 'prognossakerhet');
    expect(s.tabeller.map((t) => t.id)).toEqual(sakerhet.omgangar.map((o) => `prognossakerhet-${o.tillfalle}`));
    expect(sakerhet.omgangar.map((o) => o.tillfalle)).toEqual(['april', 'augusti']);
    for (const omgang of sakerhet.omgangar) {
      const t = tabell(s, `prognossakerhet-${omgang.tillfalle}`);
      expect(t.rader.map((r) => r.slice(0, 6))).toEqual(
        omgang.namnder.map((n) => [
          n.namn,
          n.prognosOre,
          n.prognosAvvikelseOre,
          n.bokslutOre,
          n.bokslutAvvikelseOre,
          n.prognosavvikelseOre,
        ]),
      );
      expect(t.summa?.slice(1, 6)).toEqual([
        omgang.stad.prognosOre,
        omgang.stad.prognosAvvikelseOre,
        omgang.stad.bokslutOre,
        omgang.stad.bokslutAvvikelseOre,
        omgang.stad.prognosavvikelseOre,
      ]);
    }
  });

  it('each company has its own section, saying plainly what the year lacks', () => {
    for (const id of ['bolag-hsfab', 'bolag-hbghem', 'bolag-hamn', 'bolag-okab', 'bolag-has']) {
      const s = sektion(utkast, id);
      expect(s.tabeller.length + s.noteringar.length, id).toBeGreaterThan(0);
      if (s.tabeller.length === 0) expect(s.noteringar.join(' ')).toMatch(/har varken budget, utfall eller prognos för 2025/);
    }
  });

  it('the XLSX of the fixed version carries the same figures: each sheet’s rows and totals to the öre', { timeout: 240_000 }, async () => {
    const svar = await fetch(`${stack.gatewayUrl}${AR25}/export?format=xlsx&version=1`, {
      headers: { authorization: `Bearer ${await (await import('../support/tokens.js')).token('ekonomidirektor')}` },
    });
    expect(svar.status).toBe(200);
    const xlsx = join(scratch, 'arsredovisning.xlsx');
    writeFileSync(xlsx, Buffer.from(await svar.arrayBuffer()));
    const ut = soffice(xlsx, 'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1');
    const ore = (cell: string | undefined) => (cell ? Math.round(Number(cell.replace(',', '.')) * 100) : null);
    for (const [sektionsId, tabellId, blad] of [
      ['resultatrakning', 'resultatrakning', 'Resultaträkning'],
      ['resultatoverforing', 'resultatoverforing', 'Resultatöverföring'],
      ['prognossakerhet', 'prognossakerhet-augusti', 'Prognossäkerhet'],
    ] as const) {
      const rader = readFileSync(join(ut, `arsredovisning-${blad}.csv`), 'utf8')
        .trim()
        .split('\n')
        .map((rad) => rad.split(';').map((cell) => cell.replace(/^"|"$/g, '')));
      const t = tabell(sektion(fastslagen, sektionsId), tabellId);
      // The sheet holds the table under its heading: its rows from the row after the column headings.
      const start = rader.findIndex((r) => r[0] === t.rubrik) + 2;
      const belopp = t.kolumner.flatMap((k, i) => (k.typ === 'belopp' ? [i] : []));
      for (const [n, rad] of [...t.rader, t.summa!].entries()) {
        const csv = rader[start + n]!;
        expect(csv[0], `${blad}: ${String(rad[0])}`).toBe(String(rad[0]));
        expect(belopp.map((i) => ore(csv[i]))).toEqual(belopp.map((i) => rad[i]));
      }
    }
  });

  it('the PDF of the fixed version is still valid PDF/A-2a to veraPDF', { timeout: 240_000 }, async () => {
    const svar = await fetch(`${stack.gatewayUrl}${AR25}/export?format=pdf&version=1`, {
      headers: { authorization: `Bearer ${await (await import('../support/tokens.js')).token('ekonomidirektor')}` },
    });
    expect(svar.status).toBe(200);
    const pdf = join(scratch, 'arsredovisning.pdf');
    writeFileSync(pdf, Buffer.from(await svar.arrayBuffer()));
    expect(veraPdf(pdf, '2a')).toBe(`PASS ${pdf} 2a`);
  });
});
