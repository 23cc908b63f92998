import type { MigrationClass } from '@tertial/service-kit';
import { Migration20261126171553 } from './Migration20261126171553.js';
import { Migration20261126152241 } from './Migration20261126152241.js';
import { Migration20261126144914 } from './Migration20261126144914.js';

export const MIGRATIONS: { name: string; class: MigrationClass }[] = [
  { name: 'Migration20261126144914', class: Migration20261126144914 },
  { name: 'Migration20261126152241', class: Migration20261126152241 },
  { name: 'Migration20261126171553', class: Migration20261126171553 },
];
