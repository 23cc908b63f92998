import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule, KitModule, type ServiceConfig } from '@tertial/service-kit';

import { BolagModule } from './bolag/bolag.module.js';
import { BokslutModule } from './bokslut/bokslut.module.js';
import { BudgetarModule } from './budget/budget.module.js';
import { BUDGET_DATABASE } from './database.js';
import { InvesteringarModule } from './investeringar/investeringar.module.js';
import { KontonModule } from './konton/konton.module.js';
import { OrganisationModule } from './organisation/organisation.module.js';
import { BudgetOrganisationKalla } from './organisation/organisation.service.js';
import { UtfallModule } from './utfall/utfall.module.js';

@Module({})
export class BudgetModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: BudgetModule,
      imports: [
        AuthModule.forRoot({ kalla: BudgetOrganisationKalla, imports: [OrganisationModule] }),
        KitModule.forRoot(config, BUDGET_DATABASE),
        OrganisationModule,
        KontonModule,
        UtfallModule,
        BudgetarModule,
        InvesteringarModule,
        BolagModule,
        BokslutModule,
      ],
    };
  }
}
