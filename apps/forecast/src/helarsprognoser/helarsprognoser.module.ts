import { Module } from '@nestjs/common';
import { OrganisationReplicaModule } from '@tertial/service-kit';

import { AnsvarController } from '../ansvar/ansvar.controller.js';
import { HelarsprognoserController, OmgangarController } from './helarsprognoser.controller.js';
import { HelarsprognoserService } from './helarsprognoser.service.js';

@Module({
  imports: [OrganisationReplicaModule],
  controllers: [HelarsprognoserController, OmgangarController, AnsvarController],
  providers: [HelarsprognoserService],
})
export class HelarsprognoserModule {}
