import { randomUUID } from 'node:crypto';

import type { EventDefinition, EventEnvelope } from '@tertial/contracts/envelope';
import { Kafka, logLevel, Partitioners, type IHeaders, type KafkaMessage } from 'kafkajs';

/** An event as a service would publish it, for a test that plays that service on the topic. */
export function envelope<T>(event: EventDefinition<T>, payload: T, producer: EventEnvelope['producer']): EventEnvelope<T> {
  return {
    eventId: randomUUID(),
    type: event.type,
    schemaVersion: event.schemaVersion,
    occurredAt: new Date().toISOString(),
    producer,
    correlationId: randomUUID(),
    key: event.keyOf(payload),
    payload,
  };
}

export function testKafka(brokers: string) {
  const kafka = new Kafka({ clientId: 'tertial-tests', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  return {
    async produce(topic: string, messages: { key: string; value: string | null; headers?: IHeaders }[]): Promise<void> {
      const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
      await producer.connect();
      try {
        await producer.send({ topic, acks: -1, messages });
      } finally {
        await producer.disconnect();
      }
    },

    /** Reads a topic from the beginning with a group of its own until `found` says it has what it needs. */
    async readUntil(topic: string, found: (messages: KafkaMessage[]) => boolean, timeoutMs = 20_000): Promise<KafkaMessage[]> {
      const consumer = kafka.consumer({ groupId: `tertial-tests-${randomUUID()}`, sessionTimeout: 10_000 });
      const messages: KafkaMessage[] = [];
      await consumer.connect();
      try {
        await consumer.subscribe({ topic, fromBeginning: true });
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`hittade inte det väntade i ${topic} inom ${timeoutMs} ms (${messages.length} meddelanden lästa)`)),
            timeoutMs,
          );
          void consumer.run({
            eachMessage: async ({ message }) => {
              messages.push(message);
              if (found(messages)) {
                clearTimeout(timer);
                resolve();
              }
            },
          });
        });
        return messages;
      } finally {
        await consumer.disconnect();
      }
    },
  };
}
