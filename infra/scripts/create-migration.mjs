// Generates a migration for both dialects (PostgreSQL and SQLite) from the difference between the entities and
// two scratch databases that the existing migrations have brought up to date, and registers it in the folder's
// index.ts. The target is a service, or `kit` (outbox, processed events, audit trail) or `organisation-replica`.
//   npx nx run-many -t build && node infra/scripts/create-migration.mjs forecast
// PostgreSQL: the server at TERTIAL_PG_URL (default the local cluster of `TERTIAL_POSTGRES=local npm start`);
// the scratch database is created and dropped here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';
import { OrganisationNodeReplicaSchema, openDatabase } from '@tertial/service-kit';

const [target] = process.argv.slice(2);
const SERVICES = ['budget', 'goals', 'forecast', 'report'];
if (!target || ![...SERVICES, 'kit', 'organisation-replica'].includes(target)) {
  console.error(`användning: node infra/scripts/create-migration.mjs <${[...SERVICES, 'kit', 'organisation-replica'].join('|')}>`);
  process.exit(2);
}
const root = new URL('../..', import.meta.url).pathname;
const serverUrl = (process.env.TERTIAL_PG_URL ?? 'postgres://tertial:tertial@127.0.0.1:5433').replace(/\/$/, '');

/** Where the target's migrations live, what to call them, how they import the base class, and what to migrate. */
async function describe() {
  if (target === 'kit') {
    return {
      folder: join(root, 'packages/service-kit/src/migrations'),
      prefix: 'Kit',
      baseImport: '../database/dialect-migration.js',
      database: { entities: [], migrations: [] },
    };
  }
  if (target === 'organisation-replica') {
    return {
      folder: join(root, 'packages/service-kit/src/organisation-replica/migrations'),
      prefix: 'OrganisationReplica',
      baseImport: '../../database/dialect-migration.js',
      database: { entities: [OrganisationNodeReplicaSchema], migrations: [] },
    };
  }
  const { [`${target.toUpperCase()}_DATABASE`]: database } = await import(join(root, `apps/${target}/dist/database.js`));
  return { folder: join(root, `apps/${target}/src/migrations`), prefix: 'Migration', baseImport: '@tertial/service-kit', database };
}

/** Splits generated DDL into statements (as MikroORM's migrator does: at `;` + newline, not inside a quoted string). */
function statements(sql) {
  const result = [];
  let buffer = '';
  for (const chunk of sql.split(/;\n/)) {
    buffer += (buffer ? ';\n' : '') + chunk;
    if (buffer.split(`'`).length % 2 === 0) continue;
    const trimmed = buffer.trim();
    if (trimmed) result.push(trimmed.endsWith(';') ? trimmed : `${trimmed};`);
    buffer = '';
  }
  return result;
}

/** Applies the existing migrations to a scratch database of the dialect and returns what the entities still lack. */
async function diff(location, database) {
  const orm = await openDatabase({ database: location }, database);
  try {
    const { up } = await orm.schema.getUpdateSchemaMigrationSQL({ wrap: false });
    return statements(up);
  } finally {
    await orm.close();
  }
}

async function withScratchPostgres(use) {
  const name = `scratch_${target.replace(/-/g, '_')}_${process.pid}`;
  const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  try {
    return await use({ kind: 'postgresql', url: `${serverUrl}/${name}` });
  } finally {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

async function withScratchSqlite(use) {
  const folder = mkdtempSync(join(tmpdir(), 'tertial-migration-'));
  try {
    return await use({ kind: 'sqlite', file: join(folder, `${target}.sqlite`) });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const { folder, prefix, baseImport, database } = await describe();
const postgresql = await withScratchPostgres((location) => diff(location, database));
const sqlite = await withScratchSqlite((location) => diff(location, database));
if (postgresql.length === 0 && sqlite.length === 0) {
  console.log('inga ändringar: ingen migrering behövs');
  process.exit(0);
}
if (postgresql.length === 0 || sqlite.length === 0) {
  console.warn(`obs: bara ${postgresql.length ? 'PostgreSQL' : 'SQLite'} har ändringar; granska migreringen noga`);
}

const timestamp = new Date().toISOString().replace(/[-:T]/g, '').replace(/\..*$/, '');
const className = `${prefix}${timestamp}`;
// PostgreSQL's DDL reads best in a template literal (it quotes names with "), SQLite's in a string (it uses `).
const literal = (statement) => (/[`\\]|\$\{/.test(statement) ? JSON.stringify(statement) : `\`${statement}\``);
const list = (sql) => sql.map((statement) => `        ${literal(statement)},`).join('\n');
// Forward only, as the services run them: a mistake is corrected by the next migration.
const source =
  `import { DialectMigration } from '${baseImport}';\n\n` +
  `export class ${className} extends DialectMigration {\n  override name = '${className}';\n\n` +
  `  override up(): void {\n    this.addSqlFor({\n      postgresql: [\n${list(postgresql)}\n      ],\n      sqlite: [\n${list(sqlite)}\n      ],\n    });\n  }\n` +
  `}\n`;
const file = join(folder, `${className}.ts`);
writeFileSync(file, source);

const indexFile = join(folder, 'index.ts');
const index = readFileSync(indexFile, 'utf8')
  .replace(/^(import type .*\n)/m, `$1import { ${className} } from './${className}.js';\n`)
  .replace(
    /= \[(.*)\];/s,
    (_, entries) => `= [${entries.trim() ? `${entries.trim().replace(/,?$/, ',')} ` : ''}{ name: '${className}', class: ${className} }];`,
  );
writeFileSync(indexFile, index);
execFileSync('npx', ['prettier', '--write', '--log-level', 'warn', file, indexFile], { cwd: root, stdio: 'inherit' });
console.log(`skapade ${file}`);
