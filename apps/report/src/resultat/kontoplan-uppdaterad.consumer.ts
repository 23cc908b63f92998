import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { kontoplanUppdaterad } from '@tertial/contracts/events';
import { EventConsumer } from '@tertial/service-kit';

import { ResultatService } from './resultat.service.js';

/** The budget service's kontoplan says which accounts are internal; the city's result eliminates those. */
@Controller()
export class KontoplanUppdateradConsumer {
  constructor(
    @Inject(EventConsumer) private readonly consumer: EventConsumer,
    @Inject(ResultatService) private readonly resultat: ResultatService,
  ) {}

  @EventPattern<string>(kontoplanUppdaterad.topic)
  async onKontoplanUppdaterad(@Payload() data: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(kontoplanUppdaterad, data, context, (em, envelope) =>
      this.resultat.registreraKontoplan(em, envelope.payload),
    );
  }
}
