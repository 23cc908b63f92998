import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

import { testtoken } from '../inloggning/testtoken.js';
import { ApiFel, hamtaJson } from './hamta-json.js';

const TOKEN = testtoken({ exp: 4_000_000_000, roles: ['ekonomidirektor'] });

vi.mock('../inloggning/session.js', () => ({ atkomsttoken: () => Promise.resolve(TOKEN), tokenetAvvisades: () => undefined }));

const schema = z.object({ ar: z.number() });

/** An answer whose headers have arrived and whose body stops until the signal is aborted, as fetch does. */
function svarSomAvbrytsMittIKroppen(signal: AbortSignal): Response {
  const kropp = new ReadableStream<Uint8Array>({
    start(kontroll) {
      kontroll.enqueue(new TextEncoder().encode('{"ar":20'));
      signal.addEventListener('abort', () => kontroll.error(signal.reason));
    },
  });
  return new Response(kropp, { headers: { 'content-type': 'application/json' } });
}

describe('hamtaJson', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('gives the checked data of a good answer', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(Response.json({ ar: 2026 })));
    await expect(hamtaJson('/api/x', schema)).resolves.toEqual({ ar: 2026 });
  });

  it('calls an answer outside the schema an unexpected format and says so in the console', async () => {
    const konsol = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.stubGlobal('fetch', () => Promise.resolve(Response.json({ ar: 'tjugo' })));
    const fel = await hamtaJson('/api/x', schema).catch((e: unknown) => e);
    expect(fel).toBeInstanceOf(ApiFel);
    expect((fel as ApiFel).message).toBe('Servern skickade data i ett oväntat format');
    expect(konsol).toHaveBeenCalledOnce();
  });

  it('passes on its own abort while the body is on the way, and leaves the console alone', async () => {
    const konsol = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const avbryt = new AbortController();
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => Promise.resolve(svarSomAvbrytsMittIKroppen(init.signal!)));
    const svar = hamtaJson('/api/x', schema, avbryt.signal).catch((e: unknown) => e);
    await new Promise((klar) => setTimeout(klar, 10));
    avbryt.abort();
    const fel = await svar;
    expect(fel).not.toBeInstanceOf(ApiFel);
    expect((fel as Error).name).toBe('AbortError');
    expect(konsol).not.toHaveBeenCalled();
  });
});
