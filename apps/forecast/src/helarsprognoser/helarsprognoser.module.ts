import { Module } from '@nestjs/common';
import { OrganisationReplicaModule } from '@tertial/service-kit';

import { AnsvarController } from '../ansvar/ansvar.controller.js';
import { HelarsprognoserController } from './helarsprognoser.controller.js';
import { HelarsprognoserService } from './helarsprognoser.service.js';

@Module({
  imports: [OrganisationReplicaModule],
  controllers: [HelarsprognoserController, AnsvarController],
  providers: [HelarsprognoserService],
})
export class HelarsprognoserModule {}
