import { createRequire } from 'node:module';

import { afterEach, describe, expect, it, vi } from 'vitest';

import { fixRequestQueueIdleLoop } from './request-queue-idle.js';

interface Queue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

const RequestQueue = createRequire(import.meta.url)('kafkajs/src/network/requestQueue/index.js') as new (options: object) => Queue;
const tyst = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const ko = (): Queue =>
  new RequestQueue({
    maxInFlightRequests: 1,
    requestTimeout: 30_000,
    enforceRequestTimeout: true,
    clientId: 't',
    broker: 'b',
    logger: tyst,
  });

describe("kafkajs's request queue, idle", () => {
  afterEach(() => vi.useRealTimers());

  // First in this file: the fix holds for the whole process once made.
  it('checks itself every millisecond without the fix (tulios/kafkajs#1704), not at all with it', () => {
    vi.useFakeTimers();
    const fore = ko();
    const kontroller = vi.spyOn(fore, 'checkPendingRequests');
    // What every finished request does: look for pending ones, and schedule the next look.
    fore.checkPendingRequests();
    vi.advanceTimersByTime(100);
    const utanFix = kontroller.mock.calls.length;

    fixRequestQueueIdleLoop();
    const efter = ko();
    const kontrollerEfter = vi.spyOn(efter, 'checkPendingRequests');
    efter.checkPendingRequests();
    vi.advanceTimersByTime(100);

    expect(utanFix).toBeGreaterThan(50);
    expect(kontrollerEfter.mock.calls.length).toBe(1);
    expect(efter.throttleCheckTimeoutId).toBeNull();
  });

  it('still looks again for a pending request, and after a throttle', () => {
    fixRequestQueueIdleLoop();
    vi.useFakeTimers();
    const vantande = ko();
    vantande.pending.push({});
    vantande.scheduleCheckPendingRequests();
    expect(vantande.throttleCheckTimeoutId).not.toBeNull();

    const strypt = ko();
    strypt.throttledUntil = Date.now() + 500;
    strypt.scheduleCheckPendingRequests();
    expect(strypt.throttleCheckTimeoutId).not.toBeNull();
  });
});
