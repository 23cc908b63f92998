// Two replicas of every service on PostgreSQL (`TERTIAL_REPLIKER=2 TERTIAL_POSTGRES=local npm start`): the gateway
// spreads a forecast round's submissions over both forecast replicas, both report replicas hold partitions of the
// forecast topic, one replica of each is killed with SIGKILL mid-round, and at the end every acknowledged submission
// is in the forecast service and in the report's city total, to the öre, none applied twice.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import type { HelarsprognosDto, PrognosTotaler, Uppfoljning } from '@tertial/contracts/dto';
import { helarsprognosAndrad } from '@tertial/contracts/events';
import { namndSokare } from '@tertial/contracts/organisation';
import kafkajs from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';

import { currentTillfalle, demoStatus } from '../../infra/scripts/lib/demo-data.mjs';
import { DEMO } from '../support/demo.js';
import { eventually, ROOT } from '../support/services.js';
import { bearer as tokenBearer, chefFor } from '../support/tokens.js';

const SLOT = Number(process.env.TERTIAL_TEST_SLOT || 0);
const PORT = 8680 + SLOT;
const KAFKA_PORT = 19692 + SLOT * 2;
const SERVICE_PORT_BASE = 3700 + SLOT * 20;
const INSTANCE = `kafka-replikor-${SLOT}`;
const ENV = {
  TERTIAL_PORT: String(PORT),
  TERTIAL_SERVICE_PORT_BASE: String(SERVICE_PORT_BASE),
  KAFKA_PORT: String(KAFKA_PORT),
  KAFKA_CONTROLLER_PORT: String(KAFKA_PORT + 1),
  TERTIAL_KAFKA_INSTANCE: INSTANCE,
  TERTIAL_REPLIKER: '2',
  TERTIAL_POSTGRES: 'local',
  TERTIAL_DATABASE_PREFIX: `replikor_s${SLOT}`,
  KAFKA_BROKERS: '',
  DATABASE_URL: '',
  TERTIAL_OIDC_ISSUER: '',
};
const GATEWAY = `http://127.0.0.1:${PORT}`;
const ISSUER = `http://localhost:${PORT}/oidc`;
const RUN_FILE = join(ROOT, `.tertial/run/start-${PORT}.json`);
const AR = new Date().getFullYear();
const TILLFALLE = currentTillfalle();
/** How many ansvar the round changes, and how many chefs submit at once. */
const ANTAL = 300;
const SAMTIDIGA = 6;
// forecast is the third service (goals, budget, forecast, report): its port and its second replica's.
const FORECAST_PORTS = [SERVICE_PORT_BASE + 3, SERVICE_PORT_BASE + 13];
const REPORT_PORTS = [SERVICE_PORT_BASE + 4, SERVICE_PORT_BASE + 14];

// One start, one signing key: the tests' token cache (per user and issuer) serves the whole run.
const bearer = (anvandare: string) => tokenBearer(anvandare, ISSUER);
const kronor = (ore: number) => `${ore < 0 ? '-' : ''}${Math.trunc(Math.abs(ore) / 100)}.${String(Math.abs(ore) % 100).padStart(2, '0')}`;
const pids = () => (JSON.parse(readFileSync(RUN_FILE, 'utf8')) as { pids: Record<string, number> }).pids;
const stadensTotal = async () => {
  const response = await fetch(`${GATEWAY}/api/report/prognos-totaler?ar=${AR}&tillfalle=${TILLFALLE}`, {
    headers: await bearer('ekonomidirektor'),
  });
  if (!response.ok) throw new Error(`prognos-totaler: ${response.status}`);
  return ((await response.json()) as PrognosTotaler).stad.nettokostnadOre;
};
/** The PUTs a forecast replica has answered, from its own /metrics. */
async function sparandenPa(port: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return [...text.matchAll(/^tertial_http_request_duration_seconds_count\{([^}]*)\} (\d+)/gm)]
    .filter(([, labels]) => labels!.includes('method="PUT"') && labels!.includes('helarsprognoser'))
    .reduce((sum, [, , count]) => sum + Number(count), 0);
}

