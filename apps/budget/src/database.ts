import type { ServiceDatabase } from '@tertial/service-kit';

import { MIGRATIONS } from './migrations/index.js';
import { BolagsbudgetSchema, BolagsutfallSchema } from './bolag/bolag.entity.js';
import { BokslutSchema, OverforingsreglerRadSchema, ResultatoverforingBeslutSchema } from './bokslut/bokslut.entity.js';
import { BudgetversionSchema, ResursfordelningsunderlagSchema } from './budget/budget.entity.js';
import { InvesteringsprojektSchema } from './investeringar/investeringar.entity.js';
import { InterntKontointervallSchema, KontogruppIntervallSchema, KontoSchema } from './konton/konto.entity.js';
import { OrganisationNodeSchema } from './organisation/organisation-node.entity.js';
import { UtfallImportSchema, UtfallSchema } from './utfall/utfall.entity.js';
import { VerksamhetsbudgetSchema } from './verksamhetsbudget/verksamhetsbudget.entity.js';

export const BUDGET_DATABASE: ServiceDatabase = {
  entities: [
    OrganisationNodeSchema,
    KontoSchema,
    KontogruppIntervallSchema,
    InterntKontointervallSchema,
    UtfallSchema,
    UtfallImportSchema,
    BudgetversionSchema,
    ResursfordelningsunderlagSchema,
    InvesteringsprojektSchema,
    VerksamhetsbudgetSchema,
    BolagsbudgetSchema,
    BolagsutfallSchema,
    BokslutSchema,
    OverforingsreglerRadSchema,
    ResultatoverforingBeslutSchema,
  ],
  migrations: MIGRATIONS,
};
