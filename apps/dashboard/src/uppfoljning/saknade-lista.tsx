import { PAMINNELSE_MAX_TECKEN, type Saknad, type Saknade } from '@tertial/contracts/dto';
import { useId, useState, type FormEvent } from 'react';

import { CSV_STATUS, useHamtaCsv } from '../api/hamta-csv.js';
import { ApiFel } from '../api/api-fel.js';
import { formatAntalAv } from '../format/antal.js';
import { formatTidpunkt } from '../format/tidpunkt.js';
import { Felmeddelande, Laddar } from '../sida/meddelanden.js';
import type { Urval } from '../urval/urval.js';
import { saknasCsvUrl, saknasFilnamn } from './uppfoljning.js';
import { usePaminn, useSaknade } from './use-uppfoljning.js';

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
  /** Whether the person may remind the chefs (förvaltningsekonom, ekonomidirektör) and the round is open. */
  paminna: boolean;
}

/**
 * The ansvar below a node whose forecast is missing, a click away: a button that opens the list in place (fetched
 * then), with each ansvar's chef and when it was last reminded, the same list as a CSV file, and (for those who may)
 * a reminder to every chef on the list.
 */
export function SaknadeLista({ urval, kod, namn, antalSaknade, paminna }: Props) {
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
                  <th scope="col">Senast påmind</th>
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
                    <td>{rad.paminnad ? `${formatTidpunkt(rad.paminnad.at)} av ${rad.paminnad.av}` : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {oppen && paminna && saknade.data ? <Paminn urval={urval} saknade={saknade.data} /> : null}
      </div>
    </div>
  );
}

/** A reminder to the chef of every ansvar on the list, with the sender's own words if any. */
function Paminn({ urval, saknade }: { urval: Urval; saknade: Saknade }) {
  const id = useId();
  const paminn = usePaminn(urval, saknade.kod);
  const [meddelande, setMeddelande] = useState('');
  const [status, setStatus] = useState('');
  const chefer = new Set(saknade.saknade.flatMap((rad) => (rad.chef ? [rad.chef.anvandarId] : []))).size;
  if (saknade.saknade.length === 0) return null;

  async function skicka(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (paminn.isPending) return;
    setStatus('Skickar…');
    try {
      // Every ansvar missing when it is sent: one that was handed in since the list was fetched is not reminded.
      const svar = await paminn.mutateAsync({ meddelande });
      const utan = svar.utanChef.length;
      setStatus(
        `Påminnelse skickad om ${formatAntalAv(svar.skickade.length, 'ansvar')}.${utan > 0 ? ` ${formatAntalAv(utan, 'ansvar')} utan chef fick ingen.` : ''}`,
      );
      setMeddelande('');
    } catch {
      setStatus('Ingen påminnelse skickades.');
    }
  }

  const fel = paminn.error;
  return (
    <form
      className="paminnelse"
      onSubmit={(event) => void skicka(event)}
      data-testid={`paminn-${saknade.kod}`}
      aria-labelledby={`${id}-rubrik`}
    >
      <h4 id={`${id}-rubrik`} className="paminnelse__rubrik">
        Påminn cheferna
      </h4>
      <div className="falt">
        <label htmlFor={`${id}-meddelande`}>Meddelande till cheferna (valfritt)</label>
        <p className="falt__hjalp" id={`${id}-hjalp`}>
          Cheferna ser påminnelsen på sin prognossida. Högst {PAMINNELSE_MAX_TECKEN} tecken.
        </p>
        <textarea
          id={`${id}-meddelande`}
          rows={2}
          maxLength={PAMINNELSE_MAX_TECKEN}
          value={meddelande}
          onChange={(event) => setMeddelande(event.target.value)}
          aria-describedby={`${id}-hjalp`}
          data-testid="paminnelse-meddelande"
        />
      </div>
      {fel ? (
        <div className="meddelande meddelande--fel" role="alert" data-testid="paminnelse-fel">
          <p>{fel instanceof ApiFel ? `${fel.titel}${fel.detalj ? `: ${fel.detalj}` : ''}` : 'Det gick inte att skicka påminnelsen.'}</p>
        </div>
      ) : null}
      <div className="knappar knappar--tata">
        <button type="submit" aria-disabled={paminn.isPending || undefined} data-testid="skicka-paminnelse">
          Påminn {chefer === 1 ? '1 chef' : `${chefer} chefer`} om {formatAntalAv(saknade.saknade.length, 'ansvar')}
        </button>
        <p role="status" className="sparstatus" data-testid="paminnelse-status">
          {status}
        </p>
      </div>
    </form>
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
