import { Module } from '@nestjs/common';

import { MaluppfyllelseModule } from '../maluppfyllelse/maluppfyllelse.module.js';
import { PrognossakerhetModule } from '../prognossakerhet/prognossakerhet.module.js';
import { PrognosTotalerModule } from '../prognos-totaler/prognos-totaler.module.js';
import { ResultatModule } from '../resultat/resultat.module.js';
import { UppfoljningModule } from '../uppfoljning/uppfoljning.module.js';
import { OversiktController } from './oversikt.controller.js';
import { OversiktService } from './oversikt.service.js';

/** The ekonomidirektör's consolidated view, put together from the other modules' answers. */
@Module({
  imports: [PrognosTotalerModule, ResultatModule, PrognossakerhetModule, MaluppfyllelseModule, UppfoljningModule],
  controllers: [OversiktController],
  providers: [OversiktService],
})
export class OversiktModule {}
