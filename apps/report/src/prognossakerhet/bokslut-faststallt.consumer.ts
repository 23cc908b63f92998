import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { bokslutFaststallt } from '@tertial/contracts/events';
import { EventConsumer } from '@tertial/service-kit';

import { ResultatService } from '../resultat/resultat.service.js';
import { PrognossakerhetService } from './prognossakerhet.service.js';

/**
 * The budget service's closed year, one event per nämnd: for prognossäkerhet, and for the bokslut column of the
 * city's resultaträkning and balanskrav. (One handler per topic in this service: the processed-event
 * log would take a second handler's delivery for a duplicate. Whatever else reads the bokslut here belongs in it.)
 */
@Controller()
export class BokslutFaststalltConsumer {
  constructor(
    @Inject(EventConsumer) private readonly consumer: EventConsumer,
    @Inject(PrognossakerhetService) private readonly prognossakerhet: PrognossakerhetService,
    @Inject(ResultatService) private readonly resultat: ResultatService,
  ) {}

  @EventPattern<string>(bokslutFaststallt.topic)
  async onBokslutFaststallt(@Payload() data: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(bokslutFaststallt, data, context, async (em, envelope) => {
      await this.prognossakerhet.registreraBokslut(em, envelope.payload);
      await this.resultat.registreraBokslut(em, envelope.payload);
    });
  }
}
