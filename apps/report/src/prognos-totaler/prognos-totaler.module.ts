import { Module } from '@nestjs/common';
import { OrganisationReplicaModule } from '@tertial/service-kit';

import { RapporterController } from '../rapporter/rapporter.controller.js';
import { RapporterService } from '../rapporter/rapporter.service.js';
import { UppfoljningModule } from '../uppfoljning/uppfoljning.module.js';
import { HelarsprognosAndradConsumer } from './helarsprognos-andrad.consumer.js';
import { JamforelseConsumer } from './jamforelse.consumer.js';
import { PrognosTotalerController } from './prognos-totaler.controller.js';
import { PrognosTotalerService } from './prognos-totaler.service.js';

@Module({
  imports: [OrganisationReplicaModule, UppfoljningModule],
  controllers: [PrognosTotalerController, RapporterController, HelarsprognosAndradConsumer, JamforelseConsumer],
  providers: [PrognosTotalerService, RapporterService],
  exports: [PrognosTotalerService],
})
export class PrognosTotalerModule {}
