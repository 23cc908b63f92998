import type { MigrationClass } from '@tertial/service-kit';
import { Migration20261201175500 } from './Migration20261201175500.js';
import { Migration20261126173241 } from './Migration20261126173241.js';
import { Migration20261126171554 } from './Migration20261126171554.js';
import { Migration20261126152242 } from './Migration20261126152242.js';
import { Migration20261126144916 } from './Migration20261126144916.js';

export const MIGRATIONS: { name: string; class: MigrationClass }[] = [
  { name: 'Migration20261126144916', class: Migration20261126144916 },
  { name: 'Migration20261126152242', class: Migration20261126152242 },
  { name: 'Migration20261126171554', class: Migration20261126171554 },
  { name: 'Migration20261126173241', class: Migration20261126173241 },
  { name: 'Migration20261201175500', class: Migration20261201175500 },
];
