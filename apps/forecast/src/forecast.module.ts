import { Module, type DynamicModule } from '@nestjs/common';
import { KitModule, type ServiceConfig } from '@tertial/service-kit';

import { FORECAST_DATABASE } from './database.js';
import { HelarsprognoserModule } from './helarsprognoser/helarsprognoser.module.js';

@Module({})
export class ForecastModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: ForecastModule,
      imports: [
        KitModule.forRoot(config, FORECAST_DATABASE),
        HelarsprognoserModule,
      ],
    };
  }
}
