import type { EventConsumer, Andringsnotiser, ServiceConfig } from '@tertial/service-kit';
import type { KafkaContext } from '@nestjs/microservices';
import type { PrognosomgangAndradPayload } from '@tertial/contracts/events';
import { describe, expect, it, vi } from 'vitest';

import { UppfoljningConsumer } from './uppfoljning.consumer.js';
import type { UppfoljningService } from './uppfoljning.service.js';

const omgang = (status: PrognosomgangAndradPayload['status']): PrognosomgangAndradPayload => ({
  ar: 2026,
  tillfalle: 'augusti',
  typ: 'ordinarie',
  status,
  deadline: '2026-09-10T16:00:00+02:00',
  utfallTomManad: 8,
  namnder: null,
  andring: 1,
  andradAt: '2026-09-01T08:00:00+02:00',
});

/** The consumer with an EventConsumer that applies the event (or says how it went) and a service that records calls. */
function uppsattning(rebuild: ServiceConfig['rebuild'], outcome: 'applied' | 'duplicate' = 'applied') {
  const payload = { current: omgang('oppen') };
  const consumer = {
    consume: vi.fn(
      async (_definition: unknown, _data: unknown, _context: unknown, apply: (em: unknown, envelope: unknown) => Promise<void>) => {
        if (outcome === 'applied') await apply({}, { payload: payload.current, occurredAt: payload.current.andradAt });
        return outcome;
      },
    ),
  };
  const tjanst = { registreraOmgang: vi.fn(), meddela: vi.fn(), forbered: vi.fn(), omgangStangd$: { next: vi.fn() } };
  const notiser = { skicka: vi.fn() };
  const uppfoljning = new UppfoljningConsumer(
    consumer as unknown as EventConsumer,
    tjanst as unknown as UppfoljningService,
    notiser as unknown as Andringsnotiser,
    { rebuild },
  );
  return { uppfoljning, tjanst, payload };
}

describe('UppfoljningConsumer: a round event', () => {
  it.each([
    { fall: 'an open round, running', status: 'oppen', rebuild: null, outcome: 'applied', forbered: 1, stangd: 0 },
    { fall: 'an open round, in a rebuild', status: 'oppen', rebuild: { till: null }, outcome: 'applied', forbered: 0, stangd: 0 },
    { fall: 'a closed round, running', status: 'stangd', rebuild: null, outcome: 'applied', forbered: 0, stangd: 1 },
    { fall: 'an open round seen before', status: 'oppen', rebuild: null, outcome: 'duplicate', forbered: 0, stangd: 0 },
  ] as const)(
    '$fall: rolled up ahead $forbered time(s), told closed $stangd time(s)',
    async ({ status, rebuild, outcome, forbered, stangd }) => {
      const { uppfoljning, tjanst, payload } = uppsattning(rebuild, outcome);
      payload.current = omgang(status);
      await uppfoljning.onPrognosomgang({}, {} as KafkaContext);
      expect(tjanst.forbered).toHaveBeenCalledTimes(forbered);
      if (forbered) expect(tjanst.forbered).toHaveBeenCalledWith(2026, 'augusti');
      expect(tjanst.omgangStangd$.next).toHaveBeenCalledTimes(stangd);
      // The year's figures are read again after every applied round event, in a rebuild too.
      expect(tjanst.meddela).toHaveBeenCalledTimes(outcome === 'applied' ? 1 : 0);
    },
  );
});
