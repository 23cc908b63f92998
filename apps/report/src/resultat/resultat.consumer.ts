import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { bokslutFaststallt } from '@tertial/contracts/events';
import { EventConsumer } from '@tertial/service-kit';

import { ResultatService } from './resultat.service.js';

/** The closed year per nämnd, for the bokslut column of the resultaträkning and the balanskrav. */
@Controller()
export class ResultatConsumer {
  constructor(
    @Inject(EventConsumer) private readonly consumer: EventConsumer,
    @Inject(ResultatService) private readonly resultat: ResultatService,
  ) {}

  @EventPattern<string>(bokslutFaststallt.topic)
  async onBokslut(@Payload() data: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(bokslutFaststallt, data, context, (em, envelope) => this.resultat.registreraBokslut(em, envelope.payload));
  }
}
