import { randomUUID } from 'node:crypto';

import type { EntityManager } from '@mikro-orm/core';
import type { EventDefinition, EventEnvelope } from '@tertial/contracts/envelope';
import type { ServiceName } from '@tertial/contracts/services';

import { dbTid, sqlDirekt } from '../database/direkt.js';
import { OutboxMessage } from './outbox-message.entity.js';

export interface EventOrigin {
  readonly producer: ServiceName;
  readonly correlationId: string;
}

export function createEnvelope<TPayload>(
  definition: EventDefinition<TPayload>,
  payload: TPayload,
  origin: EventOrigin,
  occurredAt = new Date(),
): EventEnvelope<TPayload> {
  return {
    eventId: randomUUID(),
    type: definition.type,
    schemaVersion: definition.schemaVersion,
    occurredAt: occurredAt.toISOString(),
    producer: origin.producer,
    correlationId: origin.correlationId,
    key: definition.keyOf(payload),
    payload,
  };
}

/**
 * Records an event in the outbox inside the caller's unit of work. The payload is validated against the
 * event's own schema first, so a service can never publish what its consumers would dead-letter.
 */
export function addToOutbox<TPayload>(
  em: EntityManager,
  definition: EventDefinition<TPayload>,
  payload: TPayload,
  origin: EventOrigin,
): EventEnvelope<TPayload> {
  const checked = definition.payloadSchema.parse(payload);
  const envelope = createEnvelope(definition, checked, origin);
  em.create(OutboxMessage, {
    eventId: envelope.eventId,
    topic: definition.topic,
    messageKey: envelope.key,
    value: JSON.stringify(envelope),
    createdAt: new Date(envelope.occurredAt),
    sentAt: null,
  });
  return envelope;
}

const SKRIV_OUTBOX =
  'insert into "outbox_message" ("event_id", "topic", "message_key", "value", "created_at", "sent_at") values (?, ?, ?, ?, ?, null)';

/**
 * `addToOutbox` in plain SQL, written at once in the caller's transaction (see `direkt`): for a hot path that keeps
 * MikroORM's unit of work out of its transaction. The same row, the same checks.
 */
export async function skrivTillOutbox<TPayload>(
  em: EntityManager,
  definition: EventDefinition<TPayload>,
  payload: TPayload,
  origin: EventOrigin,
): Promise<EventEnvelope<TPayload>> {
  const checked = definition.payloadSchema.parse(payload);
  const envelope = createEnvelope(definition, checked, origin);
  await sqlDirekt(em, SKRIV_OUTBOX, [
    envelope.eventId,
    definition.topic,
    envelope.key,
    JSON.stringify(envelope),
    dbTid(em, new Date(envelope.occurredAt)),
  ]);
  return envelope;
}
