import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { utfallAnsvarUppdaterat, verksamhetsbudgetUppdaterad } from '@tertial/contracts/events';
import { EventConsumer } from '@tertial/service-kit';

import { Ansvarsbudget, Ansvarsutfall } from './underlag.entity.js';
import { arsbudget } from './underlagsregler.js';

/**
 * Budget's verksamhetsbudget (the internbudget per kontogrupp and month, as the chef spread it or by last year's
 * pattern) and utfall per ansvar, kept beside the forecasts for the chef's entry and the threshold.
 * Each event carries the ansvar's whole year, so the latest replaces what was there.
 */
@Controller()
export class UnderlagConsumer {
  constructor(@Inject(EventConsumer) private readonly consumer: EventConsumer) {}

  @EventPattern<string>(verksamhetsbudgetUppdaterad.topic)
  async onVerksamhetsbudget(@Payload() data: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(verksamhetsbudgetUppdaterad, data, context, async (em, { payload }) => {
      await em.upsert(Ansvarsbudget, {
        ansvar: payload.ansvar,
        ar: payload.ar,
        namnd: payload.namnd,
        versionId: payload.versionId,
        rader: arsbudget(payload.rader),
        manader: payload.rader,
        arsarbetareTiondelar: payload.arsarbetareTiondelar ?? null,
        uppdateradAt: new Date(),
      });
    });
  }

  @EventPattern<string>(utfallAnsvarUppdaterat.topic)
  async onUtfall(@Payload() data: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(utfallAnsvarUppdaterat, data, context, async (em, { payload }) => {
      await em.upsert(Ansvarsutfall, {
        ansvar: payload.ansvar,
        ar: payload.ar,
        manader: payload.manader,
        importId: payload.importId,
        uppdateradAt: new Date(),
      });
    });
  }
}
