import { defineEntity, p } from '@mikro-orm/core';
import { ORGANISATION_NIVAER } from '@tertial/contracts/organisation';

/** This service's copy of one version of a node of the organisation tree, kept from the budget service's events. */
export const OrganisationNodeReplicaSchema = defineEntity({
  name: 'OrganisationNodeReplica',
  tableName: 'organisation_node',
  properties: {
    kod: p.string().length(20).primary(),
    giltigFran: p.string().length(10).primary(),
    namn: p.string().length(200),
    niva: p.enum(ORGANISATION_NIVAER),
    foralderKod: p.string().length(20).nullable(),
    chefAnvandarId: p.string().length(100).nullable(),
    chefNamn: p.string().length(200).nullable(),
    updatedAt: p.datetime(),
  },
});
export class OrganisationNodeReplica extends OrganisationNodeReplicaSchema.class {}
OrganisationNodeReplicaSchema.setClass(OrganisationNodeReplica);
