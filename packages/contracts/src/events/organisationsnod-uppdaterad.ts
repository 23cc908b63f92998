import { defineEvent } from '../envelope.js';
import { organisationNodeSchema } from '../organisation.js';

/** The budget service owns the organisation; every new or changed version of a node is published whole. Keyed by the node's kod. */
export const organisationsnodUppdaterad = defineEvent({
  type: 'organisation.nod-uppdaterad',
  topic: 'tertial.organisation.nod-uppdaterad.v1',
  schemaVersion: 1,
  partitions: 3,
  retention: 'every-event',
  payloadSchema: organisationNodeSchema,
  keyOf: (node) => node.kod,
});
