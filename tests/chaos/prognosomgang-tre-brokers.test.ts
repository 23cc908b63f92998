import { join } from 'node:path';

import kafkajs from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';

import { ensureKafkaCluster } from '../../infra/scripts/lib/kafka.mjs';
import { ensureTopics } from '../../infra/scripts/lib/topics.mjs';
import { ROOT } from '../support/services.js';
import {
  type Fel,
  injicera,
  LITEN,
  type Product,
  reconcileRound,
  SLOT,
  startProduct,
  startRound,
  stopProducts,
  waitUntil,
} from './prognosomgang.js';

type Cluster = Awaited<ReturnType<typeof ensureKafkaCluster>>;

/** Per topic and partition: its leader and in-sync replicas, as the cluster's metadata says. */
async function partitioner(brokers: string[]) {
  const admin = new kafkajs.Kafka({ clientId: 'tertial-chaos-metadata', brokers, logLevel: kafkajs.logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const { topics } = await admin.fetchTopicMetadata();
    return topics
      .filter(({ name }) => name.startsWith('tertial.'))
      .flatMap(({ name, partitions }) =>
        partitions.map((p) => ({ topic: name, partition: p.partitionId, leader: p.leader, replicas: p.replicas, isr: p.isr })),
      );
  } finally {
    await admin.disconnect();
  }
}

describe('a forecast round on a three-broker KRaft cluster (replication factor 3, min.insync.replicas 2) that loses one broker for good', () => {
  let cluster: Cluster | undefined;
  let product: Product | undefined;
  afterAll(async () => {
    await stopProducts();
    await cluster?.stop();
  });

  it('keeps every acknowledged submission, with the events on the two brokers left', async () => {
    cluster = await ensureKafkaCluster({ root: ROOT, instance: `kafka-chaos-cluster-${SLOT}`, port: 19992 + SLOT * 6 });
    const { ALL_EVENTS } = (await import(join(ROOT, 'packages/contracts/dist/events/index.js'))) as {
      ALL_EVENTS: { topic: string; partitions: number }[];
    };
    await ensureTopics(
      cluster.brokers,
      ALL_EVENTS.map((event) => ({ topic: event.topic, partitions: event.partitions })),
      { replicationFactor: 3 },
    );
    const fore = await partitioner(cluster.brokers);
    expect(fore.filter((p) => p.replicas.length !== 3 || p.isr.length !== 3)).toEqual([]);

    product = await startProduct({ namn: 'three brokers', kafkaBrokers: cluster.brokers, plats: 1 });
    const runda = await startRound(product, { antalAnsvar: LITEN ? 500 : undefined });
    const fel: Fel[] = [];
    // Part of the round on three brokers, then the one leading the most partitions is lost for good.
    await waitUntil(() => runda.kvitton.length >= runda.ansvar.length / 3, 600_000, 'a third of the round');
    const leder = (id: number) => fore.filter((p) => p.leader === id).length;
    const offer = cluster.nodes.toSorted((a, b) => leder(b.id) - leder(a.id))[0]!;
    const kvar = cluster.brokers.filter((address) => address !== offer.address);
    await injicera(
      runda,
      fel,
      `SIGKILL broker ${offer.id} of 3 (for good)`,
      async () => {
        process.kill(offer.pid, 'SIGKILL');
        await offer.ended;
      },
      () =>
        waitUntil(
          async () => (await partitioner(kvar)).every((p) => p.leader !== offer.id && p.leader >= 0 && p.isr.length === 2),
          120_000,
          'new leaders, two in sync',
        ),
    );
    await runda.stop();
    product.kafkaBrokers = kvar; // the suite's own reading of the topics asks the brokers that are left
    const { resultat } = await reconcileRound(product, runda, { variant: `three brokers, one lost${LITEN ? ', liten' : ''}`, fel });

    expect(resultat.forlorade).toEqual([]);
    expect(resultat.dubbla).toEqual([]);
    expect(resultat.deadLetters).toBe(0);
    expect(resultat.ok).toBe(true);
    expect(fel.filter((f) => f.aterhamtadEfter === null)).toEqual([]);
  });
});
