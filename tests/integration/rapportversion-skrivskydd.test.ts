// A fixed report version never changes: the database itself refuses it, on SQLite and on PostgreSQL, whatever the
// service does. A draft stays editable.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { MikroORM } from '@mikro-orm/core';
import { openDatabase } from '@tertial/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { REPORT_DATABASE } from '../../apps/report/src/database.js';
import { freshDatabase, testDatabase } from '../support/global-setup.js';

const scratch = mkdtempSync(join(tmpdir(), 'tertial-rapportversion-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const INSERT =
  'insert into rapportversion (rapport, ar, version, status, texter, innehall, hash, ersatter, skapad_at, skapad_av, faststalld_at, faststalld_av) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

for (const dialect of ['sqlite', 'postgresql'] as const) {
  describe(`rapportversion på ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`, () => {
    let orm: MikroORM;

    beforeAll(async () => {
      const url = process.env.TERTIAL_TEST_PG_URL;
      if (dialect === 'postgresql' && !url) throw new Error('TERTIAL_TEST_PG_URL saknas: kör testerna med `npm test`');
      const location =
        dialect === 'sqlite'
          ? ({ kind: 'sqlite', file: join(scratch, 'report.sqlite') } as const)
          : ({ kind: 'postgresql', url: await freshDatabase(url!, testDatabase('rapportversion_skrivskydd')) } as const);
      orm = await openDatabase({ database: location }, REPORT_DATABASE);
    });
    afterAll(() => orm?.close());

    it('a draft changes; once fixed, neither an update nor a delete gets through, and the row is as it was', async () => {
      const db = orm.em.getConnection();
      const nu = new Date('2026-10-20T08:00:00Z');
      await db.execute(INSERT, ['delarsrapport-augusti', 2026, 1, 'utkast', '{}', null, null, null, nu, 'ekonomidirektor', null, null]);
      await db.execute(`update rapportversion set texter = '{"framtid":[]}' where version = 1`);
      await db.execute(
        `update rapportversion set status = 'faststalld', innehall = '{"sektioner":[]}', hash = '${'a'.repeat(64)}', faststalld_at = ?, faststalld_av = 'ekonomidirektor' where version = 1`,
        [nu],
      );
      await expect(db.execute(`update rapportversion set hash = '${'b'.repeat(64)}' where version = 1`)).rejects.toThrow(
        /fastställd rapportversion kan inte ändras/,
      );
      await expect(db.execute("update rapportversion set status = 'utkast' where version = 1")).rejects.toThrow(
        /fastställd rapportversion/,
      );
      await expect(db.execute('delete from rapportversion')).rejects.toThrow(/fastställd rapportversion kan inte ändras/);
      const [rad] = (await db.execute('select status, hash from rapportversion where version = 1')) as { status: string; hash: string }[];
      expect(rad).toEqual({ status: 'faststalld', hash: 'a'.repeat(64) });
      // A correction is a new row beside it.
      await db.execute(INSERT, ['delarsrapport-augusti', 2026, 2, 'utkast', '{}', null, null, 1, nu, 'ekonomidirektor', null, null]);
      await db.execute("update rapportversion set texter = '{}' where version = 2");
    });

    it('a fixed version must carry its content and hash', async () => {
      const db = orm.em.getConnection();
      await expect(
        db.execute(INSERT, ['arsredovisning', 2026, 1, 'faststalld', '{}', null, null, null, new Date(), 'ekonomidirektor', null, null]),
      ).rejects.toThrow();
    });
  });
}
