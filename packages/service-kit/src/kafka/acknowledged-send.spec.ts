import { createRequire } from 'node:module';

import { KafkaJSConnectionError, type RecordMetadata, type TopicMessages } from 'kafkajs';
import { describe, expect, it } from 'vitest';

import { recordingPartitioner, sendAcknowledged, type OutgoingMessage, type PartitionsGiven } from './acknowledged-send.js';

type SendMessages = (request: { acks: number; topicMessages: TopicMessages[] }) => Promise<RecordMetadata[]>;

/**
 * kafkajs 2.2.4's own sendMessages (what `producer.sendBatch` runs, with its retries) over a fake cluster of three
 * brokers: a topic of six partitions, each broker leading two; broker 1 dies when a batch reaches it (a connection
 * error, as after a SIGKILL) and its partitions move to broker 2, which has by then answered for its own two. Returns
 * the send and what each broker was sent.
 */
function clusterLosingBroker1(given: PartitionsGiven) {
  const require = createRequire(import.meta.url);
  const createSendMessages = require('kafkajs/src/producer/sendMessages') as (options: object) => SendMessages;
  const createRetry = require('kafkajs/src/retry') as (options: object) => unknown;
  let leaders: Record<number, number[]> = { 1: [0, 3], 2: [1, 4], 3: [2, 5] };
  const produced: { broker: number; partitions: number[]; values: string[] }[] = [];
  const broker = (nodeId: number) => ({
    nodeId,
    produce: async ({
      topicData,
    }: {
      topicData: { topic: string; partitions: { partition: number; messages: { value: string }[] }[] }[];
    }) => {
      await Promise.resolve();
      if (nodeId === 1 && leaders[1]) {
        leaders = { 2: [1, 4, 0, 3], 3: [2, 5] };
        throw new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 127.0.0.1:20034');
      }
      // kafkajs hands partitions on as object keys (strings); the wire carries numbers, and the answer too.
      const partitions = topicData.flatMap((t) => t.partitions).map((p) => ({ ...p, partition: Number(p.partition) }));
      produced.push({
        broker: nodeId,
        partitions: partitions.map((p) => p.partition),
        values: partitions.flatMap((p) => p.messages.map((m) => String(m.value))),
      });
      return {
        topics: topicData.map((t) => ({
          topicName: t.topic,
          partitions: t.partitions.map((p) => ({ partition: Number(p.partition), errorCode: 0, baseOffset: '0' })),
        })),
      };
    },
  });
  const brokers: Record<number, ReturnType<typeof broker>> = { 1: broker(1), 2: broker(2), 3: broker(3) };
  const cluster = {
    refreshMetadataIfNecessary: async () => {},
    refreshMetadata: async () => {},
    addMultipleTargetTopics: async () => {},
    isConnected: () => true,
    removeBroker: () => {},
    findTopicPartitionMetadata: () => [0, 1, 2, 3, 4, 5].map((partitionId) => ({ partitionId, leader: 1 })),
    findLeaderForPartitions: (_topic: string, partitions: string[]) =>
      Object.fromEntries(
        Object.entries(leaders)
          .map(([node, led]) => [node, led.map(String).filter((p) => partitions.includes(p))] as const)
          .filter(([, led]) => led.length > 0),
      ),
    // As kafkajs's BrokerPool: a broker that stays keeps its object across metadata refreshes.
    findBroker: async ({ nodeId }: { nodeId: number }) => brokers[nodeId],
  };
  const eosManager = {
    isTransactional: () => false,
    getSequence: () => 0,
    updateSequence: () => {},
    getProducerId: () => -1,
    getProducerEpoch: () => 0,
    acquireBrokerLock: async () => {},
    releaseBrokerLock: async () => {},
  };
  const sendMessages = createSendMessages({
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    cluster,
    eosManager,
    partitioner: recordingPartitioner(given)(),
    retrier: createRetry({ retries: 5, initialRetryTime: 1 }),
  });
  return { send: (topicMessages: TopicMessages[]) => sendMessages({ acks: -1, topicMessages }), produced };
}