/** A counter's sum over its labels, from a replica's /metrics. */
async function matvarde(port: number, namn: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return [...text.matchAll(new RegExp(`^${namn}(?:\\{[^}]*\\})? (\\d+)`, 'gm'))].reduce((sum, [, count]) => sum + Number(count), 0);
}

/** The partitions of the forecast topic each member of the report service's consumer group holds. */
async function reportPartitioner(): Promise<number[][]> {
  const admin = new kafkajs.Kafka({
    clientId: 'replikor-test',
    brokers: [`127.0.0.1:${KAFKA_PORT}`],
    logLevel: kafkajs.logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups(['tertial-report']);
    return groups[0]!.members.map(
      (member) => kafkajs.AssignerProtocol.MemberAssignment.decode(member.memberAssignment)?.assignment[helarsprognosAndrad.topic] ?? [],
    );
  } finally {
    await admin.disconnect();
  }
}

/** `npm start` with two replicas of everything, its output collected. */
function npmStart() {
  const child = spawn(process.execPath, [join(ROOT, 'infra/scripts/start.mjs')], {
    cwd: ROOT,
    env: { ...process.env, ...ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
    },
    async waitFor(pattern: RegExp, timeoutMs: number, from = 0): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(output.slice(from))) {
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`npm start ended before ${pattern}:\n${output}`);
        if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs / 1000} s:\n${output.slice(-4000)}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
  };
}

/** The ansvar the round changes: demo forecasts a chef may still change (klarmarkerade or utkast, not godkända). */
function ansvarAttAndra(): string[] {
  const namnd = namndSokare(DEMO.organisation);
  const medBudget = new Set(DEMO.internbudget.map((rad) => rad.ansvar));
  const projektAgare = new Set(DEMO.investeringar.map((projekt) => projekt.ansvar));
  return DEMO.organisation
    .filter((node) => node.niva === 'enhet' && medBudget.has(node.kod) && !projektAgare.has(node.kod))
    .filter((node) => ['klarmarkerad', 'utkast'].includes(demoStatus(node.kod, namnd(node.kod)?.kod) as string))
    .map((node) => node.kod)
    .slice(0, ANTAL);
}

/** The answers that sent a chef back to read and save again, by status (or the network error's code). */
const omforsok = new Map<string, number>();

interface Kvitto {
  readonly forraOre: number;
  readonly nyOre: number;
  readonly version: number;
}

/**
 * One chef's submission, as a client does it: read the forecast and its ETag, save a new version with one row raised
 * by a sum of its own; a 502 or 503 (the replica it reached is dead or restarting) or a lost answer is tried again from
 * the read. Resolves to what the service acknowledged (a 200 with the version).
 */
