import type { MigrationEntry } from '@tertial/service-kit';
import { Migration20261202052508 } from './Migration20261202052508.js';
import { Migration20261201173724 } from './Migration20261201173724.js';
import { Migration20261201201813 } from './Migration20261201201813.js';
import { Migration20261201213000 } from './Migration20261201213000.js';
import { Migration20261202000000 } from './Migration20261202000000.js';

export const MIGRATIONS: MigrationEntry[] = [
  { name: 'Migration20261201173724', class: Migration20261201173724 },
  { name: 'Migration20261201201813', class: Migration20261201201813 },
  { name: 'Migration20261201213000', class: Migration20261201213000 },
  { name: 'Migration20261202000000', class: Migration20261202000000 },
  { name: 'Migration20261202052508', class: Migration20261202052508 },
];
