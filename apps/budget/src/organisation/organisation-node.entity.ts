import { defineEntity, p } from '@mikro-orm/core';
import { ORGANISATION_NIVAER } from '@tertial/contracts';

/** A node of the city's organisation tree; the budget service is its owner. */
export const OrganisationNodeSchema = defineEntity({
  name: 'OrganisationNode',
  tableName: 'organisation_node',
  properties: {
    kod: p.string().length(20).primary(),
    namn: p.string().length(200),
    niva: p.enum(ORGANISATION_NIVAER),
    foralderKod: p.string().length(20).nullable(),
    chefAnvandarId: p.string().length(100).nullable(),
    chefNamn: p.string().length(200).nullable(),
    giltigFran: p.string().length(10),
  },
  indexes: [{ properties: ['foralderKod'] }],
});
export class OrganisationNode extends OrganisationNodeSchema.class {}
OrganisationNodeSchema.setClass(OrganisationNode);
