import type { MigrationClass } from '@tertial/service-kit';
import { Migration20261126171549 } from './Migration20261126171549.js';
import { Migration20261126152238 } from './Migration20261126152238.js';
import { Migration20261126144910 } from './Migration20261126144910.js';

export const MIGRATIONS: { name: string; class: MigrationClass }[] = [
  { name: 'Migration20261126144910', class: Migration20261126144910 },
  { name: 'Migration20261126152238', class: Migration20261126152238 },
  { name: 'Migration20261126171549', class: Migration20261126171549 },
];
