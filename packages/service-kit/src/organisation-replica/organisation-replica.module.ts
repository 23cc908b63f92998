import { Module } from '@nestjs/common';

import { OrganisationReplicaConsumer } from './organisation-replica.consumer.js';
import { OrganisationReplica } from './organisation-replica.service.js';

/** For services that follow the organisation owned by the budget service. */
@Module({
  controllers: [OrganisationReplicaConsumer],
  providers: [OrganisationReplica],
  exports: [OrganisationReplica],
})
export class OrganisationReplicaModule {}
