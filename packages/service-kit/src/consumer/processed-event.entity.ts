import { defineEntity, p } from '@mikro-orm/core';

/** Ids of the events this service has applied, written in the same transaction as the change they made. */
export const ProcessedEventSchema = defineEntity({
  name: 'ProcessedEvent',
  tableName: 'processed_event',
  properties: {
    eventId: p.uuid().primary(),
    topic: p.string().length(200),
    processedAt: p.datetime(),
  },
});
export class ProcessedEvent extends ProcessedEventSchema.class {}
ProcessedEventSchema.setClass(ProcessedEvent);
