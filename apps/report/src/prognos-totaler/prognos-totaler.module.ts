import { Module } from '@nestjs/common';
import { OrganisationReplicaModule } from '@tertial/service-kit';

import { RapporterController } from '../rapporter/rapporter.controller.js';
import { RapporterService } from '../rapporter/rapporter.service.js';
import { JamforelseConsumer } from './jamforelse.consumer.js';
import { HelarsprognosLamnadConsumer } from './helarsprognos-lamnad.consumer.js';
import { PrognosTotalerController } from './prognos-totaler.controller.js';
import { PrognosTotalerService } from './prognos-totaler.service.js';

@Module({
  imports: [OrganisationReplicaModule],
  controllers: [PrognosTotalerController, RapporterController, HelarsprognosLamnadConsumer, JamforelseConsumer],
  providers: [PrognosTotalerService, RapporterService],
})
export class PrognosTotalerModule {}
