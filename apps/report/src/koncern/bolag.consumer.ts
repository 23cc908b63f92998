import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { bolagsbudgetUppdaterad, bolagsprognosAndrad, bolagsutfallUppdaterat } from '@tertial/contracts/events';
import { EventConsumer } from '@tertial/service-kit';

import { KoncernService } from './koncern.service.js';

/** The companies' budgets and utfall from the budget service and their forecasts from the forecast service. */
@Controller()
export class BolagConsumer {
  constructor(
    @Inject(EventConsumer) private readonly consumer: EventConsumer,
    @Inject(KoncernService) private readonly koncern: KoncernService,
  ) {}

  @EventPattern<string>(bolagsbudgetUppdaterad.topic)
  async onBudget(@Payload() data: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(bolagsbudgetUppdaterad, data, context, (em, envelope) =>
      this.koncern.registreraBudget(em, envelope.payload, envelope.occurredAt),
    );
  }

  @EventPattern<string>(bolagsutfallUppdaterat.topic)
  async onUtfall(@Payload() data: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(bolagsutfallUppdaterat, data, context, (em, envelope) =>
      this.koncern.registreraUtfall(em, envelope.payload, envelope.occurredAt),
    );
  }

  @EventPattern<string>(bolagsprognosAndrad.topic)
  async onPrognos(@Payload() data: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.consume(bolagsprognosAndrad, data, context, (em, envelope) =>
      this.koncern.registreraPrognos(em, envelope.payload, envelope.occurredAt),
    );
  }
}
