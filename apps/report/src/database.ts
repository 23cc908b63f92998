import { OrganisationNodeReplicaSchema, type ServiceDatabase } from '@tertial/service-kit';

import { MIGRATIONS } from './migrations/index.js';
import { AnsvarPrognosSchema } from './prognos-totaler/ansvar-prognos.entity.js';
import { AnsvarUtfallSchema, NamndRamSchema } from './prognos-totaler/jamforelse.entity.js';
import { RapportSchema } from './rapporter/rapport.entity.js';

export const REPORT_DATABASE: ServiceDatabase = {
  entities: [AnsvarPrognosSchema, NamndRamSchema, AnsvarUtfallSchema, RapportSchema, OrganisationNodeReplicaSchema],
  migrations: MIGRATIONS,
};
