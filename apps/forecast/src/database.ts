import { OrganisationNodeReplicaSchema, type ServiceDatabase, SQLITE_LARGE_CACHE_KIB } from '@tertial/service-kit';

import { BolagsprognosSchema } from './bolag/bolagsprognos.entity.js';
import { AteroppnatAnsvarSchema, HelarsprognosSchema, KommentarstroskelSchema } from './helarsprognoser/helarsprognos.entity.js';
import { MIGRATIONS } from './migrations/index.js';
import { PrognosomgangSchema } from './omgangar/prognosomgang.entity.js';
import { InvesteringsprojektReplikaSchema } from './personal-och-investeringar/investeringsprojekt.entity.js';
import { AnsvarsbudgetSchema, AnsvarsutfallSchema } from './underlag/underlag.entity.js';

export const FORECAST_DATABASE: ServiceDatabase = {
  entities: [
    HelarsprognosSchema,
    PrognosomgangSchema,
    AteroppnatAnsvarSchema,
    KommentarstroskelSchema,
    AnsvarsbudgetSchema,
    AnsvarsutfallSchema,
    OrganisationNodeReplicaSchema,
    InvesteringsprojektReplikaSchema,
    BolagsprognosSchema,
  ],
  migrations: MIGRATIONS,
  // Every save reads the ansvar's versions, budget and utfall on the round's path (see `openDatabase`).
  sqliteCacheKib: SQLITE_LARGE_CACHE_KIB,
};
