import { randomUUID } from 'node:crypto';

import type { EventEnvelope } from '@tertial/contracts/envelope';
import { helarsprognosAndrad, type HelarsprognosAndradPayload } from '@tertial/contracts/events';
import type { Problem } from '@tertial/contracts/problem';
import pg from 'pg';
import { beforeAll, describe, expect, inject, it } from 'vitest';

import { apiClient } from '../support/api.js';
import { ALLA_ANSVAR, ansvarI } from '../support/demo.js';
import { testDatabase } from '../support/global-setup.js';
import { testKafka } from '../support/kafka.js';
import { eventually } from '../support/services.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);
const kafka = testKafka(stack.kafkaBrokers);

type Andring = Omit<HelarsprognosAndradPayload, 'prognosId' | 'andradAt' | 'kommentar' | 'beslutskommentar' | 'andradAv' | 'version'> &
  Partial<Pick<HelarsprognosAndradPayload, 'version' | 'kommentar'>>;

/**
 * A change of a forecast as the forecast service publishes it: the whole state, ordered by `andring`. Each test
 * works in a year of its own, so the totals it reads are only its own.
 */
function envelope(payload: Andring): EventEnvelope<HelarsprognosAndradPayload> {
  return {
    eventId: randomUUID(),
    type: helarsprognosAndrad.type,
    schemaVersion: helarsprognosAndrad.schemaVersion,
    occurredAt: new Date().toISOString(),
    producer: 'forecast',
    correlationId: randomUUID(),
    key: payload.ansvar,
    payload: {
      version: payload.andring,
      kommentar: null,
      ...payload,
      prognosId: randomUUID(),
      beslutskommentar: null,
      andradAv: { id: 'chef', namn: 'En chef' },
      andradAt: new Date().toISOString(),
    },
  };
}

const [SN_1] = ansvarI('SN') as [string];
const [VON_1] = ansvarI('VON') as [string];
const [SFN_1, SFN_2] = ansvarI('SFN') as [string, string];

const send = (...envelopes: EventEnvelope[]) =>
  kafka.produce(
    helarsprognosAndrad.topic,
    envelopes.map((e) => ({ key: e.key, value: JSON.stringify(e) })),
  );

/**
 * Events of one key stay in order on one partition: once a marker for another year (sent after them with the same
 * ansvar) is visible, everything before it has been handled.
 */
async function handled(ansvar: string, ar: number): Promise<void> {
  await send(
    envelope({
      ansvar,
      ar,
      tillfalle: 'augusti',
      andring: 1,
      status: 'klarmarkerad',
      rader: [{ kontogrupp: 'personalkostnader', beloppOre: 1_00 }],
    }),
  );
  // The first test may wait for the report service to work through what the budget service published at start.
  await eventually(
    () => api.totaler(ar, 'augusti'),
    (t) => t.stad.antalLamnade === 1,
    60_000,
  );
}

