// Generates a PostgreSQL migration for a service from the difference between its entities and an
// up-to-date scratch database, and registers it in the service's migrations/index.ts.
//   npm run build && DATABASE_URL=postgres://.../scratch node infra/scripts/create-migration.mjs forecast
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { openDatabase, loadServiceConfig } from '@tertial/service-kit';

const [service] = process.argv.slice(2);
if (!service || !process.env.DATABASE_URL) {
  console.error('användning: DATABASE_URL=postgres://… node infra/scripts/create-migration.mjs <tjänst>');
  process.exit(2);
}
const root = new URL('../..', import.meta.url).pathname;
const { [`${service.toUpperCase()}_DATABASE`]: database } = await import(join(root, `apps/${service}/dist/database.js`));
const config = loadServiceConfig(service);
const orm = await openDatabase(config, database); // applies the existing migrations first
const folder = join(root, `apps/${service}/src/migrations`);
const result = await orm.migrator.create(folder, false, database.migrations.length === 0);
await orm.close();
if (!result.fileName) {
  console.log('inga ändringar: ingen migrering behövs');
  process.exit(0);
}
const className = result.fileName.replace(/\.ts$/, '');
const indexFile = join(folder, 'index.ts');
const index = readFileSync(indexFile, 'utf8')
  .replace(/^(import type .*\n)/m, `$1import { ${className} } from './${className}.js';\n`)
  .replace(
    /= \[(.*)\];/s,
    (_, list) => `= [${list.trim() ? `${list.trim().replace(/,?$/, ',')} ` : ''}{ name: '${className}', class: ${className} }];`,
  );
writeFileSync(indexFile, index);
console.log(`skapade ${join(folder, result.fileName)}`);
