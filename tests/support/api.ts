import type { HelarsprognosDto, LamnaHelarsprognosRequest, PrognosTotaler, Prognostillfalle } from '@tertial/contracts';

/** Calls the product's HTTP API the way the dashboard and scripts do. */
export function apiClient(baseUrl: string) {
  async function json<T>(path: string, init?: RequestInit): Promise<{ status: number; body: T; contentType: string | null }> {
    const response = await fetch(`${baseUrl}${path}`, init);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, contentType: response.headers.get('content-type') };
  }
  return {
    json,
    lamnaPrognos: (request: LamnaHelarsprognosRequest | unknown, headers: Record<string, string> = {}) =>
      json<HelarsprognosDto>('/api/forecast/helarsprognoser', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof request === 'string' ? request : JSON.stringify(request),
      }),
    totaler: async (ar: number, tillfalle: Prognostillfalle) => {
      const response = await json<PrognosTotaler>(`/api/report/prognos-totaler?ar=${ar}&tillfalle=${tillfalle}`);
      if (response.status !== 200) throw new Error(`totaler: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    },
  };
}
