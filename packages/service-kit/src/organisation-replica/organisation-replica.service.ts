import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import type { OrganisationNode } from '@tertial/contracts';
import { Subject } from 'rxjs';

import { OrganisationNodeReplica } from './organisation-node-replica.entity.js';

/** Reads and keeps this service's copy of the organisation tree. */
@Injectable()
export class OrganisationReplica {
  /** Emits after a change to the copy has been committed. */
  readonly changed$ = new Subject<void>();

  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async upsert(em: EntityManager, node: OrganisationNode): Promise<void> {
    await em.upsert(OrganisationNodeReplica, {
      kod: node.kod,
      namn: node.namn,
      niva: node.niva,
      foralderKod: node.foralderKod,
      chefAnvandarId: node.chef?.anvandarId ?? null,
      chefNamn: node.chef?.namn ?? null,
      giltigFran: node.giltigFran,
      updatedAt: new Date(),
    });
  }

  /** The ansvar (an enhet at the leaves of the tree) with this code, if this service has heard of it. */
  async findAnsvar(kod: string, em: EntityManager = this.orm.em.fork()): Promise<OrganisationNode | undefined> {
    const node = await em.findOne(OrganisationNodeReplica, { kod, niva: 'enhet' });
    return node ? toNode(node) : undefined;
  }

  async allNodes(em: EntityManager = this.orm.em.fork()): Promise<OrganisationNode[]> {
    const nodes = await em.find(OrganisationNodeReplica, {}, { orderBy: { kod: 'asc' } });
    return nodes.map(toNode);
  }
}

function toNode(node: OrganisationNodeReplica): OrganisationNode {
  return {
    kod: node.kod,
    namn: node.namn,
    niva: node.niva,
    foralderKod: node.foralderKod ?? null,
    chef: node.chefAnvandarId && node.chefNamn ? { anvandarId: node.chefAnvandarId, namn: node.chefNamn } : null,
    giltigFran: node.giltigFran,
  };
}
