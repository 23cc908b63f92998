import { randomUUID } from 'node:crypto';

import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { organisationNodeUpserted, type OrganisationNode as OrganisationNodeDto } from '@tertial/contracts';
import { addToOutbox, OutboxRelay } from '@tertial/service-kit';

import { demoOrganisation } from './demo-organisation.js';
import { OrganisationNode } from './organisation-node.entity.js';
import { parentsFirst, validateOrganisation } from './organisation-tree.js';

@Injectable()
export class OrganisationService implements OnApplicationBootstrap {
  private readonly logger = new Logger(OrganisationService.name);

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(OutboxRelay) private readonly outbox: OutboxRelay,
  ) {}

  /** A city without an organisation gets the demo slice, so that a first start has something to show. */
  async onApplicationBootstrap(): Promise<void> {
    const count = await this.orm.em.fork().count(OrganisationNode);
    if (count > 0) return;
    const saved = await this.save(demoOrganisation(), randomUUID());
    this.logger.log(`demoorganisationen inläst: ${saved} noder`);
  }

  /** Stores nodes and their events in one transaction; the whole set is refused if the tree would be unsound. */
  async save(nodes: readonly OrganisationNodeDto[], correlationId: string): Promise<number> {
    const existing = await this.list();
    const merged = new Map(existing.map((node) => [node.kod, node]));
    for (const node of nodes) merged.set(node.kod, node);
    const problems = validateOrganisation([...merged.values()]);
    if (problems.length > 0) throw new Error(`organisationen är inte ett sammanhängande träd: ${problems.join('; ')}`);
    await this.orm.em.fork().transactional(async (em) => {
      for (const node of parentsFirst(nodes)) {
        await em.upsert(OrganisationNode, {
          kod: node.kod,
          namn: node.namn,
          niva: node.niva,
          foralderKod: node.foralderKod,
          chefAnvandarId: node.chef?.anvandarId ?? null,
          chefNamn: node.chef?.namn ?? null,
          giltigFran: node.giltigFran,
        });
        addToOutbox(em, organisationNodeUpserted, node, { producer: 'budget', correlationId });
      }
    });
    this.outbox.wake();
    return nodes.length;
  }

  async list(): Promise<OrganisationNodeDto[]> {
    const nodes = await this.orm.em.fork().find(OrganisationNode, {}, { orderBy: { kod: 'asc' } });
    return nodes.map((node) => ({
      kod: node.kod,
      namn: node.namn,
      niva: node.niva,
      foralderKod: node.foralderKod ?? null,
      chef: node.chefAnvandarId && node.chefNamn ? { anvandarId: node.chefAnvandarId, namn: node.chefNamn } : null,
      giltigFran: node.giltigFran,
    }));
  }
}
