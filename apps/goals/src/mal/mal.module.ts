import { Module } from '@nestjs/common';
import { OrganisationReplicaModule } from '@tertial/service-kit';

import { MalController } from './mal.controller.js';
import { MalService } from './mal.service.js';

@Module({
  imports: [OrganisationReplicaModule],
  controllers: [MalController],
  providers: [MalService],
})
export class MalModule {}
