import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { testtoken } from '../inloggning/testtoken.js';
import { foljSse, type SseLyssnare } from './folj-sse.js';

const TOKEN = testtoken({ exp: 4_000_000_000, roles: ['ekonomidirektor'] });

/** A signed-in tab: the API calls get this token. */
vi.mock('../inloggning/session.js', () => ({ atkomsttoken: () => Promise.resolve(TOKEN), tokenetAvvisades: () => undefined }));

function strom(...bitar: string[]): Response {
  const kodare = new TextEncoder();
  return new Response(
    new ReadableStream({ start: (kontroll) => (bitar.forEach((bit) => kontroll.enqueue(kodare.encode(bit))), kontroll.close()) }),
    {
      headers: { 'content-type': 'text/event-stream' },
    },
  );
}

function lyssnare() {
  const logg: string[] = [];
  const l: SseLyssnare = {
    oppnad: () => logg.push('öppen'),
    handelse: (h) => logg.push(`data ${h.data}`),
    avbruten: () => logg.push('avbruten'),
    nekad: () => logg.push('nekad'),
  };
  return { logg, l };
}

describe('following an event stream with the access token', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('sends the token, reads the events, and reconnects after the stream ends, waiting longer after a failure', async () => {
    const fetch = vi
      .fn<typeof globalThis.fetch>()
      .mockResolvedValueOnce(strom('data: 1\n\n', 'data: 2\n\n'))
      .mockResolvedValueOnce(new Response('', { status: 502 }))
      .mockResolvedValueOnce(strom('data: 3\n\n'))
      .mockImplementation(() => new Promise(() => {}));
    vi.stubGlobal('fetch', fetch);
    const { logg, l } = lyssnare();
    const avbryt = new AbortController();

    void foljSse('/api/report/prognos-totaler/stream', l, avbryt.signal);
    await vi.advanceTimersByTimeAsync(0);
    expect(logg).toEqual(['öppen', 'data 1', 'data 2', 'avbruten']);
    expect(new Headers(fetch.mock.calls[0]![1]!.headers).get('authorization')).toBe(`Bearer ${TOKEN}`);

    await vi.advanceTimersByTimeAsync(2_000);
    expect(logg.slice(4)).toEqual(['avbruten']);
    await vi.advanceTimersByTimeAsync(3_999);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(logg.slice(5)).toEqual(['öppen', 'data 3', 'avbruten']);
    avbryt.abort();
  });

  it('stops for good when the API refuses the user', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(new Response('{}', { status: 403 }));
    vi.stubGlobal('fetch', fetch);
    const { logg, l } = lyssnare();

    await foljSse('/stream', l, new AbortController().signal);
    expect(logg).toEqual(['nekad']);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('stops without another attempt when aborted while waiting', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(new Response('', { status: 502 }));
    vi.stubGlobal('fetch', fetch);
    const { logg, l } = lyssnare();
    const avbryt = new AbortController();

    const klar = foljSse('/stream', l, avbryt.signal);
    await vi.advanceTimersByTimeAsync(0);
    avbryt.abort();
    await klar;
    await vi.advanceTimersByTimeAsync(120_000);
    expect(logg).toEqual(['avbruten']);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
