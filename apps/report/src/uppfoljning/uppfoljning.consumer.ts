import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { prognosomgangAndrad, verksamhetsbudgetUppdaterad, type PrognosomgangAndradPayload } from '@tertial/contracts/events';
import { Andringsnotiser, EventConsumer, SERVICE_CONFIG, type ServiceConfig } from '@tertial/service-kit';

import type { ReportNotis } from '../replikor/notiser.js';
import { UppfoljningService } from './uppfoljning.service.js';

/** Each ansvar's verksamhetsbudget from the budget service, and the forecast rounds from the forecast service. */
@Controller()
export class UppfoljningConsumer {
  constructor(
    @Inject(EventConsumer) private readonly consumer: EventConsumer,
    @Inject(UppfoljningService) private readonly uppfoljning: UppfoljningService,
    @Inject(Andringsnotiser) private readonly notiser: Andringsnotiser,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<ServiceConfig, 'rebuild'>,
  ) {}

  @EventPattern<string>(verksamhetsbudgetUppdaterad.topic)
  async onVerksamhetsbudget(@Payload() data: unknown, @Ctx() context: KafkaContext): Promise<void> {
    let ar: number | undefined;
    const outcome = await this.consumer.consume(verksamhetsbudgetUppdaterad, data, context, async (em, envelope) => {
      await this.uppfoljning.registreraBudget(em, envelope.payload, envelope.occurredAt);
      ar = envelope.payload.ar;
      await this.notiser.skicka(em, { typ: 'ar', ar, budget: true } satisfies ReportNotis);
    });
    if (outcome === 'applied' && ar !== undefined) {
      this.uppfoljning.meddela(ar);
      this.uppfoljning.budgetAndrad$.next(ar);
    }
  }

  @EventPattern<string>(prognosomgangAndrad.topic)
  async onPrognosomgang(@Payload() data: unknown, @Ctx() context: KafkaContext): Promise<void> {
    let omgang: PrognosomgangAndradPayload | undefined;
    const outcome = await this.consumer.consume(prognosomgangAndrad, data, context, async (em, envelope) => {
      await this.uppfoljning.registreraOmgang(em, envelope.payload);
      omgang = envelope.payload;
      await this.notiser.skicka(em, { typ: 'ar', ar: omgang.ar, budget: false } satisfies ReportNotis);
    });
    if (outcome === 'applied' && omgang) {
      this.uppfoljning.meddela(omgang.ar);
      if (omgang.status === 'stangd') this.uppfoljning.omgangStangd$.next(omgang);
      // An open round is rolled up ahead for those who will follow it; a rebuild replaying the log has no one waiting.
      else if (!this.config.rebuild) this.uppfoljning.forbered(omgang.ar, omgang.tillfalle);
    }
  }
}
