import { ClientKafka } from '@nestjs/microservices';
import type { ICustomPartitioner, PartitionMetadata, Producer, TopicMessages } from 'kafkajs';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { loadServiceConfig } from '../config/service-config.js';
import { KafkaProducer } from './kafka-producer.js';

const CONFIG = loadServiceConfig('forecast', { TERTIAL_OIDC_ISSUER: 'https://login.example.se/tertial' });
const MESSAGE = { topic: 'tertial.forecast.helarsprognos-andrad.v1', key: '1100', value: '{}' };

/** ClientKafka without a broker: each instance's producer answers as `answer` says, and `clients` lists who was asked. */
function fakeClients(answer: (client: number) => 'acknowledged' | 'fails') {
  const clients: ClientKafka[] = [];
  const closed: ClientKafka[] = [];
  vi.spyOn(ClientKafka.prototype, 'connect').mockImplementation(async function (this: ClientKafka) {
    if (!clients.includes(this)) clients.push(this);
    const number = clients.indexOf(this);
    // The partitioner KafkaProducer gave this client, which notes each message's partition as kafkajs's would.
    const partition = (this as unknown as { options: { producer: { createPartitioner: ICustomPartitioner } } }).options.producer
      .createPartitioner()
      .bind(null);
    return {
      sendBatch: async ({ topicMessages }: { topicMessages: TopicMessages[] }) => {
        if (answer(number) === 'fails') throw new Error('The broker received an out of order sequence number');
        return topicMessages.flatMap(({ topic, messages }) =>
          messages.map((message) => ({
            topicName: topic,
            partition: partition({ topic, message, partitionMetadata: [{ partitionId: 0, leader: 1 } as PartitionMetadata] }),
            errorCode: 0,
          })),
        );
      },
    } as unknown as Producer;
  });
  vi.spyOn(ClientKafka.prototype, 'close').mockImplementation(async function (this: ClientKafka) {
    closed.push(this);
  });
  return { clients, closed };
}

describe('the service producer', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps its producer while sends succeed', async () => {
    const { clients } = fakeClients(() => 'acknowledged');
    const producer = new KafkaProducer(CONFIG);
    await producer.publish([MESSAGE]);
    await producer.publish([MESSAGE]);
    expect(clients).toHaveLength(1);
  });

  it('sends with a new producer (a new producer id) after a send failed, and closes the old one', async () => {
    const { clients, closed } = fakeClients((client) => (client === 0 ? 'fails' : 'acknowledged'));
    const producer = new KafkaProducer(CONFIG);
    await expect(producer.publish([MESSAGE])).rejects.toThrow(/out of order/);
    await producer.publish([MESSAGE]);
    await producer.publish([MESSAGE]);
    expect(clients).toHaveLength(2);
    expect(closed).toEqual([clients[0]]);
  });
});
