// The raw ceiling of the whole-city round: what the broker and its clients manage with no service in between, on
// the same broker and machine as the pipeline's run. Two figures: kafkajs (the client the services use) producing
// and consuming the same number of messages, and Kafka's own ProducerPerformance (Java, from kafka-tools).
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

import kafkajs from 'kafkajs';

import { run } from './process.mjs';

const { Kafka, logLevel, Partitioners } = kafkajs;

/**
 * Creates a topic and waits until every partition has a leader. kafkajs's own `waitForLeaders` can fail with
 * UNKNOWN_TOPIC_OR_PARTITION while the new topic's metadata spreads; this asks again until it answers.
 */
async function createTopic(admin, topic, partitions) {
  await admin.createTopics({ topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }], waitForLeaders: false });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      if (topics[0]?.partitions.length === partitions && topics[0].partitions.every((p) => p.leader >= 0)) return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error(`the topic ${topic} got no leaders within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Produces `count` messages of `payload` (acks=all, keyed over `keys` keys, `batchSize` to a send, `concurrency`
 * sends at a time: the outbox relays in batches too) into a fresh topic of `partitions` partitions while one
 * consumer reads them. Returns the messages and seconds from the first send until the last message is consumed.
 */
export async function kafkajsCeiling({ brokers, count, payload, keys = count, partitions = 6, batchSize = 100, concurrency = 4 }) {
  const kafka = new Kafka({ clientId: 'tertial-bench-ceiling', brokers, logLevel: logLevel.NOTHING });
  const topic = `tertial.bench.ceiling.${randomUUID()}`;
  const admin = kafka.admin();
  await admin.connect();
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
  const consumer = kafka.consumer({ groupId: `${topic}.group`, sessionTimeout: 10_000 });
  try {
    await createTopic(admin, topic, partitions);
    await Promise.all([producer.connect(), consumer.connect()]);
    await consumer.subscribe({ topic, fromBeginning: true });
    let consumed = 0;
    let lastConsumedAt = 0;
    const allConsumed = new Promise((resolve) => {
      void consumer.run({
        eachBatch: async ({ batch }) => {
          consumed += batch.messages.length;
          if (consumed >= count) {
            lastConsumedAt = performance.now();
            resolve();
          }
        },
      });
    });
    // The consumer is in its group before the clock starts: its join is not what is measured.
    await new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
    const value = typeof payload === 'string' ? payload : JSON.stringify(payload);
    const batches = [];
    for (let i = 0; i < count; i += batchSize)
      batches.push(Array.from({ length: Math.min(batchSize, count - i) }, (_, j) => ({ key: `k${(i + j) % keys}`, value })));
    const startedAt = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < batches.length) {
          const messages = batches[next++];
          await producer.send({ topic, acks: -1, messages });
        }
      }),
    );
    const producedAt = performance.now();
    await allConsumed;
    return {
      messages: count,
      messageBytes: Buffer.byteLength(value),
      produceSeconds: (producedAt - startedAt) / 1000,
      seconds: (lastConsumedAt - startedAt) / 1000,
      messagesPerSecond: Math.round(count / ((lastConsumedAt - startedAt) / 1000)),
    };
  } finally {
    await consumer.disconnect().catch(() => {});
    await producer.disconnect().catch(() => {});
    await admin.deleteTopics({ topics: [topic] }).catch(() => {});
    await admin.disconnect().catch(() => {});
  }
}

/**
 * Kafka's own producer benchmark (`org.apache.kafka.tools.ProducerPerformance`) with `records` records of
 * `recordBytes` bytes, acks=all, as fast as it can, into a fresh topic. Returns its summary line, parsed.
 */
export async function producerPerformance({ libs, brokers, records, recordBytes, partitions = 6 }) {
  const topic = `tertial.bench.producer-performance.${randomUUID()}`;
  const kafka = new Kafka({ clientId: 'tertial-bench-ceiling', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await createTopic(admin, topic, partitions);
    const { stdout } = await run('java', [
      '-cp',
      join(libs, '*'),
      'org.apache.kafka.tools.ProducerPerformance',
      '--topic',
      topic,
      '--num-records',
      String(records),
      '--record-size',
      String(recordBytes),
      '--throughput',
      '-1',
      '--producer-props',
      `bootstrap.servers=${brokers.join(',')}`,
      'acks=all',
    ]);
    return parseProducerPerformance(stdout);
  } finally {
    await admin.deleteTopics({ topics: [topic] }).catch(() => {});
    await admin.disconnect().catch(() => {});
  }
}

/**
 * ProducerPerformance's last line: "3000 records sent, 21582.7 records/sec (4.12 MB/sec), 45.86 ms avg latency,
 * 120.00 ms max latency, 40 ms 50th, 110 ms 95th, 118 ms 99th, 120 ms 99.9th."
 */
export function parseProducerPerformance(output) {
  const line = output
    .trim()
    .split('\n')
    .reverse()
    .find((l) => /records sent/.test(l) && /50th/.test(l));
  if (!line) throw new Error(`ProducerPerformance printed no summary:\n${output}`);
  const number = (pattern) => Number(line.match(pattern)?.[1]);
  return {
    records: number(/^(\d+) records sent/),
    recordsPerSecond: number(/([\d.]+) records\/sec/),
    megabytesPerSecond: number(/\(([\d.]+) MB\/sec\)/),
    avgLatencyMs: number(/([\d.]+) ms avg latency/),
    maxLatencyMs: number(/([\d.]+) ms max latency/),
    p50Ms: number(/(\d+) ms 50th/),
    p95Ms: number(/(\d+) ms 95th/),
    p99Ms: number(/(\d+) ms 99th/),
  };
}
