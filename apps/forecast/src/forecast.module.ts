import { Module, type DynamicModule } from '@nestjs/common';
import { KitModule, OrganisationNodeReplicaSchema, type ServiceConfig } from '@tertial/service-kit';

import { HelarsprognosSchema } from './helarsprognoser/helarsprognos.entity.js';
import { HelarsprognoserModule } from './helarsprognoser/helarsprognoser.module.js';
import { MIGRATIONS } from './migrations/index.js';

@Module({})
export class ForecastModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: ForecastModule,
      imports: [
        KitModule.forRoot(config, { entities: [HelarsprognosSchema, OrganisationNodeReplicaSchema], migrations: MIGRATIONS }),
        HelarsprognoserModule,
      ],
    };
  }
}
