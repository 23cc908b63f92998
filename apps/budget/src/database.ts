import type { ServiceDatabase } from '@tertial/service-kit';

import { MIGRATIONS } from './migrations/index.js';
import { KontogruppIntervallSchema, KontoSchema } from './konton/konto.entity.js';
import { OrganisationNodeSchema } from './organisation/organisation-node.entity.js';

export const BUDGET_DATABASE: ServiceDatabase = { entities: [OrganisationNodeSchema, KontoSchema, KontogruppIntervallSchema], migrations: MIGRATIONS };
