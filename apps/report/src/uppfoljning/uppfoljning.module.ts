import { Module } from '@nestjs/common';
import { OrganisationReplicaModule } from '@tertial/service-kit';

import { KontrollsummaController } from './kontrollsumma.controller.js';
import { UppfoljningConsumer } from './uppfoljning.consumer.js';
import { UppfoljningController, UppfoljningStreamController } from './uppfoljning.controller.js';
import { UppfoljningService } from './uppfoljning.service.js';

/** The roll-up of a forecast round at every level of the organisation, and what is missing from it. */
@Module({
  imports: [OrganisationReplicaModule],
  controllers: [UppfoljningController, UppfoljningStreamController, KontrollsummaController, UppfoljningConsumer],
  providers: [UppfoljningService],
  exports: [UppfoljningService],
})
export class UppfoljningModule {}
