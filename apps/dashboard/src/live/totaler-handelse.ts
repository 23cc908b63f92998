import { totalerAndradeSchema } from '@tertial/contracts/dto';

import type { Urval } from '../urval/urval.js';
import type { SseHandelse } from './sse-tolk.js';

/** The report service's keep-alive on the stream (`event: ping`), sent so proxies keep the connection open. */
export const HJARTSLAG = 'ping';

export type Totalerhandelse =
  /** The totals of this year and occasion changed. */
  | { readonly typ: 'andrat'; readonly urval: Urval }
  /** A keep-alive: nothing changed. */
  | { readonly typ: 'hjartslag' }
  /** Something this dashboard does not understand (a newer service?): safest to refetch. */
  | { readonly typ: 'okant' };

/** What an event on the stream of changed totals says. */
export function tolkaTotalerhandelse({ typ, data }: SseHandelse): Totalerhandelse {
  if (typ === HJARTSLAG) return { typ: 'hjartslag' };
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    json = undefined;
  }
  const resultat = typ === 'message' ? totalerAndradeSchema.safeParse(json) : undefined;
  if (!resultat?.success) return { typ: 'okant' };
  return { typ: 'andrat', urval: { ar: resultat.data.ar, tillfalle: resultat.data.tillfalle } };
}
