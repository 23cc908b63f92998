import { defineEvent } from '../envelope.js';
import { organisationNodeSchema } from '../organisation.js';

/** The budget service owns the organisation; every change of a node is published whole. Keyed by the node's kod. */
export const organisationNodeUpserted = defineEvent({
  type: 'organisation.node-upserted',
  topic: 'tertial.organisation.node-upserted.v1',
  schemaVersion: 1,
  partitions: 3,
  payloadSchema: organisationNodeSchema,
  keyOf: (node) => node.kod,
});
