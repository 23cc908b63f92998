import { Module } from '@nestjs/common';

import { InvesteringarController } from './investeringar.controller.js';
import { InvesteringarService } from './investeringar.service.js';

@Module({ controllers: [InvesteringarController], providers: [InvesteringarService] })
export class InvesteringarModule {}
