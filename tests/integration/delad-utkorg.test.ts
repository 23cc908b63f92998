// Two replicas of a service share one outbox on PostgreSQL: each relay claims unsent rows with FOR UPDATE SKIP LOCKED
// (packages/service-kit/src/outbox/outbox-relay.ts). Both relays publish, and every row goes out exactly once.
import { randomUUID } from 'node:crypto';

import type { MikroORM } from '@mikro-orm/core';
import { KafkaProducer, loadServiceConfig, openDatabase, OutboxRelay, type OutgoingMessage } from '@tertial/service-kit';
import kafkajs from 'kafkajs';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';

import { freshDatabase, testDatabase } from '../support/global-setup.js';
import { testKafka } from '../support/kafka.js';

const stack = inject('stack');
const ROWS = 1_000;
const TOPIC = `tertial.test.delad-utkorg-${randomUUID()}.v1`;

/** A replica of a service, as far as its outbox goes: its own connection pool, producer and relay, counting what it sent. */
async function replika(databaseUrl: string, { langsam }: { langsam: boolean }) {
  const config = loadServiceConfig('forecast', {
    TERTIAL_OIDC_ISSUER: stack.oidcIssuer,
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: stack.kafkaBrokers,
    OUTBOX_POLL_MS: '3600000',
  });
  const orm: MikroORM = await openDatabase(config, { entities: [], migrations: [] });
  const producer = new KafkaProducer(config);
  const skickade: string[] = [];
  const publish = producer.publish.bind(producer);
  // The slow one holds its rows a while, so that the other surely finds them locked and takes the next ones.
  producer.publish = async (messages: readonly OutgoingMessage[]) => {
    if (langsam) await new Promise((resolve) => setTimeout(resolve, 300));
    await publish(messages);
    skickade.push(...messages.map((m) => String(m.key)));
  };
  const relay = new OutboxRelay(orm, producer, config);
  return {
    relay,
    skickade,
    stop: async () => {
      await producer.onApplicationShutdown();
      await orm.close();
    },
  };
}

describe('two outbox relays sharing one PostgreSQL outbox', () => {
  const stopp: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const stop of stopp) await stop();
  });

  it('both publish, and every row is in the topic exactly once and marked sent', async () => {
    const url = await freshDatabase(stack.postgresUrl, testDatabase('test_delad_utkorg'));
    const admin = new kafkajs.Kafka({
      clientId: 'tertial-tests',
      brokers: stack.kafkaBrokers.split(','),
      logLevel: kafkajs.logLevel.NOTHING,
    }).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 6 }], waitForLeaders: true });
    await admin.disconnect();

    const a = await replika(url, { langsam: true });
    stopp.push(a.stop);
    const b = await replika(url, { langsam: false });
    stopp.push(b.stop);

    const db = new pg.Client({ connectionString: url });
    await db.connect();
    stopp.push(() => db.end());
    const ids = Array.from({ length: ROWS }, () => randomUUID());
    await db.query(
      `insert into outbox_message (event_id, topic, message_key, value, created_at, sent_at)
         select id, $1, id::text, json_build_object('eventId', id)::text, now(), null from unnest($2::uuid[]) as id`,
      [TOPIC, ids],
    );

    const [fran, franB] = await Promise.all([a.relay.publishAll(), b.relay.publishAll()]);
    console.log(`relä a publicerade ${fran}, relä b ${franB} av ${ROWS} rader`);
    expect(fran).toBeGreaterThan(0);
    expect(franB).toBeGreaterThan(0);
    expect(fran + franB).toBe(ROWS);
    expect(new Set([...a.skickade, ...b.skickade]).size).toBe(ROWS);
    expect(a.skickade.filter((id) => b.skickade.includes(id))).toEqual([]);

    const { rows } = await db.query<{ osanda: number }>('select count(*)::int as osanda from outbox_message where sent_at is null');
    expect(rows[0]!.osanda).toBe(0);
    // The topic holds exactly as many records as rows (no row sent twice), and they are the rows.
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(TOPIC);
    await admin.disconnect();
    expect(offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0)).toBe(ROWS);
    const poster = await testKafka(stack.kafkaBrokers).readUntil(TOPIC, (m) => m.length >= ROWS, 60_000);
    const nycklar = poster.map((m) => String(m.key));
    expect(new Set(nycklar)).toEqual(new Set(ids));
  });
});
