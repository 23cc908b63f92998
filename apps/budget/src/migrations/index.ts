import type { MigrationClass } from '@tertial/service-kit';
import { Migration20261126171551 } from './Migration20261126171551.js';
import { Migration20261126155255 } from './Migration20261126155255.js';
import { Migration20261126152444 } from './Migration20261126152444.js';
import { Migration20261126152239 } from './Migration20261126152239.js';
import { Migration20261126144912 } from './Migration20261126144912.js';

export const MIGRATIONS: { name: string; class: MigrationClass }[] = [
  { name: 'Migration20261126144912', class: Migration20261126144912 },
  { name: 'Migration20261126152239', class: Migration20261126152239 },
  { name: 'Migration20261126152444', class: Migration20261126152444 },
  { name: 'Migration20261126155255', class: Migration20261126155255 },
  { name: 'Migration20261126171551', class: Migration20261126171551 },
];
