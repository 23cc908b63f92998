import { Module, type DynamicModule } from '@nestjs/common';
import { KitModule, type ServiceConfig } from '@tertial/service-kit';

import { BUDGET_DATABASE } from './database.js';
import { KontonModule } from './konton/konton.module.js';
import { OrganisationModule } from './organisation/organisation.module.js';

@Module({})
export class BudgetModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: BudgetModule,
      imports: [KitModule.forRoot(config, BUDGET_DATABASE), OrganisationModule, KontonModule],
    };
  }
}
