import { Module } from '@nestjs/common';

import { BolagController } from './bolag.controller.js';
import { BolagService } from './bolag.service.js';

@Module({
  controllers: [BolagController],
  providers: [BolagService],
  exports: [BolagService],
})
export class BolagModule {}
