import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule, KitModule, type ServiceConfig } from '@tertial/service-kit';

import { REPORT_DATABASE } from './database.js';
import { DokumentModule } from './dokument/dokument.module.js';
import { InvesteringarModule } from './investeringar/investeringar.module.js';
import { KoncernModule } from './koncern/koncern.module.js';
import { MaluppfyllelseModule } from './maluppfyllelse/maluppfyllelse.module.js';
import { PrognosTotalerModule } from './prognos-totaler/prognos-totaler.module.js';
import { ResultatModule } from './resultat/resultat.module.js';
import { PrognossakerhetModule } from './prognossakerhet/prognossakerhet.module.js';
import { OversiktModule } from './oversikt/oversikt.module.js';
import { ResultatoverforingModule } from './resultatoverforing/resultatoverforing.module.js';

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
        DokumentModule,
        KoncernModule,
        ResultatModule,
        PrognossakerhetModule,
        OversiktModule,
        ResultatoverforingModule,
        InvesteringarModule,
      ],
    };
  }
}
