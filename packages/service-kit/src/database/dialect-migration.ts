import type { AbstractSqlDriver } from '@mikro-orm/sql';
import { Migration } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';

/** The two databases a service runs on: PostgreSQL in production, an embedded SQLite file by default. */
export type Dialect = 'postgresql' | 'sqlite';

/** A migration's statements in each dialect, in order. */
export type DialectSql = Readonly<Record<Dialect, readonly string[]>>;

export function dialectOf(driver: AbstractSqlDriver): Dialect {
  return driver instanceof PostgreSqlDriver ? 'postgresql' : 'sqlite';
}

/**
 * A migration written for both dialects, so the embedded SQLite file ends with exactly the schema PostgreSQL
 * has in production: each dialect runs its own DDL (`infra/scripts/create-migration.mjs` generates both).
 */
export abstract class DialectMigration extends Migration {
  protected get dialect(): Dialect {
    return dialectOf(this.driver);
  }

  protected addSqlFor(sql: DialectSql): void {
    for (const statement of sql[this.dialect]) this.addSql(statement);
  }
}
