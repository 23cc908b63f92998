import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import type { ServiceConfig } from '../config/service-config.js';
import { dbTid, sqlDirekt } from '../database/direkt.js';
import { openDatabase } from '../database/orm.js';
import type { KafkaProducer, OutgoingMessage } from '../kafka/kafka-producer.js';
import { OutboxRelay } from './outbox-relay.js';

const dir = mkdtempSync(join(tmpdir(), 'tertial-relay-'));
const config = {
  database: { kind: 'sqlite', file: join(dir, 'relay.sqlite') },
  outboxPollMs: 60_000,
  outboxLingerMs: 10,
} as unknown as ServiceConfig;
const skickat: (readonly OutgoingMessage[])[] = [];
const producer = { publish: async (messages: readonly OutgoingMessage[]) => void skickat.push(messages) } as unknown as KafkaProducer;
let orm: MikroORM;

beforeAll(async () => {
  orm = await openDatabase(config, { entities: [], migrations: [] });
});
afterAll(async () => {
  await orm.close();
  rmSync(dir, { recursive: true, force: true });
});

async function skrivRad(id: string): Promise<void> {
  await sqlDirekt(
    orm.em.fork(),
    'insert into "outbox_message" ("event_id", "topic", "message_key", "value", "created_at", "sent_at") values (?, ?, ?, ?, ?, null)',
    [id, 'tertial.test.v1', id, `{"eventId":"${id}"}`, dbTid(orm.em, new Date())],
  );
}

describe('the outbox relay', () => {
  it('sends the commits of the same few milliseconds in one request, each once, and marks them sent', async () => {
    const relay = new OutboxRelay(orm, producer, config);
    for (const id of ['a', 'b', 'c']) {
      await skrivRad(id);
      relay.wake();
    }
    await vi.waitFor(() => expect(skickat).toHaveLength(1), { timeout: 10_000 });
    expect(skickat[0]!.map((message) => message.key)).toEqual(['a', 'b', 'c']);
    await skrivRad('d');
    relay.wake();
    await vi.waitFor(() => expect(skickat).toHaveLength(2), { timeout: 10_000 });
    expect(skickat[1]!.map((message) => message.key)).toEqual(['d']);
    const { rader } = await sqlDirekt(orm.em.fork(), 'select count(*) as n from "outbox_message" where "sent_at" is null', []);
    expect(rader).toEqual([{ n: 0 }]);
    await relay.onApplicationShutdown();
  }, 30_000);
});
