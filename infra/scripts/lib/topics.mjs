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
 * How long each kind of topic keeps its messages (docs/events.md, "Retention"). The domain events are kept for good and
 * never compacted: the report service can be rebuilt from them (`npx tertial rebuild report`), as of any past moment,
 * which needs every event, not only each key's latest. Dead letters are kept 90 days, time enough to act on them.
 */
export const TOPIC_CONFIG = {
  event: [
    { name: 'retention.ms', value: '-1' },
    { name: 'retention.bytes', value: '-1' },
    { name: 'cleanup.policy', value: 'delete' },
  ],
  deadLetter: [
    { name: 'retention.ms', value: String(90 * 24 * 60 * 60 * 1000) },
    { name: 'cleanup.policy', value: 'delete' },
  ],
};

/**
 * Makes sure every topic in `topics` ([{ topic, partitions }]) and its `${topic}.dlt` (1 partition)
 * exists, with replication factor 1 (`replicationFactor`: the fault suite's three-node cluster's 3) and the retention of TOPIC_CONFIG (set on existing topics too). Existing
 * topics keep their partition count, even another one. Resolves once every one of them has a leader for every partition, so producers can start at
 * once. Returns the names it created.
 */
export async function ensureTopics(brokers, topics, { replicationFactor = 1 } = {}) {
  const wanted = topics.flatMap(({ topic, partitions }) => {
    if (!topic || !Number.isInteger(partitions) || partitions < 1) {
      throw new Error(`ensureTopics: bad topic ${JSON.stringify({ topic, partitions })}`);
    }
    return [
      { topic, numPartitions: partitions, replicationFactor, configEntries: TOPIC_CONFIG.event },
      { topic: `${topic}.dlt`, numPartitions: 1, replicationFactor, configEntries: TOPIC_CONFIG.deadLetter },
    ];
  });
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
