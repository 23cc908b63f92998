import { Module } from '@nestjs/common';
import { OrganisationReplicaModule } from '@tertial/service-kit';

import { KontrollsummaController } from './kontrollsumma.controller.js';
import { UppfoljningConsumer } from './uppfoljning.consumer.js';
import { PaminnelserService } from './paminnelser.service.js';
import { PaminnelserController, UppfoljningController, UppfoljningStreamController } from './uppfoljning.controller.js';
import { UppfoljningService } from './uppfoljning.service.js';

/** The roll-up of a forecast round at every level of the organisation, what is missing from it, and reminders to send. */
@Module({
  imports: [OrganisationReplicaModule],
  controllers: [UppfoljningController, UppfoljningStreamController, PaminnelserController, KontrollsummaController, UppfoljningConsumer],
  providers: [UppfoljningService, PaminnelserService],
  exports: [UppfoljningService],
})
export class UppfoljningModule {}
