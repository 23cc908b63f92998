import { Partitioners, type ICustomPartitioner, type IHeaders, type RecordMetadata, type TopicMessages } from 'kafkajs';

/** One message to publish, with its topic. */
export interface OutgoingMessage {
  readonly topic: string;
  readonly key: string;
  readonly value: string | Buffer | null;
  readonly headers?: IHeaders;
}

/** Which partition the producer's partitioner gave each message object (the objects handed to `sendBatch`). */
export type PartitionsGiven = WeakMap<object, number>;

/**
 * kafkajs's default (Java-compatible) partitioner, noting the partition it gives each message in `given`: after a
 * batch, every message can be held against the partitions the broker acknowledged.
 */
export function recordingPartitioner(given: PartitionsGiven): ICustomPartitioner {
  return () => {
    const partition = Partitioners.DefaultPartitioner();
    return (args) => {
      const chosen = partition(args);
      given.set(args.message, chosen);
      return chosen;
    };
  };
}

/**
 * Sends `messages` with `send` (a `producer.sendBatch` with acks=all) and resolves only once every one of them is in a
 * partition the broker's answer acknowledged. Messages whose partition the answer leaves out are sent again, in a new
 * batch, up to `attempts` batches in all; after that it throws and nothing may be counted as sent.
 *
 * Why: kafkajs 2.2.4's sendBatch remembers, across its retries, which *brokers* answered, not which partitions. When
 * the leader of some partitions dies mid-batch and they move to a broker that had already answered for its own
 * partitions, the retry sends nothing to it and sendBatch resolves without those partitions' messages ever having
 * been produced (src/producer/sendMessages.js, `brokersWithoutResponse`; the symptom of tulios/kafkajs#1303). Its answer then lacks
 * those partitions, which is what this checks. A message sent again may be in the log twice; consumers drop the
 * second by its event id.
 */
export async function sendAcknowledged(
  send: (topicMessages: TopicMessages[]) => Promise<RecordMetadata[]>,
  messages: readonly OutgoingMessage[],
  given: PartitionsGiven,
  { attempts = 5, onShortfall }: { attempts?: number; onShortfall?: (info: string) => void } = {},
): Promise<void> {
  // Objects of our own, so that the partition given to each is known whatever the caller passes twice.
  let pending = messages.map(({ topic, ...message }) => ({ topic, message: { ...message } }));
  for (let attempt = 1; pending.length > 0; attempt += 1) {
    const byTopic = new Map<string, (typeof pending)[number]['message'][]>();
    for (const { topic, message } of pending) {
      const list = byTopic.get(topic) ?? [];
      list.push(message);
      byTopic.set(topic, list);
    }
    const answer = await send([...byTopic].map(([topic, list]) => ({ topic, messages: list })));
    const acknowledged = new Set(answer.filter((r) => r.errorCode === 0).map((r) => partitionKey(r.topicName, r.partition)));
    const missing = pending.filter(({ topic, message }) => {
      const partition = given.get(message);
      return partition === undefined || !acknowledged.has(partitionKey(topic, partition));
    });
    if (missing.length === 0) return;
    const where = [...new Set(missing.map(({ topic, message }) => partitionKey(topic, given.get(message) ?? '?')))].sort().join(', ');
    const info = `Kafka bekräftade inte ${missing.length} av ${pending.length} meddelanden (${where}) i försök ${attempt}`;
    if (attempt >= attempts) throw new Error(`${info}; inget räknas som skickat`);
    onShortfall?.(`${info}; de skickas igen`);
    pending = missing;
  }
}

function partitionKey(topic: string, partition: number | string): string {
  return `${topic}[${partition}]`;
}
