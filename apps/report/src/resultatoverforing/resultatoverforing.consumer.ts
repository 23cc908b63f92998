import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { resultatoverforingBeslutad } from '@tertial/contracts/events';
import { EventConsumer } from '@tertial/service-kit';

import { ResultatoverforingService } from './resultatoverforing.service.js';

/** KF's decision on a closed year's resultatöverföring, from the budget service. */
@Controller()
export class ResultatoverforingConsumer {
  constructor(
    @Inject(EventConsumer) private readonly consumer: EventConsumer,
    @Inject(ResultatoverforingService) private readonly resultatoverforing: ResultatoverforingService,
  ) {}

  @EventPattern<string>(resultatoverforingBeslutad.topic)
  async onBeslutad(@Payload() data: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(resultatoverforingBeslutad, data, context, (em, envelope) =>
      this.resultatoverforing.registrera(em, envelope.payload),
    );
  }
}
