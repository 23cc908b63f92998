import { defineEntity, p } from '@mikro-orm/core';

/**
 * An event waiting to be published. It is written in the same transaction as the change it describes, so a
 * crash can neither lose it nor publish an event for a change that was rolled back.
 */
export const OutboxMessageSchema = defineEntity({
  name: 'OutboxMessage',
  tableName: 'outbox_message',
  properties: {
    /**
     * Insertion order; the relay publishes in this order. (SQLite's autoincrement column must be declared
     * `integer`, which is 64-bit there: the schema diff would otherwise take it for a bigint to convert.)
     */
    seq: p.bigint('number').primary().autoincrement().ignoreSchemaChanges('type'),
    eventId: p.uuid().unique(),
    topic: p.string().length(200),
    messageKey: p.string().length(200),
    /** The serialized event envelope. */
    value: p.text(),
    createdAt: p.datetime(),
    sentAt: p.datetime().nullable(),
  },
  indexes: [{ properties: ['sentAt', 'seq'] }],
});
export class OutboxMessage extends OutboxMessageSchema.class {}
OutboxMessageSchema.setClass(OutboxMessage);
