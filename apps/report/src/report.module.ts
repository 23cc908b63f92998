import { Module, type DynamicModule } from '@nestjs/common';
import { KitModule, OrganisationNodeReplicaSchema, type ServiceConfig } from '@tertial/service-kit';

import { MIGRATIONS } from './migrations/index.js';
import { AnsvarPrognosSchema } from './prognos-totaler/ansvar-prognos.entity.js';
import { PrognosTotalerModule } from './prognos-totaler/prognos-totaler.module.js';

@Module({})
export class ReportModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: ReportModule,
      imports: [
        KitModule.forRoot(config, { entities: [AnsvarPrognosSchema, OrganisationNodeReplicaSchema], migrations: MIGRATIONS }),
        PrognosTotalerModule,
      ],
    };
  }
}
