// The journeys of the access issue, each signed in through the real local provider: nobody reads or
// changes what is not theirs, a refusal reveals nothing, and every change is in the append-only audit trail.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { SignJWT, generateKeyPair } from 'jose';
import pg from 'pg';
import { beforeAll, describe, expect, inject, it } from 'vitest';

import type { HelarsprognosDto, RapportDto } from '@tertial/contracts/dto';
import { hittaDemoAnvandare } from '@tertial/identity';

import { apiClient } from '../support/api.js';
import { ansvarI } from '../support/demo.js';
import { testDatabase } from '../support/global-setup.js';
import { ROOT } from '../support/services.js';
import { chefFor, token } from '../support/tokens.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);
const AR = 2038;

const SN_CHEF = 'mirela.lindberg';
const [SN_ANSVAR] = hittaDemoAnvandare(SN_CHEF)!.org as [string];
const VON_ANSVAR = ansvarI('VON')[0]!;
const prognos = (ansvar: string) => ({ ansvar, ar: AR, tillfalle: 'april', rader: [{ kontogrupp: 'personalkostnader', belopp: '1000' }] });

let snPrognos: HelarsprognosDto;
let vonPrognos: HelarsprognosDto;

beforeAll(async () => {
  await api.oppnaOmgangar([AR], ['april']);
  snPrognos = (await api.lamnaPrognos(prognos(SN_ANSVAR))).body;
  vonPrognos = (await api.lamnaPrognos(prognos(VON_ANSVAR))).body;
  expect([snPrognos.sparadAv?.id, vonPrognos.sparadAv?.id]).toEqual([SN_CHEF, chefFor(VON_ANSVAR)]);
});

describe('signing in', () => {
  it('a request without a token gets 401 with WWW-Authenticate, and one with a forged token too', async () => {
    const utan = await api.json('/api/forecast/ansvar', { som: null });
    expect(utan.status).toBe(401);
    expect(utan.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const { privateKey } = await generateKeyPair('RS256');
    const forfalskad = await new SignJWT({ roles: ['ekonomidirektor'], name: 'Mallory' })
      .setProtectedHeader({ alg: 'RS256', kid: 'egen' })
      .setIssuer(stack.oidcIssuer)
      .setAudience('urn:tertial:api')
      .setSubject('ekonomidirektor')
      .setExpirationTime('10m')
      .sign(privateKey);
    const svar = await api.json('/api/budget/utfall/importer', { headers: { authorization: `Bearer ${forfalskad}` } });
    expect(svar.status).toBe(401);
    expect(svar.contentType).toMatch(/problem\+json/);
  });

  it('a body sent without a token is refused unread: 401, not a complaint about the body', async () => {
    const trasig = await api.json(`/api/forecast/helarsprognoser/${SN_ANSVAR}/${AR}/april`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"inte json',
      som: null,
    });
    expect(trasig.status).toBe(401);
    const stor = await api.json('/api/budget/organisation/import', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'x'.repeat(3_000_000),
      som: null,
    });
    expect(stor.status).toBe(401);
  });
});

describe('a chef', () => {
  it('cannot read another chef’s ansvar, and the refusal is the same as for one that does not exist', async () => {
    const annans = await api.json<unknown>(`/api/forecast/helarsprognoser/${VON_ANSVAR}/${AR}/april`, { som: SN_CHEF });
    const finnsInte = await api.json<unknown>(`/api/forecast/helarsprognoser/99999999/${AR}/april`, { som: SN_CHEF });
    expect(annans.status).toBe(403);
    expect(finnsInte).toMatchObject({ status: 403, body: annans.body });
    expect((await api.json(`/api/forecast/helarsprognoser?ar=${AR}&tillfalle=april&ansvar=${VON_ANSVAR}`, { som: SN_CHEF })).status).toBe(
      403,
    );
    const egna = await api.json<HelarsprognosDto[]>(`/api/forecast/helarsprognoser?ar=${AR}&tillfalle=april`, { som: SN_CHEF });
    expect(egna.body.map((p) => p.ansvar)).toEqual([SN_ANSVAR]);
  });

  it('cannot submit a forecast for another chef’s ansvar, and nothing is stored', async () => {
    const svar = await api.lamnaPrognos({ ...prognos(VON_ANSVAR), rader: [{ kontogrupp: 'personalkostnader', belopp: '1' }] }, {}, SN_CHEF);
    expect(svar.status).toBe(403);
    const lagrad = await api.json<HelarsprognosDto[]>(`/api/forecast/helarsprognoser?ar=${AR}&tillfalle=april&ansvar=${VON_ANSVAR}`);
    expect(lagrad.body.map((p) => p.version)).toEqual([1]);
  });

  it('a chef higher up sees the ansvar below them but may not submit for them', async () => {
    const sedda = await api.json<{ kod: string }[]>('/api/forecast/ansvar', { som: 'avdelningschef-sn' });
    expect(sedda.status).toBe(200);
    expect(sedda.body.length).toBeGreaterThan(0);
    expect(sedda.body.every((a) => ansvarI('SN').includes(a.kod))).toBe(true);
    const svar = await api.lamnaPrognos(prognos(sedda.body[0]!.kod), {}, 'avdelningschef-sn');
    expect(svar.status).toBe(403);
  });
});

