import { Module } from '@nestjs/common';

import { BudgetarModule } from '../budget/budget.module.js';
import { KontonModule } from '../konton/konton.module.js';
import { OrganisationModule } from '../organisation/organisation.module.js';
import { UtfallModule } from '../utfall/utfall.module.js';
import { BokslutController } from './bokslut.controller.js';
import { BokslutService } from './bokslut.service.js';

@Module({
  imports: [BudgetarModule, UtfallModule, KontonModule, OrganisationModule],
  controllers: [BokslutController],
  providers: [BokslutService],
})
export class BokslutModule {}
