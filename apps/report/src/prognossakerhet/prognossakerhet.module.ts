import { Module } from '@nestjs/common';

import { PrognosTotalerModule } from '../prognos-totaler/prognos-totaler.module.js';
import { ResultatModule } from '../resultat/resultat.module.js';
import { UppfoljningModule } from '../uppfoljning/uppfoljning.module.js';
import { BokslutFaststalltConsumer } from './bokslut-faststallt.consumer.js';
import { PrognossakerhetController } from './prognossakerhet.controller.js';
import { PrognossakerhetService } from './prognossakerhet.service.js';

/** How far each round's forecast was from the bokslut, per nämnd and for the city. */
@Module({
  imports: [PrognosTotalerModule, UppfoljningModule, ResultatModule],
  controllers: [PrognossakerhetController, BokslutFaststalltConsumer],
  providers: [PrognossakerhetService],
  exports: [PrognossakerhetService],
})
export class PrognossakerhetModule {}
