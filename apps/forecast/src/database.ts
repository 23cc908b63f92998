import { OrganisationNodeReplicaSchema, type ServiceDatabase } from '@tertial/service-kit';

import { HelarsprognosSchema } from './helarsprognoser/helarsprognos.entity.js';
import { MIGRATIONS } from './migrations/index.js';

export const FORECAST_DATABASE: ServiceDatabase = { entities: [HelarsprognosSchema, OrganisationNodeReplicaSchema], migrations: MIGRATIONS };
