import { Module } from '@nestjs/common';

import { InvesteringarModule } from '../investeringar/investeringar.module.js';
import { KoncernModule } from '../koncern/koncern.module.js';
import { MaluppfyllelseModule } from '../maluppfyllelse/maluppfyllelse.module.js';
import { PrognosTotalerModule } from '../prognos-totaler/prognos-totaler.module.js';
import { PrognossakerhetModule } from '../prognossakerhet/prognossakerhet.module.js';
import { ResultatModule } from '../resultat/resultat.module.js';
import { ResultatoverforingModule } from '../resultatoverforing/resultatoverforing.module.js';
import { DemoDokumentLoader } from './demo-dokument.loader.js';
import { DokumentController, DokumentlistaController } from './dokument.controller.js';
import { DokumentService } from './dokument.service.js';

/** The reports to kommunfullmäktige as documents: versions (draft, audit, fixed), their sections, and their exports. */
@Module({
  imports: [
    PrognosTotalerModule,
    MaluppfyllelseModule,
    ResultatModule,
    KoncernModule,
    PrognossakerhetModule,
    ResultatoverforingModule,
    InvesteringarModule,
  ],
  controllers: [DokumentlistaController, DokumentController],
  providers: [DokumentService, DemoDokumentLoader],
})
export class DokumentModule {}
