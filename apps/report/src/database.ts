import { OrganisationNodeReplicaSchema, type ServiceDatabase } from '@tertial/service-kit';

import { RapportInriktningSchema, RapportMalbedomningSchema, RapportMalSchema } from './maluppfyllelse/maluppfyllelse.entity.js';
import { MIGRATIONS } from './migrations/index.js';
import { AnsvarHelarsprognosSchema } from './prognos-totaler/ansvar-helarsprognos.entity.js';
import { NamndRamSchema } from './prognos-totaler/jamforelse.entity.js';
import { NamndBokslutSchema, OmgangsprognosSchema } from './prognossakerhet/prognossakerhet.entity.js';
import { RapportSchema } from './rapporter/rapport.entity.js';
import { AnsvarBudgetSchema, AnsvarUtfallManadSchema, PrognosomgangSchema } from './uppfoljning/uppfoljning.entity.js';

export const REPORT_DATABASE: ServiceDatabase = {
  entities: [
    AnsvarHelarsprognosSchema,
    NamndRamSchema,
    AnsvarBudgetSchema,
    AnsvarUtfallManadSchema,
    PrognosomgangSchema,
    RapportSchema,
    OrganisationNodeReplicaSchema,
    RapportMalSchema,
    RapportMalbedomningSchema,
    RapportInriktningSchema,
    OmgangsprognosSchema,
    NamndBokslutSchema,
  ],
  migrations: MIGRATIONS,
};
