import { Module } from '@nestjs/common';

import { MaluppfyllelseModule } from '../maluppfyllelse/maluppfyllelse.module.js';
import { PrognosTotalerModule } from '../prognos-totaler/prognos-totaler.module.js';
import { DokumentController } from './dokument.controller.js';
import { DokumentService } from './dokument.service.js';

/** The reports to kommunfullmäktige as documents: versions (draft, audit, fixed), their sections, and their exports. */
@Module({
  imports: [PrognosTotalerModule, MaluppfyllelseModule],
  controllers: [DokumentController],
  providers: [DokumentService],
})
export class DokumentModule {}
