// Creates the event topics up front (the broker has auto.create.topics.enable=false), each with the
// dead-letter topic `<topic>.dlt` that the services' consumers write failed messages to.
import { setTimeout as sleep } from 'node:timers/promises';

import kafkajs from 'kafkajs';

import { ignoreWarning } from './process.mjs';

const { ConfigResourceTypes, Kafka, logLevel } = kafkajs;
// kafkajs 2.2.4 arms a timer with a negative delay after each answer; Node then uses 1 ms, as kafkajs
// meant, but Node 24 also prints a TimeoutNegativeWarning that would look like our failure.
ignoreWarning('TimeoutNegativeWarning');

const METADATA_TIMEOUT_MS = 30_000;

/**
 * The settings of each kind of topic (docs/events.md, "Retention"). An event's contract chooses its topic's kind
 * (`retention` in packages/contracts: `every-event` or `latest-per-key`); dead letters are kept 90 days, time enough
 * to act on them.
 */
export const TOPIC_CONFIG = {
  // Every event for good, never compacted: the report service is rebuilt from these, also as of a past moment.
  'every-event': [
    { name: 'retention.ms', value: '-1' },
    { name: 'retention.bytes', value: '-1' },
    { name: 'cleanup.policy', value: 'delete' },
  ],
  // Each key's latest event for good: the event carries the whole thing, and nothing needs its history.
  'latest-per-key': [
    { name: 'retention.ms', value: '-1' },
    { name: 'retention.bytes', value: '-1' },
    { name: 'cleanup.policy', value: 'compact' },
  ],
  deadLetter: [
    { name: 'retention.ms', value: String(90 * 24 * 60 * 60 * 1000) },
    { name: 'cleanup.policy', value: 'delete' },
  ],
};

/**
 * The topics of `events` (ALL_EVENTS of @tertial/contracts) as ensureTopics takes them.
 * @param {readonly { topic: string, partitions: number, retention: string }[]} events
 */
export function topicsOf(events) {
  return events.map(({ topic, partitions, retention }) => ({ topic, partitions, retention }));
}

/**
 * The replication factor topics are created with, from TERTIAL_TOPIC_REPLICATION_FACTOR: 1 where there is one broker
 * (the local run, compose, a staging cluster), 3 on a production cluster (infra/k8s/base), where
 * min.insync.replicas 2 would refuse every acks=all send to a topic with fewer replicas.
 */
export function replicationFactorFrom(env = process.env) {
  const text = env.TERTIAL_TOPIC_REPLICATION_FACTOR ?? '1';
  const factor = Number(text);
  if (!/^\d+$/.test(text.trim()) || factor < 1) {
    throw new Error(`TERTIAL_TOPIC_REPLICATION_FACTOR must be a whole number of 1 or more, not ${JSON.stringify(text)}`);
  }
  return factor;
}

/**
 * The topic specs ensureTopics creates: each of `topics` ([{ topic, partitions, retention }], retention
 * `every-event` when not given) with the settings of its kind, and its `${topic}.dlt` (1 partition, dead-letter
 * settings), all with `replicationFactor`.
 * @param {{ topic: string, partitions: number, retention?: string }[]} topics
 * @param {number} [replicationFactor]
 * @returns {{ topic: string, numPartitions: number, replicationFactor: number, configEntries: { name: string, value: string }[] }[]}
 */
export function topicSpecs(topics, replicationFactor = 1) {
  return topics.flatMap(({ topic, partitions, retention = 'every-event' }) => {
    if (!topic || !Number.isInteger(partitions) || partitions < 1 || !TOPIC_CONFIG[retention] || retention === 'deadLetter') {
      throw new Error(`ensureTopics: bad topic ${JSON.stringify({ topic, partitions, retention })}`);
    }
    return [
      { topic, numPartitions: partitions, replicationFactor, configEntries: TOPIC_CONFIG[retention] },
      { topic: `${topic}.dlt`, numPartitions: 1, replicationFactor, configEntries: TOPIC_CONFIG.deadLetter },
    ];
  });
}

/**
 * Makes sure every topic in `topics` and its `.dlt` exists (topicSpecs), with `replicationFactor` (1 unless given:
 * the fault suite's three-node cluster and a production cluster give 3) and the settings of its kind (set on existing
 * topics too). Existing topics keep their partition count, even another one. Resolves once every one of them has a
 * leader for every partition, so producers can start at once. Returns the names it created.
 */
export async function ensureTopics(brokers, topics, { replicationFactor = 1 } = {}) {
  const wanted = topicSpecs(topics, replicationFactor);
  const names = wanted.map(({ topic }) => topic);

  const admin = new Kafka({ clientId: 'tertial-infra-topics', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter(({ topic }) => !existing.has(topic));
    if (missing.length > 0) await createTopics(admin, missing);
    await waitForLeaders(admin, names);
    // Topics made before these settings (an older local broker) get them too; setting them again changes nothing.
    await admin.alterConfigs({
      validateOnly: false,
      resources: wanted.map(({ topic, configEntries }) => ({ type: ConfigResourceTypes.TOPIC, name: topic, configEntries })),
    });
    return { created: missing.map(({ topic }) => topic) };
  } finally {
    await admin.disconnect();
  }
}

/** Creates the topics; when another process created some of them meanwhile, that is fine too. */
async function createTopics(admin, topics) {
  try {
    await admin.createTopics({ topics, waitForLeaders: true });
  } catch (error) {
    const existing = new Set(await admin.listTopics());
    if (!topics.every(({ topic }) => existing.has(topic))) throw error;
  }
}

/** Polls the metadata until every partition of every topic has a leader. */
async function waitForLeaders(admin, names) {
  const deadline = Date.now() + METADATA_TIMEOUT_MS;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: names });
      const notReady = topics.filter(({ partitions }) => partitions.length === 0 || partitions.some(({ leader }) => leader < 0));
      if (topics.length === names.length && notReady.length === 0) return;
      last = `no leader yet for ${notReady.map(({ name }) => name).join(', ')}`;
    } catch (error) {
      last = error.message;
    }
    await sleep(100);
  }
  throw new Error(`topics not ready within ${METADATA_TIMEOUT_MS / 1000} s: ${last}`);
}
