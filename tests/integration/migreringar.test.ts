import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { MikroORM } from '@mikro-orm/core';
import type { ServiceName } from '@tertial/contracts/services';
import { openDatabase, serviceMigrations, type ServiceDatabase } from '@tertial/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BUDGET_DATABASE } from '../../apps/budget/src/database.js';
import { FORECAST_DATABASE } from '../../apps/forecast/src/database.js';
import { GOALS_DATABASE } from '../../apps/goals/src/database.js';
import { REPORT_DATABASE } from '../../apps/report/src/database.js';
import { freshDatabase, postgresServer, testDatabase } from '../support/global-setup.js';

const DATABASES: Record<ServiceName, ServiceDatabase> = {
  budget: BUDGET_DATABASE,
  goals: GOALS_DATABASE,
  forecast: FORECAST_DATABASE,
  report: REPORT_DATABASE,
};

const scratch = mkdtempSync(join(tmpdir(), 'tertial-migreringar-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const EN_POST = {
  id: '00000000-0000-4000-8000-000000000001',
  tidpunkt: new Date('2026-04-15T08:00:00Z'),
  tjanst: 'forecast',
  anvandare: 'anna',
  anvandar_namn: 'Anna Andersson',
  roller: 'chef',
  handling: 'helarsprognos.lamnad',
  objekt_typ: 'ansvar',
  objekt_id: '41210',
  correlation_id: 'c-1',
};

for (const [service, database] of Object.entries(DATABASES) as [ServiceName, ServiceDatabase][]) {
  for (const dialect of ['sqlite', 'postgresql'] as const) {
    describe(`${service} på ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`, () => {
      let orm: MikroORM;

      beforeAll(async () => {
        const location =
          dialect === 'sqlite'
            ? ({ kind: 'sqlite', file: join(scratch, `${service}.sqlite`) } as const)
            : ({ kind: 'postgresql', url: await freshDatabase(postgresServer(), testDatabase(`migreringar_${service}`)) } as const);
        orm = await openDatabase({ database: location }, database);
      });
      afterAll(() => orm?.close());

      it('kör kitets migreringar och sedan tjänstens egna, var och en en gång', async () => {
        const executed = (await orm.em.getConnection().execute('select name from mikro_orm_migrations order by id')) as { name: string }[];
        expect(executed.map((row) => row.name)).toEqual(serviceMigrations(database).map((migration) => migration.name));
        expect(executed[0]?.name).toMatch(/^Kit/);
      });

      it('ger exakt entiteternas schema: diffen mot entiteterna är tom', async () => {
        const tables = await orm.schema.getCreateSchemaSQL({ wrap: false });
        expect(tables).toMatch(/create table [`"]andringslogg[`"]/);
        const diff = await orm.schema.getUpdateSchemaMigrationSQL({ wrap: false });
        expect(diff.up.trim()).toBe('');
      });

      it('ändringsloggen tar emot nya poster men vägrar ändring och radering', async () => {
        const connection = orm.em.getConnection();
        const insert =
          'insert into andringslogg (id, tidpunkt, tjanst, anvandare, anvandar_namn, roller, handling, objekt_typ, objekt_id, correlation_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
        await connection.execute(insert, Object.values(EN_POST));
        await expect(connection.execute("update andringslogg set handling = 'forfalskad'")).rejects.toThrow(
          /ändringsloggen kan inte ändras/,
        );
        await expect(connection.execute('delete from andringslogg')).rejects.toThrow(/ändringsloggen kan inte ändras/);
        const [kvar] = (await connection.execute('select count(*) as antal, max(handling) as handling from andringslogg')) as {
          antal: number | string;
          handling: string;
        }[];
        expect(Number(kvar?.antal)).toBe(1);
        expect(kvar?.handling).toBe('helarsprognos.lamnad');
      });

      it('startar igen på samma databas utan att köra något på nytt', async () => {
        await orm.close();
        const location =
          dialect === 'sqlite'
            ? ({ kind: 'sqlite', file: join(scratch, `${service}.sqlite`) } as const)
            : ({ kind: 'postgresql', url: `${postgresServer()}/${testDatabase(`migreringar_${service}`)}` } as const);
        orm = await openDatabase({ database: location }, database);
        expect(await orm.migrator.getPending()).toEqual([]);
      });
    });
  }
}

describe('en databas som migreringarna inte har gjort', () => {
  it('en SQLite-fil från en tidigare version (schemat byggt utan migreringar) ger ett tydligt besked', async () => {
    const file = join(scratch, 'gammal.sqlite');
    const gammal = await openDatabase({ database: { kind: 'sqlite', file } }, GOALS_DATABASE);
    await gammal.em.getConnection().execute('drop table mikro_orm_migrations');
    await gammal.close();
    await expect(openDatabase({ database: { kind: 'sqlite', file } }, GOALS_DATABASE)).rejects.toThrow(
      /skapades av en tidigare version av Tertial.*Ta bort filen/,
    );
  });

  it('en databas med migreringar som den här versionen inte känner till ger ett tydligt besked', async () => {
    const file = join(scratch, 'okand.sqlite');
    const gammal = await openDatabase({ database: { kind: 'sqlite', file } }, GOALS_DATABASE);
    await gammal.em
      .getConnection()
      .execute("insert into mikro_orm_migrations (name, executed_at) values ('Migration20261126144910', current_timestamp)");
    await gammal.close();
    await expect(openDatabase({ database: { kind: 'sqlite', file } }, GOALS_DATABASE)).rejects.toThrow(
      /migreringar som den här versionen inte känner till \(Migration20261126144910\)/,
    );
  });
});
