// The fault suite's whole-city forecast round, shared by its variants: the product started by `npm start`
// (infra/scripts/start.mjs) on a PostgreSQL cluster of the suite's own, chefer submitting helårsprognoser through the
// gateway while faults are injected, and the reconciliation at the end (infra/scripts/lib/reconciliation.mjs).
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import type { HelarsprognosDto, Uppfoljning } from '@tertial/contracts/dto';
import { helarsprognosAndrad } from '@tertial/contracts/events';
import { SERVICE_NAMES, type ServiceName } from '@tertial/contracts/services';
import kafkajs from 'kafkajs';
import pg from 'pg';

import { dropDatabase, ensurePostgres } from '../../infra/scripts/lib/postgres.mjs';
import { formatTable, reconcile } from '../../infra/scripts/lib/reconciliation.mjs';
import { tokenSource } from '../../infra/scripts/lib/tokens.mjs';
import { ROOT } from '../support/services.js';

export const SLOT = Number(process.env.TERTIAL_TEST_SLOT || 0);
/** `TERTIAL_CHAOS=liten`: the variant that fits CI, a part of the city's ansvar instead of all of them. */
export const LITEN = process.env.TERTIAL_CHAOS === 'liten';

const KONTOGRUPPER = ['intakter', 'personalkostnader', 'lokalkostnader', 'kop-av-verksamhet', 'ovriga-kostnader', 'kapitalkostnader'];
const FORECAST_TOPIC = helarsprognosAndrad.topic;

interface Nod {
  kod: string;
  niva: string;
  foralderKod: string | null;
  chef: { anvandarId: string } | null;
}

interface RunState {
  url: string;
  oidcIssuer: string;
  /** Per process: a service's first replica by its name (`forecast`), the next ones numbered (`forecast-2`). */
  pids: Record<string, number>;
  gatewayPid: number;
  kafkaPid: number | null;
}

export interface Kvitto {
  ansvar: string;
  version: number;
  andring: number;
  nettokostnadOre: number;
  intakterOre: number;
  kostnaderOre: number;
  at: number;
}

/** A response other than 2xx to a submission (status 0: no answer at all), with when and whether it was a problem+json. */
export interface Avslag {
  at: number;
  status: number;
  problem: boolean;
}

export interface Fel {
  fel: string;
  vid: number;
  aterhamtadEfter: number | null;
}

/** A forecast as a chef types it, in kronor with öre: six lines, different per ansvar and per pass. */
function rader(index: number, varv: number) {
  return KONTOGRUPPER.map((kontogrupp, k) => ({
    kontogrupp,
    belopp: `${100_000 + ((index * 7 + k * 13 + varv * 1_009) % 900_000)},${String((index + k + varv * 37) % 100).padStart(2, '0')}`,
  }));
}

/** What `startProduct` started and has not stopped: a test that times out while its product still starts stops it here. */
const started = new Set<() => Promise<void>>();

/** Stops every product a test of this file started (`afterAll`), also one whose start the test's timeout cut short. */
export async function stopProducts(): Promise<void> {
  for (const stop of [...started]) await stop();
}

/**
 * The product as `npm start` runs it, on PostgreSQL: a cluster of the suite's own (emptied databases), which it may
 * stop, and the broker `kafka` says (the local one `npm start` starts and supervises, or an existing cluster's).
 * `repliker`: how many replicas of every service (`TERTIAL_REPLIKER`), sharing their service's database.
 */
