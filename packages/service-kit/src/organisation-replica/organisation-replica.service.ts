import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import { organisationNodeFranRad, organisationVid, type OrganisationNode } from '@tertial/contracts/organisation';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { filter, Subject } from 'rxjs';

import { Andringsnotiser } from '../andringsnotiser/andringsnotiser.js';
import { OrganisationNodeReplica } from './organisation-node-replica.entity.js';

/** The change notice another replica hears when this one changed the copy of the tree. */
export const ORGANISATIONEN_ANDRAD = { typ: 'organisation' } as const;

/** Reads and keeps this service's copy of the organisation tree. */
@Injectable()
export class OrganisationReplica {
  /** Emits after a change to the copy has been committed. */
  readonly changed$ = new Subject<void>();
  /** The tree of a day, read once until the copy changes: every total, roll-up and goal view of a round reads the same few days. */
  private readonly trad = new Map<string, Promise<readonly OrganisationNode[]>>();

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(Andringsnotiser) notiser: Andringsnotiser,
  ) {
    // Subscribed first, so a reader told of the change by `changed$` reads the new tree. A read begun before the
    // change was committed is in the map by then, and goes with it.
    this.changed$.subscribe(() => this.trad.clear());
    // Another replica's change of the copy (it consumed the event), or notices that may have been missed.
    notiser.andringar$
      .pipe(filter((notis) => notis.typ === ORGANISATIONEN_ANDRAD.typ || notis.typ === 'allt'))
      .subscribe(() => this.changed$.next());
  }

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

  /** The ansvar (an enhet at the leaves of the tree) with this code on a date, if this service has heard of it. */
  async findAnsvar(kod: string, datum = idag(), em: EntityManager = this.orm.em.fork()): Promise<OrganisationNode | undefined> {
    const versioner = await em.find(
      OrganisationNodeReplica,
      { kod, giltigFran: { $lte: datum } },
      { orderBy: { giltigFran: 'desc' }, limit: 1 },
    );
    const node = versioner[0];
    return node?.niva === 'enhet' ? organisationNodeFranRad(node) : undefined;
  }

  /**
   * The tree as it stood on a date, shared by every reader until the copy changes: the same promise (and array) for
   * each, so a reader can tell whether the tree it holds is still the current one. Not to be changed by its readers.
   */
  tradVid(datum: string): Promise<readonly OrganisationNode[]> {
    let trad = this.trad.get(datum);
    if (!trad) {
      trad = this.allNodes(datum);
      this.trad.set(datum, trad);
      trad.catch(() => this.trad.delete(datum));
    }
    return trad;
  }

  /** The tree as it stood on a date (today unless given), read now, within the given entity manager's transaction if any. */
  async allNodes(datum = idag(), em: EntityManager = this.orm.em.fork()): Promise<OrganisationNode[]> {
    // Plain rows, not entities: the whole tree is read for every scope and every total.
    const rader = await (em as SqlEntityManager).execute<
      {
        kod: string;
        namn: string;
        niva: OrganisationNode['niva'];
        foralder_kod: string | null;
        chef_anvandar_id: string | null;
        chef_namn: string | null;
        giltig_fran: string;
      }[]
    >(
      'select kod, namn, niva, foralder_kod, chef_anvandar_id, chef_namn, giltig_fran from organisation_node where giltig_fran <= ? order by kod',
      [datum],
    );
    return organisationVid(
      rader.map((rad) =>
        organisationNodeFranRad({
          kod: rad.kod,
          namn: rad.namn,
          niva: rad.niva,
          foralderKod: rad.foralder_kod,
          chefAnvandarId: rad.chef_anvandar_id,
          chefNamn: rad.chef_namn,
          giltigFran: rad.giltig_fran,
        }),
      ),
      datum,
    );
  }
}

export function idag(): string {
  return new Date().toISOString().slice(0, 10);
}
