import { BEDOMNINGAR, type MaluppfyllelseAntal, type Uppfoljningstillfalle } from '@tertial/contracts/dto';
import { Link } from '@tanstack/react-router';

import { formatAntal } from '../format/antal.js';
import { TRAFIKLJUS } from '../mal/mal.js';
import { useMaluppfyllelse } from '../mal/use-mal.js';
import type { Urval } from '../urval/urval.js';
import { antalFor, malText, malUppfoljningFor } from './malantal.js';

/** The goal counts of the roll-up's nämnder and of the city, from the report service's grid of the same follow-up. */
export interface MalPerNod {
  /** A nämnd's counts, or the city's for its node; undefined below a nämnd or where the person sees no mål. */
  antal(kod: string, niva: string): MaluppfyllelseAntal | undefined;
  /** The goal follow-up shown: the round's own, or for a monthly round the latest before it; null before April. */
  uppfoljning: Uppfoljningstillfalle | null;
  /** False while the grid is being fetched or failed: the cell then says so instead of showing nothing. */
  klar: boolean;
}

export function useMalPerNod(urval: Urval): MalPerNod {
  const uppfoljning = malUppfoljningFor(urval.tillfalle);
  const svar = useMaluppfyllelse(urval.ar, uppfoljning);
  return { antal: (kod, niva) => antalFor(svar.data, kod, niva), uppfoljning, klar: svar.data !== undefined };
}

/**
 * A roll-up row's mål: at the city and each nämnd the traffic lights of the follow-up of the same name, counted, with
 * a link to the nämnd's goal cards; the mål belong to the nämnd, so rows below it have none.
 */
export function MalCell({ urval, kod, niva, mal }: { urval: Urval; kod: string; niva: string; mal: MalPerNod }) {
  if (niva !== 'stad' && niva !== 'namnd') return <span className="svag">Följs per nämnd</span>;
  if (mal.uppfoljning === null) return <span className="svag">Bedöms först i april</span>;
  const antal = mal.antal(kod, niva);
  if (antal === undefined) return <span className="svag">{mal.klar ? 'Inga mål' : 'Hämtar…'}</span>;
  if (antal.totalt === 0) return <span className="svag">Inga mål</span>;
  const sok = { ar: String(urval.ar), tillfalle: mal.uppfoljning, ...(niva === 'namnd' ? { namnd: kod } : {}) };
  return (
    <Link to="/mal" search={sok} className="rollup__mal" data-testid={`rollup-mal-${kod}`}>
      <span aria-hidden="true">
        {[...BEDOMNINGAR, 'ej-beslutad' as const].map((kolumn) => {
          const varde = kolumn === 'ej-beslutad' ? antal.ejBeslutade : antal[kolumn];
          if (varde === 0) return null;
          const ljus = TRAFIKLJUS[kolumn];
          return (
            <span key={kolumn} className="rollup__mal-del">
              <span className={`trafikljus__tecken trafikljus--${ljus.klass}`}>{ljus.tecken}</span>
              {formatAntal(varde)}
            </span>
          );
        })}
      </span>
      <span className="visuellt-dold">{malText(antal)}</span>
    </Link>
  );
}
