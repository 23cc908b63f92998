import { OrganisationNodeReplicaSchema, type ServiceDatabase, SQLITE_LARGE_CACHE_KIB } from '@tertial/service-kit';

import { BolagSiffrorSchema, KoncerninternPostSchema } from './koncern/koncern.entity.js';
import { RapportInriktningSchema, RapportMalbedomningSchema, RapportMalSchema } from './maluppfyllelse/maluppfyllelse.entity.js';
import { RapportversionSchema } from './dokument/rapportversion.entity.js';
import { InvesteringsprojektSchema } from './investeringar/investeringsprojekt.entity.js';
import { MIGRATIONS } from './migrations/index.js';
import { AnsvarHelarsprognosSchema } from './prognos-totaler/ansvar-helarsprognos.entity.js';
import { NamndRamSchema } from './prognos-totaler/jamforelse.entity.js';
import { NamndBokslutSchema, OmgangsprognosSchema } from './prognossakerhet/prognossakerhet.entity.js';
import { RapportSchema } from './rapporter/rapport.entity.js';
import { PaminnelseSchema } from './uppfoljning/paminnelse.entity.js';
import { SenasteTillstandSchema } from './senaste-tillstand/senaste-tillstand.entity.js';
import { ResultatoverforingSchema } from './resultatoverforing/resultatoverforing.entity.js';
import {
  BalanskravHistorikSchema,
  BalanskravJusteringSchema,
  BokslutNamndSchema,
  FinansradSchema,
  KontoplanInternaSchema,
  ResultatradIntervallSchema,
  RurReglerSchema,
} from './resultat/resultat.entity.js';
import {
  AnsvarBudgetSchema,
  AnsvarUtfallInternSchema,
  AnsvarUtfallManadSchema,
  PrognosomgangSchema,
} from './uppfoljning/uppfoljning.entity.js';

export const REPORT_DATABASE: ServiceDatabase = {
  entities: [
    AnsvarHelarsprognosSchema,
    NamndRamSchema,
    AnsvarBudgetSchema,
    AnsvarUtfallManadSchema,
    AnsvarUtfallInternSchema,
    PrognosomgangSchema,
    RapportSchema,
    RapportversionSchema,
    OrganisationNodeReplicaSchema,
    RapportMalSchema,
    RapportMalbedomningSchema,
    RapportInriktningSchema,
    BolagSiffrorSchema,
    KoncerninternPostSchema,
    FinansradSchema,
    ResultatradIntervallSchema,
    KontoplanInternaSchema,
    BalanskravHistorikSchema,
    BalanskravJusteringSchema,
    RurReglerSchema,
    BokslutNamndSchema,
    OmgangsprognosSchema,
    NamndBokslutSchema,
    ResultatoverforingSchema,
    InvesteringsprojektSchema,
    SenasteTillstandSchema,
    PaminnelseSchema,
  ],
  migrations: MIGRATIONS,
  // Each forecast event of a round reads and writes the ansvar's rows before the city total shows it (see `openDatabase`).
  sqliteCacheKib: SQLITE_LARGE_CACHE_KIB,
};