async function lamna(ansvar: string, hojningOre: number, forsta: { forraOre?: number }): Promise<Kvitto> {
  const chef = chefFor(ansvar);
  const adress = `${GATEWAY}/api/forecast/helarsprognoser/${ansvar}/${AR}/${TILLFALLE}`;
  for (let forsok = 1; ; forsok += 1) {
    try {
      const aktuell = await fetch(adress, { headers: await bearer(chef) });
      if (aktuell.status !== 200) throw new Error(`GET ${ansvar}: ${aktuell.status}`);
      const forra = (await aktuell.json()) as HelarsprognosDto;
      forsta.forraOre ??= forra.nettokostnadOre;
      const rader = forra.rader.map((rad, i) => ({
        kontogrupp: rad.kontogrupp,
        belopp: kronor(rad.beloppOre + (i === 0 ? hojningOre : 0)),
      }));
      const svar = await fetch(adress, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'if-match': aktuell.headers.get('etag')!, ...(await bearer(chef)) },
        body: JSON.stringify({ rader, kommentar: forra.kommentar ?? 'Ny prognos', klarmarkerad: true }),
      });
      if (svar.status === 200) {
        const ny = (await svar.json()) as HelarsprognosDto;
        return { forraOre: forsta.forraOre, nyOre: ny.nettokostnadOre, version: ny.version };
      }
      await svar.body?.cancel();
      omforsok.set(String(svar.status), (omforsok.get(String(svar.status)) ?? 0) + 1);
      if (![412, 502, 503].includes(svar.status)) throw new Error(`PUT ${ansvar}: ${svar.status}`);
    } catch (error) {
      const orsak = String((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
      omforsok.set(orsak, (omforsok.get(orsak) ?? 0) + 1);
      if (forsok >= 20) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe('two replicas of every service: the work is shared, and a replica killed mid-round loses nothing', () => {
  const run = npmStart();
  afterAll(async () => {
    await run.stop();
    console.log(
      run
        .output()
        .split('\n')
        .filter((line) => /died|is back|is up on|Tertial är igång|saved/.test(line))
        .join('\n'),
    );
  });

  it('a round over both replicas, forecast-2 and report-2 killed midway: every acknowledged submission is in the figures, none twice', async () => {
    rmSync(join(ROOT, '.tertial', INSTANCE, 'data'), { recursive: true, force: true });
    await run.waitFor(/Tertial är igång/, 600_000);
    await run.waitFor(/demo data: (\d+ )?helårsprognoser for \S+ \d+ (saved|already there)/, 900_000);
    expect(run.output()).toMatch(/forecast-2 is up on/);
    expect(run.output()).toMatch(/report-2 is up on/);

    // The city total once the report has all of the demo load (it no longer moves).
    let senast = Number.NaN;
    const fore = (await eventually(
      async () => {
        const [total, forra] = [await stadensTotal(), senast];
        senast = total;
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        return total === forra ? total : undefined;
      },
      (total) => total !== undefined,
      600_000,
    ))!;

    // Both report replicas hold partitions of the forecast topic in their shared consumer group.
    const partitioner = await reportPartitioner();
    console.log(`tertial-report: ${partitioner.map((p) => `[${p.join(',')}]`).join(' ')} av ${helarsprognosAndrad.topic}`);
    expect(partitioner).toHaveLength(2);
    expect(partitioner.every((p) => p.length > 0)).toBe(true);

    const ansvar = ansvarAttAndra();
    expect(ansvar).toHaveLength(ANTAL);
    const fore2 = await Promise.all(FORECAST_PORTS.map(sparandenPa));
    const kvitton = new Map<string, Kvitto>();
    let nasta = 0;
    let dodade = false;
    const chef = async () => {
      while (nasta < ansvar.length) {
        const i = nasta++;
        // A third of the way: both forecast replicas have answered submissions; then one of each service's pair dies.
        if (!dodade && i >= ANTAL / 3) {
          dodade = true;
          const efter = await Promise.all(FORECAST_PORTS.map(sparandenPa));
          console.log(`sparanden per forecast-replika före SIGKILL: ${efter.map((n, r) => n - fore2[r]!).join(' och ')}`);
          expect(efter.every((n, r) => n > fore2[r]!)).toBe(true);
          process.kill(pids()['forecast-2']!, 'SIGKILL');
          process.kill(pids()['report-2']!, 'SIGKILL');
        }
        kvitton.set(ansvar[i]!, await lamna(ansvar[i]!, 10_000 + i, {}));
      }
    };
    await Promise.all(Array.from({ length: SAMTIDIGA }, chef));
    await run.waitFor(/forecast-2 is back/, 180_000);
    await run.waitFor(/report-2 is back/, 180_000);

    // Every acknowledged submission is its ansvar's current forecast in the forecast service.
    const aktuella = await (
      await fetch(`${GATEWAY}/api/forecast/helarsprognoser?ar=${AR}&tillfalle=${TILLFALLE}`, { headers: await bearer('ekonomidirektor') })
    ).json();
    const perAnsvar = new Map((aktuella as HelarsprognosDto[]).map((p) => [p.ansvar, p]));
    const saknas = [...kvitton].filter(([kod, kvitto]) => perAnsvar.get(kod)?.nettokostnadOre !== kvitto.nyOre);
    expect(saknas).toEqual([]);

    // The report's city total moved by exactly the acknowledged changes: nothing lost, nothing applied twice.
    const skillnad = [...kvitton.values()].reduce((sum, kvitto) => sum + (kvitto.nyOre - kvitto.forraOre), 0);
    const efter = await eventually(stadensTotal, (total) => total === fore + skillnad, 300_000).catch(async () => stadensTotal());
    console.log(`omförsök: ${JSON.stringify(Object.fromEntries(omforsok))}`);
    console.log(`${kvitton.size} kvitterade inlämningar; stadens total ${fore} → ${efter} öre, väntat ${fore + skillnad}`);
    expect(efter - fore).toBe(skillnad);
    // Both report replicas consumed events, and neither wrote a dead letter.
    const konsumerade = await Promise.all(REPORT_PORTS.map((port) => matvarde(port, 'tertial_events_consumed_total')));
    console.log(`händelser konsumerade per report-replika (report-2 räknar från sin omstart): ${konsumerade.join(' och ')}`);
    expect(await Promise.all(REPORT_PORTS.map((port) => matvarde(port, 'tertial_dead_letters_total')))).toEqual([0, 0]);
    // And it stays there: no late duplicate moves it.
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    expect(await stadensTotal()).toBe(fore + skillnad);

    // A last pass with both report replicas up, each holding partitions again and each with the round in memory (read
    // from it directly): what one applies, the other must take in too (the change notices between replicas), in the
    // city total and in the roll-up of the city and its nämnder.
    await eventually(reportPartitioner, (partitioner) => partitioner.length === 2 && partitioner.every((p) => p.length > 0), 120_000);
    const franReplika = async <T>(port: number, path: string): Promise<T> => {
      const svar = await fetch(`http://127.0.0.1:${port}/api/report/${path}`, { headers: await bearer('ekonomidirektor') });
      if (!svar.ok) throw new Error(`${port} ${path}: ${svar.status}`);
      return (await svar.json()) as T;
    };
    const replikornasSvar = () =>
      Promise.all(
        REPORT_PORTS.map(async (port) => {
          const totaler = await franReplika<PrognosTotaler>(port, `prognos-totaler?ar=${AR}&tillfalle=${TILLFALLE}`);
          const stad = await franReplika<Uppfoljning>(port, `uppfoljning/${AR}/${TILLFALLE}/noder/stad`);
          return {
            total: totaler.stad.nettokostnadOre,
            stad: stad.nod.prognosOre,
            namnder: stad.barn.map((barn) => [barn.kod, barn.prognosOre]),
          };
        }),
      );
    expect((await replikornasSvar()).map((svar) => svar.total)).toEqual([fore + skillnad, fore + skillnad]);
    const sista = ansvar.slice(0, 60);
    const sistaKvitton = new Map<string, Kvitto>();
    let k = 0;
    await Promise.all(
      Array.from({ length: SAMTIDIGA }, async () => {
        while (k < sista.length) {
          const i = k++;
          sistaKvitton.set(sista[i]!, await lamna(sista[i]!, 20_000 + i, {}));
        }
      }),
    );
    const sistaSkillnad = [...sistaKvitton.values()].reduce((sum, kvitto) => sum + (kvitto.nyOre - kvitto.forraOre), 0);
    const [forsta, andra] = await eventually(
      replikornasSvar,
      ([a, b]) => a!.total === fore + skillnad + sistaSkillnad && JSON.stringify(a) === JSON.stringify(b),
      60_000,
    ).catch(async () => replikornasSvar());
    const sistaKonsumerade = await Promise.all(REPORT_PORTS.map((port) => matvarde(port, 'tertial_events_consumed_total')));
    console.log(
      `sista passet: ${sistaKvitton.size} inlämningar; händelser konsumerade per report-replika: ${sistaKonsumerade.join(' och ')}`,
    );
    expect(forsta!.total).toBe(fore + skillnad + sistaSkillnad);
    expect(andra).toEqual(forsta);
  });
});
