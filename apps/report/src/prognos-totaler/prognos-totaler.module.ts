import { Module } from '@nestjs/common';
import { OrganisationReplicaModule } from '@tertial/service-kit';

import { HelarsprognosLamnadConsumer } from './helarsprognos-lamnad.consumer.js';
import { PrognosTotalerController } from './prognos-totaler.controller.js';
import { PrognosTotalerService } from './prognos-totaler.service.js';

@Module({
  imports: [OrganisationReplicaModule],
  controllers: [PrognosTotalerController, HelarsprognosLamnadConsumer],
  providers: [PrognosTotalerService],
})
export class PrognosTotalerModule {}
