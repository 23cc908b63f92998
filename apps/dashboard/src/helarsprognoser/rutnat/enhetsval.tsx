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

export function Enhetsval({ enhet, onValj }: { enhet: Inmatningsenhet; onValj: (enhet: Inmatningsenhet) => void }) {
  const id = useId();
  return (
    <fieldset className="enhetsval" data-testid="enhetsval">
      <legend>Belopp i</legend>
      {INMATNINGSENHETER.map((kandidat) => (
        <div key={kandidat} className="falt--kryss">
          <input
            type="radio"
            id={`${id}-${kandidat}`}
            name={`${id}-enhet`}
            value={kandidat}
            checked={enhet === kandidat}
            onChange={() => onValj(kandidat)}
          />
          <label htmlFor={`${id}-${kandidat}`}>{NAMN[kandidat]}</label>
        </div>
      ))}
    </fieldset>
  );
}
