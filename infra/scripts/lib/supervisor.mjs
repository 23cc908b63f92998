// Keeps one process of the local run alive, as an orchestrator would in production: when it dies, it is started
// again after a pause that doubles with each failure in a row, and given up only after many failures that each came
// soon after a start. Used by `npm start` for the services, the gateway and the Kafka broker.
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The restart policy: the first restart after `initialDelayMs`, each following one after twice the last pause (at most
 * `maxDelayMs`). A process that stayed up `stableMs` counts as healthy again: its next failure starts over at
 * `initialDelayMs`. After `maxRapidFailures` failures in a row that each came within `stableMs` of a start, it is given up.
 */
/** @type {Readonly<{ initialDelayMs: number, maxDelayMs: number, stableMs: number, maxRapidFailures: number }>} */
export const RESTART_POLICY = Object.freeze({ initialDelayMs: 1_000, maxDelayMs: 30_000, stableMs: 60_000, maxRapidFailures: 10 });

/** The pause before the restart that follows the `failures`-th failure in a row (1 = the first). */
export function restartDelayMs(failures, policy = RESTART_POLICY) {
  return Math.min(policy.initialDelayMs * 2 ** Math.max(0, failures - 1), policy.maxDelayMs);
}

/** How a process ended, for people: "exit code 1", "signal SIGKILL". */
export function describeExit({ code, signal }) {
  return signal ? `signal ${signal}` : `exit code ${code}`;
}

const seconds = (ms) => (ms < 1_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`);

/**
 * Starts `start({ signal })` and keeps it running (`signal` is aborted by `stop()`). `start` resolves, once the process is ready, to `{ pid, ended, stop }`:
 * `ended` resolves to `{ code, signal }` when the process is gone, `stop()` stops it. The first start must succeed
 * (its error is thrown to the caller, who decides what a failed start means); after that every exit that `stop()`
 * did not ask for is a failure, and so is a restart that does not get ready. `onStart(process, { restarted })` is
 * called after every successful start (to record the new pid). Says what happens through `log`.
 *
 * Returns `{ name, current(), stop(), gaveUp }`: `current()` is the running process (or undefined between
 * attempts), `stop()` stops it for good and cancels a pending restart, `gaveUp` resolves to true if the policy ran out.
 */
/**
 * @template {{ pid?: number, ended: Promise<{ code: number | null, signal: string | null }>, stop(): Promise<void> }} P
 * @param {{ name: string, start: (options: { signal: AbortSignal }) => Promise<P>, log: (line: string) => unknown,
 *   onStart?: (process: P, how: { restarted: boolean }) => unknown, policy?: typeof RESTART_POLICY, logFile?: string }} options
 */
export async function supervise({ name, start, log, onStart, policy = RESTART_POLICY, logFile }) {
  // Aborted by stop(): a pause before a restart ends at once, and a start under way may give up waiting.
  const stopped = new AbortController();
  let current = await start({ signal: stopped.signal });
  await onStart?.(current, { restarted: false });
  let stopping = false;
  let settleGaveUp;
  const gaveUp = new Promise((resolve) => (settleGaveUp = resolve));
  const where = logFile ? `; see ${logFile}` : '';

  const loop = (async () => {
    let failures = 0;
    let startedAt = Date.now();
    for (;;) {
      const ended = current ? await current.ended : { code: null, signal: null, failedToStart: true };
      current = undefined;
      if (stopping) return false;
      const upMs = Date.now() - startedAt;
      if (upMs >= policy.stableMs) failures = 0;
      failures += 1;
      const what = ended.failedToStart ? 'did not come up' : `died (${describeExit(ended)}) after ${seconds(upMs)}`;
      if (failures > policy.maxRapidFailures) {
        log(
          `${name} ${what}: giving up after ${failures - 1} restarts in a row that each failed within ${seconds(policy.stableMs)}${where}. ` +
            'The rest keeps running; fix the cause and start again.',
        );
        return true;
      }
      const delay = restartDelayMs(failures, policy);
      log(`${name} ${what}; restarting in ${seconds(delay)} (attempt ${failures} of ${policy.maxRapidFailures})`);
      try {
        await sleep(delay, undefined, { signal: stopped.signal });
      } catch {
        return false; // stopped while waiting
      }
      startedAt = Date.now();
      try {
        const restarted = await start({ signal: stopped.signal });
        if (stopping) {
          await restarted.stop();
          return false;
        }
        current = restarted;
        log(`${name} is back (pid ${restarted.pid}) after ${seconds(Date.now() - startedAt)}`);
        await onStart?.(restarted, { restarted: true });
      } catch (error) {
        if (stopping) return false;
        log(`${name} could not be restarted: ${error.message.split('\n', 1)[0]}`);
      }
    }
  })();
  void loop.then((result) => settleGaveUp(result));

  return {
    name,
    current: () => current,
    gaveUp,
    /** Stops the process for good: no restart follows, a pending one is cancelled. */
    async stop() {
      stopping = true;
      stopped.abort();
      await current?.stop();
      await loop;
    },
  };
}
