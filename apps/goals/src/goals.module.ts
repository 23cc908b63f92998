import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule, KitModule, type ServiceConfig } from '@tertial/service-kit';

import { GOALS_DATABASE } from './database.js';
import { MalModule } from './mal/mal.module.js';

@Module({})
export class GoalsModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: GoalsModule,
      imports: [AuthModule.forRoot(), KitModule.forRoot(config, GOALS_DATABASE), MalModule],
    };
  }
}
