import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { inriktningUppdaterad, malbedomningUppdaterad, malUppdaterat } from '@tertial/contracts/events';
import { EventConsumer } from '@tertial/service-kit';

import { MaluppfyllelseService } from './maluppfyllelse.service.js';

/**
 * The goals service's mål, inriktningar and assessments. The nyckeltal, their measurements and the Kolada
 * comparisons stay with the goals service: the report needs only what each assessment says.
 */
@Controller()
export class MaluppfyllelseConsumer {
  constructor(
    @Inject(EventConsumer) private readonly consumer: EventConsumer,
    @Inject(MaluppfyllelseService) private readonly maluppfyllelse: MaluppfyllelseService,
  ) {}

  @EventPattern<string>(malUppdaterat.topic)
  async onMal(@Payload() data: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(malUppdaterat, data, context, (em, envelope) => this.maluppfyllelse.registreraMal(em, envelope.payload));
  }

  @EventPattern<string>(malbedomningUppdaterad.topic)
  async onMalbedomning(@Payload() data: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(malbedomningUppdaterad, data, context, (em, envelope) =>
      this.maluppfyllelse.registreraBedomning(em, envelope.payload),
    );
  }

  @EventPattern<string>(inriktningUppdaterad.topic)
  async onInriktning(@Payload() data: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(inriktningUppdaterad, data, context, (em, envelope) =>
      this.maluppfyllelse.registreraInriktning(em, envelope.payload),
    );
  }
}