describe('a förvaltningsekonom', () => {
  it('cannot approve outside their förvaltning; inside it, the approval is recorded', async () => {
    const mal = (ansvar: string) => ({ ansvar, ar: AR, tillfalle: 'april' as const });
    const utanfor = await api.besluta('godkann', mal(VON_ANSVAR), 'ekonom-sn');
    expect(utanfor.status).toBe(403);
    expect((await api.json<HelarsprognosDto>(`/api/forecast/helarsprognoser/${VON_ANSVAR}/${AR}/april`)).body.status).toBe('klarmarkerad');

    const godkand = await api.besluta('godkann', mal(SN_ANSVAR), 'ekonom-sn');
    expect(godkand).toMatchObject({ status: 200, body: { status: 'godkand', andradAv: { id: 'ekonom-sn' } } });
    const tillbaka = await api.besluta('atersand', mal(VON_ANSVAR), 'ekonom-von', { kommentar: 'Personalkostnaderna saknar vikarierna.' });
    expect(tillbaka).toMatchObject({
      status: 200,
      body: { status: 'aterskickad', beslutskommentar: 'Personalkostnaderna saknar vikarierna.' },
    });
  });
});

describe('the ekonomidirektör’s rounds', () => {
  it('a closed round refuses forecasts until it is reopened', async () => {
    const ar = 2039;
    await api.oppnaOmgangar([ar], ['augusti']);
    expect((await api.json(`/api/forecast/omgangar/${ar}/augusti/stang`, { method: 'POST' })).status).toBe(200);
    const stangd = await api.lamnaPrognos({ ...prognos(SN_ANSVAR), ar, tillfalle: 'augusti' });
    expect(stangd.status).toBe(409);
    expect((await api.json(`/api/forecast/omgangar/${ar}/augusti/stang`, { method: 'POST', som: 'ekonom-sn' })).status).toBe(403);
    await api.oppnaOmgangar([ar], ['augusti']);
    expect((await api.lamnaPrognos({ ...prognos(SN_ANSVAR), ar, tillfalle: 'augusti' })).status).toBe(200);
  });
});

describe('a member of kommunfullmäktige', () => {
  it('cannot see a draft report, sees it once fixed, and sees nothing of the live figures', async () => {
    const utkast = await api.json<RapportDto>('/api/report/rapporter', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ar: AR, tillfalle: 'april', titel: 'Delårsrapport april' }),
    });
    expect(utkast).toMatchObject({ status: 201, body: { status: 'utkast' } });
    const somUtkast = await api.json(`/api/report/rapporter/${utkast.body.id}`, { som: 'kf-ledamot' });
    const finnsInte = await api.json('/api/report/rapporter/00000000-0000-4000-8000-000000000000', { som: 'kf-ledamot' });
    expect(somUtkast.status).toBe(403);
    expect(finnsInte).toMatchObject({ status: 403, body: somUtkast.body });
    expect((await api.json<RapportDto[]>('/api/report/rapporter', { som: 'kf-ledamot' })).body.map((r) => r.id)).not.toContain(
      utkast.body.id,
    );
    expect((await api.json(`/api/report/prognos-totaler?ar=${AR}&tillfalle=april`, { som: 'kf-ledamot' })).status).toBe(403);

    expect((await api.json(`/api/report/rapporter/${utkast.body.id}/faststall`, { method: 'POST', som: 'kf-ledamot' })).status).toBe(403);
    expect((await api.json(`/api/report/rapporter/${utkast.body.id}/faststall`, { method: 'POST' })).status).toBe(200);
    const fastställd = await api.json<RapportDto>(`/api/report/rapporter/${utkast.body.id}`, { som: 'kf-ledamot' });
    expect(fastställd).toMatchObject({ status: 200, body: { status: 'faststalld', innehall: { ar: AR, tillfalle: 'april' } } });
    expect((await api.json(`/api/report/rapporter/${utkast.body.id}/faststall`, { method: 'POST' })).status).toBe(409);
  });
});

