import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { namndSokare, type OrganisationNode } from '@tertial/contracts/organisation';
import type { Prognostillfalle } from '@tertial/contracts/prognos';
import { OrganisationReplica } from '@tertial/service-kit';

import { Prognosomgang } from '../omgangar/prognosomgang.entity.js';
import { Kommentarstroskel } from './helarsprognos.entity.js';
import { STANDARDTROSKEL, type Troskel } from './helarsprognosregler.js';

/**
 * How long a round or the threshold read from the database is used without reading it again. This process forgets
 * them at once when it changes them itself; the limit is for another replica of the service (PostgreSQL), whose
 * change this one hears of only through the database.
 */
const HOGST_ALDER_MS = 1_000;

export const TROSKEL_ID = 'stad';

/** The organisation of one date, looked up by kod: the ansvar and the nämnd each belongs to. */
export interface OrganisationVid {
  ansvar(kod: string): OrganisationNode | undefined;
  namnd(kod: string): string | null;
}

interface Lagrad<T> {
  readonly at: number;
  readonly varde: Promise<T>;
}

/**
 * What every save reads and hardly anything changes, kept between requests: the organisation tree of a date (until
 * the replica changes), the round (until this service changes it, or HOGST_ALDER_MS) and the comment threshold
 * (likewise). A save otherwise spent most of its time reading these, row by row, while other saves waited for the
 * database.
 */
@Injectable()
export class UppslagCache {
  private readonly organisationer = new Map<string, Promise<OrganisationVid>>();
  private readonly omgangar = new Map<string, Lagrad<Prognosomgang | null>>();
  private troskel: Lagrad<Troskel> | undefined;

  constructor(@Inject(OrganisationReplica) private readonly organisation: OrganisationReplica) {
    this.organisation.changed$.subscribe(() => this.organisationer.clear());
  }

  /** The replica's tree as it stood on a date. Not to be called inside a transaction (it reads on its own). */
  organisationVid(datum: string): Promise<OrganisationVid> {
    let vid = this.organisationer.get(datum);
    if (!vid) {
      vid = this.organisation.allNodes(datum).then((noder) => {
        const byKod = new Map(noder.map((node) => [node.kod, node]));
        const namndAv = namndSokare(noder);
        return {
          ansvar: (kod: string) => (byKod.get(kod)?.niva === 'enhet' ? byKod.get(kod) : undefined),
          namnd: (kod: string) => namndAv(kod)?.kod ?? null,
        };
      });
      this.organisationer.set(datum, vid);
      vid.catch(() => this.organisationer.delete(datum));
    }
    return vid;
  }

  /**
   * The round, as last read (a value to read, never to change). Read with the caller's entity manager when not kept:
   * inside a transaction on SQLite's one connection, a read of its own would wait for that transaction forever.
   */
  omgang(em: EntityManager, ar: number, tillfalle: Prognostillfalle): Promise<Prognosomgang | null> {
    const key = `${ar}:${tillfalle}`;
    const lagrad = this.omgangar.get(key);
    if (lagrad && Date.now() - lagrad.at < HOGST_ALDER_MS) return lagrad.varde;
    const varde = em.findOne(Prognosomgang, { ar, tillfalle });
    this.omgangar.set(key, { at: Date.now(), varde });
    varde.catch(() => this.omgangar.delete(key));
    return varde;
  }

  /**
   * To be called when this service changes a round: last thing in its transaction (no other can read the round
   * between then and the commit on SQLite) and again after the commit.
   */
  glomOmgang(ar: number, tillfalle: Prognostillfalle): void {
    this.omgangar.delete(`${ar}:${tillfalle}`);
  }

  /** The city's threshold for a required comment (the standard one until the ekonomidirektör sets one); as `omgang`. */
  kommentarstroskel(em: EntityManager): Promise<Troskel> {
    if (this.troskel && Date.now() - this.troskel.at < HOGST_ALDER_MS) return this.troskel.varde;
    const varde = em
      .findOne(Kommentarstroskel, { id: TROSKEL_ID })
      .then((rad): Troskel => (rad ? { beloppOre: rad.beloppOre, hundradelsprocent: rad.hundradelsprocent } : STANDARDTROSKEL));
    const lagrad = { at: Date.now(), varde };
    this.troskel = lagrad;
    varde.catch(() => {
      if (this.troskel === lagrad) this.troskel = undefined;
    });
    return varde;
  }

  /** To be called when this service changes the threshold: as `glomOmgang`. */
  glomKommentarstroskel(): void {
    this.troskel = undefined;
  }
}