/** Sixteen messages whose keys spread over all six partitions (kafkajs's murmur2 partitioner: 4 of them on 0, 2 on 3). */
const messages: OutgoingMessage[] = Array.from({ length: 16 }, (_, i) => ({ topic: 't', key: `ansvar-${i}`, value: `h${i}` }));

describe('sending a batch with every message acknowledged', () => {
  it('kafkajs 2.2.4 alone: sendBatch resolves although the dead leader’s partitions were never sent (the loss it guards against)', async () => {
    const given: PartitionsGiven = new WeakMap();
    const { send, produced } = clusterLosingBroker1(given);
    const own = messages.map(({ topic, ...message }) => ({ ...message, topic }));
    const answer = await send([{ topic: 't', messages: own.map(({ key, value }) => ({ key, value })) }]);

    expect(answer.map((r) => r.partition).sort()).toEqual([1, 2, 4, 5]);
    expect(produced.flatMap((p) => p.partitions).sort()).toEqual([1, 2, 4, 5]);
    expect(produced.flatMap((p) => p.values)).toHaveLength(16 - 6);
  });

  it('sends the messages of partitions the answer left out again, to their new leader, and resolves once all are in', async () => {
    const given: PartitionsGiven = new WeakMap();
    const { send, produced } = clusterLosingBroker1(given);
    const shortfalls: string[] = [];

    await sendAcknowledged(send, messages, given, { onShortfall: (info) => shortfalls.push(info) });

    expect(produced.flatMap((p) => p.values).sort()).toEqual(messages.map((m) => String(m.value)).sort());
    expect(produced.at(-1)).toMatchObject({ broker: 2, partitions: [0, 3] });
    expect(shortfalls).toEqual(['Kafka bekräftade inte 6 av 16 meddelanden (t[0], t[3]) i försök 1; de skickas igen']);
  });

  it('throws, so that nothing is marked sent, when a partition stays unacknowledged', async () => {
    const given: PartitionsGiven = new WeakMap();
    const partition = recordingPartitioner(given)();
    // A producer whose answers always leave out partition 0.
    const send = async (topicMessages: TopicMessages[]): Promise<RecordMetadata[]> => {
      const partitions = new Set(
        topicMessages.flatMap(({ topic, messages: list }) =>
          list.map((message) =>
            partition({
              topic,
              message,
              partitionMetadata: [0, 1, 2, 3, 4, 5].map((id) => ({
                partitionId: id,
                leader: 1,
                partitionErrorCode: 0,
                replicas: [],
                isr: [],
              })),
            }),
          ),
        ),
      );
      return [...partitions].filter((p) => p !== 0).map((p) => ({ topicName: 't', partition: p, errorCode: 0 }));
    };
    const tries: string[] = [];

    await expect(sendAcknowledged(send, messages, given, { attempts: 3, onShortfall: (info) => tries.push(info) })).rejects.toThrow(
      /bekräftade inte 4 av 4 meddelanden \(t\[0\]\) i försök 3; inget räknas som skickat/,
    );
    expect(tries).toHaveLength(2);
  });

  it('asks for nothing more when the first answer acknowledges every partition', async () => {
    const given: PartitionsGiven = new WeakMap();
    const partition = recordingPartitioner(given)();
    const batches: number[] = [];
    const send = async (topicMessages: TopicMessages[]): Promise<RecordMetadata[]> => {
      batches.push(topicMessages.reduce((n, t) => n + t.messages.length, 0));
      const partitionMetadata = [0, 1, 2].map((id) => ({ partitionId: id, leader: 1, partitionErrorCode: 0, replicas: [], isr: [] }));
      return topicMessages.flatMap(({ topic, messages: list }) =>
        [...new Set(list.map((message) => partition({ topic, message, partitionMetadata })))].map((p) => ({
          topicName: topic,
          partition: p,
          errorCode: 0,
        })),
      );
    };

    await sendAcknowledged(send, [...messages, { topic: 'u', key: 'k', value: 'v' }], given);
    expect(batches).toEqual([17]);
  });
});