describe('a helårsprognos flows from the forecast service to the city total', () => {
  beforeAll(async () => {
    const health = await Promise.all(
      ['goals', 'budget', 'forecast', 'report'].map((s) =>
        api.json<{ status: string; checks: Record<string, { status: string }> }>(`/api/${s}/health`),
      ),
    );
    for (const { status, body } of health) {
      expect(status).toBe(200);
      expect(body.checks).toMatchObject({ database: { status: 'up' }, kafka: { status: 'up' } });
    }
    await api.oppnaOmgangar([2032]);
  });

  it('a klarmarkerad forecast reaches its nämnd and the city total, exact to the öre; an utkast does not count', async () => {
    const rader = [
      { kontogrupp: 'intakter', beloppOre: 100_000_050 },
      { kontogrupp: 'personalkostnader', beloppOre: 1_234_567_890 },
      { kontogrupp: 'lokalkostnader', beloppOre: 10 },
    ] as const;
    await send(envelope({ ansvar: SN_1, ar: 2031, tillfalle: 'augusti', andring: 1, status: 'utkast', rader: [...rader] }));
    await handled(SN_1, 2051);
    expect((await api.totaler(2031, 'augusti')).stad).toMatchObject({ antalLamnade: 0, nettokostnadOre: 0 });

    await send(
      envelope({ ansvar: SN_1, ar: 2031, tillfalle: 'augusti', andring: 2, version: 1, status: 'klarmarkerad', rader: [...rader] }),
    );
    const totaler = await eventually(
      () => api.totaler(2031, 'augusti'),
      (t) => t.stad.antalLamnade === 1,
    );
    expect(totaler.stad).toMatchObject({
      kod: '1283',
      intakterOre: 100_000_050,
      kostnaderOre: 1_234_567_900,
      nettokostnadOre: 1_134_567_850,
      antalAnsvar: ALLA_ANSVAR.length,
    });
    expect(totaler.namnder.find((n) => n.kod === 'SN')).toMatchObject({
      nettokostnadOre: 1_134_567_850,
      antalLamnade: 1,
      antalAnsvar: ansvarI('SN').length,
    });
    expect(totaler.namnder.find((n) => n.kod === 'KS')).toMatchObject({ nettokostnadOre: 0, antalLamnade: 0 });
  });

  it('a later change replaces the ansvar’s earlier state, an older one arriving late is ignored, and one sent back stops counting', async () => {
    const personal = (beloppOre: number) => [{ kontogrupp: 'personalkostnader' as const, beloppOre }];
    await send(
      envelope({ ansvar: VON_1, ar: 2030, tillfalle: 'april', andring: 1, status: 'klarmarkerad', rader: personal(500_00) }),
      envelope({ ansvar: VON_1, ar: 2030, tillfalle: 'april', andring: 2, version: 2, status: 'godkand', rader: personal(800_00) }),
    );
    await eventually(
      () => api.totaler(2030, 'april'),
      (t) => t.stad.nettokostnadOre === 800_00,
      60_000,
    );

    await send(envelope({ ansvar: VON_1, ar: 2030, tillfalle: 'april', andring: 1, status: 'klarmarkerad', rader: personal(999_00) }));
    await handled(VON_1, 2052);
    expect((await api.totaler(2030, 'april')).stad).toMatchObject({ nettokostnadOre: 800_00, antalLamnade: 1 });

    await send(
      envelope({ ansvar: VON_1, ar: 2030, tillfalle: 'april', andring: 3, version: 2, status: 'aterskickad', rader: personal(800_00) }),
    );
    const totaler = await eventually(
      () => api.totaler(2030, 'april'),
      (t) => t.stad.antalLamnade === 0,
    );
    expect(totaler.stad.nettokostnadOre).toBe(0);
  });

  it.each([
    ['a missing amount', { ansvar: SN_1, ar: 2032, tillfalle: 'april', rader: [{ kontogrupp: 'intakter' }] }, 400, 'rader[0].belopp'],
    [
      'a non-numeric amount',
      { ansvar: SN_1, ar: 2032, tillfalle: 'april', rader: [{ kontogrupp: 'intakter', belopp: 'tolv' }] },
      400,
      'rader[0].belopp',
    ],
    [
      'an amount with three decimals',
      { ansvar: SN_1, ar: 2032, tillfalle: 'april', rader: [{ kontogrupp: 'intakter', belopp: '1.005' }] },
      400,
      'rader[0].belopp',
    ],
    [
      'a negative amount',
      { ansvar: SN_1, ar: 2032, tillfalle: 'april', rader: [{ kontogrupp: 'intakter', belopp: -5 }] },
      400,
      'rader[0].belopp',
    ],
    [
      'an unknown kontogrupp',
      { ansvar: SN_1, ar: 2032, tillfalle: 'april', rader: [{ kontogrupp: 'champagne', belopp: 5 }] },
      400,
      'rader[0].kontogrupp',
    ],
    // Refused as "not yours", exactly like another chef's ansvar: a refusal says nothing about what exists.
    ['an unknown ansvar', { ansvar: '99999', ar: 2032, tillfalle: 'april', rader: [{ kontogrupp: 'intakter', belopp: 5 }] }, 403, null],
    [
      'an unknown tillfälle',
      { ansvar: SN_1, ar: 2032, tillfalle: 'midsommar', rader: [{ kontogrupp: 'intakter', belopp: 5 }] },
      400,
      'tillfalle',
    ],
    ['no lines', { ansvar: SN_1, ar: 2032, tillfalle: 'april', rader: [] }, 400, 'rader'],
    ['a body that is not JSON', '{"ansvar": "41230", rader: [', 400, '(body)'],
  ])('%s is refused with problem+json naming the field, and nothing is stored', async (_, body, status, field) => {
    const response = await api.lamnaPrognos(body);
    expect(response.status).toBe(status);
    expect(response.contentType).toMatch(/^application\/problem\+json/);
    const problem = response.body as unknown as Problem;
    expect(problem).toMatchObject({ status, title: expect.any(String) });
    if (field) expect(problem.errors?.map((error) => error.field)).toContain(field);
    const stored = await api.json<unknown[]>('/api/forecast/helarsprognoser?ar=2032&tillfalle=april');
    expect(stored.body).toEqual([]);
  });

  it('the same event delivered twice counts once', async () => {
    const event = envelope({
      ansvar: SFN_1,
      ar: 2033,
      tillfalle: 'augusti',
      andring: 1,
      status: 'klarmarkerad',
      rader: [{ kontogrupp: 'personalkostnader', beloppOre: 4_200_00 }],
    });
    await send(event);
    await eventually(
      () => api.totaler(2033, 'augusti'),
      (t) => t.stad.antalLamnade === 1,
    );
    await send(event);
    // A later event with the same key lands on the same partition, so once it is applied the duplicate has been handled.
    await send(
      envelope({
        ansvar: SFN_1,
        ar: 2034,
        tillfalle: 'augusti',
        andring: 1,
        status: 'klarmarkerad',
        rader: [{ kontogrupp: 'personalkostnader', beloppOre: 1_00 }],
      }),
    );
    await eventually(
      () => api.totaler(2034, 'augusti'),
      (t) => t.stad.antalLamnade === 1,
    );

    const totaler = await api.totaler(2033, 'augusti');
    expect(totaler.stad).toMatchObject({ nettokostnadOre: 4_200_00, antalLamnade: 1 });
    const db = new pg.Client({ connectionString: `${stack.postgresUrl}/${testDatabase('test_report')}` });
    await db.connect();
    try {
      const { rows } = await db.query<{ n: number }>('select count(*)::int as n from processed_event where event_id = $1', [event.eventId]);
      expect(rows[0]?.n).toBe(1);
    } finally {
      await db.end();
    }
  });

  it('a malformed message goes to the dead-letter topic with its reason, and the next good one is still applied', async () => {
    const marker = randomUUID();
    const invalid = envelope({
      ansvar: SFN_2,
      ar: 2035,
      tillfalle: 'april',
      andring: 1,
      status: 'klarmarkerad',
      rader: [{ kontogrupp: 'personalkostnader', beloppOre: 1 }],
      kommentar: marker,
    });
    (invalid.payload as { rader: unknown }).rader = [{ kontogrupp: 'personalkostnader', beloppOre: 'mycket' }];
    await kafka.produce(helarsprognosAndrad.topic, [
      { key: SFN_2, value: `inte json ${marker}` },
      { key: SFN_2, value: JSON.stringify(invalid) },
    ]);
    await send(
      envelope({
        ansvar: SFN_2,
        ar: 2035,
        tillfalle: 'april',
        andring: 1,
        status: 'godkand',
        rader: [{ kontogrupp: 'ovriga-kostnader', beloppOre: 123_45 }],
      }),
    );

    const totaler = await eventually(
      () => api.totaler(2035, 'april'),
      (t) => t.stad.antalLamnade === 1,
    );
    expect(totaler.stad.nettokostnadOre).toBe(123_45);

    const ours = (messages: { value: Buffer | null; headers?: Record<string, unknown> }[]) =>
      messages.filter((m) => m.value?.toString().includes(marker) && m.headers?.['x-dead-lettered-by']?.toString() === 'report');
    const deadLetters = ours(await kafka.readUntil(`${helarsprognosAndrad.topic}.dlt`, (messages) => ours(messages).length >= 2));
    const reasons = deadLetters.map((m) => m.headers?.['x-dead-letter-reason']?.toString());
    expect(reasons).toEqual([expect.stringContaining('inte giltig JSON'), expect.stringContaining('rader.0.beloppOre')]);
    expect(deadLetters[0]?.headers?.['x-original-topic']?.toString()).toBe(helarsprognosAndrad.topic);
  });
});
