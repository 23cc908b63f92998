import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { organisationsnodUppdaterad } from '@tertial/contracts/events';

import { EventConsumer } from '../consumer/event-consumer.js';
import { OrganisationReplica } from './organisation-replica.service.js';

@Controller()
export class OrganisationReplicaConsumer {
  constructor(
    @Inject(EventConsumer) private readonly consumer: EventConsumer,
    @Inject(OrganisationReplica) private readonly replica: OrganisationReplica,
  ) {}

  @EventPattern<string>(organisationsnodUppdaterad.topic)
  async onOrganisationsnodUppdaterad(@Payload() data: unknown, @Ctx() context: KafkaContext): Promise<void> {
    const outcome = await this.consumer.consume(organisationsnodUppdaterad, data, context, (em, envelope) =>
      this.replica.upsert(em, envelope.payload),
    );
    if (outcome === 'applied') this.replica.changed$.next();
  }
}
