import type { MigrationEntry } from '@tertial/service-kit';
import { Migration20261202021949 } from './Migration20261202021949.js';
import { Migration20261201173715 } from './Migration20261201173715.js';
import { Migration20261202020000 } from './Migration20261202020000.js';

export const MIGRATIONS: MigrationEntry[] = [
  { name: 'Migration20261201173715', class: Migration20261201173715 },
  { name: 'Migration20261202020000', class: Migration20261202020000 },
  { name: 'Migration20261202021949', class: Migration20261202021949 },
];
