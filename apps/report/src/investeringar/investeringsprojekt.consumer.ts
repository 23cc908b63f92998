import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { investeringsprojektUppdaterat } from '@tertial/contracts/events';
import { EventConsumer } from '@tertial/service-kit';

import { InvesteringarService } from './investeringar.service.js';

/** The budget service's investment plan, project by project. */
@Controller()
export class InvesteringsprojektConsumer {
  constructor(
    @Inject(EventConsumer) private readonly consumer: EventConsumer,
    @Inject(InvesteringarService) private readonly investeringar: InvesteringarService,
  ) {}

  @EventPattern<string>(investeringsprojektUppdaterat.topic)
  async onProjekt(@Payload() data: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(investeringsprojektUppdaterat, data, context, (em, envelope) =>
      this.investeringar.registrera(em, envelope.payload, envelope.occurredAt),
    );
  }
}
