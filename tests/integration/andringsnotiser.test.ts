// Change notices between a service's replicas, on a real PostgreSQL: what one replica commits, the others hear of
// (and only then); a rolled-back change is never heard of; a replica does not hear itself; and a replica whose
// listening connection was lost hears `allt` once it listens again, since notices may have been missed meanwhile.
import type { MikroORM } from '@mikro-orm/core';
import { Andringsnotiser, openDatabase, type Andringsnotis, type ServiceConfig } from '@tertial/service-kit';
import pg from 'pg';
import { filter, firstValueFrom, timeout, type Observable } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { REPORT_DATABASE } from '../../apps/report/src/database.js';
import { freshDatabase, postgresServer, testDatabase } from '../support/global-setup.js';

const nasta = (notiser: Observable<Andringsnotis>, typ: string, ms = 10_000) =>
  firstValueFrom(
    notiser.pipe(
      filter((notis) => notis.typ === typ),
      timeout(ms),
    ),
  );

describe('change notices between replicas (PostgreSQL NOTIFY and LISTEN)', () => {
  let url: string;
  let orm: MikroORM;
  let a: Andringsnotiser;
  let b: Andringsnotiser;

  beforeAll(async () => {
    url = await freshDatabase(postgresServer(), testDatabase('andringsnotiser'));
    const config = { database: { kind: 'postgresql', url } } as ServiceConfig;
    orm = await openDatabase(config, REPORT_DATABASE);
    a = new Andringsnotiser(config);
    b = new Andringsnotiser(config);
    const lyssnar = Promise.all([nasta(a.andringar$, 'allt'), nasta(b.andringar$, 'allt')]);
    a.onApplicationBootstrap();
    b.onApplicationBootstrap();
    await lyssnar;
  });
  afterAll(async () => {
    await Promise.all([a?.onApplicationShutdown(), b?.onApplicationShutdown()]);
    await orm?.close();
  });

  it('the other replica hears a change when its transaction commits, the sender does not', async () => {
    const hordaAvA: Andringsnotis[] = [];
    const prenumeration = a.andringar$.subscribe((notis) => hordaAvA.push(notis));
    const hord = nasta(b.andringar$, 'prognos');
    let fore = true;
    const fick = hord.then((notis) => ({ notis, fore }));
    await orm.em.fork().transactional(async (em) => {
      await a.skicka(em, { typ: 'prognos', ar: 2070, ansvar: '41210', andring: 3 });
      // Inside the transaction, before its commit: nothing is heard yet.
      await new Promise((resolve) => setTimeout(resolve, 300));
      fore = false;
    });
    const { notis, fore: hordFore } = await fick;
    expect(hordFore).toBe(false);
    expect(notis).toMatchObject({ typ: 'prognos', ar: 2070, ansvar: '41210', andring: 3 });
    // And the sender itself heard nothing of its own change.
    await new Promise((resolve) => setTimeout(resolve, 300));
    prenumeration.unsubscribe();
    expect(hordaAvA).toEqual([]);
  });

  it('a change whose transaction rolls back is never heard of', async () => {
    const horda: Andringsnotis[] = [];
    const prenumeration = b.andringar$.subscribe((notis) => horda.push(notis));
    const forsok = orm.em.fork().transactional(async (em) => {
      await a.skicka(em, { typ: 'ar', ar: 2070, budget: false });
      throw new Error('ångrad');
    });
    await expect(forsok).rejects.toThrow('ångrad');
    // A committed change after it is heard, and it alone.
    const hord = nasta(b.andringar$, 'jamforelse');
    await orm.em.fork().transactional((em) => a.skicka(em, { typ: 'jamforelse', ar: 2071 }));
    await hord;
    prenumeration.unsubscribe();
    expect(horda).toEqual([expect.objectContaining({ typ: 'jamforelse', ar: 2071 })]);
  });

  it('a replica whose listening connection was lost listens again and hears "allt", then the next change', async () => {
    const allt = nasta(b.andringar$, 'allt', 20_000);
    // The server ends b's listening session, as a restart of PostgreSQL would.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const { rowCount } = await admin.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen%' and pid <> pg_backend_pid()",
      );
      expect(rowCount).toBe(2);
    } finally {
      await admin.end();
    }
    await allt;
    // Once b listens again, a change by a reaches it.
    const hord = nasta(b.andringar$, 'jamforelse');
    await orm.em.fork().transactional((em) => a.skicka(em, { typ: 'jamforelse', ar: 2070 }));
    expect(await hord).toMatchObject({ typ: 'jamforelse', ar: 2070 });
  });
});
