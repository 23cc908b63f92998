import { SERVICE_NAMES } from '@tertial/contracts/services';
import { afterAll, describe, expect, it } from 'vitest';

import { waitForKafka } from '../../infra/scripts/lib/kafka.mjs';
import {
  allHealthy,
  antalPerStatus,
  type Fel,
  injicera,
  LITEN,
  type Product,
  reconcileRound,
  startProduct,
  startRound,
  stopProducts,
  waitUntil,
} from './prognosomgang.js';

const PG_DOWN_MS = 10_000;
/**
 * Replicas of every service (`TERTIAL_CHAOS_REPLIKER`, default 1). With 2, each service's kill below kills one of its
 * two. The reconciliation reads the report service through the gateway, round-robin over both replicas: each must
 * have taken in what the other applied (the change notices, docs/operations.md, "Replicas").
 */
const REPLIKER = Number(process.env.TERTIAL_CHAOS_REPLIKER || 1);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`a whole-city forecast round on PostgreSQL, ${REPLIKER} replica(s) of every service, while each service (one replica of it) and the gateway are killed, the broker restarted and the database stopped`, () => {
  let product: Product | undefined;
  afterAll(async () => {
    await stopProducts();
  });

  it('keeps every acknowledged submission, to the öre, in the forecast and report services, none doubled, no dead letter', async () => {
    product = await startProduct({ namn: 'one broker', repliker: REPLIKER });
    const p = product;
    const runda = await startRound(p, { antalAnsvar: LITEN ? 500 : undefined });
    const fel: Fel[] = [];
    await runda.kvittoEfter(0);

    // One replica of each service killed, one after another, and then the gateway: the other replica goes on with the
    // killed one's HTTP requests, outbox rows (SKIP LOCKED) and partitions, and the supervisor of npm start brings each back.
    for (const name of SERVICE_NAMES) {
      const pid = p.state().pids[name]!;
      await injicera(
        runda,
        fel,
        REPLIKER > 1 ? `replica killed: ${name} 1 of ${REPLIKER}` : `SIGKILL ${name}`,
        async () => void process.kill(pid, 'SIGKILL'),
        () => waitUntil(async () => p.state().pids[name] !== pid && (await fetch(p.serviceHealth(name))).ok, 300_000, `${name} back`),
      );
      await sleep(2_000);
    }
    const gatewayPid = p.state().gatewayPid;
    await injicera(
      runda,
      fel,
      'SIGKILL gateway',
      async () => void process.kill(gatewayPid, 'SIGKILL'),
      () => waitUntil(async () => p.state().gatewayPid !== gatewayPid, 300_000, 'gateway back'),
    );
    await sleep(2_000);

    // The broker hard-bounced: killed, and started again by the supervisor; the outboxes hold what is saved meanwhile.
    const kafkaPid = p.state().kafkaPid!;
    await injicera(
      runda,
      fel,
      'SIGKILL Kafka (restarted)',
      async () => void process.kill(kafkaPid, 'SIGKILL'),
      async () => {
        await waitUntil(() => p.state().kafkaPid !== kafkaPid && p.state().kafkaPid !== null, 300_000, 'Kafka back');
        await waitForKafka(p.kafkaBrokers, 120_000);
        await allHealthy(p);
      },
    );
    await sleep(2_000);

    // PostgreSQL stopped for 10 s as a crash would: the writes meanwhile are refused with 503, and the services carry on.
    let nere = { fran: 0, till: 0 };
    await injicera(
      runda,
      fel,
      `PostgreSQL stopped ${PG_DOWN_MS / 1000} s`,
      async () => {
        const fran = runda.now();
        await p.postgres.halt();
        await sleep(PG_DOWN_MS);
        nere = { fran, till: runda.now() };
        await p.postgres.resume();
      },
      () => allHealthy(p),
    );

    await runda.stop();
    const variant = `one broker${REPLIKER > 1 ? `, ${REPLIKER} replicas of every service` : ''}${LITEN ? ', liten' : ''}`;
    const { resultat, lagrade } = await reconcileRound(p, runda, { variant, fel });

    expect(resultat.forlorade).toEqual([]);
    expect(resultat.dubbla).toEqual([]);
    expect(resultat.deadLetters).toBe(0);
    expect(resultat.ok).toBe(true);
    // Every fault was recovered from, with a submission acknowledged after it.
    expect(fel.filter((f) => f.aterhamtadEfter === null)).toEqual([]);
    // While the database was down, every write that reached a service got 503 with a problem+json.
    const underAvbrottet = runda.avslag.filter((a) => a.at >= nere.fran && a.at <= nere.till && a.status !== 0);
    expect(underAvbrottet.length).toBeGreaterThan(0);
    expect(underAvbrottet.filter((a) => a.status !== 503 || !a.problem)).toEqual([]);
    // No answer was a 500 (a fault is a 502–504, or no answer), and each refusal a problem+json.
    expect(antalPerStatus(runda.avslag.filter((a) => ![0, 412, 502, 503, 504].includes(a.status)))).toEqual({});
    expect(runda.avslag.filter((a) => a.status !== 0 && !a.problem)).toEqual([]);
    // Nothing stored that was not asked for: versions beyond the acknowledged ones only from requests a fault cut off.
    const avbrutna = runda.avslag.filter((a) => a.status === 0 || a.status >= 500).length;
    expect(lagrade - runda.kvitton.length).toBeGreaterThanOrEqual(0);
    expect(lagrade - runda.kvitton.length).toBeLessThanOrEqual(avbrutna);
  });
});
