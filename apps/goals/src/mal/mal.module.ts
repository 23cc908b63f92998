import { Module } from '@nestjs/common';
import { OrganisationReplicaModule } from '@tertial/service-kit';

import { GOALS_CONFIG, loadGoalsConfig } from '../goals-config.js';
import { InriktningarController } from '../inriktningar/inriktningar.controller.js';
import { InriktningarService } from '../inriktningar/inriktningar.service.js';
import { InstallningarService } from '../installningar/installningar.service.js';
import { KoladaController } from '../kolada/kolada.controller.js';
import { KoladaService } from '../kolada/kolada.service.js';
import { MaluppfyllelseController } from '../maluppfyllelse/maluppfyllelse.controller.js';
import { MaluppfyllelseService } from '../maluppfyllelse/maluppfyllelse.service.js';
import { NyckeltalController } from '../nyckeltal/nyckeltal.controller.js';
import { NyckeltalService } from '../nyckeltal/nyckeltal.service.js';
import { DemoMalLoader } from './demo-mal.loader.js';
import { MalController } from './mal.controller.js';
import { MalService } from './mal.service.js';

/** Goals: inriktningar, mål, the nyckeltal catalogue with its measurements, Kolada comparisons and måluppfyllelse. */
@Module({
  imports: [OrganisationReplicaModule],
  controllers: [MalController, InriktningarController, NyckeltalController, KoladaController, MaluppfyllelseController],
  providers: [
    { provide: GOALS_CONFIG, useFactory: () => loadGoalsConfig() },
    MalService,
    InriktningarService,
    InstallningarService,
    NyckeltalService,
    KoladaService,
    MaluppfyllelseService,
    DemoMalLoader,
  ],
})
export class MalModule {}
