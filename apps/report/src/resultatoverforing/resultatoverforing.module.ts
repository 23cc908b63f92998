import { Module } from '@nestjs/common';

import { ResultatoverforingConsumer } from './resultatoverforing.consumer.js';
import { ResultatoverforingService } from './resultatoverforing.service.js';

/** The resultatöverföring KF decided for each closed year, for the årsredovisning. */
@Module({
  controllers: [ResultatoverforingConsumer],
  providers: [ResultatoverforingService],
  exports: [ResultatoverforingService],
})
export class ResultatoverforingModule {}
