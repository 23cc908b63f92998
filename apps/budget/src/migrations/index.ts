import type { MigrationEntry } from '@tertial/service-kit';
import { Migration20261201173706 } from './Migration20261201173706.js';

export const MIGRATIONS: MigrationEntry[] = [{ name: 'Migration20261201173706', class: Migration20261201173706 }];
