import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { namndramUppdaterad, utfallAnsvarUppdaterat } from '@tertial/contracts/events';
import { Andringsnotiser, EventConsumer } from '@tertial/service-kit';

import type { ReportNotis } from '../replikor/notiser.js';
import { UppfoljningService } from '../uppfoljning/uppfoljning.service.js';
import { PrognosTotalerService } from './prognos-totaler.service.js';

/** The budget service's frames and utfall, kept beside the forecasts so the totals and the roll-up compare all three. */
@Controller()
export class JamforelseConsumer {
  constructor(
    @Inject(EventConsumer) private readonly consumer: EventConsumer,
    @Inject(PrognosTotalerService) private readonly totaler: PrognosTotalerService,
    @Inject(UppfoljningService) private readonly uppfoljning: UppfoljningService,
    @Inject(Andringsnotiser) private readonly notiser: Andringsnotiser,
  ) {}

  @EventPattern<string>(namndramUppdaterad.topic)
  async onNamndram(@Payload() data: unknown, @Ctx() context: KafkaContext): Promise<void> {
    let ar: number | undefined;
    const outcome = await this.consumer.consume(namndramUppdaterad, data, context, async (em, envelope) => {
      await this.totaler.registreraRam(em, envelope.payload, envelope.occurredAt);
      ar = envelope.payload.ar;
      await this.notiser.skicka(em, { typ: 'jamforelse', ar } satisfies ReportNotis);
    });
    if (outcome === 'applied' && ar !== undefined) this.totaler.meddelaJamforelse(ar);
  }

  @EventPattern<string>(utfallAnsvarUppdaterat.topic)
  async onUtfall(@Payload() data: unknown, @Ctx() context: KafkaContext): Promise<void> {
    let ar: number | undefined;
    const outcome = await this.consumer.consume(utfallAnsvarUppdaterat, data, context, async (em, envelope) => {
      await this.uppfoljning.registreraUtfall(em, envelope.payload, envelope.occurredAt);
      ar = envelope.payload.ar;
      await this.notiser.skicka(em, { typ: 'ar', ar, budget: false } satisfies ReportNotis);
    });
    if (outcome === 'applied' && ar !== undefined) {
      this.totaler.meddelaJamforelse(ar);
      this.uppfoljning.meddela(ar);
    }
  }
}
