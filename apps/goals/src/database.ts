import { OrganisationNodeReplicaSchema, type ServiceDatabase } from '@tertial/service-kit';

import { InriktningSchema } from './inriktningar/inriktning.entity.js';
import { InstallningSchema } from './installningar/installning.entity.js';
import { KoladaVardeSchema } from './kolada/kolada-varde.entity.js';
import { MalbedomningSchema } from './maluppfyllelse/malbedomning.entity.js';
import { MalPlatsSchema, MalSchema, MalversionSchema, TidigareMalSchema } from './mal/mal.entity.js';
import { MIGRATIONS } from './migrations/index.js';
import { MatvardeSchema, NyckeltalSchema } from './nyckeltal/nyckeltal.entity.js';

export const GOALS_DATABASE: ServiceDatabase = {
  entities: [
    MalSchema,
    MalversionSchema,
    MalPlatsSchema,
    TidigareMalSchema,
    InriktningSchema,
    NyckeltalSchema,
    MatvardeSchema,
    KoladaVardeSchema,
    MalbedomningSchema,
    InstallningSchema,
    OrganisationNodeReplicaSchema,
  ],
  migrations: MIGRATIONS,
};
