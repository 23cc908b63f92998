import type { MigrationEntry } from '../database/orm.js';
import { Kit20261201170000 } from './Kit20261201170000.js';

/** The kit's own tables, in every service: outbox, processed events, audit trail. Oldest first. */
export const MIGRATIONS: MigrationEntry[] = [{ name: 'Kit20261201170000', class: Kit20261201170000 }];
