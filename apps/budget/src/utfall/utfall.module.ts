import { Module } from '@nestjs/common';

import { BolagModule } from '../bolag/bolag.module.js';
import { KontonModule } from '../konton/konton.module.js';
import { OrganisationModule } from '../organisation/organisation.module.js';
import { UtfallController } from './utfall.controller.js';
import { UtfallService } from './utfall.service.js';

@Module({
  imports: [KontonModule, OrganisationModule, BolagModule],
  controllers: [UtfallController],
  providers: [UtfallService],
  exports: [UtfallService],
})
export class UtfallModule {}
