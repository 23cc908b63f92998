import { Module } from '@nestjs/common';
import { OrganisationReplicaModule } from '@tertial/service-kit';

import { DemoResultatLoader } from './demo-resultat.loader.js';
import { KontoplanUppdateradConsumer } from './kontoplan-uppdaterad.consumer.js';
import { ResultatController } from './resultat.controller.js';
import { ResultatService } from './resultat.service.js';

/** The city's result: the resultaträkning, the finance function's lines, the balanskravsutredning and the RUR. */
@Module({
  imports: [OrganisationReplicaModule],
  controllers: [ResultatController, KontoplanUppdateradConsumer],
  providers: [ResultatService, DemoResultatLoader],
  exports: [ResultatService],
})
export class ResultatModule {}
