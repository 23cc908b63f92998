import { useCallback, useId, useState } from 'react';

import { INMATNINGSENHETER, lasEnhet, sparaEnhet, type Inmatningsenhet } from './belopp-inmatning.js';

const lagring = () => (typeof window === 'undefined' ? undefined : window.localStorage);

/** The unit the user types and reads amounts in, remembered in the browser for the next visit. */
export function useInmatningsenhet(): [Inmatningsenhet, (enhet: Inmatningsenhet) => void] {
  const [enhet, setEnhet] = useState<Inmatningsenhet>(() => lasEnhet(lagring()));
  const valj = useCallback((ny: Inmatningsenhet) => {
    sparaEnhet(lagring(), ny);
    setEnhet(ny);
  }, []);
  return [enhet, valj];
}

const NAMN: Record<Inmatningsenhet, string> = { kr: 'kronor (kr)', tkr: 'tusental kronor (tkr)' };

/** A select rather than radio buttons: one Tab stop, and the choice read out with its label. */
export function Enhetsval({ enhet, onValj }: { enhet: Inmatningsenhet; onValj: (enhet: Inmatningsenhet) => void }) {
  const id = useId();
  return (
    <div className="falt">
      <label htmlFor={id}>Belopp i</label>
      <select
        id={id}
        value={enhet}
        onChange={(event) => onValj(INMATNINGSENHETER.find((kandidat) => kandidat === event.target.value) ?? 'kr')}
        data-testid="enhetsval"
      >
        {INMATNINGSENHETER.map((kandidat) => (
          <option key={kandidat} value={kandidat}>
            {NAMN[kandidat]}
          </option>
        ))}
      </select>
    </div>
  );
}
