import { Module, type DynamicModule } from '@nestjs/common';
import { KitModule, OrganisationNodeReplicaSchema, type ServiceConfig } from '@tertial/service-kit';

import { MalSchema } from './mal/mal.entity.js';
import { MalModule } from './mal/mal.module.js';
import { MIGRATIONS } from './migrations/index.js';

@Module({})
export class GoalsModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: GoalsModule,
      imports: [KitModule.forRoot(config, { entities: [MalSchema, OrganisationNodeReplicaSchema], migrations: MIGRATIONS }), MalModule],
    };
  }
}
