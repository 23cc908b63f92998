import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { dbTid, sqlDirekt } from './direkt.js';
import { openDatabase, SQLITE_DEFAULT_CACHE_KIB, SQLITE_LARGE_CACHE_KIB, WAL_AUTOCHECKPOINT_PAGES } from './orm.js';
import { startWalCheckpointer } from './wal-checkpointer.js';

describe('the embedded SQLite database', () => {
  let mapp: string;
  let orm: MikroORM;

  beforeAll(async () => {
    mapp = mkdtempSync(join(tmpdir(), 'tertial-direkt-'));
    orm = await openDatabase({ database: { kind: 'sqlite', file: join(mapp, 'kit.sqlite') } }, { entities: [], migrations: [] });
  });
  afterAll(async () => {
    await orm.close();
    rmSync(mapp, { recursive: true, force: true });
  });

  const svar = async (databas: MikroORM, pragma: string): Promise<unknown> => {
    const [rad] = (await databas.em.getConnection().execute(`pragma ${pragma}`)) as Record<string, unknown>[];
    return Object.values(rad ?? {})[0];
  };

  it("opens the file in WAL mode, checkpointed every WAL_AUTOCHECKPOINT_PAGES pages, with SQLite's own page cache", async () => {
    expect(await svar(orm, 'journal_mode')).toBe('wal');
    expect(await svar(orm, 'wal_autocheckpoint')).toBe(WAL_AUTOCHECKPOINT_PAGES);
    // Negative: KiB rather than pages (SQLite's own default is -2000, 2 MB).
    expect(await svar(orm, 'cache_size')).toBe(-SQLITE_DEFAULT_CACHE_KIB);
  });

  it('keeps the page cache a service asks for', async () => {
    const egen = await openDatabase(
      { database: { kind: 'sqlite', file: join(mapp, 'stor.sqlite') } },
      { entities: [], migrations: [], sqliteCacheKib: SQLITE_LARGE_CACHE_KIB },
    );
    try {
      expect(await svar(egen, 'cache_size')).toBe(-SQLITE_LARGE_CACHE_KIB);
    } finally {
      await egen.close();
    }
  });

  it('checkpoints the WAL in a worker thread under a stream of commits, losing nothing', async () => {
    const fil = join(mapp, 'wal.sqlite');
    const egen = await openDatabase({ database: { kind: 'sqlite', file: fil } }, { entities: [], migrations: [] });
    const fel: string[] = [];
    const checkpointer = startWalCheckpointer(fil, { intervalMs: 5 }, (message) => fel.push(message));
    const skriv = (id: string) =>
      sqlDirekt(egen.em.fork(), 'insert into "processed_event" ("event_id", "topic", "processed_at") values (?, ?, ?)', [
        id,
        'x'.repeat(3_000),
        dbTid(egen.em, new Date()),
      ]);
    try {
      for (let i = 0; i < 120; i += 1) {
        await skriv(`w${i}`);
        if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 2));
      }
      // Everything the commits wrote is in the database file, copied by the worker.
      await vi.waitFor(
        () => {
          const runda = checkpointer.senaste;
          expect(runda?.log).toBeGreaterThan(0);
          expect(runda?.checkpointed).toBe(runda?.log);
        },
        { timeout: 20_000 },
      );
      const [antal] = (await egen.em.getConnection().execute('select count(*) as n from "processed_event"')) as { n: number }[];
      expect(antal!.n).toBe(120);
      expect(fel).toEqual([]);
    } finally {
      await checkpointer.stop();
      await egen.close();
    }
    // A migration, 120 commits and a few checkpoints: seconds on a busy machine.
  }, 30_000);

  it('reads what it wrote in the caller’s transaction, and says how many rows a statement changed', async () => {
    const las = 'select "event_id", "topic" from "processed_event" where "event_id" = ?';
    await orm.em.fork().transactional(async (em) => {
      const skrivet = await sqlDirekt(em, 'insert into "processed_event" ("event_id", "topic", "processed_at") values (?, ?, ?)', [
        'e1',
        'tertial.test.v1',
        dbTid(em, new Date()),
      ]);
      expect(skrivet.andrade).toBe(1);
      expect((await sqlDirekt(em, las, ['e1'])).rader).toEqual([{ event_id: 'e1', topic: 'tertial.test.v1' }]);
    });
    const andrat = await sqlDirekt(orm.em.fork(), 'update "processed_event" set "topic" = ? where "event_id" = ?', [
      'tertial.annat.v1',
      'e1',
    ]);
    expect(andrat.andrade).toBe(1);
    expect((await sqlDirekt(orm.em.fork(), las, ['e2'])).rader).toEqual([]);
  });

  it('takes nothing back when the caller’s transaction fails', async () => {
    await expect(
      orm.em.fork().transactional(async (em) => {
        await sqlDirekt(em, 'insert into "processed_event" ("event_id", "topic", "processed_at") values (?, ?, ?)', ['e3', 't', 0]);
        throw new Error('avbrutet');
      }),
    ).rejects.toThrow('avbrutet');
    expect((await sqlDirekt(orm.em.fork(), 'select "event_id" from "processed_event" where "event_id" = ?', ['e3'])).rader).toEqual([]);
  });
});
