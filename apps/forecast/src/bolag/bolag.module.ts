import { Module } from '@nestjs/common';

import { BolagsprognoserController } from './bolagsprognoser.controller.js';
import { BolagsprognoserService } from './bolagsprognoser.service.js';

@Module({ controllers: [BolagsprognoserController], providers: [BolagsprognoserService] })
export class BolagModule {}
