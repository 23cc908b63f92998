import { Module } from '@nestjs/common';

import { OrganisationModule } from '../organisation/organisation.module.js';
import { UtfallModule } from '../utfall/utfall.module.js';
import { BudgetController } from './budget.controller.js';
import { BudgetService } from './budget.service.js';

@Module({
  imports: [OrganisationModule, UtfallModule],
  controllers: [BudgetController],
  providers: [BudgetService],
})
export class BudgetarModule {}
