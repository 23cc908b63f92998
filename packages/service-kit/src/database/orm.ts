import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import { Logger } from '@nestjs/common';
import { MikroORM, type EntityManager, type EntitySchema, type Options } from '@mikro-orm/core';
import { Migrator, type Migration } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { SqliteDriver } from '@mikro-orm/sqlite';

import { AndringsloggPostSchema } from '../andringslogg/andringslogg-post.entity.js';
import type { ServiceConfig } from '../config/service-config.js';
import { ProcessedEventSchema } from '../consumer/processed-event.entity.js';
import { OrmLogger } from '../logging/orm-logger.js';
import { MIGRATIONS as KIT_MIGRATIONS } from '../migrations/index.js';
import { OrganisationNodeReplicaSchema } from '../organisation-replica/organisation-node-replica.entity.js';
import { MIGRATIONS as ORGANISATION_REPLICA_MIGRATIONS } from '../organisation-replica/migrations/index.js';
import { OutboxMessageSchema } from '../outbox/outbox-message.entity.js';
import type { Dialect } from './dialect-migration.js';
import { releaseDroppedConnections } from './dropped-connections.js';
import { startWalCheckpointer } from './wal-checkpointer.js';

export type MigrationClass = new (...args: ConstructorParameters<typeof Migration>) => Migration;
export interface MigrationEntry {
  readonly name: string;
  readonly class: MigrationClass;
}

export interface ServiceDatabase {
  /**
   * The service's own entities; the kit adds the outbox, the processed-event log and the ändringslogg (audit trail). A service
   * that keeps a replica of the organisation lists `OrganisationNodeReplicaSchema`, and gets its migrations too.
   */
  readonly entities: readonly EntitySchema[];
  /** Migrations of the service's own tables, oldest first, for both dialects (`DialectMigration`). */
  readonly migrations: readonly MigrationEntry[];
  /**
   * On SQLite, the page cache the service keeps in its own memory, in KiB; SQLite's own 2 MB
   * (`SQLITE_DEFAULT_CACHE_KIB`) unless given. A service whose requests wait on its reads gives
   * `SQLITE_LARGE_CACHE_KIB` (see `openDatabase`).
   */
  readonly sqliteCacheKib?: number;
}

/** Entities every service has, whatever it owns itself. */
export const KIT_ENTITIES = [OutboxMessageSchema, ProcessedEventSchema, AndringsloggPostSchema] as const;

/** Every migration a service's database runs, in order: the kit's tables first, then the service's own. */
export function serviceMigrations(database: ServiceDatabase): MigrationEntry[] {
  const replica = database.entities.includes(OrganisationNodeReplicaSchema) ? ORGANISATION_REPLICA_MIGRATIONS : [];
  return [...KIT_MIGRATIONS, ...replica, ...database.migrations];
}

