import { Module } from '@nestjs/common';

import { OrganisationModule } from '../organisation/organisation.module.js';
import { BudgetController } from './budget.controller.js';
import { BudgetService } from './budget.service.js';

@Module({
  imports: [OrganisationModule],
  controllers: [BudgetController],
  providers: [BudgetService],
})
export class BudgetarModule {}
