import { useId } from 'react';

import { Felmeddelande } from '../sida/meddelanden.js';
import type { useNamnder } from './use-organisation.js';

interface Props {
  namndfraga: ReturnType<typeof useNamnder>;
  vald: string | undefined;
  onValj: (kod: string) => void;
}

/** A labelled select of today's nämnder; while they load it says so, and if they cannot be fetched, why. */
export function NamndVal({ namndfraga, vald, onValj }: Props) {
  const id = useId();
  const { namnder, error, refetch } = namndfraga;

  if (!namnder && error) {
    return <Felmeddelande rubrik="Det gick inte att hämta nämnderna" fel={error} onForsokIgen={() => void refetch()} />;
  }

  return (
    <div className="falt">
      <label htmlFor={id}>Nämnd</label>
      <select id={id} value={vald ?? ''} disabled={!namnder} onChange={(event) => onValj(event.target.value)} data-testid="namnd-val">
        {namnder ? null : <option value="">Hämtar nämnder…</option>}
        {namnder?.length === 0 ? <option value="">Inga nämnder finns</option> : null}
        {namnder?.map((namnd) => (
          <option key={namnd.kod} value={namnd.kod}>
            {namnd.namn}
          </option>
        ))}
      </select>
    </div>
  );
}
