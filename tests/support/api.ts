import type { HelarsprognosDto, PrognosTotaler } from '@tertial/contracts/dto';
import type { Prognostillfalle } from '@tertial/contracts/prognos';

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
    /** Posts a forecast (a LamnaHelarsprognosRequest, or anything else to see it refused) as its ansvar's chef (or as `som`). */
    lamnaPrognos: (request: unknown, headers: Record<string, string> = {}, som?: string) => {
      const ansvar = typeof request === 'object' && request !== null ? (request as { ansvar?: unknown }).ansvar : undefined;
      return json<HelarsprognosDto>('/api/forecast/helarsprognoser', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof request === 'string' ? request : JSON.stringify(request),
        som: som ?? (typeof ansvar === 'string' && harChef(ansvar) ? chefFor(ansvar) : anvandare),
      });
    },
    totaler: async (ar: number, tillfalle: Prognostillfalle) => {
      const response = await json<PrognosTotaler>(`/api/report/prognos-totaler?ar=${ar}&tillfalle=${tillfalle}`);
      if (response.status !== 200) throw new Error(`totaler: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    },
    /** Opens forecast rounds as the ekonomidirektör (idempotent), for tests that submit forecasts. */
    oppnaOmgangar: async (ar: readonly number[], tillfallen: readonly Prognostillfalle[] = ['april', 'augusti']) => {
      for (const a of ar) {
        for (const tillfalle of tillfallen) {
          const svar = await json('/api/forecast/omgangar', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ ar: a, tillfalle }),
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
