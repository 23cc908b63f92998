import { createRequire } from 'node:module';

/** The part of kafkajs 2.2.4's `RequestQueue` (src/network/requestQueue/index.js) this fix touches. */
interface RequestQueue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  scheduleCheckPendingRequests: (this: RequestQueue) => void;
}

const require = createRequire(import.meta.url);
let fixed = false;

/**
 * Stops kafkajs 2.2.4's idle loop (tulios/kafkajs#1704, #1556; the fix BigButovskyi proposed in #1768, not released):
 * after every request, `scheduleCheckPendingRequests` set a timer even when nothing waited to be sent and no throttle
 * was on, with a negative delay, so each connection's queue checked itself again every millisecond for as long as the
 * connection lived (about 1,700 wake-ups a second in an idle service here; without them each idle service used about
 * 2 % of a core less). With nothing pending and no throttle to wait out, no timer is set: a request that comes in is
 * either sent at once or pending, and then this runs again; one that finishes checks the queue itself. Anything pending still goes through
 * kafkajs's own code (a throttle of a millisecond included, tulios/kafkajs#1532). Called before any client is made;
 * more calls do nothing.
 */
export function fixRequestQueueIdleLoop(): void {
  if (fixed) return;
  fixed = true;
  const RequestQueue = require('kafkajs/src/network/requestQueue/index.js') as { prototype: RequestQueue };
  const original = RequestQueue.prototype.scheduleCheckPendingRequests;
  RequestQueue.prototype.scheduleCheckPendingRequests = function (this: RequestQueue) {
    if (this.pending.length === 0 && this.throttledUntil <= Date.now()) return;
    original.call(this);
  };
}
