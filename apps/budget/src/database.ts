import type { ServiceDatabase } from '@tertial/service-kit';

import { MIGRATIONS } from './migrations/index.js';
import { OrganisationNodeSchema } from './organisation/organisation-node.entity.js';

export const BUDGET_DATABASE: ServiceDatabase = { entities: [OrganisationNodeSchema], migrations: MIGRATIONS };
