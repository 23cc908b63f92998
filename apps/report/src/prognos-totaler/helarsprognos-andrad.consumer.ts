import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { helarsprognosAndrad, type HelarsprognosAndradPayload } from '@tertial/contracts/events';
import { EventConsumer } from '@tertial/service-kit';

import { UppfoljningService } from '../uppfoljning/uppfoljning.service.js';
import { PrognosTotalerService } from './prognos-totaler.service.js';

/** Every change of a chef's helårsprognos: the totals and the roll-up keep its latest state per ansvar. */
@Controller()
export class HelarsprognosAndradConsumer {
  constructor(
    @Inject(EventConsumer) private readonly consumer: EventConsumer,
    @Inject(PrognosTotalerService) private readonly totaler: PrognosTotalerService,
    @Inject(UppfoljningService) private readonly uppfoljning: UppfoljningService,
  ) {}

  @EventPattern<string>(helarsprognosAndrad.topic)
  async onHelarsprognosAndrad(@Payload() data: unknown, @Ctx() context: KafkaContext): Promise<void> {
    let registrerad: HelarsprognosAndradPayload | undefined;
    const outcome = await this.consumer.consume(helarsprognosAndrad, data, context, async (em, envelope) => {
      if (await this.totaler.registreraPrognos(em, envelope.payload)) registrerad = envelope.payload;
    });
    if (outcome === 'applied' && registrerad) {
      this.totaler.meddelaPrognos(registrerad);
      this.uppfoljning.meddela(registrerad.ar);
    }
  }
}
