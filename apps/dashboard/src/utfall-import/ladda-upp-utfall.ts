import { anropaApi } from '../api/anrop.js';
import { ApiFel } from '../api/api-fel.js';
import { importUrl, tolkaImportsvar, type Importsvar } from './utfall-import.js';

/**
 * Sends the file as it is, unread: the budget service detects the format and the code page (PC8, UTF-8,
 * ISO-8859-1), so the browser must not decode it. A dry run reads and checks without storing anything.
 */
export async function laddaUppUtfall(fil: File, provkorning: boolean, signal: AbortSignal): Promise<Importsvar> {
  let svar: Response;
  try {
    svar = await anropaApi(importUrl(fil.name, provkorning), {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', accept: 'application/json, application/problem+json' },
      body: fil,
      signal,
    });
  } catch (fel) {
    if (signal.aborted || fel instanceof ApiFel) throw fel;
    throw new ApiFel(0, 'Servern svarar inte', 'Kontrollera nätverket och försök igen.');
  }
  const body: unknown = await svar.json().catch(() => undefined);
  return tolkaImportsvar(svar.status, body);
}
