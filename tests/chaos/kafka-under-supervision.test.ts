import { rmSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { ensureKafka, waitForKafka } from '../../infra/scripts/lib/kafka.mjs';
import { eventually, ROOT } from '../support/services.js';

// A broker of this test's own (folder, ports), moved by the slot like every test port.
const SLOT = Number(process.env.TERTIAL_TEST_SLOT || 0);
const PORT = 19692 + SLOT * 2;
const INSTANCE = `kafka-supervision-${SLOT}`;
const POLICY = { initialDelayMs: 200, maxDelayMs: 2_000, stableMs: 60_000, maxRapidFailures: 5 };

type Broker = Awaited<ReturnType<typeof ensureKafka>>;

describe('the Kafka broker of the local run, supervised', () => {
  const lines: string[] = [];
  const log = (line: string) => void lines.push(line);
  const brokers: Broker[] = [];
  afterAll(async () => {
    for (const broker of brokers) await broker.stop();
  });
  const start = async () => {
    const broker = await ensureKafka({ root: ROOT, log, instance: INSTANCE, port: PORT, controllerPort: PORT + 1, restartPolicy: POLICY });
    brokers.push(broker);
    return broker;
  };

  it('is started again after a SIGKILL, and answers', async () => {
    rmSync(join(ROOT, '.tertial', INSTANCE, 'data'), { recursive: true, force: true });
    const broker = await start();
    const first = broker.pid as number;

    process.kill(first, 'SIGKILL');
    await eventually(
      async () => broker.pid as number | undefined,
      (pid) => pid !== undefined && pid !== first,
      120_000,
    );
    await waitForKafka(broker.brokers, 10_000);
    expect(lines).toContainEqual(
      expect.stringMatching(/^Kafka died \(signal SIGKILL\) after \d+(\.\d)? m?s; restarting in 200 ms \(attempt 1 of 5\)$/),
    );
    expect(lines).toContainEqual(
      `Kafka is back (pid ${broker.pid}) after ${/after (\S+ m?s)$/.exec(lines.find((line) => line.startsWith('Kafka is back'))!)![1]}`,
    );
  });

  it('is not reused by a start while it is stopping: that start waits until it is gone and starts its own', async () => {
    const stopping = brokers.at(-1)!;
    const old = stopping.pid as number;
    // Ctrl-C in one terminal, npm start in another at once: the broker still answers for a while during its shutdown.
    const stopped = stopping.stop();
    const next = await start();
    await stopped;

    expect(next.started).toBe(true);
    expect(next.pid).not.toBe(old);
    expect(lines).toContainEqual(`the broker an earlier run started (pid ${old}) is still stopping: waiting until it is gone`);
    expect(lines.some((line) => line.startsWith('reusing'))).toBe(false);
    // The new broker is the one serving, after the old one is gone.
    await waitForKafka(next.brokers, 10_000);
  });
});
