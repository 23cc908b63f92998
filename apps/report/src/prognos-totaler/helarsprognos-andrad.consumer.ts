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
    let registrerad: { prognos: HelarsprognosAndradPayload; appliedAt: Date } | undefined;
    const outcome = await this.consumer.consume(helarsprognosAndrad, data, context, async (em, envelope) => {
      const appliedAt = await this.totaler.registreraPrognos(em, envelope.payload);
      if (appliedAt) registrerad = { prognos: envelope.payload, appliedAt };
    });
    if (outcome === 'applied' && registrerad) {
      this.totaler.meddelaPrognos(registrerad.prognos);
      this.uppfoljning.meddelaPrognos(registrerad.prognos, registrerad.appliedAt);
    }
  }
}
