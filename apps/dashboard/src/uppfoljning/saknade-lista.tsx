import type { Saknad } from '@tertial/contracts/dto';
import { useId, useState } from 'react';

import { CSV_STATUS, useHamtaCsv } from '../api/hamta-csv.js';
import { formatAntalAv } from '../format/antal.js';
import { Felmeddelande, Laddar } from '../sida/meddelanden.js';
import type { Urval } from '../urval/urval.js';
import { saknasCsvUrl, saknasFilnamn } from './uppfoljning.js';
import { useSaknade } from './use-uppfoljning.js';

const STATUSTEXT: Record<Saknad['status'], string> = {
  'ej-paborjad': 'Ej påbörjad',
  utkast: 'Utkast',
  aterskickad: 'Återsänd',
};

interface Props {
  urval: Urval;
  kod: string;
  namn: string;
  antalSaknade: number;
}

/**
 * The ansvar below a node whose forecast is missing, a click away: a button that opens the list in place (fetched
 * then), with each ansvar's chef, and the same list as a CSV file to send reminders from.
 */
export function SaknadeLista({ urval, kod, namn, antalSaknade }: Props) {
  const [oppen, setOppen] = useState(false);
  const panelId = useId();
  const rubrikId = useId();
  const saknade = useSaknade(urval, kod, oppen);

  // Nothing missing: the progress text already says so (0 ej påbörjade, 0 utkast, 0 återsända).
  if (antalSaknade === 0) return null;

  return (
    <div className="saknade" data-testid={`saknade-${kod}`}>
      <div className="knappar knappar--tata">
        <button
          type="button"
          className="knapp--sekundar"
          aria-expanded={oppen}
          aria-controls={panelId}
          onClick={() => setOppen(!oppen)}
          data-testid={`visa-saknade-${kod}`}
        >
          {oppen ? 'Dölj' : 'Visa'} saknade i {namn} ({antalSaknade})
        </button>
        <HamtaCsv urval={urval} kod={kod} namn={namn} />
      </div>
      <div id={panelId} hidden={!oppen}>
        {!oppen ? null : saknade.isPending ? (
          <Laddar>Hämtar saknade ansvar…</Laddar>
        ) : saknade.isError ? (
          <Felmeddelande
            rubrik="Det gick inte att hämta de saknade ansvaren"
            fel={saknade.error}
            niva={3}
            onForsokIgen={() => void saknade.refetch()}
          />
        ) : (
          <div className="tabell-ram" role="region" aria-labelledby={rubrikId} tabIndex={0}>
            <table className="tabell" data-testid="saknade-tabell">
              <caption id={rubrikId}>
                Saknade prognoser i {namn}: {formatAntalAv(saknade.data.saknade.length, 'ansvar')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Ansvar</th>
                  <th scope="col">Status</th>
                  <th scope="col">Chef</th>
                  <th scope="col">Avdelning</th>
                </tr>
              </thead>
              <tbody>
                {saknade.data.saknade.map((rad) => (
                  <tr key={rad.ansvar} data-ansvar={rad.ansvar}>
                    <th scope="row">
                      {rad.ansvar} {rad.namn}
                    </th>
                    <td>{STATUSTEXT[rad.status]}</td>
                    <td>{rad.chef?.namn ?? 'Ingen chef angiven'}</td>
                    <td>{rad.avdelning?.namn ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}

/** The missing list as CSV for Excel. A plain link cannot carry the access token, so the file is fetched with it and then saved. */
function HamtaCsv({ urval, kod, namn }: { urval: Urval; kod: string; namn: string }) {
  const { lage, hamta } = useHamtaCsv();
  return (
    <>
      <button
        type="button"
        className="knapp--lank"
        aria-disabled={lage === 'hamtar' || undefined}
        onClick={() => void hamta(saknasCsvUrl(urval, kod), saknasFilnamn(urval, kod))}
        data-testid={`saknade-csv-${kod}`}
      >
        Ladda ned saknade i {namn} som CSV
      </button>
      <span className="visuellt-dold" role="status">
        {CSV_STATUS[lage]}
      </span>
    </>
  );
}
