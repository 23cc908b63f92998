import { useDeferredValue, useId, useMemo, useState } from 'react';

import { formatAntal, formatAntalAv } from '../format/antal.js';
import { arDatum, datumISverige } from '../format/tidpunkt.js';
import { andraSokparametrar } from '../navigering/plats.js';
import { useSokparameter } from '../navigering/use-plats.js';
import { Felmeddelande, Laddar, Tomt } from '../sida/meddelanden.js';
import { Sidrubrik } from '../sida/sidrubrik.js';
import { byggTrad, MAX_TRAFFAR, sokITradet, type Organisationstrad, type Sokresultat } from './organisationstrad.js';
import { OrganisationstradVy } from './organisationstrad-vy.js';
import { ExporteraCsv } from './exportera-csv.js';
import { useOrganisation } from './use-organisation.js';

function sokstatus(sok: Sokresultat | null): string {
  if (!sok) return '';
  if (sok.antalTraffar === 0) return 'Inga träffar.';
  if (sok.antalTraffar > sok.traffar.size) {
    return `${formatAntal(sok.antalTraffar)} träffar; de första ${formatAntal(sok.traffar.size)} visas. Skriv mer för att begränsa sökningen.`;
  }
  return sok.antalTraffar === 1 ? '1 träff.' : `${formatAntal(sok.antalTraffar)} träffar.`;
}

function Sammanfattning({ trad }: { trad: Organisationstrad }) {
  return (
    <p className="sammanfattning" data-testid="organisation-sammanfattning">
      {formatAntalAv(trad.antalNamnder, 'nämnd', 'nämnder')}, {formatAntalAv(trad.antalAnsvar, 'ansvar')} och{' '}
      {formatAntalAv(trad.antalChefer, 'chef', 'chefer')} med budgetansvar.
    </p>
  );
}

/** The organisation tree on a chosen date, searchable by name, ansvar and chef, and exportable as CSV. */
export function OrganisationSida() {
  const idag = useMemo(() => datumISverige(new Date()), []);
  const datumIAdressen = useSokparameter('datum');
  const datum = datumIAdressen !== null && arDatum(datumIAdressen) ? datumIAdressen : idag;
  const [datumText, setDatumText] = useState(datum);
  // A date from the address (back, forward, a link) replaces what is in the field: adjusted while rendering, as
  // react.dev's "Adjusting some state when a prop changes" does, so the field never shows the old date.
  const [visatDatum, setVisatDatum] = useState(datum);
  if (datum !== visatDatum) {
    setVisatDatum(datum);
    setDatumText(datum);
  }
  const [sokText, setSokText] = useState('');
  // Typing stays quick; the tree follows as soon as the browser has time.
  const fraga = useDeferredValue(sokText);
  const datumId = useId();
  const sokId = useId();
  const sokHjalpId = useId();

  const { data: organisation, error, isPending, isPlaceholderData, refetch } = useOrganisation(datum);
  const trad = useMemo(() => (organisation ? byggTrad(organisation) : undefined), [organisation]);
  const sok = useMemo(() => (trad ? sokITradet(trad, fraga) : null), [trad, fraga]);

  const valjDatum = (text: string) => {
    setDatumText(text);
    // A date half typed is not yet a date: the tree stays on the last whole one.
    if (arDatum(text)) andraSokparametrar({ datum: text === idag ? null : text }, { ersatt: true });
  };

  return (
    <>
      <Sidrubrik titel="Organisation" />

      <div className="urval">
        <div className="falt">
          <label htmlFor={datumId}>Organisation per datum</label>
          <input
            id={datumId}
            type="date"
            value={datumText}
            required
            onChange={(event) => valjDatum(event.target.value)}
            data-testid="organisation-datum"
          />
        </div>
        <div className="falt falt--bred">
          <label htmlFor={sokId}>Sök på namn, ansvar eller chef</label>
          <input
            id={sokId}
            type="search"
            value={sokText}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={sokHjalpId}
            onChange={(event) => setSokText(event.target.value)}
            data-testid="organisation-sok"
          />
          <p id={sokHjalpId} className="falt__hjalp">
            Till exempel Hemtjänst, 14105 eller ett namn. Högst {MAX_TRAFFAR} träffar visas.
          </p>
        </div>
        <div className="urval__atgard">
          <ExporteraCsv datum={datum} />
        </div>
      </div>

      {isPending ? <Laddar>Hämtar organisationen…</Laddar> : null}
      {error ? <Felmeddelande rubrik="Det gick inte att hämta organisationen" fel={error} onForsokIgen={() => void refetch()} /> : null}

      {trad ? (
        <section aria-labelledby="organisation-rubrik" aria-busy={isPlaceholderData}>
          <h2 id="organisation-rubrik">
            Organisationen per{' '}
            <time dateTime={datum} className="datum">
              {datum}
            </time>
          </h2>
          {isPlaceholderData ? (
            <p className="meddelande__detalj" role="status">
              Hämtar organisationen per {datum}…
            </p>
          ) : null}
          {trad.noder.size === 0 ? (
            <Tomt rubrik={`Det finns ingen organisation per ${datum}`} testId="organisation-tom">
              Inga enheter gällde det datumet. Välj ett senare datum.
            </Tomt>
          ) : (
            <>
              <Sammanfattning trad={trad} />
              {/* Always in the page, so a screen reader hears each new count as the reader types. */}
              <p className="sokstatus" role="status" data-testid="organisation-sokresultat">
                {sokstatus(sok)}
              </p>
              {sok && sok.antalTraffar === 0 ? (
                <Tomt rubrik={`Inget matchar ”${sokText.trim()}”`}>
                  Sök på en del av ett namn, början av en ansvarskod eller en chefs namn.
                </Tomt>
              ) : (
                <OrganisationstradVy trad={trad} sok={sok} etikett={`Organisationen per ${datum}`} />
              )}
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
