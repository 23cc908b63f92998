import { Module } from '@nestjs/common';

import { OrganisationModule } from '../organisation/organisation.module.js';
import { InvesteringarController } from './investeringar.controller.js';
import { InvesteringarService } from './investeringar.service.js';
import { InvesteringsprognosConsumer } from './investeringsprognos.consumer.js';

@Module({
  imports: [OrganisationModule],
  controllers: [InvesteringarController, InvesteringsprognosConsumer],
  providers: [InvesteringarService],
})
export class InvesteringarModule {}
