import { OrganisationNodeReplicaSchema, type ServiceDatabase } from '@tertial/service-kit';

import { HelarsprognosSchema, PrognosomgangSchema } from './helarsprognoser/helarsprognos.entity.js';
import { MIGRATIONS } from './migrations/index.js';

export const FORECAST_DATABASE: ServiceDatabase = {
  entities: [HelarsprognosSchema, PrognosomgangSchema, OrganisationNodeReplicaSchema],
  migrations: MIGRATIONS,
};
