import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import { MikroORM, type EntityManager, type EntitySchema, type Options } from '@mikro-orm/core';
import { Migrator, type Migration } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { SqliteDriver } from '@mikro-orm/sqlite';

import type { ServiceConfig } from '../config/service-config.js';
import { ProcessedEventSchema } from '../consumer/processed-event.entity.js';
import { APPEND_ONLY_SQL } from '../granskning/granskning.js';
import { GranskningspostSchema } from '../granskning/granskningspost.entity.js';
import { OutboxMessageSchema } from '../outbox/outbox-message.entity.js';

export type MigrationClass = new (...args: ConstructorParameters<typeof Migration>) => Migration;

export interface ServiceDatabase {
  /** The service's own entities; the kit adds the outbox and the processed-event log. */
  readonly entities: readonly EntitySchema[];
  /** PostgreSQL migrations, oldest first. */
  readonly migrations: readonly { name: string; class: MigrationClass }[];
}

/** Entities every service has, whatever it owns itself. */
export const KIT_ENTITIES = [OutboxMessageSchema, ProcessedEventSchema, GranskningspostSchema] as const;

export function ormOptions(config: ServiceConfig, database: ServiceDatabase): Partial<Options> {
  const common: Partial<Options> = {
    entities: [...KIT_ENTITIES, ...database.entities],
    extensions: [Migrator],
    migrations: {
      migrationsList: database.migrations.map((migration) => ({ name: migration.name, class: migration.class })),
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    debug: false,
  };
  if (config.database.kind === 'postgresql') {
    return { ...common, driver: PostgreSqlDriver, clientUrl: config.database.url, pool: { min: 0, max: 10 } };
  }
  return { ...common, driver: SqliteDriver, dbName: config.database.file };
}

/**
 * Connects the service's database and brings its schema up to date: PostgreSQL through the migrations
 * (the production path), the embedded SQLite file through the schema generator, since the migrations are
 * written in PostgreSQL's dialect.
 */
export async function openDatabase(config: ServiceConfig, database: ServiceDatabase): Promise<MikroORM> {
  if (config.database.kind === 'sqlite') mkdirSync(dirname(config.database.file), { recursive: true });
  const orm = await MikroORM.init(ormOptions(config, database));
  if (config.database.kind === 'postgresql') {
    await orm.migrator.up();
  } else {
    // WAL with synchronous=NORMAL: a commit survives the process crashing (not the machine losing power),
    // which is the embedded default's promise; without it every event applied waits for an fsync.
    await orm.em.getConnection().execute('pragma journal_mode = wal');
    await orm.em.getConnection().execute('pragma synchronous = normal');
    await orm.schema.update();
  }
  // The audit trail is append-only in the database itself (once its table exists: a scratch database for
  // generating a migration does not have it yet).
  // The kit's MikroORM is driver-neutral, so a raw query's rows are untyped: this one has the single column below.
  const [audit] = (await orm.em
    .getConnection()
    .execute(
      config.database.kind === 'postgresql'
        ? "select to_regclass('granskningspost') is not null as finns"
        : "select count(*) as finns from sqlite_master where name = 'granskningspost'",
    )) as { finns: unknown }[];
  if (audit?.finns === true || Number(audit?.finns) > 0) {
    for (const statement of APPEND_ONLY_SQL[config.database.kind]) await orm.em.getConnection().execute(statement);
  }
  return orm;
}

/** Which database an entity manager talks to, for the few statements whose best form differs. */
export function databaseKind(em: EntityManager): 'postgresql' | 'sqlite' {
  return em.getDriver() instanceof PostgreSqlDriver ? 'postgresql' : 'sqlite';
}
