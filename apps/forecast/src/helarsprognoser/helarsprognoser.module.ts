import { Module } from '@nestjs/common';
import { OrganisationReplicaModule } from '@tertial/service-kit';

import { HelarsprognoserController } from './helarsprognoser.controller.js';
import { HelarsprognoserService } from './helarsprognoser.service.js';

@Module({
  imports: [OrganisationReplicaModule],
  controllers: [HelarsprognoserController],
  providers: [HelarsprognoserService],
})
export class HelarsprognoserModule {}
