import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { investeringsprojektUppdaterat } from '@tertial/contracts/events';
import { EventConsumer } from '@tertial/service-kit';

import { InvesteringsprojektReplika } from './investeringsprojekt.entity.js';

/** Keeps the investment projects beside the forecasts; each event carries the whole project, so the latest replaces it. */
@Controller()
export class InvesteringsprojektConsumer {
  constructor(@Inject(EventConsumer) private readonly consumer: EventConsumer) {}

  @EventPattern<string>(investeringsprojektUppdaterat.topic)
  async onInvesteringsprojekt(@Payload() data: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(investeringsprojektUppdaterat, data, context, async (em, { payload }) => {
      await em.upsert(InvesteringsprojektReplika, {
        id: payload.id,
        namnd: payload.namnd,
        ansvar: payload.ansvar ?? null,
        namn: payload.namn,
        ar: payload.ar.map((ar) => ({ ar: ar.ar, budgetOre: ar.budgetOre, utfallOre: ar.utfallOre ?? null })),
        uppdateradAt: new Date(),
      });
    });
  }
}
