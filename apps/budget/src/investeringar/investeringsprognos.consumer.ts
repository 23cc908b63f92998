import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { helarsprognosAndrad } from '@tertial/contracts/events';
import { EventConsumer, OutboxRelay } from '@tertial/service-kit';

import { InvesteringarService } from './investeringar.service.js';

/**
 * The investment follow-up takes each project's forecast from its ansvar's helårsprognos once the chef marks it
 * ready, instead of the ekonomidirektör typing it in.
 */
@Controller()
export class InvesteringsprognosConsumer {
  constructor(
    @Inject(EventConsumer) private readonly consumer: EventConsumer,
    @Inject(InvesteringarService) private readonly investeringar: InvesteringarService,
    @Inject(OutboxRelay) private readonly outbox: OutboxRelay,
  ) {}

  @EventPattern<string>(helarsprognosAndrad.topic)
  async onHelarsprognos(@Payload() data: unknown, @Ctx() context: KafkaContext): Promise<void> {
    let andrade = 0;
    await this.consumer.consume(helarsprognosAndrad, data, context, async (em, envelope) => {
      andrade = await this.investeringar.tillampaPrognos(em, envelope.payload, envelope.correlationId);
    });
    if (andrade > 0) this.outbox.wake();
  }
}
