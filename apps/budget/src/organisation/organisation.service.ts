import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { organisationsnodUppdaterad } from '@tertial/contracts/events';
import { organisationNodeFranRad, organisationVid, type OrganisationNode as OrganisationNodeDto } from '@tertial/contracts/organisation';
import { demoStad } from '@tertial/demo-city';
import {
  addToOutbox,
  loggaAndring,
  OutboxRelay,
  ProblemException,
  type FieldError,
  type OrganisationKalla,
  type Principal,
} from '@tertial/service-kit';

import { OrganisationNode } from './organisation-node.entity.js';
import { parentsFirst, valideraOrganisation } from './organisation-tree.js';

export function idag(): string {
  return new Date().toISOString().slice(0, 10);
}

@Injectable()
export class OrganisationService implements OnApplicationBootstrap {
  private readonly logger = new Logger(OrganisationService.name);

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(OutboxRelay) private readonly outbox: OutboxRelay,
  ) {}

  /** A city without an organisation gets the demo city's, so that a first start has something to show. */
  async onApplicationBootstrap(): Promise<void> {
    if ((await this.orm.em.fork().count(OrganisationNode)) > 0) return;
    const saved = await this.spara(demoStad().organisation, 'demo-data');
    this.logger.log(`demostadens organisation inläst: ${saved} noder`);
  }

  /** Every version of every node, oldest first. */
  async versioner(): Promise<OrganisationNodeDto[]> {
    const nodes = await this.orm.em.fork().find(OrganisationNode, {}, { orderBy: { giltigFran: 'asc', kod: 'asc' } });
    return nodes.map(organisationNodeFranRad);
  }

  /** The tree as it stood on a date. */
  async vid(datum: string): Promise<OrganisationNodeDto[]> {
    return organisationVid(await this.versioner(), datum).sort((a, b) => a.kod.localeCompare(b.kod));
  }

  /**
   * Stores node versions and their events in one transaction. The tree must be sound on every date the
   * change touches (its own dates, and every later reorganisation); otherwise nothing is stored.
   */
  async spara(nodes: readonly OrganisationNodeDto[], correlationId: string, principal?: Principal): Promise<number> {
    const forra = new Map((await this.versioner()).map((node) => [`${node.kod}@${node.giltigFran}`, node]));
    const merged = new Map(forra);
    for (const node of nodes) merged.set(`${node.kod}@${node.giltigFran}`, node);
    const alla = [...merged.values()];
    const forsta = nodes.reduce((min, node) => (node.giltigFran < min ? node.giltigFran : min), '9999-12-31');
    const datum = [...new Set(alla.map((node) => node.giltigFran).filter((d) => d >= forsta))].sort();
    const errors: FieldError[] = datum.flatMap((d) =>
      valideraOrganisation(organisationVid(alla, d)).map((message) => ({ field: `organisation@${d}`, message })),
    );
    if (errors.length > 0) {
      throw new ProblemException(422, 'Organisationen hänger inte ihop', `${errors.length} fel; inget sparades.`, errors.slice(0, 100));
    }
    await this.orm.em.fork().transactional(async (em) => {
      await em.upsertMany(OrganisationNode, parentsFirst(nodes).map(toRow));
      for (const node of parentsFirst(nodes)) {
        addToOutbox(em, organisationsnodUppdaterad, node, { producer: 'budget', correlationId });
        // The demo city's first load has no person behind it; every change through the API does.
        if (principal)
          loggaAndring(
            em,
            { tjanst: 'budget', principal, correlationId },
            {
              handling: 'organisation.nod',
              objekt: { typ: 'organisation', id: node.kod },
              fore: forra.get(`${node.kod}@${node.giltigFran}`) ?? null,
              efter: node,
            },
          );
      }
    });
    this.outbox.wake();
    return nodes.length;
  }
}

function toRow(node: OrganisationNodeDto) {
  return {
    kod: node.kod,
    giltigFran: node.giltigFran,
    namn: node.namn,
    niva: node.niva,
    foralderKod: node.foralderKod,
    chefAnvandarId: node.chef?.anvandarId ?? null,
    chefNamn: node.chef?.namn ?? null,
  };
}

/** The scope of a request in the budget service reads the tree of today from the master data itself. */
@Injectable()
export class BudgetOrganisationKalla implements OrganisationKalla {
  constructor(@Inject(OrganisationService) private readonly organisation: OrganisationService) {}

  noder(): Promise<OrganisationNodeDto[]> {
    return this.organisation.vid(idag());
  }
}
