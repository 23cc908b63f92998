// Creates every event topic and its .dlt (ALL_EVENTS of @tertial/contracts: partitions and retention from each event's
// contract) and exits; running it again changes nothing. The topics job of compose.yaml and of infra/k8s runs it.
//   KAFKA_BROKERS=host:port,… TERTIAL_TOPIC_REPLICATION_FACTOR=3 node infra/scripts/create-topics.mjs
import { ALL_EVENTS } from '@tertial/contracts/events';

import { ensureTopics, replicationFactorFrom, topicsOf } from './lib/topics.mjs';

const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
if (brokers.length === 0) throw new Error('KAFKA_BROKERS is not set');
const replicationFactor = replicationFactorFrom(process.env);
const { created } = await ensureTopics(brokers, topicsOf(ALL_EVENTS), { replicationFactor });
console.log(`[tertial] topics created (replication factor ${replicationFactor}):`, created.join(', ') || 'none (all there)');
