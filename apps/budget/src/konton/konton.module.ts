import { Module } from '@nestjs/common';

import { KontonController } from './konton.controller.js';
import { KontonService } from './konton.service.js';

@Module({
  controllers: [KontonController],
  providers: [KontonService],
  exports: [KontonService],
})
export class KontonModule {}
