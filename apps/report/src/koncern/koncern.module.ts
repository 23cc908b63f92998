import { Module } from '@nestjs/common';

import { PrognosTotalerModule } from '../prognos-totaler/prognos-totaler.module.js';
import { ResultatModule } from '../resultat/resultat.module.js';
import { BolagConsumer } from './bolag.consumer.js';
import { KoncernController } from './koncern.controller.js';
import { KoncernService } from './koncern.service.js';

@Module({
  imports: [PrognosTotalerModule, ResultatModule],
  controllers: [KoncernController, BolagConsumer],
  providers: [KoncernService],
  exports: [KoncernService],
})
export class KoncernModule {}
