import type { MigrationClass } from '@tertial/service-kit';
import { Migration20261126144912 } from './Migration20261126144912.js';

export const MIGRATIONS: { name: string; class: MigrationClass }[] = [{ name: 'Migration20261126144912', class: Migration20261126144912 }];
