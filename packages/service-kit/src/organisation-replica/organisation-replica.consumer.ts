import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { organisationsnodUppdaterad } from '@tertial/contracts/events';

import { Andringsnotiser } from '../andringsnotiser/andringsnotiser.js';
import { EventConsumer } from '../consumer/event-consumer.js';
import { ORGANISATIONEN_ANDRAD, OrganisationReplica } from './organisation-replica.service.js';

@Controller()
export class OrganisationReplicaConsumer {
  constructor(
    @Inject(EventConsumer) private readonly consumer: EventConsumer,
    @Inject(OrganisationReplica) private readonly replica: OrganisationReplica,
    @Inject(Andringsnotiser) private readonly notiser: Andringsnotiser,
  ) {}

  @EventPattern<string>(organisationsnodUppdaterad.topic)
  async onOrganisationsnodUppdaterad(@Payload() data: unknown, @Ctx() context: KafkaContext): Promise<void> {
    const outcome = await this.consumer.consume(organisationsnodUppdaterad, data, context, async (em, envelope) => {
      await this.replica.upsert(em, envelope.payload);
      await this.notiser.skicka(em, ORGANISATIONEN_ANDRAD);
    });
    if (outcome === 'applied') this.replica.changed$.next();
  }
}
