import { randomUUID } from 'node:crypto';

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import pg from 'pg';
import { Subject, type Observable } from 'rxjs';

import { SERVICE_CONFIG } from '../config/config.module.js';
import type { ServiceConfig } from '../config/service-config.js';

/** The PostgreSQL channel; a notice stays within its database, which is one service's. */
export const ANDRINGSKANAL = 'tertial_andringar';

/**
 * What another replica of the service changed in the database they share, told so that this replica's memory of it
 * (the organisation tree, a roll-up) follows. `allt`: notices may have been missed (the connection that hears them was
 * lost and is back), so everything kept from the database is to be read again.
 */
export interface Andringsnotis {
  readonly typ: string;
  readonly [falt: string]: unknown;
}

/** How soon a lost listening connection is tried again, at most. */
const HOGST_VANTAN_MS = 5_000;

/**
 * Change notices between a service's replicas (PostgreSQL's NOTIFY and LISTEN). A replica that applies an event keeps
 * what follows from it in memory, and every other replica must hear of it too: each consumes only its share of the
 * partitions. The notice is sent inside the transaction that made the change, so the others hear of it when, and
 * only if, it commits; a replica does not hear its own. On SQLite there is one replica and nothing to tell.
 */
@Injectable()
export class Andringsnotiser implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(Andringsnotiser.name);
  /** This replica, so that it can pass over its own notices. */
  private readonly instans = randomUUID();
  private readonly fran = new Subject<Andringsnotis>();
  private klient: pg.Client | undefined;
  private ateranslutning: NodeJS.Timeout | undefined;
  private forsok = 0;
  private stoppad = false;

  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  /** Notices from the other replicas, after their commits; `allt` when some may have been missed. */
  get andringar$(): Observable<Andringsnotis> {
    return this.fran.asObservable();
  }

  /** Within the transaction that made the change (`em` is its entity manager): the others hear of it at its commit. */
  async skicka(em: EntityManager, notis: Andringsnotis): Promise<void> {
    if (this.config.database.kind !== 'postgresql') return;
    await (em as SqlEntityManager).execute('select pg_notify(?, ?)', [ANDRINGSKANAL, JSON.stringify({ ...notis, fran: this.instans })]);
  }

  onApplicationBootstrap(): void {
    if (this.config.database.kind === 'postgresql') this.lyssna(this.config.database.url);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stoppad = true;
    clearTimeout(this.ateranslutning);
    await this.klient?.end().catch(() => undefined);
  }

  private lyssna(url: string): void {
    if (this.stoppad) return;
    const klient = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    this.klient = klient;
    let tappad = false;
    const igen = (error?: unknown) => {
      if (tappad) return;
      tappad = true;
      klient.removeAllListeners('notification');
      void klient.end().catch(() => undefined);
      if (this.stoppad) return;
      const vantan = Math.min(HOGST_VANTAN_MS, 250 * 2 ** this.forsok++);
      this.logger.warn(
        `ändringsnotiser: lyssnar inte (${error instanceof Error ? error.message : 'anslutningen stängdes'}); försöker igen om ${vantan} ms`,
      );
      this.ateranslutning = setTimeout(() => this.lyssna(url), vantan);
    };
    klient.on('error', igen);
    klient.on('end', () => igen());
    klient.on('notification', (meddelande) => {
      if (meddelande.channel !== ANDRINGSKANAL || !meddelande.payload) return;
      let notis: Andringsnotis & { fran?: unknown };
      try {
        notis = JSON.parse(meddelande.payload) as Andringsnotis & { fran?: unknown };
      } catch {
        this.logger.warn(`ändringsnotiser: oläsbar notis passerad: ${meddelande.payload.slice(0, 200)}`);
        return;
      }
      if (notis.fran !== this.instans) this.fran.next(notis);
    });
    klient
      .connect()
      .then(() => klient.query(`listen ${ANDRINGSKANAL}`))
      .then(() => {
        if (tappad) return;
        this.forsok = 0;
        // Whatever was committed while nobody listened is unknown here: everything kept is read again.
        this.fran.next({ typ: 'allt' });
      })
      .catch(igen);
  }
}
