import type { EntityManager } from '@mikro-orm/core';
import { sqlDirekt } from '@tertial/service-kit';

/**
 * What a "latest state" event describes: a nämnd's frame for a year, an ansvar's utfall or verksamhetsbudget for a year,
 * a company's budget, utfall or forecast for a year (`bolagssiffror`), an investment project.
 */
export type Tillstandsslag = 'namndram' | 'utfall' | 'verksamhetsbudget' | 'bolagssiffror' | 'investeringsprojekt';

const LAS = 'select "occurred_ms" from "senaste_tillstand" where "slag" = ? and "nyckel" = ?';
const UPPDATERA = 'update "senaste_tillstand" set "occurred_ms" = ? where "slag" = ? and "nyckel" = ?';
const SKRIV = 'insert into "senaste_tillstand" ("occurred_ms", "slag", "nyckel") values (?, ?, ?)';

/**
 * For events that carry a key's whole current state (a nämnd's frame, an ansvar's utfall or budget for the year), so
 * that the latest replaces what was kept: says whether the event's state is the latest one seen for its key, by the
 * time it occurred (the envelope's `occurredAt`), and notes it if so.
 *
 * Why: with two replicas of the producing service, each one's outbox relay claims its own rows (SKIP LOCKED), so two
 * changes of one key can reach the topic in the opposite order to the one they were made in, and applying whichever
 * arrives last would keep the older state. An event as old as the one kept is applied (a redelivery, or two changes of
 * one millisecond in their order on the partition); an older one is passed over. Events are applied one at a time
 * per key (one partition), so reading and writing here need no lock.
 */
export async function arSenastaTillstand(em: EntityManager, slag: Tillstandsslag, nyckel: string, occurredAt: string): Promise<boolean> {
  const ms = Date.parse(occurredAt);
  const {
    rader: [kant],
  } = await sqlDirekt<{ occurred_ms: number | string }>(em, LAS, [slag, nyckel]);
  if (kant && Number(kant.occurred_ms) > ms) return false;
  await sqlDirekt(em, kant ? UPPDATERA : SKRIV, [ms, slag, nyckel]);
  return true;
}
