import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import type { HelarsprognosDto, PrognosTotaler } from '@tertial/contracts/dto';
import { namndSokare } from '@tertial/contracts/organisation';
import { hamtaToken } from '@tertial/identity';
import { afterAll, describe, expect, it } from 'vitest';

import { currentTillfalle, demoStatus } from '../../infra/scripts/lib/demo-data.mjs';
import { isRunning } from '../../infra/scripts/lib/process.mjs';
import { DEMO } from '../support/demo.js';
import { eventually, ROOT } from '../support/services.js';
import { chefFor } from '../support/tokens.js';

// `npm start` (infra/scripts/start.mjs itself) on ports, a broker and a data folder of this test's own, moved by the slot.
const SLOT = Number(process.env.TERTIAL_TEST_SLOT || 0);
const PORT = 8580 + SLOT;
const KAFKA_PORT = 19592 + SLOT * 2;
const INSTANCE = `kafka-chaos-${SLOT}`;
const DATA_DIR = join(ROOT, `.tertial/chaos-${SLOT}/data`);
const ENV = {
  TERTIAL_PORT: String(PORT),
  TERTIAL_SERVICE_PORT_BASE: String(3500 + SLOT * 20),
  KAFKA_PORT: String(KAFKA_PORT),
  KAFKA_CONTROLLER_PORT: String(KAFKA_PORT + 1),
  TERTIAL_KAFKA_INSTANCE: INSTANCE,
  TERTIAL_DATA_DIR: DATA_DIR,
  // The embedded SQLite files and the local provider, as a plain `npm start`.
  KAFKA_BROKERS: '',
  DATABASE_URL: '',
  TERTIAL_POSTGRES: '',
  TERTIAL_OIDC_ISSUER: '',
};
const GATEWAY = `http://127.0.0.1:${PORT}`;
const ISSUER = `http://localhost:${PORT}/oidc`;
const RUN_FILE = join(ROOT, `.tertial/run/start-${PORT}.json`);
const AR = new Date().getFullYear();
const TILLFALLE = currentTillfalle();

interface Identity {
  pid: number;
  startTicks?: string;
}
interface RunState {
  pids: Record<string, number>;
  gatewayPid: number;
  kafkaPid: number;
  processes: Record<string, Identity>;
}

/** `npm start` as a person runs it: its output collected, Ctrl-C by SIGINT. */
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
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    output: () => output,
    exited,
    running: () => child.exitCode === null && child.signalCode === null,
    interrupt: () => child.kill('SIGINT'),
    /** Resolves once the output matches `pattern` (from `from` on); fails at once if npm start ends first. */
    async waitFor(pattern: RegExp, timeoutMs: number, from = 0): Promise<RegExpExecArray> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = pattern.exec(output.slice(from));
        if (match) return match;
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`npm start ended before ${pattern}:\n${output}`);
        if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs / 1000} s:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
  };
}
type NpmStart = ReturnType<typeof npmStart>;

// Tokens of this test's own: each npm start has its own signing key, so those of the first start are dropped with it.
const tokens = new Map<string, Promise<string>>();
const token = (anvandare: string): Promise<string> => {
  if (!tokens.has(anvandare))
    tokens.set(
      anvandare,
      hamtaToken({ issuer: ISSUER, anvandare }).then(({ accessToken }) => accessToken),
    );
  return tokens.get(anvandare)!;
};
const bearer = async (anvandare: string) => ({ authorization: `Bearer ${await token(anvandare)}` });
const kronor = (ore: number) => `${Math.trunc(ore / 100)}.${String(ore % 100).padStart(2, '0')}`;
const runState = () => JSON.parse(readFileSync(RUN_FILE, 'utf8')) as RunState;
const getJson = async <T>(path: string, anvandare = 'ekonomidirektor'): Promise<T> => {
  const response = await fetch(`${GATEWAY}${path}`, { headers: await bearer(anvandare) });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
};
const prognoser = () => getJson<HelarsprognosDto[]>(`/api/forecast/helarsprognoser?ar=${AR}&tillfalle=${TILLFALLE}`);
const stadensTotal = async () =>
  (await getJson<PrognosTotaler>(`/api/report/prognos-totaler?ar=${AR}&tillfalle=${TILLFALLE}`)).stad.nettokostnadOre;