describe('the ändringslogg (audit trail)', () => {
  it('records who changed an ansvar’s forecast, when, and the value before and after; only the ekonomidirektör lists it', async () => {
    // An approved forecast changes only after it is sent back.
    const mal = { ansvar: SN_ANSVAR, ar: AR, tillfalle: 'april' as const };
    expect((await api.besluta('atersand', mal, 'ekonom-sn', { kommentar: 'Räkna med vikarierna.' })).status).toBe(200);
    const andra = await api.lamnaPrognos({ ...prognos(SN_ANSVAR), rader: [{ kontogrupp: 'personalkostnader', belopp: '1250,50' }] });
    expect(andra.status).toBe(200);
    const spar = await api.json<
      { anvandare: string; handling: string; tidpunkt: string; fore: HelarsprognosDto | null; efter: HelarsprognosDto }[]
    >(`/api/forecast/andringslogg?objektTyp=ansvar&objektId=${SN_ANSVAR}`);
    expect(spar.status).toBe(200);
    const varAr = spar.body.filter((post) => post.efter?.ar === AR);
    expect(varAr.map((post) => [post.handling, post.anvandare])).toEqual([
      ['helarsprognos.sparad', SN_CHEF],
      ['helarsprognos.godkand', 'ekonom-sn'],
      ['helarsprognos.aterskickad', 'ekonom-sn'],
      ['helarsprognos.sparad', SN_CHEF],
    ]);
    expect(varAr[3]).toMatchObject({
      fore: { version: 1, status: 'aterskickad', kostnaderOre: 100_000 },
      efter: { version: 2, status: 'klarmarkerad', kostnaderOre: 125_050 },
    });
    expect(Date.parse(varAr[3]!.tidpunkt)).toBeGreaterThan(Date.now() - 60_000);
    expect((await api.json(`/api/forecast/andringslogg?objektTyp=ansvar&objektId=${SN_ANSVAR}`, { som: 'ekonom-sn' })).status).toBe(403);

    const rond = await api.json<{ handling: string }[]>(`/api/forecast/andringslogg?objektTyp=omgang&objektId=2039-augusti`);
    expect(rond.body.map((post) => post.handling)).toEqual(['omgang.oppnad', 'omgang.stangd', 'omgang.oppnad']);
  });

  it('npx tertial andringslogg lists an object’s trail from every service, for the ekonomidirektör only', async () => {
    const rapport = await api.json<{ id: string }>('/api/report/rapporter', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ar: AR, tillfalle: 'april', titel: 'Granskad rapport' }),
    });
    await api.json(`/api/report/rapporter/${rapport.body.id}/faststall`, { method: 'POST' });
    const tertial = (args: string[], anvandare: string) =>
      token(anvandare).then((t) =>
        promisify(execFile)('bash', [join(ROOT, 'packages/cli/bin/tertial'), 'andringslogg', ...args, '--url', stack.gatewayUrl], {
          env: { ...process.env, TERTIAL_TOKEN: t },
        }),
      );
    const { stdout } = await tertial(['rapport', rapport.body.id, '--json'], 'ekonomidirektor');
    expect(
      (JSON.parse(stdout) as { handling: string; tjanst: string; anvandare: string }[]).map((p) => [p.tjanst, p.handling, p.anvandare]),
    ).toEqual([
      ['report', 'rapport.skapad', 'ekonomidirektor'],
      ['report', 'rapport.faststalld', 'ekonomidirektor'],
    ]);
    await expect(tertial(['rapport', rapport.body.id], 'ekonom-sn')).rejects.toThrow(/403/);
  });

  it('is append-only in the database itself', async () => {
    const db = new pg.Client({ connectionString: `${stack.postgresUrl}/${testDatabase('test_forecast')}` });
    await db.connect();
    try {
      const { rows } = await db.query<{ n: number }>('select count(*)::int as n from andringslogg');
      expect(rows[0]!.n).toBeGreaterThan(0);
      await expect(db.query("update andringslogg set anvandare = 'någon annan'")).rejects.toThrow(/ändringsloggen kan inte ändras/);
      await expect(db.query('delete from andringslogg')).rejects.toThrow(/ändringsloggen kan inte ändras/);
      expect((await db.query<{ n: number }>('select count(*)::int as n from andringslogg')).rows[0]!.n).toBe(rows[0]!.n);
    } finally {
      await db.end();
    }
  });
});
