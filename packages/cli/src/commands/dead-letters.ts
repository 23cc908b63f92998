import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';

import { deadLetterTopic } from '@tertial/contracts/envelope';
import { ALL_EVENTS } from '@tertial/contracts/events';
import kafkajs from 'kafkajs';

const { Kafka, logLevel } = kafkajs;

export const deadLettersHelp = `tertial dead-letters [--brokers HOST:PORT] [--json] [TOPIC]

Lists the messages in the dead-letter topics (all of them, or TOPIC's), with the reason each was set aside,
where it came from and its value. Reads from the beginning; changes nothing.`;

interface DeadLetter {
  topic: string;
  offset: string;
  key: string | null;
  headers: Record<string, string>;
  value: string | null;
}

export async function deadLetters(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      brokers: { type: 'string', default: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092' },
      json: { type: 'boolean', default: false },
    },
  });
  const topics =
    positionals.length > 0
      ? positionals.map((topic) => (topic.endsWith('.dlt') ? topic : deadLetterTopic(topic)))
      : ALL_EVENTS.map((event) => deadLetterTopic(event.topic));
  const kafka = new Kafka({ clientId: 'tertial-cli', brokers: values.brokers.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map<string, number>();
  for (const topic of topics) {
    const offsets = await admin.fetchTopicOffsets(topic);
    ends.set(
      topic,
      offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0),
    );
  }
  await admin.disconnect();
  const total = [...ends.values()].reduce((sum, count) => sum + count, 0);
  const found: DeadLetter[] = [];
  if (total > 0) {
    const consumer = kafka.consumer({ groupId: `tertial-cli-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topics: topics.filter((topic) => (ends.get(topic) ?? 0) > 0), fromBeginning: true });
    await new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ topic, message }) => {
          found.push({
            topic,
            offset: message.offset,
            key: message.key?.toString() ?? null,
            headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)])),
            value: message.value?.toString() ?? null,
          });
          if (found.length >= total) resolve();
        },
      });
    });
    await consumer.disconnect();
  }
  if (values.json) {
    console.log(JSON.stringify(found, null, 2));
  } else if (found.length === 0) {
    console.log('Inga meddelanden i dead-letter-ämnena.');
  } else {
    for (const letter of found) {
      console.log(
        `${letter.headers['x-original-topic'] ?? letter.topic} [${letter.headers['x-original-partition']}]@${letter.headers['x-original-offset']} (${letter.headers['x-dead-lettered-by']}, ${letter.headers['x-dead-lettered-at']})`,
      );
      console.log(`  orsak: ${letter.headers['x-dead-letter-reason']}`);
      console.log(`  värde: ${letter.value?.slice(0, 500)}`);
    }
  }
  return 0;
}
