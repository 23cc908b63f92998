import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { helarsprognosLamnad, type HelarsprognosLamnadPayload } from '@tertial/contracts/events';
import { EventConsumer } from '@tertial/service-kit';

import { PrognosTotalerService } from './prognos-totaler.service.js';

@Controller()
export class HelarsprognosLamnadConsumer {
  constructor(
    @Inject(EventConsumer) private readonly consumer: EventConsumer,
    @Inject(PrognosTotalerService) private readonly totaler: PrognosTotalerService,
  ) {}

  @EventPattern<string>(helarsprognosLamnad.topic)
  async onHelarsprognosLamnad(@Payload() data: unknown, @Ctx() context: KafkaContext): Promise<void> {
    let registrerad: HelarsprognosLamnadPayload | undefined;
    const outcome = await this.consumer.consume(helarsprognosLamnad, data, context, async (em, envelope) => {
      await this.totaler.registreraPrognos(em, envelope.payload);
      registrerad = envelope.payload;
    });
    if (outcome === 'applied' && registrerad) this.totaler.meddelaPrognos(registrerad);
  }
}
