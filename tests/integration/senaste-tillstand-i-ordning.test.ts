// Events that carry a key's whole current state (a nämnd's frame, an ansvar's utfall) are applied by the report service
// only when not older than what it keeps: with two replicas of the budget service, two outbox relays can put one key's
// changes on the topic in the opposite order to the one they were made in.
import { randomUUID } from 'node:crypto';

import type { PrognosTotaler } from '@tertial/contracts/dto';
import type { EventDefinition, EventEnvelope } from '@tertial/contracts/envelope';
import { namndramUppdaterad, utfallAnsvarUppdaterat } from '@tertial/contracts/events';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';

import { apiClient } from '../support/api.js';
import { ansvarI, DEMO } from '../support/demo.js';
import { testDatabase } from '../support/global-setup.js';
import { testKafka } from '../support/kafka.js';
import { eventually } from '../support/services.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);
const kafka = testKafka(stack.kafkaBrokers);

/** A year of the test's own: nothing else in the run publishes frames or utfall for it. */
const AR = 2052;
const NAMND = DEMO.organisation.find((node) => node.niva === 'namnd')!.kod;
const ANSVAR = ansvarI(NAMND)[0]!;
const NU = Date.now();

function envelope<T>(event: EventDefinition<T>, payload: T, occurredAt: number): EventEnvelope<T> {
  return {
    eventId: randomUUID(),
    type: event.type,
    schemaVersion: event.schemaVersion,
    occurredAt: new Date(occurredAt).toISOString(),
    producer: 'budget',
    correlationId: randomUUID(),
    key: event.keyOf(payload),
    payload,
  };
}

const ram = (ramOre: number, occurredAt: number) =>
  envelope(namndramUppdaterad, { ar: AR, namnd: NAMND, ramOre, versionId: `ram-${ramOre}` }, occurredAt);
const utfall = (personalOre: number, occurredAt: number) =>
  envelope(
    utfallAnsvarUppdaterat,
    {
      ar: AR,
      ansvar: ANSVAR,
      importId: randomUUID(),
      manader: [{ manad: 1, rader: [{ kontogrupp: 'personalkostnader', beloppOre: personalOre }] }],
    },
    occurredAt,
  );

async function publicera(topic: string, e: EventEnvelope): Promise<void> {
  await kafka.produce(topic, [{ key: e.key, value: JSON.stringify(e) }]);
}

/** Waits until the report service has applied (or passed over) the event: its id is in the processed-event log. */
async function behandlad(eventId: string): Promise<void> {
  const db = new pg.Client({ connectionString: `${stack.postgresUrl}/${testDatabase('test_report')}` });
  await db.connect();
  try {
    await eventually(
      async () =>
        (await db.query<{ n: number }>('select count(*)::int as n from processed_event where event_id = $1', [eventId])).rows[0]!.n,
      (n) => n === 1,
    );
  } finally {
    await db.end();
  }
}

const namndensSiffror = async () => {
  const { body } = await api.json<PrognosTotaler>(`/api/report/prognos-totaler?ar=${AR}&tillfalle=april`);
  const namnd = body.namnder.find((rad) => rad.kod === NAMND);
  return { budgetOre: namnd?.budgetOre ?? null, utfallOre: namnd?.utfallOre ?? null };
};

describe('a change that reaches the report service after a later one of the same key', () => {
  it('keeps the later frame and utfall, and still takes a change later than both', async () => {
    // The later change first, as when the other replica's relay published it before this one's.
    const senareRam = ram(500_000_00, NU);
    const senareUtfall = utfall(1_234_567, NU);
    await publicera(namndramUppdaterad.topic, senareRam);
    await publicera(utfallAnsvarUppdaterat.topic, senareUtfall);
    await eventually(namndensSiffror, (s) => s.budgetOre === 500_000_00 && s.utfallOre === 1_234_567);

    // Then the earlier one: passed over, so the figures stay those of the later change.
    const tidigareRam = ram(100_000_00, NU - 60_000);
    const tidigareUtfall = utfall(7_654_321, NU - 60_000);
    await publicera(namndramUppdaterad.topic, tidigareRam);
    await publicera(utfallAnsvarUppdaterat.topic, tidigareUtfall);
    await behandlad(tidigareRam.eventId);
    await behandlad(tidigareUtfall.eventId);
    expect(await namndensSiffror()).toEqual({ budgetOre: 500_000_00, utfallOre: 1_234_567 });

    // A change later than both is kept.
    await publicera(namndramUppdaterad.topic, ram(600_000_00, NU + 1_000));
    await publicera(utfallAnsvarUppdaterat.topic, utfall(2_000_000, NU + 1_000));
    await eventually(namndensSiffror, (s) => s.budgetOre === 600_000_00 && s.utfallOre === 2_000_000);
  });
});