/** The demo forecasts the demo city should end with: every ansvar with a budget, in its demo status, unless not started. */
function demoForecasts(): Map<string, string> {
  const namnd = namndSokare(DEMO.organisation);
  const medBudget = new Set(DEMO.internbudget.map((rad) => rad.ansvar));
  const onskat = new Map<string, string>();
  for (const node of DEMO.organisation) {
    if (node.niva !== 'enhet' || !medBudget.has(node.kod)) continue;
    const status = demoStatus(node.kod, namnd(node.kod)?.kod) as string;
    if (status !== 'ej-paborjad') onskat.set(node.kod, status);
  }
  return onskat;
}

describe('npm start under faults: it restarts what dies and loses nothing', () => {
  let run: NpmStart | undefined;
  const runs: NpmStart[] = [];
  afterAll(async () => {
    if (run?.running()) {
      run.interrupt();
      await run.exited;
    }
    // What npm start said about the faults, for whoever reads the run.
    const said =
      /died|is back|giving up|resuming|stopping|outlived|left .*waiting|already there|saved|started Kafka|reusing|Tertial är igång/;
    runs.forEach((started, i) => {
      const lines = started
        .output()
        .split('\n')
        .filter((line) => said.test(line));
      console.log(`npm start no. ${i + 1}:\n${lines.join('\n')}`);
    });
  });

  it('a first start stopped by an impatient double Ctrl-C during its demo load, and started again at once, resumes the load', async () => {
    rmSync(join(ROOT, `.tertial/chaos-${SLOT}`), { recursive: true, force: true });
    rmSync(join(ROOT, '.tertial', INSTANCE, 'data'), { recursive: true, force: true });
    const first = npmStart();
    run = first;
    runs.push(first);
    await first.waitFor(/Tertial är igång/, 600_000);
    await eventually(
      async () => (await prognoser()).length,
      (antal) => antal >= 300,
      600_000,
    );
    first.interrupt();
    await new Promise((resolve) => setTimeout(resolve, 300));
    first.interrupt(); // "exiting without waiting for cleanup": its broker and services go on stopping for a while
    await first.exited;

    tokens.clear();
    const second = npmStart();
    run = second;
    runs.push(second);
    await second.waitFor(/Tertial är igång/, 600_000);
    const [, inne, av] = await second.waitFor(/resuming an earlier load stopped midway: (\d+) of (\d+) demo helårsprognoser/, 300_000);
    await second.waitFor(/demo data: helårsprognoser for \S+ \d+ saved/, 900_000);

    const onskat = demoForecasts();
    expect(Number(inne)).toBeGreaterThanOrEqual(300);
    expect(Number(av)).toBe(onskat.size);
    expect(second.output()).not.toMatch(/reusing the broker/);
    // Every demo forecast once, in its demo status, none saved twice (each is its ansvar's first version).
    const finns = await prognoser();
    expect(finns).toHaveLength(onskat.size);
    expect(new Map(finns.map((prognos) => [prognos.ansvar, prognos.status]))).toEqual(onskat);
    expect(finns.filter((prognos) => prognos.version !== 1)).toEqual([]);
  });

  it('a service and the gateway killed with SIGKILL are started again, and the tokens handed out before still work', async () => {
    const from = run!.output().length;
    const before = runState();
    const innan = await token('ekonomidirektor');
    process.kill(before.pids.forecast!, 'SIGKILL');
    process.kill(before.gatewayPid, 'SIGKILL');

    await run!.waitFor(/forecast died \(signal SIGKILL\) after \d+ s; restarting in 1\.0 s \(attempt 1 of 10\)/, 30_000, from);
    await run!.waitFor(/gateway died \(signal SIGKILL\) after \d+ s; restarting in 1\.0 s \(attempt 1 of 10\)/, 30_000, from);
    await run!.waitFor(/forecast is back \(pid \d+\)/, 180_000, from);
    await run!.waitFor(/gateway is back \(pid \d+\)/, 180_000, from);
    const after = runState();
    expect(after.pids.forecast).not.toBe(before.pids.forecast);
    expect(after.gatewayPid).not.toBe(before.gatewayPid);
    const svar = await fetch(`${GATEWAY}/api/forecast/ansvar`, { headers: { authorization: `Bearer ${innan}` } });
    expect(svar.status).toBe(200);
  });

  it('the broker killed with SIGKILL is started again, and a forecast saved while it was dead reaches the city total', async () => {
    // A klarmarkerad forecast of an ansvar without investment projects; its chef saves a new version.
    const projektAgare = new Set(DEMO.investeringar.map((projekt) => projekt.ansvar));
    const onskat = demoForecasts();
    const ansvar = [...onskat].find(([kod, status]) => status === 'klarmarkerad' && !projektAgare.has(kod))![0];
    const chef = chefFor(ansvar);
    const adress = `${GATEWAY}/api/forecast/helarsprognoser/${ansvar}/${AR}/${TILLFALLE}`;
    const aktuell = await fetch(adress, { headers: await bearer(chef) });
    const forra = (await aktuell.json()) as HelarsprognosDto;
    // The city total once the report service has everything of the demo load (it no longer moves).
    let senast = Number.NaN;
    const fore = await eventually(
      async () => {
        const [total, forraTotal] = [await stadensTotal(), senast];
        senast = total;
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        return total === forraTotal ? total : undefined;
      },
      (total) => total !== undefined,
      300_000,
    );

    const from = run!.output().length;
    process.kill(runState().kafkaPid, 'SIGKILL');
    await run!.waitFor(/Kafka died \(signal SIGKILL\)/, 30_000, from);
    const rader = forra.rader.map((rad, i) => ({
      kontogrupp: rad.kontogrupp,
      belopp: kronor(rad.beloppOre + (i === 0 ? 100_000 : 0)),
    }));
    const sparad = await fetch(adress, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-match': aktuell.headers.get('etag')!, ...(await bearer(chef)) },
      body: JSON.stringify({ rader, kommentar: forra.kommentar, klarmarkerad: true }),
    });
    // Saved while the broker was still down: the event waits in the forecast service's outbox.
    expect(run!.output().slice(from)).not.toMatch(/Kafka is back/);
    expect(sparad.status).toBe(200);
    const ny = (await sparad.json()) as HelarsprognosDto;
    expect(ny.version).toBe(forra.version + 1);

    await run!.waitFor(/Kafka is back \(pid \d+\)/, 300_000, from);
    const efter = await eventually(stadensTotal, (total) => total === fore! + (ny.nettokostnadOre - forra.nettokostnadOre), 300_000);
    expect(efter - fore!).toBe(ny.nettokostnadOre - forra.nettokostnadOre);
  });

  it('Ctrl-C stops everything it started, and nothing is restarted on the way', async () => {
    const state = runState();
    const from = run!.output().length;
    run!.interrupt();
    const { code } = await run!.exited;

    expect(code).toBe(130);
    expect(run!.output().slice(from)).not.toMatch(/restarting|is back/);
    const processes = Object.values(state.processes).filter((identity) => isRunning(identity));
    expect(processes).toEqual([]);
    const broker = JSON.parse(readFileSync(join(ROOT, '.tertial', INSTANCE, 'broker.json'), 'utf8')) as Identity & { stopping: boolean };
    expect(isRunning(broker)).toBe(false);
    expect(broker.stopping).toBe(true);
  });
});
