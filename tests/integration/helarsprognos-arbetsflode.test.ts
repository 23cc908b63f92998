// The chef's helårsprognos through the forecast service's API against the real stack: a round with a deadline and
// its nämnder, versions that never overwrite each other silently (ETag, If-Match, 412, 428), the workflow from utkast
// to godkänd and back, the underlag from budget's events, the city's comment threshold, and bad input refused whole.
import type { EventEnvelope } from '@tertial/contracts/envelope';
import type {
  HelarsprognosDto,
  HelarsprognosUnderlag,
  KommentarstroskelDto,
  PrognosomgangDto,
  Prognosversionsjamforelse,
  VerksamhetsbudgetDto,
} from '@tertial/contracts/dto';
import type { HelarsprognosAndradPayload, PrognosomgangAndradPayload } from '@tertial/contracts/events';
import { helarsprognosAndrad, prognosomgangAndrad } from '@tertial/contracts/events';
import { kontogruppForKonto, visatBelopp } from '@tertial/contracts/kontoplan';
import type { KontogruppKod } from '@tertial/contracts/kontogrupper';
import type { Problem } from '@tertial/contracts/problem';
import { beforeAll, describe, expect, inject, it } from 'vitest';

import { apiClient } from '../support/api.js';
import { ansvarI, DEMO } from '../support/demo.js';
import { testKafka } from '../support/kafka.js';
import { chefFor } from '../support/tokens.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);
const kafka = testKafka(stack.kafkaBrokers);

// The demo city's budget year, so budget's ansvarsbudget events give every ansvar its budget; a månadsprognos
// (oktober) that no other test opens.
const AR = DEMO.ar;
const TILLFALLE = 'oktober';
const SN = ansvarI('SN');
const ANSVAR = SN[0]!;
const CHEF = chefFor(ANSVAR);
const ANNAT_ANSVAR = SN.find((kod) => chefFor(kod) !== CHEF)!;
const ANNAN_CHEF = chefFor(ANNAT_ANSVAR);
const VON_ANSVAR = ansvarI('VON')[0]!;
const adress = (ansvar: string = ANSVAR) => `/api/forecast/helarsprognoser/${ansvar}/${AR}/${TILLFALLE}`;
const mal = (ansvar: string = ANSVAR) => ({ ansvar, ar: AR, tillfalle: TILLFALLE }) as const;

const RADER = [
  { kontogrupp: 'intakter', belopp: '1 000 000' },
  { kontogrupp: 'personalkostnader', belopp: '5000000,50' },
];

