import { OrganisationNodeReplicaSchema, type ServiceDatabase } from '@tertial/service-kit';

import { MalSchema } from './mal/mal.entity.js';
import { MIGRATIONS } from './migrations/index.js';

export const GOALS_DATABASE: ServiceDatabase = { entities: [MalSchema, OrganisationNodeReplicaSchema], migrations: MIGRATIONS };
