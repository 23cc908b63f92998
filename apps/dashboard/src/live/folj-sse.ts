import { anropaApi } from '../api/anrop.js';
import { ApiFel } from '../api/api-fel.js';
import { nastaVantetid, SseTolk, type SseHandelse } from './sse-tolk.js';

const FORSTA_VANTETID_MS = 2_000;
const LANGSTA_VANTETID_MS = 60_000;

export interface SseLyssnare {
  /** The stream is open: anything that changed before now was not announced. */
  oppnad(): void;
  handelse(handelse: SseHandelse): void;
  /** The connection dropped or could not be made; another attempt follows. */
  avbruten(): void;
  /** The user may not follow this stream (403) or is signed out (401): no more attempts. */
  nekad(): void;
}

function vanta(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((klar) => {
    const timer = setTimeout(klar, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        klar();
      },
      { once: true },
    );
  });
}

/**
 * Follows a Server-Sent Events stream of the API with the access token, which EventSource cannot send: reads
 * the response body as it arrives, and after a dropped connection or a failed attempt (a 502 while the service
 * restarts) connects again, waiting longer each time. Stops for good when `signal` aborts (the page closes, the
 * user signs out) or the API refuses the user.
 */
export async function foljSse(url: string, lyssnare: SseLyssnare, signal: AbortSignal): Promise<void> {
  let vantetid = FORSTA_VANTETID_MS;
  let senasteId: string | undefined;

  while (!signal.aborted) {
    try {
      const svar = await anropaApi(url, {
        headers: { accept: 'text/event-stream', ...(senasteId !== undefined ? { 'last-event-id': senasteId } : {}) },
        cache: 'no-store',
        signal,
      });
      if (svar.status === 401 || svar.status === 403) {
        await svar.body?.cancel();
        return lyssnare.nekad();
      }
      if (!svar.ok || !svar.body) {
        await svar.body?.cancel();
        throw new Error(`status ${svar.status}`);
      }

      vantetid = FORSTA_VANTETID_MS;
      lyssnare.oppnad();
      const tolk = new SseTolk();
      const lasare = svar.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await lasare.read();
        if (done) break;
        for (const handelse of tolk.mata(value)) {
          senasteId = handelse.id;
          lyssnare.handelse(handelse);
        }
      }
      if (tolk.retry !== undefined) vantetid = Math.max(tolk.retry, 500);
    } catch (fel) {
      if (signal.aborted) return;
      // Signed out while connecting: anropaApi asked for nothing.
      if (fel instanceof ApiFel && fel.status === 401) return lyssnare.nekad();
    }
    if (signal.aborted) return;
    lyssnare.avbruten();
    await vanta(vantetid, signal);
    vantetid = nastaVantetid(vantetid, LANGSTA_VANTETID_MS);
  }
}
