import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { ansvarsbudgetUppdaterad, utfallAnsvarUppdaterat } from '@tertial/contracts/events';
import { EventConsumer } from '@tertial/service-kit';

import { Ansvarsbudget, Ansvarsutfall } from './underlag.entity.js';

/**
 * Budget's ansvarsbudget and utfall per ansvar, kept beside the forecasts for the chef's entry and the threshold.
 * Each event carries the ansvar's whole year, so the latest replaces what was there.
 */
@Controller()
export class UnderlagConsumer {
  constructor(@Inject(EventConsumer) private readonly consumer: EventConsumer) {}

  @EventPattern<string>(ansvarsbudgetUppdaterad.topic)
  async onAnsvarsbudget(@Payload() data: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(ansvarsbudgetUppdaterad, data, context, async (em, { payload }) => {
      await em.upsert(Ansvarsbudget, {
        ansvar: payload.ansvar,
        ar: payload.ar,
        namnd: payload.namnd,
        versionId: payload.versionId,
        rader: payload.rader,
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