export function ormOptions(config: Pick<ServiceConfig, 'database'>, database: ServiceDatabase): Partial<Options> {
  const common: Partial<Options> = {
    entities: [...KIT_ENTITIES, ...database.entities],
    extensions: [Migrator],
    migrations: {
      migrationsList: serviceMigrations(database).map((migration) => ({ name: migration.name, class: migration.class })),
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    // Triggers belong to the migrations (the ändringslogg's append-only guard): the entities do not declare
    // them, so the schema diff must not read their absence there as a wish to drop them.
    schemaGenerator: { ignoreTriggers: true },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    debug: false,
    // Its few lines (the migrator's) as JSON through the service's logger, like every other line.
    loggerFactory: (options) => OrmLogger.create(options),
  };
  if (config.database.kind === 'postgresql') {
    return {
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: config.database.url,
      pool: { min: 0, max: 10 },
      // While the server is away, a request waits at most 10 s for a connection and then answers 503 (ProblemFilter).
      driverOptions: { connectionTimeoutMillis: 10_000, onPoolCreated: releaseDroppedConnections },
    };
  }
  return { ...common, driver: SqliteDriver, dbName: config.database.file };
}

/**
 * Connects the service's database and brings its schema up to date through the migrations, the same ones
 * on PostgreSQL and on the embedded SQLite file, so both have exactly the production schema.
 */
export async function openDatabase(config: Pick<ServiceConfig, 'database'>, database: ServiceDatabase): Promise<MikroORM> {
  if (config.database.kind === 'sqlite') mkdirSync(dirname(config.database.file), { recursive: true });
  const orm = await MikroORM.init(ormOptions(config, database));
  try {
    if (config.database.kind === 'sqlite') {
      // WAL with synchronous=NORMAL: a commit survives the process crashing (not the machine losing power),
      // which is the embedded default's promise; without it every event applied waits for an fsync.
      await orm.em.getConnection().execute('pragma journal_mode = wal');
      await orm.em.getConnection().execute('pragma synchronous = normal');
      // A checkpoint (copying the WAL into the database, with an fsync of each) runs inside the commit that fills the
      // WAL to this many pages, and stalled the whole service while the disk synced: every 1,000 pages (SQLite's
      // default) was about 2 s of stalls per 3,000 forecast saves, every 4,000 half of that. A worker thread now copies
      // most of it beforehand (see below), so that commit finds little left to do.
      await orm.em.getConnection().execute(`pragma wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
      // SQLite's own page cache, in the process's memory. The services on a forecast round's path (forecast, report)
      // keep up to SQLITE_LARGE_CACHE_KIB instead of SQLite's 2 MB: the pages a save or an event reads are then read
      // from the file once, not again from the operating system's page cache each time. On the bench machine the
      // kernel pages out file pages it finds cold (DAMON), and the forecast service's one thread then waited for the
      // disk inside a read for a fifth of a forecast round in one run; memory that is not a file's is never paged out
      // there (no swap). It grows only as pages are read, up to the file's size. The others keep SQLite's default: the
      // budget service's utfall import reads and writes the whole ledger, and a large cache filled with it raised the
      // import's peak from 288 to 325 MB against its 300 MB target.
      await orm.em.getConnection().execute(`pragma cache_size = -${database.sqliteCacheKib ?? SQLITE_DEFAULT_CACHE_KIB}`);
      const native: unknown = await orm.em.getConnection().getNativeClient();
      cacheStatements(native as PreparingDatabase);
    }
    await refuseUnknownHistory(orm, config, database);
    await orm.migrator.up();
  } catch (error) {
    await orm.close();
    throw error;
  }
  if (config.database.kind === 'sqlite') checkpointOffTheCommitPath(orm, config.database.file);
  return orm;
}

/** How often the worker thread checkpoints the SQLite WAL. */
export const WAL_CHECKPOINT_INTERVAL_MS = 200;

/** The SQLite WAL checkpointed by a worker thread (`startWalCheckpointer`) for as long as the database is open. */
function checkpointOffTheCommitPath(orm: MikroORM, file: string): void {
  const logger = new Logger('SQLite');
  const checkpointer = startWalCheckpointer(file, { intervalMs: WAL_CHECKPOINT_INTERVAL_MS }, (message) =>
    logger.warn(`WAL-checkpointen i bakgrunden misslyckades: ${message}`),
  );
  const close = orm.close.bind(orm);
  orm.close = async (force?: boolean) => {
    await checkpointer.stop();
    return close(force);
  };
}

/**
 * A database these migrations did not make cannot be migrated safely: one left by a version that built the
 * SQLite schema from the entities (no migrations table), or one whose migrations this version does not know
 * (made before the migrations were squashed into one baseline, or by a newer version). Say so plainly.
 */
async function refuseUnknownHistory(orm: MikroORM, config: Pick<ServiceConfig, 'database'>, database: ServiceDatabase): Promise<void> {
  const connection = orm.em.getConnection();
  const kind = config.database.kind;
  const rows = (await connection.execute(
    kind === 'postgresql'
      ? "select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'"
      : "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'",
  )) as { name: string }[];
  const tables = new Set(rows.map((row) => row.name));
  if (tables.size === 0) return;
  const where = kind === 'postgresql' ? `Databasen ${redactPassword(config.database.url)}` : `Databasfilen ${config.database.file}`;
  const remedy =
    kind === 'postgresql'
      ? 'Skapa en tom databas (drop database … ; create database …) och starta igen.'
      : `Ta bort filen (rm ${config.database.file}*), så skapas den på nytt vid nästa start.`;
  if (!tables.has('mikro_orm_migrations')) {
    throw new Error(
      `${where} skapades av en tidigare version av Tertial, som byggde schemat utan migreringar, och kan inte uppgraderas. ${remedy}`,
    );
  }
  const known = new Set(serviceMigrations(database).map((migration) => migration.name));
  const executed = (await connection.execute('select name from mikro_orm_migrations')) as { name: string }[];
  const unknown = executed.map((row) => row.name).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(
      `${where} har migreringar som den här versionen inte känner till (${unknown.join(', ')}): den skapades före ` +
        `sammanslagningen av migreringarna till en baslinje, eller av en nyare version. ${remedy}`,
    );
  }
}

function redactPassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** Which database an entity manager talks to, for the few statements whose best form differs. */
export function databaseKind(em: EntityManager): Dialect {
  return em.getDriver() instanceof PostgreSqlDriver ? 'postgresql' : 'sqlite';
}

/** SQLite's own default page cache, in KiB (`pragma cache_size = -2000`). */
export const SQLITE_DEFAULT_CACHE_KIB = 2_000;

/** The page cache of a service whose requests wait on its reads, in KiB (see `openDatabase`). */
export const SQLITE_LARGE_CACHE_KIB = 65_536;

/** How many pages the SQLite WAL may hold before a commit checkpoints it (see `openDatabase`). */
export const WAL_AUTOCHECKPOINT_PAGES = 4_000;

/** The part of better-sqlite3's `Database` the statement cache wraps. */
interface PreparingDatabase {
  prepare(sql: string): { readonly busy: boolean };
}

/** How many prepared statements a SQLite connection keeps; the services' parameterised queries are a few dozen. */
const STATEMENT_CACHE_SIZE = 500;
/** SQL this short without placeholders is a constant (`begin`, `commit`, a savepoint), asked for again and again. */
const SHORT_SQL = 64;

/**
 * Keeps better-sqlite3's prepared statements of parameterised queries for reuse. Kysely's SQLite driver prepares
 * every query anew, and preparing (parsing and planning the SQL) took an eighth of the forecast service's CPU time in
 * the forecast round's bench. MikroORM writes its parameters into the SQL text, so only queries with `?` placeholders
 * (those a service runs through Kysely itself, see `direkt`), and the short constant ones such as `begin` and
 * `commit`, are the same text twice and worth keeping. A statement is
 * only ever run with `all`/`run`/`get`, each binding its own parameters, so one statement serves every query with the
 * same text (one still being iterated is not reused); SQLite re-prepares it by itself after a schema change. The
 * oldest is dropped when the cache is full.
 */
export function cacheStatements(database: PreparingDatabase): void {
  const prepare = database.prepare.bind(database);
  const cache = new Map<string, { readonly busy: boolean }>();
  database.prepare = (sql: string) => {
    if (!sql.includes('?') && sql.length > SHORT_SQL) return prepare(sql);
    let statement = cache.get(sql);
    // A statement still being iterated cannot run again until it is done: that query gets one of its own.
    if (statement?.busy) return prepare(sql);
    if (statement === undefined) {
      statement = prepare(sql);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(sql, statement);
    }
    return statement;
  };
}
