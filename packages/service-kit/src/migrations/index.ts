import type { MigrationEntry } from '../database/orm.js';
import { Kit20261201170000 } from './Kit20261201170000.js';
import { Kit20261201174500 } from './Kit20261201174500.js';

/** The kit's own tables, in every service: outbox, processed events, ändringslogg (audit trail). Oldest first. */
export const MIGRATIONS: MigrationEntry[] = [
  { name: 'Kit20261201170000', class: Kit20261201170000 },
  { name: 'Kit20261201174500', class: Kit20261201174500 },
];
