import type { HelarsprognosDto, PrognosTotaler } from '@tertial/contracts/dto';
import { arOrdinarieTillfalle, type Prognostillfalle } from '@tertial/contracts/prognos';

import { chefFor, token } from './tokens.js';

/**
 * Calls the product's HTTP API the way the dashboard and scripts do: signed in as a demo user of the local
 * provider (the ekonomidirektör unless told otherwise; `null` for no sign-in at all). A forecast is posted
 * as the chef of its ansvar, who alone may submit it.
 */
export function apiClient(baseUrl: string, anvandare: string | null = 'ekonomidirektor') {
  async function json<T>(
    path: string,
    init?: RequestInit & { som?: string | null },
  ): Promise<{ status: number; body: T; contentType: string | null; headers: Headers }> {
    const vem = init?.som === undefined ? anvandare : init.som;
    const headers = new Headers(init?.headers);
    if (vem && !headers.has('authorization')) headers.set('authorization', `Bearer ${await token(vem)}`);
    const response = await fetch(`${baseUrl}${path}`, { ...init, headers });
    const text = await response.text();
    const isJson = (response.headers.get('content-type') ?? '').includes('json');
    return {
      status: response.status,
      body: (text && isJson ? JSON.parse(text) : text || undefined) as T,
      contentType: response.headers.get('content-type'),
      headers: response.headers,
    };
  }
  return {
    json,
    /**
     * Saves a forecast (`{ ansvar, ar, tillfalle, rader, kommentar, klarmarkerad? }`, or anything else to see it
     * refused) as its ansvar's chef (or as `som`): PUT on the forecast's address with `If-Match` from the headers given,
     * or, when none is given, the current ETag read first (so it is never stale). Without `klarmarkerad` it is
     * marked ready, as a submission was before drafts existed.
     */
    lamnaPrognos: async (request: unknown, headers: Record<string, string> = {}, som?: string) => {
      const falt = typeof request === 'object' && request !== null ? (request as Record<string, unknown>) : {};
      const vem = som ?? (typeof falt.ansvar === 'string' && harChef(falt.ansvar) ? chefFor(falt.ansvar) : anvandare);
      const adress = `/api/forecast/helarsprognoser/${String(falt.ansvar)}/${String(falt.ar)}/${String(falt.tillfalle)}`;
      const villkor = { ...headers };
      if (!Object.keys(villkor).some((namn) => namn.toLowerCase() === 'if-match')) {
        const aktuell = await json<unknown>(adress, { som: vem });
        // Only a forecast that exists has an ETag of its own (a 404's is the web server's, of the problem).
        const tagg = aktuell.status === 200 ? aktuell.headers.get('etag') : null;
        if (tagg) villkor['if-match'] = tagg;
      }
      const kropp = Object.fromEntries(Object.entries(falt).filter(([namn]) => !['ansvar', 'ar', 'tillfalle'].includes(namn)));
      return json<HelarsprognosDto>(adress, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...villkor },
        body: typeof request === 'string' ? request : JSON.stringify({ klarmarkerad: true, ...kropp }),
        som: vem,
      });
    },
    /**
     * Klarmarkera, godkänn, återsänd or återöppna an ansvar's forecast as `som`, with `If-Match` the current ETag
     * (read first as the same person) unless `ifMatch` is given.
     */
    besluta: async (
      handling: 'klarmarkera' | 'godkann' | 'atersand' | 'ateroppna',
      mal: { ansvar: string; ar: number; tillfalle: Prognostillfalle },
      som: string,
      { kommentar, ifMatch }: { kommentar?: string; ifMatch?: string } = {},
    ) => {
      const adress = `/api/forecast/helarsprognoser/${mal.ansvar}/${mal.ar}/${mal.tillfalle}`;
      const aktuell = ifMatch === undefined ? await json<unknown>(adress, { som: 'ekonomidirektor' }) : undefined;
      const tagg = ifMatch ?? (aktuell?.status === 200 ? aktuell.headers.get('etag') : null);
      return json<HelarsprognosDto>(`${adress}/${handling}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(tagg ? { 'if-match': tagg } : {}) },
        body: JSON.stringify(kommentar === undefined ? {} : { kommentar }),
        som,
      });
    },
    totaler: async (ar: number, tillfalle: Prognostillfalle) => {
      const response = await json<PrognosTotaler>(`/api/report/prognos-totaler?ar=${ar}&tillfalle=${tillfalle}`);
      if (response.status !== 200) throw new Error(`totaler: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    },
    /**
     * Opens forecast rounds as the ekonomidirektör (idempotent), for tests that submit forecasts: the deadline a year
     * ahead, and a månadsprognos for the nämnder given.
     */
    oppnaOmgangar: async (
      ar: readonly number[],
      tillfallen: readonly Prognostillfalle[] = ['april', 'augusti'],
      namnder?: readonly string[],
    ) => {
      const deadline = new Date(Date.now() + 365 * 24 * 3600_000).toISOString();
      for (const a of ar) {
        for (const tillfalle of tillfallen) {
          const svar = await json('/api/forecast/omgangar', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ ar: a, tillfalle, deadline, ...(arOrdinarieTillfalle(tillfalle) ? {} : { namnder }) }),
            som: 'ekonomidirektor',
          });
          if (svar.status !== 200)
            throw new Error(`kunde inte öppna omgången ${tillfalle} ${a}: ${svar.status} ${JSON.stringify(svar.body)}`);
        }
      }
    },
  };
}

function harChef(ansvar: string): boolean {
  try {
    chefFor(ansvar);
    return true;
  } catch {
    return false;
  }
}
