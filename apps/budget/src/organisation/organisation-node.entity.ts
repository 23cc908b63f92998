import { defineEntity, p } from '@mikro-orm/core';
import { ORGANISATION_NIVAER } from '@tertial/contracts/organisation';

/**
 * One version of a node of the city's organisation tree; the budget service is its owner. A reorganisation
 * adds versions with a later `giltigFran` and never edits earlier ones, so earlier periods keep their tree.
 */
export const OrganisationNodeSchema = defineEntity({
  name: 'OrganisationNode',
  tableName: 'organisation_node',
  properties: {
    kod: p.string().length(20).primary(),
    giltigFran: p.string().length(10).primary(),
    namn: p.string().length(200),
    niva: p.enum(ORGANISATION_NIVAER),
    foralderKod: p.string().length(20).nullable(),
    chefAnvandarId: p.string().length(100).nullable(),
    chefNamn: p.string().length(200).nullable(),
  },
  indexes: [{ properties: ['foralderKod'] }],
});
export class OrganisationNode extends OrganisationNodeSchema.class {}
OrganisationNodeSchema.setClass(OrganisationNode);
