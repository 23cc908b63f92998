import { Module } from '@nestjs/common';

import { OrganisationModule } from '../organisation/organisation.module.js';
import { UtfallModule } from '../utfall/utfall.module.js';
import { BudgetController } from './budget.controller.js';
import { BudgetService } from './budget.service.js';
import { VerksamhetsbudgetController } from '../verksamhetsbudget/verksamhetsbudget.controller.js';
import { VerksamhetsbudgetService } from '../verksamhetsbudget/verksamhetsbudget.service.js';

@Module({
  imports: [OrganisationModule, UtfallModule],
  controllers: [BudgetController, VerksamhetsbudgetController],
  providers: [BudgetService, VerksamhetsbudgetService],
  exports: [BudgetService],
})
export class BudgetarModule {}
