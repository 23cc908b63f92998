import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

import { prognosTotalerNyckel, prognosTotalerStreamUrl } from '../prognos-totaler/use-prognos-totaler.js';
import type { Urval } from '../urval/urval.js';
import { foljSse } from './folj-sse.js';
import { tolkaTotalerhandelse } from './totaler-handelse.js';

export type LiveStatus = 'ansluter' | 'direkt' | 'ateransluter' | 'stoppad';

/**
 * Follows the report service's stream of changed totals and refetches the totals when they change, so a
 * forecast submitted elsewhere appears without reload. Stops when the page closes or the user signs out.
 */
export function useLiveTotaler(urval: Urval): LiveStatus {
  const queryClient = useQueryClient();
  const { ar, tillfalle } = urval;
  // The status with the urval it is about: a new urval is 'ansluter' until its own stream says otherwise.
  const [senaste, setSenaste] = useState<(Urval & { status: LiveStatus }) | undefined>(undefined);

  useEffect(() => {
    const avbryt = new AbortController();
    const uppdatera = (andrat: Urval) => {
      void queryClient.invalidateQueries({ queryKey: prognosTotalerNyckel(andrat) });
    };
    const setStatus = (status: LiveStatus) => setSenaste({ ar, tillfalle, status });

    void foljSse(
      prognosTotalerStreamUrl({ ar, tillfalle }),
      {
        oppnad: () => {
          setStatus('direkt');
          // Whatever changed while we were not connected (or before the first connection) was not announced to us.
          uppdatera({ ar, tillfalle });
        },
        handelse: (handelse) => {
          const tolkad = tolkaTotalerhandelse(handelse);
          if (tolkad.typ === 'hjartslag') return;
          if (tolkad.typ === 'okant') console.warn('Oväntat meddelande i strömmen av prognostotaler', handelse);
          uppdatera(tolkad.typ === 'andrat' ? tolkad.urval : { ar, tillfalle });
        },
        avbruten: () => setStatus('ateransluter'),
        nekad: () => setStatus('stoppad'),
      },
      avbryt.signal,
    );

    return () => avbryt.abort();
  }, [ar, tillfalle, queryClient]);

  return senaste?.ar === ar && senaste.tillfalle === tillfalle ? senaste.status : 'ansluter';
}
