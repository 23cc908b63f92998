import { useId } from 'react';

import { TILLFALLEN, tillfalleSomVal, valbaraAr, type Urval } from './urval.js';

interface Props {
  urval: Urval;
  onValj: (urval: Urval) => void;
}

/** Two labelled selects for year and prognostillfälle; the page below follows the choice at once. */
export function UrvalVal({ urval, onValj }: Props) {
  const arId = useId();
  const tillfalleId = useId();

  return (
    <div className="urval">
      <div className="falt">
        <label htmlFor={arId}>År</label>
        <select id={arId} value={urval.ar} onChange={(event) => onValj({ ...urval, ar: Number(event.target.value) })}>
          {valbaraAr(new Date(), urval.ar).map((ar) => (
            <option key={ar} value={ar}>
              {ar}
            </option>
          ))}
        </select>
      </div>
      <div className="falt">
        <label htmlFor={tillfalleId}>Prognostillfälle</label>
        <select
          id={tillfalleId}
          value={urval.tillfalle}
          onChange={(event) => {
            const tillfalle = TILLFALLEN.find((kandidat) => kandidat === event.target.value);
            if (tillfalle) onValj({ ...urval, tillfalle });
          }}
        >
          {TILLFALLEN.map((tillfalle) => (
            <option key={tillfalle} value={tillfalle}>
              {tillfalleSomVal(tillfalle)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
