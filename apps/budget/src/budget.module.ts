import { Module, type DynamicModule } from '@nestjs/common';
import { KitModule, type ServiceConfig } from '@tertial/service-kit';

import { MIGRATIONS } from './migrations/index.js';
import { OrganisationNodeSchema } from './organisation/organisation-node.entity.js';
import { OrganisationModule } from './organisation/organisation.module.js';

@Module({})
export class BudgetModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: BudgetModule,
      imports: [KitModule.forRoot(config, { entities: [OrganisationNodeSchema], migrations: MIGRATIONS }), OrganisationModule],
    };
  }
}
