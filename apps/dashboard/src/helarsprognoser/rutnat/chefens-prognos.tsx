import type { HelarsprognosAdress } from '@tertial/contracts/dto';
import { useId, type ComponentType, type RefObject } from 'react';

import type { Urval } from '../../urval/urval.js';
import { omgangsnamn, type Ansvarsrad } from '../helarsprognoser.js';
import type { Inmatningsenhet } from './belopp-inmatning.js';
import { useInmatningsenhet } from './enhetsval.js';
import { PaminnelserTillChef } from './paminnelser-till-chef.js';
import { Prognoshistorik } from './prognoshistorik.js';
import { Prognosrutnat } from './prognosrutnat-vy.js';

/** What every section of the chef's page is given: the ansvar and round, and the unit the chef reads amounts in. */
export interface AvsnittProps {
  adress: HelarsprognosAdress;
  ansvarsnamn: string;
  oppen: boolean;
  enhet: Inmatningsenhet;
  onEnhet: (enhet: Inmatningsenhet) => void;
  onMeddelande: (text: string) => void;
}

interface Avsnitt {
  nyckel: string;
  rubrik: string;
  Innehall: ComponentType<AvsnittProps>;
}

/**
 * The sections under the chef's choice of ansvar, in the order they are shown: the grid (the forecast, and the
 * verksamhetsbudget made in the same grid, with personnel and the ansvar's investment projects under it), then the
 * history.
 */
const AVSNITT: readonly Avsnitt[] = [
  { nyckel: 'prognos', rubrik: 'Prognos och verksamhetsbudget per kontogrupp', Innehall: Prognosrutnat },
  { nyckel: 'historik', rubrik: 'Status och versioner', Innehall: HistorikAvsnitt },
];

function HistorikAvsnitt({ adress, enhet }: AvsnittProps) {
  return <Prognoshistorik adress={adress} enhet={enhet} />;
}

interface Props {
  /** The chef's own ansvar, with their current forecasts. */
  egna: readonly Ansvarsrad[];
  valt: string;
  onValj: (ansvar: string) => void;
  omgang: Urval;
  /** Whether `egna` take changes: the round is open, or (closed) these ansvar were opened again. */
  oppen: boolean;
  onMeddelande: (text: string) => void;
  /** The section's heading, which the table's "Lämna prognos" moves focus to. */
  rubrikRef: RefObject<HTMLHeadingElement | null>;
}

/** The chef's forecast of one of their ansvar: the grid (forecast and verksamhetsbudget), and the history, section by section. */
export function ChefensPrognos({ egna, valt, onValj, omgang, oppen, onMeddelande, rubrikRef }: Props) {
  const id = useId();
  const [enhet, setEnhet] = useInmatningsenhet();
  const rad = egna.find((kandidat) => kandidat.ansvar.kod === valt) ?? egna[0];
  if (!rad) return null;
  const adress: HelarsprognosAdress = { ansvar: rad.ansvar.kod, ar: omgang.ar, tillfalle: omgang.tillfalle };
  const props: AvsnittProps = {
    adress,
    ansvarsnamn: rad.ansvar.namn,
    oppen,
    enhet,
    onEnhet: setEnhet,
    onMeddelande,
  };

  return (
    <div className="chefens-prognos" data-testid="lamna-prognos">
      <section aria-labelledby={`${id}-rubrik`}>
        <h2 id={`${id}-rubrik`} ref={rubrikRef} tabIndex={-1}>
          Din helårsprognos {omgangsnamn(omgang)}
        </h2>
        <div className="falt">
          <label htmlFor={`${id}-ansvar`}>Ansvar</label>
          <select id={`${id}-ansvar`} value={rad.ansvar.kod} onChange={(event) => onValj(event.target.value)} data-testid="prognos-ansvar">
            {egna.map(({ ansvar }) => (
              <option key={ansvar.kod} value={ansvar.kod}>
                {ansvar.kod} {ansvar.namn}
              </option>
            ))}
          </select>
        </div>
        <PaminnelserTillChef omgang={omgang} egna={egna} />
      </section>
      {AVSNITT.map(({ nyckel, rubrik, Innehall }) => (
        <section
          key={`${nyckel} ${adress.ansvar} ${adress.ar} ${adress.tillfalle}`}
          aria-labelledby={`${id}-${nyckel}`}
          data-avsnitt={nyckel}
        >
          <h2 id={`${id}-${nyckel}`}>
            {rubrik}
            <span className="rubrik__tillagg">
              {rad.ansvar.kod} {rad.ansvar.namn}
            </span>
          </h2>
          <Innehall {...props} />
        </section>
      ))}
    </div>
  );
}
