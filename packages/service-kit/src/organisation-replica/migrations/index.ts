import type { MigrationEntry } from '../../database/orm.js';
import { OrganisationReplica20261201170000 } from './OrganisationReplica20261201170000.js';

/** The organisation replica's table, in the services that keep one. Oldest first. */
export const MIGRATIONS: MigrationEntry[] = [{ name: 'OrganisationReplica20261201170000', class: OrganisationReplica20261201170000 }];
