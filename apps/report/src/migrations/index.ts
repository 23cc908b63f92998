import type { MigrationEntry } from '@tertial/service-kit';
import { Migration20261201173731 } from './Migration20261201173731.js';

export const MIGRATIONS: MigrationEntry[] = [{ name: 'Migration20261201173731', class: Migration20261201173731 }];
