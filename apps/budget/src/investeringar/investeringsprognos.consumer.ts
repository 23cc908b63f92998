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
    // Most forecasts name no project: those are passed by without a transaction (whether they are well-formed is the
    // report service's concern, which dead-letters a bad one); the rest go through the consumer and its checks.
    if (!namnerProjekt(data)) return;
    let andrade = 0;
    await this.consumer.consume(helarsprognosAndrad, data, context, async (em, envelope) => {
      andrade = await this.investeringar.tillampaPrognos(em, envelope.payload, envelope.correlationId);
    });
    if (andrade > 0) this.outbox.wake();
  }
}

/** Whether a message may name a project: a well-formed one with investment lines, or one not well-formed at all. */
function namnerProjekt(data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return true;
  const payload = (data as { payload?: unknown }).payload;
  if (typeof payload !== 'object' || payload === null) return true;
  const investeringar = (payload as { investeringar?: unknown }).investeringar;
  if (investeringar === undefined || investeringar === null) return false;
  return !Array.isArray(investeringar) || investeringar.length > 0;
}
