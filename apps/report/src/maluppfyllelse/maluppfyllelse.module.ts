import { Module } from '@nestjs/common';
import { OrganisationReplicaModule } from '@tertial/service-kit';

import { UppfoljningModule } from '../uppfoljning/uppfoljning.module.js';
import { MaluppfyllelseConsumer } from './maluppfyllelse.consumer.js';
import { MaluppfyllelseController } from './maluppfyllelse.controller.js';
import { MaluppfyllelseService } from './maluppfyllelse.service.js';

/** Goal attainment per nämnd and for the city at each follow-up, from the goals service's events, beside the money. */
@Module({
  imports: [OrganisationReplicaModule, UppfoljningModule],
  controllers: [MaluppfyllelseController, MaluppfyllelseConsumer],
  providers: [MaluppfyllelseService],
  exports: [MaluppfyllelseService],
})
export class MaluppfyllelseModule {}
