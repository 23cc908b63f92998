import { Module } from '@nestjs/common';

import { InvesteringarService } from './investeringar.service.js';
import { InvesteringsprojektConsumer } from './investeringsprojekt.consumer.js';

/** The investment plan's projects, for the reports' investment follow-up. */
@Module({
  controllers: [InvesteringsprojektConsumer],
  providers: [InvesteringarService],
  exports: [InvesteringarService],
})
export class InvesteringarModule {}
