import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule, KitModule, type ServiceConfig } from '@tertial/service-kit';

import { BolagModule } from './bolag/bolag.module.js';
import { FORECAST_DATABASE } from './database.js';
import { HelarsprognoserModule } from './helarsprognoser/helarsprognoser.module.js';

@Module({})
export class ForecastModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: ForecastModule,
      imports: [AuthModule.forRoot(), KitModule.forRoot(config, FORECAST_DATABASE), HelarsprognoserModule, BolagModule],
    };
  }
}
