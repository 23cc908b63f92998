import type { EntityManager } from '@mikro-orm/core';
import type { AbstractSqlConnection, Kysely } from '@mikro-orm/sql';
import { SqliteDriver } from '@mikro-orm/sqlite';
import { CompiledQuery } from 'kysely';

/**
 * Plain SQL with bound parameters for a service's hottest paths, through the Kysely instance MikroORM itself runs on.
 * MikroORM writes every parameter into the SQL text and builds a unit of work around each change; on the forecast
 * save path (a handful of statements per request, thousands of requests in a round) that cost more CPU than the
 * database's work. Kysely binds the parameters, so SQLite reuses the prepared statement (see `cacheStatements`), and
 * it runs in the caller's transaction when there is one: inside `em.transactional`, statements here and MikroORM's
 * own share the transaction, and a rollback takes both back.
 */
export function direkt<Tabeller = KitTabeller>(em: EntityManager): Kysely<Tabeller> {
  return em.getTransactionContext<Kysely<Tabeller>>() ?? (em.getConnection() as AbstractSqlConnection).getClient<Tabeller>();
}

/** A `datetime` column as written and as read from either database (see `dbTid`, `tidFranDb`). */
export type DbTid = number | string | Date;

/** The kit's tables as `direkt` writes them: the columns, as the migrations make them. */
export interface KitTabeller {
  processed_event: { event_id: string; topic: string; processed_at: DbTid };
  outbox_message: {
    /** Given by the database (autoincrement; a bigint, so text from PostgreSQL). */
    seq?: number | string;
    event_id: string;
    topic: string;
    message_key: string;
    value: string;
    created_at: DbTid;
    sent_at: DbTid | null;
  };
  andringslogg: {
    id: string;
    tidpunkt: DbTid;
    tjanst: string;
    anvandare: string;
    anvandar_namn: string;
    roller: string;
    handling: string;
    objekt_typ: string;
    objekt_id: string;
    fore: string | null;
    efter: string | null;
    correlation_id: string;
  };
}

/** What `sqlDirekt` answers: the rows a statement read, and how many rows it changed. */
export interface SqlSvar<Rad> {
  readonly rader: Rad[];
  readonly andrade: number;
}

/** Each statement's text with PostgreSQL's placeholders (`$1`, `$2` …), made once per text. */
const postgresText = new Map<string, string>();

/**
 * A statement written once in SQL, run through `direkt` as it is: no query built and compiled on each call, which on
 * the hottest paths (a forecast save's statements, every consumed event's two) took about a tenth of the forecast
 * service's time in the forecast round's bench. The text must be the same in both databases: identifiers in double
 * quotes and a `?` for each parameter (numbered for PostgreSQL here), no `?` anywhere else.
 */
export async function sqlDirekt<Rad = Record<string, unknown>>(
  em: EntityManager,
  text: string,
  parametrar: readonly unknown[],
): Promise<SqlSvar<Rad>> {
  const sql = em.getDriver() instanceof SqliteDriver ? text : postgresPlatshallare(text);
  const svar = await direkt(em).executeQuery<Rad>(CompiledQuery.raw(sql, [...parametrar]));
  return { rader: [...svar.rows], andrade: Number(svar.numAffectedRows ?? 0n) };
}

function postgresPlatshallare(text: string): string {
  let sql = postgresText.get(text);
  if (sql === undefined) {
    let nummer = 0;
    sql = text.replace(/\?/g, () => `$${++nummer}`);
    postgresText.set(text, sql);
  }
  return sql;
}

/** A point in time as the database keeps a `datetime` property: milliseconds in SQLite (as MikroORM stores it), a timestamp in PostgreSQL. */
export function dbTid(em: EntityManager, tid: Date): number | Date {
  return em.getDriver() instanceof SqliteDriver ? tid.getTime() : tid;
}

/** A point in time read back from either database: milliseconds or text from SQLite, a Date from PostgreSQL. */
export function tidFranDb(varde: DbTid): Date {
  return varde instanceof Date ? varde : new Date(typeof varde === 'string' && /^\d+$/.test(varde) ? Number(varde) : varde);
}

/** A `json` property's value as a parameter: JSON text, which both databases take for a json column. */
export function dbJson(varde: unknown): string | null {
  return varde === null || varde === undefined ? null : JSON.stringify(varde);
}

/** A `json` column read back: text from SQLite, already parsed from PostgreSQL. */
export function jsonFranDb<T>(varde: unknown): T {
  return (typeof varde === 'string' ? JSON.parse(varde) : varde) as T;
}
