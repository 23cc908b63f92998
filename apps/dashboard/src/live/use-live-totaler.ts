import { totalerAndradeSchema } from '@tertial/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

import { prognosTotalerNyckel, prognosTotalerStreamUrl } from '../prognos-totaler/use-prognos-totaler.js';
import type { Urval } from '../urval/urval.js';

export type LiveStatus = 'ansluter' | 'direkt' | 'ateransluter';

/**
 * EventSource retries by itself after a dropped connection, but gives up on an HTTP error (a 502 while the
 * report service restarts); then we retry, waiting longer each time.
 */
const FORSTA_VANTETID_MS = 2_000;
const LANGSTA_VANTETID_MS = 60_000;

/**
 * Listens to the report service's stream of changed totals and refetches the totals when they change, so a
 * forecast submitted elsewhere appears without reload.
 */
export function useLiveTotaler(urval: Urval): LiveStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('ansluter');
  const { ar, tillfalle } = urval;

  useEffect(() => {
    let kalla: EventSource | undefined;
    let aterforsok: ReturnType<typeof setTimeout> | undefined;
    let vantetid = FORSTA_VANTETID_MS;
    let stangd = false;

    const uppdatera = (andrat: Urval) => {
      void queryClient.invalidateQueries({ queryKey: prognosTotalerNyckel(andrat) });
    };

    const anslut = () => {
      const ny = new EventSource(prognosTotalerStreamUrl({ ar, tillfalle }));
      kalla = ny;

      ny.addEventListener('open', () => {
        vantetid = FORSTA_VANTETID_MS;
        setStatus('direkt');
        // Whatever changed while we were not connected (or before the first connection) was not announced to us.
        uppdatera({ ar, tillfalle });
      });

      ny.addEventListener('message', (event: MessageEvent<string>) => {
        const andrat = tolka(event.data);
        uppdatera(andrat ?? { ar, tillfalle });
      });

      ny.addEventListener('error', () => {
        if (stangd) return;
        setStatus('ateransluter');
        if (ny.readyState === EventSource.CLOSED) {
          aterforsok = setTimeout(anslut, vantetid);
          vantetid = Math.min(vantetid * 2, LANGSTA_VANTETID_MS);
        }
      });
    };

    setStatus('ansluter');
    anslut();

    return () => {
      stangd = true;
      clearTimeout(aterforsok);
      kalla?.close();
    };
  }, [ar, tillfalle, queryClient]);

  return status;
}

function tolka(data: string): Urval | undefined {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    json = undefined;
  }
  const resultat = totalerAndradeSchema.safeParse(json);
  if (!resultat.success) {
    console.warn('Oväntat meddelande i strömmen av prognostotaler', data);
    return undefined;
  }
  return { ar: resultat.data.ar, tillfalle: resultat.data.tillfalle };
}
