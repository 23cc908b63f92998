import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

import { afterEach, describe, expect, it } from 'vitest';

import { endLeftover, isRunning, processIdentity } from './process.mjs';
import { restartDelayMs, supervise } from './supervisor.mjs';

interface Child {
  readonly pid: number;
  readonly ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

const started: Child[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((child) => child.stop()));
});

/** A real Node process running `script`, in the shape the supervisor starts: ready once spawned. */
async function startNode(script: string, { untilSays }: { untilSays?: string } = {}): Promise<Child> {
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', untilSays ? 'pipe' : 'ignore', 'ignore'] });
  await once(child, 'spawn');
  if (untilSays) await once(child.stdout!, 'data');
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const handle = {
    pid: child.pid!,
    ended,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await ended;
    },
  };
  started.push(handle);
  return handle;
}

const LIVES = 'setInterval(() => {}, 1000)';

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('villkoret uppfylldes inte i tid');
    await sleep(20);
  }
}

describe('the supervisor of the local run', () => {
  it('starts a process killed with SIGKILL again, saying which, how it ended and when the next attempt comes', async () => {
    const lines: string[] = [];
    const starts: boolean[] = [];
    const supervisor = await supervise({
      name: 'forecast',
      log: (line: string) => lines.push(line),
      logFile: '.tertial/logs/forecast.log',
      policy: { initialDelayMs: 100, maxDelayMs: 1_000, stableMs: 10_000, maxRapidFailures: 5 },
      start: () => startNode(LIVES),
      onStart: (_child: Child, { restarted }: { restarted: boolean }) => void starts.push(restarted),
    });
    const first = supervisor.current();
    process.kill(first.pid, 'SIGKILL');
    await until(() => ((supervisor.current() as Child | undefined)?.pid ?? first.pid) !== first.pid);
    const second = supervisor.current();

    expect(isRunning(processIdentity(second.pid))).toBe(true);
    expect(starts).toEqual([false, true]);
    expect(lines[0]).toMatch(/^forecast died \(signal SIGKILL\) after \d+ ms; restarting in 100 ms \(attempt 1 of 5\)$/);
    expect(lines[1]).toMatch(new RegExp(`^forecast is back \\(pid ${second.pid}\\) after \\d+ ms$`));
    await supervisor.stop();
    expect(isRunning(processIdentity(second.pid))).toBe(false);
  });

  it('doubles the pause with each failure in a row, and gives up after many that each came soon after a start', async () => {
    const lines: string[] = [];
    let starts = 0;
    const supervisor = await supervise({
      name: 'report',
      log: (line: string) => lines.push(line),
      logFile: '.tertial/logs/report.log',
      policy: { initialDelayMs: 20, maxDelayMs: 80, stableMs: 10_000, maxRapidFailures: 4 },
      start: () => {
        starts += 1;
        return startNode('setTimeout(() => process.exit(3), 30)');
      },
    });

    expect(await supervisor.gaveUp).toBe(true);
    expect(starts).toBe(5);
    expect(lines.filter((line) => line.includes('restarting')).map((line) => /restarting in (\d+) ms/.exec(line)?.[1])).toEqual([
      '20',
      '40',
      '80',
      '80',
    ]);
    expect(lines.every((line) => !line.startsWith('report died') || line.includes('(exit code 3)'))).toBe(true);
    expect(lines.at(-1)).toMatch(
      /^report died \(exit code 3\) after \d+ ms: giving up after 4 restarts in a row that each failed within 10 s; see \.tertial\/logs\/report\.log/,
    );
    await supervisor.stop();
  });

  it('starts over at the first pause once the process had stayed up a while', async () => {
    const lines: string[] = [];
    const supervisor = await supervise({
      name: 'budget',
      log: (line: string) => lines.push(line),
      policy: { initialDelayMs: 20, maxDelayMs: 1_000, stableMs: 150, maxRapidFailures: 2 },
      start: () => startNode('setTimeout(() => process.exit(1), 250)'),
    });
    await until(() => lines.filter((line) => line.includes('restarting')).length >= 4);
    await supervisor.stop();

    const attempts = lines.filter((line) => line.includes('restarting')).map((line) => /attempt (\d+) of/.exec(line)?.[1]);
    expect(attempts.slice(0, 4)).toEqual(['1', '1', '1', '1']);
    expect(lines.some((line) => line.includes('giving up'))).toBe(false);
  });

  it('restarts nothing once stopped, and a stop cancels a pending restart at once', async () => {
    const lines: string[] = [];
    let starts = 0;
    const supervisor = await supervise({
      name: 'goals',
      log: (line: string) => lines.push(line),
      policy: { initialDelayMs: 30_000, maxDelayMs: 30_000, stableMs: 60_000, maxRapidFailures: 10 },
      start: () => {
        starts += 1;
        return startNode('setTimeout(() => process.exit(1), 50)');
      },
    });
    await until(() => lines.some((line) => line.includes('restarting in 30 s')));
    const stoppedAt = Date.now();
    await supervisor.stop();
    expect(Date.now() - stoppedAt).toBeLessThan(1_000);
    await sleep(100);
    expect(starts).toBe(1);
    expect(await supervisor.gaveUp).toBe(false);

    // A process stopped on purpose is not restarted either.
    const quiet: string[] = [];
    const kept = await supervise({ name: 'gateway', log: (line: string) => quiet.push(line), start: () => startNode(LIVES) });
    const pid = kept.current().pid;
    await kept.stop();
    await sleep(200);
    expect(isRunning(processIdentity(pid))).toBe(false);
    expect(quiet).toEqual([]);
  });

  it.each([
    { failures: 1, ms: 1_000 },
    { failures: 2, ms: 2_000 },
    { failures: 3, ms: 4_000 },
    { failures: 5, ms: 16_000 },
    { failures: 6, ms: 30_000 },
    { failures: 10, ms: 30_000 },
  ])('by default, the restart after failure $failures in a row comes after $ms ms', ({ failures, ms }) => {
    expect(restartDelayMs(failures)).toBe(ms);
  });
});

describe('processes an earlier run left behind', () => {
  it('knows a process by its pid and start time, so a reused pid is not taken for it', async () => {
    const child = await startNode(LIVES);
    const identity = processIdentity(child.pid)!;
    expect(isRunning(identity)).toBe(true);
    expect(isRunning({ pid: child.pid, startTicks: `${Number(identity.startTicks) + 1}` })).toBe(false);
    await child.stop();
    expect(isRunning(identity)).toBe(false);
  });

  it('ends a leftover that ignores SIGTERM with SIGKILL after the grace', async () => {
    const child = await startNode(`process.on('SIGTERM', () => {}); console.log('ready'); ${LIVES}`, { untilSays: 'ready' });
    const identity = processIdentity(child.pid)!;
    const from = Date.now();
    await endLeftover(identity, { graceMs: 300 });
    expect(isRunning(identity)).toBe(false);
    expect(Date.now() - from).toBeGreaterThanOrEqual(300);
    expect(await child.ended).toEqual({ code: null, signal: 'SIGKILL' });
  });
});
