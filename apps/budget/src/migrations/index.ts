import type { MigrationEntry } from '@tertial/service-kit';
import { Migration20261202052455 } from './Migration20261202052455.js';
import { Migration20261201173706 } from './Migration20261201173706.js';
import { Migration20261201210000 } from './Migration20261201210000.js';
import { Migration20261202000000 } from './Migration20261202000000.js';
import { Migration20261202060000 } from './Migration20261202060000.js';
import { Migration20261202120000 } from './Migration20261202120000.js';

export const MIGRATIONS: MigrationEntry[] = [
  { name: 'Migration20261201173706', class: Migration20261201173706 },
  { name: 'Migration20261201210000', class: Migration20261201210000 },
  { name: 'Migration20261202000000', class: Migration20261202000000 },
  { name: 'Migration20261202052455', class: Migration20261202052455 },
  { name: 'Migration20261202060000', class: Migration20261202060000 },
  { name: 'Migration20261202120000', class: Migration20261202120000 },
];
