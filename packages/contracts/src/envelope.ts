import { z } from 'zod';

import { SERVICE_NAMES } from './services.js';

/** What every Kafka message carries around its payload. */
export const eventEnvelopeSchema = z.object({
  eventId: z.uuid(),
  type: z.string().min(1),
  schemaVersion: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  producer: z.enum(SERVICE_NAMES),
  correlationId: z.string().min(1),
  key: z.string().min(1),
  payload: z.unknown(),
});
export type EventEnvelope<TPayload = unknown> = Omit<z.infer<typeof eventEnvelopeSchema>, 'payload'> & { payload: TPayload };

/**
 * What a topic keeps (docs/events.md, "Retention"), chosen per event:
 * - `every-event`: every event for good, never compacted. The report service is rebuilt from these (`npx tertial
 *   rebuild report`, also as of a past moment), which needs each key's whole history, not only its latest.
 * - `latest-per-key`: compacted, each key's latest event kept for good. Only for an event that carries the whole
 *   current thing under a key naming that one thing, and that the report service does not consume, so no rebuild
 *   or "as of" ever needs its history.
 */
export type TopicRetention = 'every-event' | 'latest-per-key';

/** One kind of event: its type name, its topic, its payload schema and the field that keys it. */
export interface EventDefinition<TPayload> {
  readonly type: string;
  readonly topic: string;
  readonly schemaVersion: number;
  readonly partitions: number;
  readonly retention: TopicRetention;
  readonly payloadSchema: z.ZodType<TPayload>;
  readonly keyOf: (payload: TPayload) => string;
}

export function defineEvent<TPayload>(definition: EventDefinition<TPayload>): EventDefinition<TPayload> {
  return definition;
}

export type PayloadOf<T> = T extends EventDefinition<infer P> ? P : never;

/** The dead-letter topic beside each topic: messages that failed their schema or their handler, with the reason. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlt`;
}

export type EnvelopeParseResult<TPayload> = { ok: true; envelope: EventEnvelope<TPayload> } | { ok: false; reason: string };

/**
 * Reads a message's bytes as UTF-8 with web-standard APIs, so this package runs in the browser as well as in Node:
 * a byte-order mark is kept (and so refused by JSON.parse) and a malformed sequence becomes U+FFFD, as
 * `Buffer.toString('utf8')` does.
 */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** Validates a raw message value (bytes, text or parsed JSON) against the envelope and the event's payload schema. */
export function parseEnvelope<TPayload>(definition: EventDefinition<TPayload>, raw: unknown): EnvelopeParseResult<TPayload> {
  let value = raw;
  if (value instanceof Uint8Array) value = utf8.decode(value);
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return { ok: false, reason: 'meddelandet är inte giltig JSON' };
    }
  }
  const envelope = eventEnvelopeSchema.safeParse(value);
  if (!envelope.success) return { ok: false, reason: `kuvert: ${describeIssues(envelope.error)}` };
  if (envelope.data.type !== definition.type) {
    return { ok: false, reason: `fel händelsetyp ${envelope.data.type}, väntade ${definition.type}` };
  }
  if (envelope.data.schemaVersion !== definition.schemaVersion) {
    return { ok: false, reason: `schemaversion ${envelope.data.schemaVersion} stöds inte, väntade ${definition.schemaVersion}` };
  }
  const payload = definition.payloadSchema.safeParse(envelope.data.payload);
  if (!payload.success) return { ok: false, reason: `payload: ${describeIssues(payload.error)}` };
  return { ok: true, envelope: { ...envelope.data, payload: payload.data } };
}

export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(rot)'}: ${issue.message}`).join('; ');
}
