import type { MigrationEntry } from '@tertial/service-kit';
import { Migration20261201173715 } from './Migration20261201173715.js';

export const MIGRATIONS: MigrationEntry[] = [{ name: 'Migration20261201173715', class: Migration20261201173715 }];