export async function startProduct({
  namn,
  kafkaBrokers,
  plats = 0,
  repliker = 1,
}: {
  namn: string;
  kafkaBrokers?: string[];
  plats?: 0 | 1;
  repliker?: 1 | 2;
}) {
  // Each variant on ports and a database cluster of its own (`plats`), so that both can run at once; a service's
  // second replica listens 10 above its first (docs/operations.md#replicas), so the variants' services are 5 apart.
  const port = 8620 + SLOT + plats * 50;
  const kafkaPort = 19892 + SLOT * 2;
  const serviceBase = 4100 + SLOT * 20 + plats * 5;
  const instance = `postgres-chaos-${SLOT}${plats ? '-b' : ''}`;
  // Durable, as a city's PostgreSQL is: the first runs of this suite, on the tests' cluster without synchronous commit,
  // lost the last acknowledged forecasts before the database's crash, and the reconciliation caught it.
  const postgres = await ensurePostgres({ root: ROOT, instance, port: 15480 + SLOT + plats * 50, durable: true });
  if (!postgres.halt) throw new Error(`a PostgreSQL server already answers on ${postgres.url} that the fault suite did not start: stop it`);
  for (const name of SERVICE_NAMES) await dropDatabase(postgres.url, `tertial_${name}`);
  rmSync(join(ROOT, '.tertial', `kafka-chaos-pg-${SLOT}`, 'data'), { recursive: true, force: true });
  const child = spawn(process.execPath, [join(ROOT, 'infra/scripts/start.mjs')], {
    cwd: ROOT,
    env: {
      ...process.env,
      TERTIAL_PORT: String(port),
      TERTIAL_SERVICE_PORT_BASE: String(serviceBase),
      KAFKA_PORT: String(kafkaPort),
      KAFKA_CONTROLLER_PORT: String(kafkaPort + 1),
      TERTIAL_KAFKA_INSTANCE: `kafka-chaos-pg-${SLOT}`,
      KAFKA_BROKERS: kafkaBrokers?.join(',') ?? '',
      DATABASE_URL: postgres.url,
      TERTIAL_POSTGRES: '',
      TERTIAL_REPLIKER: String(repliker),
      TERTIAL_OIDC_ISSUER: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  const waitFor = async (pattern: RegExp, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(output)) {
      if (!running()) throw new Error(`npm start (${namn}) ended before ${pattern}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`npm start (${namn}): no ${pattern} within ${timeoutMs / 1000} s:\n${output}`);
      await sleep(250);
    }
  };
  const stop = async () => {
    started.delete(stop);
    if (running()) {
      child.kill('SIGINT');
      await exited;
    }
    await postgres.stop();
    // What npm start said about the processes it looks after, for whoever reads the run.
    const lines = output.trimEnd().split('\n');
    const said = lines.filter((line) => /died|is back|giving up|could not be restarted|demo forecasts|Tertial är igång/.test(line));
    console.log(`npm start (${namn}):\n${said.join('\n')}\n… its last lines:\n${lines.slice(-15).join('\n')}`);
  };
  started.add(stop);
  try {
    await waitFor(/Tertial är igång/, 600_000);
    // The demo city's own forecasts first, so that the round's load is the round's.
    await waitFor(/demo data: helårsprognoser for \S+ \d+ (saved|already there)|demo forecasts failed/, 900_000);
  } catch (error) {
    await stop();
    throw error;
  }
  const runFile = join(ROOT, `.tertial/run/start-${port}.json`);
  const state = () => JSON.parse(readFileSync(runFile, 'utf8')) as RunState;
  const first = state();
  const servicePort = (name: ServiceName, replika = 1) => serviceBase + 1 + SERVICE_NAMES.indexOf(name) + 10 * (replika - 1);
  return {
    url: `http://127.0.0.1:${port}`,
    issuer: first.oidcIssuer,
    postgres,
    pgUrl: postgres.url,
    kafkaBrokers: kafkaBrokers ?? [`127.0.0.1:${kafkaPort}`],
    state,
    output: () => output,
    repliker,
    /** A replica's /health (the first one's unless `replika` says otherwise). */
    serviceHealth: (name: ServiceName, replika = 1) => `http://127.0.0.1:${servicePort(name, replika)}/api/${name}/health`,
    stop,
  };
}
export type Product = Awaited<ReturnType<typeof startProduct>>;

async function svarar(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/** Waits until every replica of every service answers 200 on /health (its database and Kafka both up). */
export async function allHealthy(product: Product, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const adresser = SERVICE_NAMES.flatMap((name) => Array.from({ length: product.repliker }, (_, i) => product.serviceHealth(name, i + 1)));
  for (;;) {
    const svar = await Promise.all(adresser.map(svarar));
    if (svar.every(Boolean)) return;
    if (Date.now() > deadline) throw new Error(`not every service healthy within ${timeoutMs / 1000} s`);
    await sleep(250);
  }
}

export async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await sleep(200);
  }
}

/**
 * A whole-city forecast round (a new October round, so every ansvar starts afresh) driven by every chef through the
 * gateway, `klienter` at a time, pass after pass (each pass a new version of every ansvar) until `stop()` is asked and
 * at least two passes are done. Every answer is recorded: the acknowledged submissions with their amounts, the rest
 * with their status. A submission without an answer, or with a 5xx, is tried again from the forecast's current ETag
 * until it is acknowledged, as a chef would: so the last submission of each ansvar is an acknowledged one.
 */
export async function startRound(product: Product, { antalAnsvar, klienter = 16 }: { antalAnsvar?: number; klienter?: number }) {
  const token = tokenSource(product.issuer);
  const headers = async (anvandare: string) => {
    for (;;) {
      try {
        return { authorization: `Bearer ${await token(anvandare)}` };
      } catch {
        await sleep(500); // the gateway (and its sign-in provider) is being restarted
      }
    }
  };
  const ed = await headers('ekonomidirektor');
  const omgangar = (await (await fetch(`${product.url}/api/forecast/omgangar`, { headers: ed })).json()) as {
    ar: number;
    tillfalle: string;
  }[];
  let ar = new Date().getFullYear();
  while (omgangar.some((o) => o.ar === ar && o.tillfalle === 'oktober')) ar += 1;
  const organisation = (await (await fetch(`${product.url}/api/budget/organisation`, { headers: ed })).json()) as Nod[];
  const namnder = organisation.filter((n) => n.niva === 'namnd').map((n) => n.kod);
  const alla = organisation.filter((n) => n.niva === 'enhet' && n.chef);
  const ansvar = antalAnsvar ? alla.filter((_, i) => i % Math.ceil(alla.length / antalAnsvar) === 0) : alla;
  const oppnad = await fetch(`${product.url}/api/forecast/omgangar`, {
    method: 'POST',
    headers: { ...ed, 'content-type': 'application/json' },
    body: JSON.stringify({ ar, tillfalle: 'oktober', deadline: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(), namnder }),
  });
  if (!oppnad.ok) throw new Error(`opening the round oktober ${ar}: ${oppnad.status} ${await oppnad.text()}`);
  const chefer = [...new Set(ansvar.map((n) => n.chef!.anvandarId))];
  for (let i = 0; i < chefer.length; i += 20) await Promise.all(chefer.slice(i, i + 20).map((chef) => token(chef)));

  const kvitton: Kvitto[] = [];
  const avslag: Avslag[] = [];
  const etags = new Map<string, string>();
  const start = performance.now();
  const now = () => performance.now() - start;
  let stoppa = false;
  let varv = 0;
  const adress = (kod: string) => `${product.url}/api/forecast/helarsprognoser/${kod}/${ar}/oktober`;

  /** The forecast's current ETag as its chef reads it ('*' before its first version), asked until an answer comes. */
  const aktuellEtag = async (nod: Nod) => {
    for (;;) {
      try {
        const svar = await fetch(adress(nod.kod), { headers: await headers(nod.chef!.anvandarId), signal: AbortSignal.timeout(30_000) });
        await svar.body?.cancel();
        if (svar.status === 404) return '*';
        if (svar.ok) return svar.headers.get('etag')!;
      } catch {
        // no answer: the gateway or the service is being restarted
      }
      await sleep(500);
    }
  };

  const lamnaIn = async (nod: Nod, index: number) => {
    for (;;) {
      let svar: Response;
      try {
        svar = await fetch(adress(nod.kod), {
          method: 'PUT',
          headers: {
            ...(await headers(nod.chef!.anvandarId)),
            'content-type': 'application/json',
            'if-match': etags.get(nod.kod) ?? '*',
          },
          body: JSON.stringify({ rader: rader(index, varv), kommentar: 'Felprov', klarmarkerad: true }),
          signal: AbortSignal.timeout(30_000),
        });
      } catch {
        avslag.push({ at: now(), status: 0, problem: false });
        await sleep(500);
        etags.set(nod.kod, await aktuellEtag(nod));
        continue;
      }
      if (svar.ok) {
        const prognos = (await svar.json()) as HelarsprognosDto;
        kvitton.push({
          ansvar: prognos.ansvar,
          version: prognos.version,
          andring: prognos.andring,
          nettokostnadOre: prognos.nettokostnadOre,
          intakterOre: prognos.intakterOre,
          kostnaderOre: prognos.kostnaderOre,
          at: now(),
        });
        etags.set(nod.kod, svar.headers.get('etag')!);
        return;
      }
      avslag.push({ at: now(), status: svar.status, problem: /^application\/problem\+json/.test(svar.headers.get('content-type') ?? '') });
      const text = await svar.text();
      if (svar.status === 503) {
        // The database is away (or the service is starting): nothing was stored, so the same write again in a moment.
        await sleep(1_000);
        continue;
      }
      if (svar.status === 412 || svar.status === 428 || svar.status >= 500) {
        if (svar.status >= 500) await sleep(500);
        etags.set(nod.kod, await aktuellEtag(nod));
        continue;
      }
      throw new Error(`${nod.kod}: ${svar.status} ${text}`);
    }
  };

  const klar = (async () => {
    for (; varv < 2 || !stoppa; varv += 1) {
      let nasta = 0;
      await Promise.all(
        Array.from({ length: klienter }, async () => {
          while (nasta < ansvar.length) {
            const index = nasta++;
            await lamnaIn(ansvar[index]!, index);
          }
        }),
      );
    }
  })();

  return {
    ar,
    ansvar,
    organisation,
    kvitton,
    avslag,
    now,
    varv: () => varv,
    /** Resolves with the first acknowledgement after `efter` (ms into the round), or null after `timeoutMs`. */
    async kvittoEfter(efter: number, timeoutMs = 300_000): Promise<number | null> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const kvitto = kvitton.find((k) => k.at > efter);
        if (kvitto) return kvitto.at;
        if (Date.now() > deadline) return null;
        await sleep(100);
      }
    },
    /** Finishes the pass under way (and a second, if this is the first) and resolves when every client is done. */
    async stop() {
      stoppa = true;
      await klar;
    },
  };
}
export type Round = Awaited<ReturnType<typeof startRound>>;

/**
 * Injects one fault, waits for `frisk` (the part it hit answering again), then for the first acknowledged submission
 * after that: the time to recover is from the injection to that acknowledgement, the product working again end to end.
 */
export async function injicera(runda: Round, fel: Fel[], namn: string, gor: () => Promise<void>, frisk: () => Promise<void>) {
  const vid = runda.now();
  await gor();
  await frisk();
  const kvitto = await runda.kvittoEfter(runda.now());
  fel.push({ fel: namn, vid, aterhamtadEfter: kvitto === null ? null : kvitto - vid });
  console.log(
    `[chaos] ${namn} at ${(vid / 1000).toFixed(1)} s: ${kvitto === null ? 'no submission acknowledged after it' : `recovered after ${((kvitto - vid) / 1000).toFixed(1)} s`} (${runda.kvitton.length} acknowledged so far)`,
  );
}

/**
 * Waits until the report service has applied every forecast event the forecast service published, and it stays so;
 * after `timeoutMs` it says how far behind it is and returns, and the reconciliation shows what is missing.
 */
export async function settle(product: Product, timeoutMs = 180_000): Promise<void> {
  const forecast = new pg.Client({ connectionString: `${product.pgUrl}/tertial_forecast` });
  const report = new pg.Client({ connectionString: `${product.pgUrl}/tertial_report` });
  await Promise.all([forecast.connect(), report.connect()]);
  try {
    let lika = 0;
    const deadline = Date.now() + timeoutMs;
    while (lika < 3) {
      const [{ rows: ut }, { rows: in_ }] = await Promise.all([
        forecast.query<{ alla: string; osanda: string }>(
          'select count(*) as alla, count(*) filter (where sent_at is null) as osanda from outbox_message where topic = $1',
          [FORECAST_TOPIC],
        ),
        report.query<{ alla: string }>('select count(*) as alla from processed_event where topic = $1', [FORECAST_TOPIC]),
      ]);
      lika = ut[0]!.osanda === '0' && ut[0]!.alla === in_[0]!.alla ? lika + 1 : 0;
      if (Date.now() > deadline) {
        console.log(
          `[chaos] the report service did not catch up within ${timeoutMs / 1000} s: forecast ${JSON.stringify(ut[0])}, report ${in_[0]!.alla}`,
        );
        return;
      }
      await sleep(1_000);
    }
  } finally {
    await Promise.all([forecast.end(), report.end()]);
  }
}

/** Every record of the round's forecast events on the topic, and how many records every dead-letter topic holds. */
async function readTopics(brokers: string[], ar: number) {
  const kafka = new kafkajs.Kafka({ clientId: 'tertial-chaos-reconciliation', brokers, logLevel: kafkajs.logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const deadLetters: Record<string, number> = {};
  const slut = new Map<number, number>();
  try {
    for (const topic of (await admin.listTopics()).filter((name) => name.endsWith('.dlt'))) {
      deadLetters[topic] = (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
    }
    for (const p of await admin.fetchTopicOffsets(FORECAST_TOPIC))
      if (Number(p.high) > Number(p.low)) slut.set(p.partition, Number(p.high));
  } finally {
    await admin.disconnect();
  }
  const consumer = kafka.consumer({ groupId: `tertial-chaos-reconciliation-${Date.now()}` });
  const handelser: { eventId: string; ansvar: string; andring: number }[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: FORECAST_TOPIC, fromBeginning: true });
    const kvar = new Set(slut.keys());
    await new Promise<void>((resolve, reject) => {
      if (kvar.size === 0) return resolve();
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            const envelope = JSON.parse(message.value!.toString()) as {
              eventId: string;
              payload: { ansvar: string; ar: number; tillfalle: string; andring: number };
            };
            if (envelope.payload.ar === ar && envelope.payload.tillfalle === 'oktober') {
              handelser.push({ eventId: envelope.eventId, ansvar: envelope.payload.ansvar, andring: envelope.payload.andring });
            }
            if (Number(message.offset) + 1 >= slut.get(partition)!) kvar.delete(partition);
            if (kvar.size === 0) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return { handelser, deadLetters };
}

/** Reads what the product kept, reconciles it with what was acknowledged and prints the table. */
export async function reconcileRound(product: Product, runda: Round, { variant, fel }: { variant: string; fel: Fel[] }) {
  await settle(product);
  const ed = { authorization: `Bearer ${await tokenSource(product.issuer)('ekonomidirektor')}` };
  const getJson = async <T>(path: string): Promise<T> => {
    for (let forsok = 1; ; forsok += 1) {
      const svar = await fetch(`${product.url}${path}`, { headers: ed });
      if (svar.ok) return (await svar.json()) as T;
      if (forsok === 5) throw new Error(`${path}: ${svar.status} ${await svar.text()}`);
      await sleep(1_000);
    }
  };
  const kvitterade = new Set(runda.kvitton.map((k) => k.ansvar));
  const nodAv = new Map(runda.organisation.map((n) => [n.kod, n]));

  // The forecast service: every version of every ansvar of the round, and its current state.
  const versioner = new Map<string, { version: number; nettokostnadOre: number; intakterOre: number; kostnaderOre: number }[]>();
  const koer = [...kvitterade];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let kod = koer.pop(); kod; kod = koer.pop()) {
        versioner.set(kod, await getJson<HelarsprognosDto[]>(`/api/forecast/helarsprognoser/${kod}/${runda.ar}/oktober/versioner`));
      }
    }),
  );
  const aktuella = new Map(
    (await getJson<HelarsprognosDto[]>(`/api/forecast/helarsprognoser?ar=${runda.ar}&tillfalle=oktober`)).map((p) => [p.ansvar, p]),
  );

  // The report service: each ansvar's figure in the roll-up, read from its parent node, and the city's total.
  const rapport = new Map<string, { prognosOre: number; raknas: boolean }>();
  for (const foralder of new Set([...kvitterade].map((kod) => nodAv.get(kod)!.foralderKod!))) {
    const nod = await getJson<Uppfoljning>(`/api/report/uppfoljning/${runda.ar}/oktober/noder/${foralder}`);
    for (const barn of nod.barn) {
      rapport.set(barn.kod, { prognosOre: barn.prognosOre, raknas: barn.framsteg.klarmarkerade + barn.framsteg.godkanda === 1 });
    }
  }
  const stad = (await getJson<Uppfoljning>(`/api/report/uppfoljning/${runda.ar}/oktober/noder/stad`)).nod.prognosOre;

  // The topic's records, and the report service's processed-event log for them.
  const { handelser, deadLetters } = await readTopics(product.kafkaBrokers, runda.ar);
  const report = new pg.Client({ connectionString: `${product.pgUrl}/tertial_report` });
  await report.connect();
  const tillampade = new Map<string, number>();
  try {
    const { rows } = await report.query<{ event_id: string; ganger: string }>(
      'select event_id, count(*) as ganger from processed_event where event_id = any($1::uuid[]) group by event_id',
      [[...new Set(handelser.map((h) => h.eventId))]],
    );
    for (const row of rows) tillampade.set(row.event_id, Number(row.ganger));
  } finally {
    await report.end();
  }

  // The round's events the forecast service's outbox counts as sent.
  const forecast = new pg.Client({ connectionString: `${product.pgUrl}/tertial_forecast` });
  await forecast.connect();
  let skickade: { eventId: string; ansvar: string }[];
  try {
    const { rows } = await forecast.query<{ event_id: string; message_key: string }>(
      `select event_id, message_key from outbox_message where topic = $1 and sent_at is not null
         and (value::json -> 'payload' ->> 'ar')::int = $2 and value::json -> 'payload' ->> 'tillfalle' = 'oktober'`,
      [FORECAST_TOPIC, runda.ar],
    );
    skickade = rows.map((row) => ({ eventId: row.event_id, ansvar: row.message_key }));
  } finally {
    await forecast.end();
  }

  const resultat = reconcile({ kvitton: runda.kvitton, versioner, aktuella, rapport, stad, handelser, tillampade, deadLetters, skickade });
  const lagrade = [...versioner.values()].reduce((sum, v) => sum + v.length, 0);
  console.log(`\n${formatTable({ variant, fel, resultat })}\n`);
  console.log(
    `${runda.kvitton.length} acknowledged of ${runda.ansvar.length} ansvar in ${runda.varv()} passes; ${lagrade} versions kept; ` +
      `${handelser.length} event records (${new Set(handelser.map((h) => h.eventId)).size} events); ` +
      `answers other than 2xx (status: count): ${JSON.stringify(antalPerStatus(runda.avslag))}`,
  );
  return { resultat, lagrade };
}

export function antalPerStatus(avslag: readonly Avslag[]): Record<string, number> {
  const antal: Record<string, number> = {};
  for (const { status } of avslag) antal[status] = (antal[status] ?? 0) + 1;
  return antal;
}
