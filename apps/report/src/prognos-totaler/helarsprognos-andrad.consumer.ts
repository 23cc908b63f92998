import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { helarsprognosAndrad, type HelarsprognosAndradPayload } from '@tertial/contracts/events';
import { summeraRader } from '@tertial/contracts/prognos';
import { Andringsnotiser, EventConsumer } from '@tertial/service-kit';

import type { ReportNotis } from '../replikor/notiser.js';
import { UppfoljningService } from '../uppfoljning/uppfoljning.service.js';
import { PrognosTotalerService } from './prognos-totaler.service.js';

/**
 * Every change of a chef's helårsprognos: the totals and the roll-up keep its latest state per ansvar, in this replica
 * after the commit and in the others through the change notice.
 */
@Controller()
export class HelarsprognosAndradConsumer {
  constructor(
    @Inject(EventConsumer) private readonly consumer: EventConsumer,
    @Inject(PrognosTotalerService) private readonly totaler: PrognosTotalerService,
    @Inject(UppfoljningService) private readonly uppfoljning: UppfoljningService,
    @Inject(Andringsnotiser) private readonly notiser: Andringsnotiser,
  ) {}

  @EventPattern<string>(helarsprognosAndrad.topic)
  async onHelarsprognosAndrad(@Payload() data: unknown, @Ctx() context: KafkaContext): Promise<void> {
    let registrerad: { prognos: HelarsprognosAndradPayload; appliedAt: Date } | undefined;
    const outcome = await this.consumer.consume(helarsprognosAndrad, data, context, async (em, envelope) => {
      const appliedAt = await this.totaler.registreraPrognos(em, envelope.payload);
      if (!appliedAt) return;
      registrerad = { prognos: envelope.payload, appliedAt };
      const { ar, tillfalle, ansvar, status, andring, rader } = envelope.payload;
      await this.notiser.skicka(em, {
        typ: 'prognos',
        ar,
        tillfalle,
        ansvar,
        status,
        andring,
        nettokostnadOre: summeraRader(rader).nettokostnadOre,
        appliedAt: appliedAt.toISOString(),
      } satisfies ReportNotis);
    });
    if (outcome === 'applied' && registrerad) {
      this.totaler.meddelaPrognos(registrerad.prognos);
      this.uppfoljning.meddelaPrognos(registrerad.prognos, registrerad.appliedAt);
    }
  }
}
