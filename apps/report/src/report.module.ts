import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule, KitModule, type ServiceConfig } from '@tertial/service-kit';

import { REPORT_DATABASE } from './database.js';
import { MaluppfyllelseModule } from './maluppfyllelse/maluppfyllelse.module.js';
import { PrognosTotalerModule } from './prognos-totaler/prognos-totaler.module.js';
import { PrognossakerhetModule } from './prognossakerhet/prognossakerhet.module.js';

@Module({})
export class ReportModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: ReportModule,
      imports: [
        AuthModule.forRoot(),
        KitModule.forRoot(config, REPORT_DATABASE),
        PrognosTotalerModule,
        MaluppfyllelseModule,
        PrognossakerhetModule,
      ],
    };
  }
}
