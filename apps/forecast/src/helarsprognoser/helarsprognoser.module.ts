import { Module } from '@nestjs/common';
import { OrganisationReplicaModule } from '@tertial/service-kit';

import { AnsvarController } from '../ansvar/ansvar.controller.js';
import { OmgangarController } from '../omgangar/omgangar.controller.js';
import { OmgangarService } from '../omgangar/omgangar.service.js';
import { InvesteringsprojektConsumer } from '../personal-och-investeringar/investeringsprojekt.consumer.js';
import { UnderlagConsumer } from '../underlag/underlag.consumer.js';
import { HelarsprognoserController, KommentarstroskelController } from './helarsprognoser.controller.js';
import { HelarsprognoserService } from './helarsprognoser.service.js';
import { UppslagCache } from './uppslag-cache.js';

@Module({
  imports: [OrganisationReplicaModule],
  controllers: [
    HelarsprognoserController,
    KommentarstroskelController,
    OmgangarController,
    AnsvarController,
    UnderlagConsumer,
    InvesteringsprojektConsumer,
  ],
  providers: [HelarsprognoserService, OmgangarService, UppslagCache],
})
export class HelarsprognoserModule {}