function spara(body: unknown, ifMatch: string | null, som = CHEF, ansvar = ANSVAR) {
  return api.json<HelarsprognosDto & Problem & { aktuell?: HelarsprognosDto }>(adress(ansvar), {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...(ifMatch === null ? {} : { 'if-match': ifMatch }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    som,
  });
}

async function versioner(ansvar = ANSVAR): Promise<HelarsprognosDto[]> {
  const svar = await api.json<HelarsprognosDto[]>(`${adress(ansvar)}/versioner`);
  expect(svar.status).toBe(200);
  return svar.body;
}

const faltI = (problem: Problem) => problem.errors?.map((fel) => fel.field) ?? [];

beforeAll(async () => {
  const deadline = new Date(Date.now() + 7 * 24 * 3600_000).toISOString();
  const oppnad = await api.json<PrognosomgangDto>('/api/forecast/omgangar', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ar: AR, tillfalle: TILLFALLE, deadline, namnder: ['SN'] }),
  });
  expect(oppnad).toMatchObject({ status: 200, body: { typ: 'manadsprognos', status: 'oppen', utfallTomManad: 10, namnder: ['SN'] } });
  // Budget publishes every ansvar's internbudget at its first start; wait until the forecast service has this one.
  const tills = Date.now() + 60_000;
  for (;;) {
    const underlag = await api.json<HelarsprognosUnderlag>(`${adress()}/underlag`, { som: CHEF });
    if (underlag.status === 200 && underlag.body.netto.budgetOre !== 0) break;
    if (Date.now() > tills) throw new Error(`ingen budget för ${ANSVAR} i forecast: ${JSON.stringify(underlag.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
});

describe('the ekonomidirektör’s round', () => {
  it('a månadsprognos is for its nämnder: a chef of another nämnd is refused', async () => {
    const svar = await spara({ rader: RADER }, null, chefFor(VON_ANSVAR), VON_ANSVAR);
    expect(svar.status).toBe(409);
    expect(faltI(svar.body)).toEqual(['ansvar']);
  });

  it('is extended only to a later deadline, and every change is published', async () => {
    const omgang = (await api.json<PrognosomgangDto[]>('/api/forecast/omgangar')).body.find(
      (o) => o.ar === AR && o.tillfalle === TILLFALLE,
    )!;
    const tidigare = await api.json<Problem>(`/api/forecast/omgangar/${AR}/${TILLFALLE}/forlang`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ deadline: new Date(Date.parse(omgang.deadline) - 3600_000).toISOString() }),
    });
    expect(tidigare.status).toBe(400);
    expect(faltI(tidigare.body)).toEqual(['deadline']);
    const senare = new Date(Date.parse(omgang.deadline) + 24 * 3600_000).toISOString();
    const forlangd = await api.json<PrognosomgangDto>(`/api/forecast/omgangar/${AR}/${TILLFALLE}/forlang`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ deadline: senare }),
    });
    expect(forlangd).toMatchObject({ status: 200, body: { deadline: senare, andring: omgang.andring + 1 } });
    const som = (
      await api.json<PrognosomgangDto>(`/api/forecast/omgangar/${AR}/${TILLFALLE}/forlang`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ deadline: senare }),
        som: 'ekonom-sn',
      })
    ).status;
    expect(som).toBe(403);

    const meddelanden = await kafka.readUntil(
      prognosomgangAndrad.topic,
      (lasta) => (JSON.parse(lasta.at(-1)!.value!.toString()) as EventEnvelope<PrognosomgangAndradPayload>).payload.deadline === senare,
    );
    const varaPayloads = meddelanden
      .map((m) => (JSON.parse(m.value!.toString()) as EventEnvelope<PrognosomgangAndradPayload>).payload)
      .filter((p) => p.ar === AR && p.tillfalle === TILLFALLE);
    expect(varaPayloads.at(-1)).toMatchObject({
      typ: 'manadsprognos',
      status: 'oppen',
      namnder: ['SN'],
      utfallTomManad: 10,
      deadline: senare,
    });
  });
});

describe('the chef’s forecast, version by version', () => {
  it('the underlag shows the ansvar’s budget from its verksamhetsbudget, and the proposal from its months, to the öre', async () => {
    const underlag = await api.json<HelarsprognosUnderlag>(`${adress()}/underlag`, { som: CHEF });
    expect(underlag.status).toBe(200);
    const budget = DEMO.internbudget.filter((rad) => rad.ansvar === ANSVAR);
    expect(budget.length).toBeGreaterThan(0);
    const verksamhetsbudget = await api.json<VerksamhetsbudgetDto>(`/api/budget/verksamhetsbudgetar/${ANSVAR}/${AR}`, { som: CHEF });
    expect(verksamhetsbudget.status).toBe(200);
    for (const rad of budget) {
      const visad = underlag.body.rader.find((r) => r.kontogrupp === rad.kontogrupp)!;
      const manader = verksamhetsbudget.body.rader.find((r) => r.kontogrupp === rad.kontogrupp)!.manader;
      // Utfall so far (whatever the tests have imported) plus the verksamhetsbudget of November and December.
      expect(visad).toMatchObject({ budgetOre: rad.beloppOre, forslagOre: visad.utfallOre + manader[10]! + manader[11]! });
      if (rad.kontogrupp !== 'personalkostnader') expect(visad.runRateOre).toBe(Math.round((visad.utfallOre * 12) / 10));
    }
    expect(underlag.body).toMatchObject({ status: 'ej-paborjad', utfallTomManad: 10, kommentarKravs: false, netto: { prognosOre: null } });
  });

  it('goes from ej påbörjad to utkast, klarmarkerad, godkänd, återsänd and utkast again, each step with If-Match', async () => {
    const ingen = await api.json<Problem>(adress(), { som: CHEF });
    expect(ingen.status).toBe(404);

    const utkast = await spara({ rader: RADER, kommentar: 'Fler brukare i höst' }, null);
    expect(utkast).toMatchObject({ status: 200, body: { version: 1, andring: 1, status: 'utkast', nettokostnadOre: 400_000_050 } });
    expect(utkast.headers.get('etag')).toBe('"1-1"');
    const hamtad = await api.json<HelarsprognosDto>(adress(), { som: 'ekonom-sn' });
    expect(hamtad).toMatchObject({ status: 200, body: { version: 1, status: 'utkast' } });
    expect(hamtad.headers.get('etag')).toBe('"1-1"');

    const klar = await spara({ rader: RADER, kommentar: 'Fler brukare i höst', klarmarkerad: true }, '"1-1"');
    expect(klar).toMatchObject({ status: 200, body: { version: 2, andring: 2, status: 'klarmarkerad' } });
    expect(klar.headers.get('etag')).toBe('"2-2"');

    const godkand = await api.besluta('godkann', mal(), 'ekonom-sn', { ifMatch: '"2-2"' });
    expect(godkand).toMatchObject({ status: 200, body: { version: 2, andring: 3, status: 'godkand', andradAv: { id: 'ekonom-sn' } } });
    expect(godkand.headers.get('etag')).toBe('"2-3"');
    const overGodkand = await spara({ rader: RADER }, '"2-3"');
    expect(overGodkand.status).toBe(409);

    const utanSkal = await api.besluta('atersand', mal(), 'ekonom-sn', { ifMatch: '"2-3"' });
    expect(utanSkal.status).toBe(400);
    expect(faltI(utanSkal.body as unknown as Problem)).toEqual(['kommentar']);
    const aterskickad = await api.besluta('atersand', mal(), 'ekonom-sn', { ifMatch: '"2-3"', kommentar: 'Räkna med vikarierna' });
    expect(aterskickad).toMatchObject({
      status: 200,
      body: { status: 'aterskickad', beslutskommentar: 'Räkna med vikarierna', andring: 4 },
    });

    const igen = await spara({ rader: [...RADER, { kontogrupp: 'lokalkostnader', belopp: '250000' }], kommentar: 'Med vikarier' }, '"2-4"');
    expect(igen).toMatchObject({ status: 200, body: { version: 3, andring: 5, status: 'utkast' } });
    const klarmarkerad = await api.besluta('klarmarkera', mal(), CHEF, { ifMatch: '"3-5"' });
    expect(klarmarkerad).toMatchObject({ status: 200, body: { version: 3, andring: 6, status: 'klarmarkerad' } });

    // Every change was published with the whole state, in order of andring.
    // The topic holds the demo city's ~3,000 forecasts first: look at each new message once, not at all of them again.
    const meddelanden = await kafka.readUntil(
      helarsprognosAndrad.topic,
      (lasta) => {
        const p = (JSON.parse(lasta.at(-1)!.value!.toString()) as EventEnvelope<HelarsprognosAndradPayload>).payload;
        return p.ansvar === ANSVAR && p.tillfalle === TILLFALLE && p.andring === 6;
      },
      60_000,
    );
    const vara = meddelanden
      .map((m) => (JSON.parse(m.value!.toString()) as EventEnvelope<HelarsprognosAndradPayload>).payload)
      .filter((p) => p.ansvar === ANSVAR && p.ar === AR && p.tillfalle === TILLFALLE);
    expect(vara.map((p) => [p.andring, p.version, p.status])).toEqual([
      [1, 1, 'utkast'],
      [2, 2, 'klarmarkerad'],
      [3, 2, 'godkand'],
      [4, 2, 'aterskickad'],
      [5, 3, 'utkast'],
      [6, 3, 'klarmarkerad'],
    ]);
    expect(vara[3]).toMatchObject({ beslutskommentar: 'Räkna med vikarierna', andradAv: { id: 'ekonom-sn' } });
  });

  it('a stale If-Match gets 412 with the current version, none gets 428, and nothing is stored', async () => {
    const fore = await versioner();
    const inaktuell = await spara({ rader: RADER, kommentar: 'x' }, '"1-1"');
    expect(inaktuell.status).toBe(412);
    expect(inaktuell.contentType).toMatch(/problem\+json/);
    expect(inaktuell.body).toMatchObject({ status: 412, aktuell: { version: 3, andring: 6, status: 'klarmarkerad' }, etag: '"3-6"' });
    expect(faltI(inaktuell.body)).toEqual(['If-Match']);
    const utan = await spara({ rader: RADER, kommentar: 'x' }, null);
    expect(utan.status).toBe(428);
    const stjarna = await spara({ rader: RADER, kommentar: 'x' }, '*');
    expect(stjarna.status).toBe(428);
    const beslutInaktuellt = await api.besluta('atersand', mal(), 'ekonom-sn', { ifMatch: '"3-5"', kommentar: 'Gammal' });
    expect(beslutInaktuellt.status).toBe(412);
    expect(await versioner()).toEqual(fore);
  });

  it('two saves from the same version at once: one is stored, the other gets 412', async () => {
    const fore = await versioner();
    const [a, b] = await Promise.all([
      spara({ rader: [{ kontogrupp: 'personalkostnader', belopp: '1' }], kommentar: 'A' }, '"3-6"'),
      spara({ rader: [{ kontogrupp: 'personalkostnader', belopp: '2' }], kommentar: 'B' }, '"3-6"'),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const efter = await versioner();
    expect(efter).toHaveLength(fore.length + 1);
    expect(efter[0]).toMatchObject({ version: 4, kommentar: a.status === 200 ? 'A' : 'B' });
  });

  it('lists the versions newest first and compares two line by line, with who changed what', async () => {
    const lista = await versioner();
    expect(lista.map((v) => v.version)).toEqual([4, 3, 2, 1]);
    expect(lista.every((v) => v.sparadAv?.id === CHEF)).toBe(true);
    const jamforelse = await api.json<Prognosversionsjamforelse>(`${adress()}/versioner/1/jamfor/3`, { som: 'ekonom-sn' });
    expect(jamforelse.status).toBe(200);
    expect(jamforelse.body.rader).toEqual([
      { kontogrupp: 'intakter', franOre: 100_000_000, tillOre: 100_000_000, skillnadOre: 0, andradIVersion: null, andradAv: null },
      { kontogrupp: 'personalkostnader', franOre: 500_000_050, tillOre: 500_000_050, skillnadOre: 0, andradIVersion: null, andradAv: null },
      {
        kontogrupp: 'lokalkostnader',
        franOre: null,
        tillOre: 25_000_000,
        skillnadOre: 25_000_000,
        andradIVersion: 3,
        andradAv: expect.objectContaining({ id: CHEF }),
      },
    ]);
    expect(jamforelse.body.kommentar).toEqual({ fran: 'Fler brukare i höst', till: 'Med vikarier', andrad: true });
    expect((await api.json(`${adress()}/versioner/1/jamfor/99`, { som: CHEF })).status).toBe(404);
  });
});

describe('the comment threshold the city sets', () => {
  it('only the ekonomidirektör changes it, with a share of at most two decimals, and the change is audited', async () => {
    const standard = await api.json<KommentarstroskelDto>('/api/forecast/kommentarstroskel', { som: CHEF });
    expect(standard).toMatchObject({ status: 200, body: { beloppOre: 50_000_000, procent: 5 } });
    const somChef = await api.json('/api/forecast/kommentarstroskel', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ belopp: '1000', procent: 1 }),
      som: CHEF,
    });
    expect(somChef.status).toBe(403);
    const fel = await api.json<Problem>('/api/forecast/kommentarstroskel', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ belopp: '-1', procent: 1.234 }),
    });
    expect(fel.status).toBe(400);
    expect(faltI(fel.body).sort()).toEqual(['belopp', 'procent']);
    const satt = await api.json<KommentarstroskelDto>('/api/forecast/kommentarstroskel', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ belopp: '1 000', procent: 0.5 }),
    });
    expect(satt).toMatchObject({ status: 200, body: { beloppOre: 100_000, procent: 0.5, andradAv: { id: 'ekonomidirektor' } } });
    const logg = await api.json<{ handling: string }[]>('/api/forecast/andringslogg?objektTyp=kommentarstroskel&objektId=stad');
    expect(logg.body.map((post) => post.handling)).toEqual(['kommentarstroskel.andrad']);
  });

  it('a forecast whose avvikelse passes it is marked ready only with a comment; nothing is stored without one', async () => {
    const fore = await versioner(ANNAT_ANSVAR);
    const utan = await spara({ rader: RADER, klarmarkerad: true }, null, ANNAN_CHEF, ANNAT_ANSVAR);
    expect(utan.status).toBe(422);
    expect(faltI(utan.body)).toEqual(['kommentar']);
    expect(await versioner(ANNAT_ANSVAR)).toEqual(fore);
    // An utkast may wait for its comment; the underlag says it is required.
    const utkast = await spara({ rader: RADER }, null, ANNAN_CHEF, ANNAT_ANSVAR);
    expect(utkast).toMatchObject({ status: 200, body: { status: 'utkast' } });
    const underlag = await api.json<HelarsprognosUnderlag>(`${adress(ANNAT_ANSVAR)}/underlag`, { som: ANNAN_CHEF });
    expect(underlag.body).toMatchObject({ kommentarKravs: true, troskel: { beloppOre: 100_000, procent: 0.5 }, status: 'utkast' });
    const budgetNetto = underlag.body.netto.budgetOre;
    expect(underlag.body.netto.avvikelseOre).toBe(budgetNetto - 400_000_050);
    const klarmarkera = await api.besluta('klarmarkera', mal(ANNAT_ANSVAR), ANNAN_CHEF);
    expect(klarmarkera.status).toBe(422);
    const medKommentar = await spara(
      { rader: RADER, kommentar: 'Avvikelsen beror på fler brukare', klarmarkerad: true },
      utkast.headers.get('etag'),
      ANNAN_CHEF,
      ANNAT_ANSVAR,
    );
    expect(medKommentar).toMatchObject({ status: 200, body: { status: 'klarmarkerad', version: 2 } });
    await api.json('/api/forecast/kommentarstroskel', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ belopp: '500000', procent: 5 }),
    });
  });
});

describe('bad input is refused with a problem naming the field, and nothing is stored', () => {
  it.each([
    ['a non-numeric amount', { rader: [{ kontogrupp: 'intakter', belopp: 'mycket' }] }, 'rader[0].belopp'],
    ['a negative amount', { rader: [{ kontogrupp: 'intakter', belopp: -5 }] }, 'rader[0].belopp'],
    ['over 10 000 000 000 kr on one line', { rader: [{ kontogrupp: 'intakter', belopp: '10000000000,01' }] }, 'rader[0].belopp'],
    ['an unknown kontogrupp', { rader: [{ kontogrupp: 'fika', belopp: 5 }] }, 'rader[0].kontogrupp'],
    ['klarmarkerad that is not true or false', { rader: [{ kontogrupp: 'intakter', belopp: 5 }], klarmarkerad: 'ja' }, 'klarmarkerad'],
    ['a body that is not JSON', '{"rader": [', '(body)'],
  ])('%s', async (_, body, falt) => {
    const fore = await versioner();
    const svar = await spara(body, '"4-7"');
    expect(svar.status).toBe(400);
    expect(svar.contentType).toMatch(/problem\+json/);
    expect(faltI(svar.body)).toContain(falt);
    expect(await versioner()).toEqual(fore);
  });

  it('an ansvar code that is not one names the field', async () => {
    const svar = await api.json<Problem>(`/api/forecast/helarsprognoser/abc/${AR}/${TILLFALLE}`, { som: CHEF });
    expect(svar.status).toBe(400);
    expect(faltI(svar.body)).toEqual(['ansvar']);
    const tillfalle = await api.json<Problem>(`/api/forecast/helarsprognoser/${ANSVAR}/${AR}/midsommar`, { som: CHEF });
    expect(faltI(tillfalle.body)).toEqual(['tillfalle']);
  });

  it('someone else’s ansvar, or one that does not exist, is refused alike; the ekonomidirektör is told it does not exist', async () => {
    const annans = await spara({ rader: RADER }, null, CHEF, ANNAT_ANSVAR);
    const finnsInte = await spara({ rader: RADER }, null, CHEF, '99999999');
    expect(annans.status).toBe(403);
    expect(finnsInte).toMatchObject({ status: 403, body: annans.body });
    expect((await api.json(adress('99999999'))).status).toBe(404);
    expect(await versioner(ANNAT_ANSVAR)).toHaveLength(2);
  });

  it('after the round closes nothing changes, until the ekonomidirektör reopens one ansvar with a reason', async () => {
    expect((await api.json(`/api/forecast/omgangar/${AR}/${TILLFALLE}/stang`, { method: 'POST' })).status).toBe(200);
    const fore = await versioner();
    const stangd = await spara({ rader: RADER, kommentar: 'Sent' }, '"4-7"');
    expect(stangd.status).toBe(409);
    expect(faltI(stangd.body)).toEqual(['tillfalle']);
    expect((await api.besluta('godkann', mal(ANNAT_ANSVAR), 'ekonom-sn')).status).toBe(409);
    expect(await versioner()).toEqual(fore);

    const utanSkal = await api.besluta('ateroppna', mal(), 'ekonomidirektor', { ifMatch: '"4-7"' });
    expect(utanSkal.status).toBe(400);
    const oppnad = await api.besluta('ateroppna', mal(), 'ekonomidirektor', { ifMatch: '"4-7"', kommentar: 'Rättelse efter bokslut' });
    expect(oppnad).toMatchObject({ status: 200, body: { status: 'aterskickad', beslutskommentar: 'Rättelse efter bokslut', andring: 8 } });
    // The round lists the ansvar opened again, with the reason, for the dashboard to let its chef back in; no other.
    const omgangen = (await api.json<PrognosomgangDto[]>('/api/forecast/omgangar', { som: ANNAN_CHEF })).body.find(
      (omgang) => omgang.ar === AR && omgang.tillfalle === TILLFALLE,
    );
    expect(omgangen?.status).toBe('stangd');
    expect(omgangen?.ateroppnadeAnsvar).toEqual([{ ansvar: ANSVAR, skal: 'Rättelse efter bokslut', ateroppnadAt: expect.any(String) }]);
    const rattad = await spara({ rader: RADER, kommentar: 'Rättad', klarmarkerad: true }, '"4-8"');
    expect(rattad).toMatchObject({ status: 200, body: { version: 5, status: 'klarmarkerad' } });
    // The other ansvar stays locked.
    expect((await spara({ rader: RADER, kommentar: 'x' }, '"2-2"', ANNAN_CHEF, ANNAT_ANSVAR)).status).toBe(409);
    // Closing the round again is refused: it would take the reopening back.
    const igen = await api.json<Problem>(`/api/forecast/omgangar/${AR}/${TILLFALLE}/stang`, { method: 'POST' });
    expect(igen.status).toBe(409);
    expect(faltI(igen.body)).toEqual(['tillfalle']);
    const etagNu = `"${rattad.body.version}-${rattad.body.andring}"`;
    expect((await spara({ rader: RADER, kommentar: 'Rättad igen', klarmarkerad: true }, etagNu)).status).toBe(200);

    const logg = await api.json<{ handling: string; anvandare: string }[]>(
      `/api/forecast/andringslogg?objektTyp=ansvar&objektId=${ANSVAR}`,
    );
    expect(logg.body.map((post) => post.handling)).toContain('helarsprognos.ateroppnad');
  });
});

describe('utfall so far, from budget’s utfall import', () => {
  it('reaches the underlag per kontogrupp to the öre, with the proposal and the July-weighted run-rate', async () => {
    // The demo ledger of one ansvar for January–August, imported as a year no other test uses.
    const utfallsar = 2031;
    const rader = [...DEMO.utfall(8)].filter((rad) => rad.ansvar === ANSVAR);
    expect(rader.length).toBeGreaterThan(0);
    const kronor = (ore: number) =>
      `${ore < 0 ? '-' : ''}${Math.trunc(Math.abs(ore) / 100)},${String(Math.abs(ore) % 100).padStart(2, '0')}`;
    const csv = [
      'ar;manad;ansvar;konto;belopp',
      ...rader.map((rad) => `${utfallsar};${rad.manad};${rad.ansvar};${rad.konto};${kronor(rad.beloppOre)}`),
    ];
    const importen = await api.json<{ status: string }>(`/api/budget/utfall/import?filnamn=prognos-${utfallsar}.csv`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: `${csv.join('\n')}\n`,
    });
    expect(importen.body.status).toBe('importerad');
    const vantat = new Map<KontogruppKod, number>();
    for (const rad of rader) {
      const kontogrupp = kontogruppForKonto(rad.konto)!;
      vantat.set(kontogrupp, (vantat.get(kontogrupp) ?? 0) + visatBelopp(kontogrupp, rad.beloppOre));
    }

    const tills = Date.now() + 60_000;
    let underlag: HelarsprognosUnderlag | undefined;
    while (Date.now() < tills) {
      const svar = await api.json<HelarsprognosUnderlag>(`/api/forecast/helarsprognoser/${ANSVAR}/${utfallsar}/augusti/underlag`, {
        som: CHEF,
      });
      if (svar.status === 200 && svar.body.rader.some((rad) => rad.utfallOre !== 0)) {
        underlag = svar.body;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(underlag, 'utfallet nådde aldrig forecast').toBeDefined();
    for (const [kontogrupp, utfallOre] of vantat) {
      const rad = underlag!.rader.find((r) => r.kontogrupp === kontogrupp)!;
      // No budget for the year: the proposal is the utfall; the run-rate scales it to twelve months.
      const skala = kontogrupp === 'personalkostnader' ? [116, 76] : [12, 8];
      expect(rad).toMatchObject({
        budgetOre: 0,
        utfallOre,
        forslagOre: utfallOre,
        runRateOre: Math.round((utfallOre * skala[0]!) / skala[1]!),
      });
    }
    // The april round's period is January to April: later months are left out.
    const april = await api.json<HelarsprognosUnderlag>(`/api/forecast/helarsprognoser/${ANSVAR}/${utfallsar}/april/underlag`, {
      som: CHEF,
    });
    const tomApril = rader.filter((rad) => rad.manad <= 4 && kontogruppForKonto(rad.konto) === 'personalkostnader');
    expect(april.body.rader.find((r) => r.kontogrupp === 'personalkostnader')?.utfallOre).toBe(
      tomApril.reduce((summa, rad) => summa + rad.beloppOre, 0),
    );
  });
});
