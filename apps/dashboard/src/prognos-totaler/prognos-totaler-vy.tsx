import { ApiFel } from '../api/hamta-json.js';
import { formatAntal } from '../format/antal.js';
import { formatTidpunkt } from '../format/tidpunkt.js';
import type { Urval } from '../urval/urval.js';
import { LatNettokostnadDiagram } from './lat-nettokostnad-diagram.js';
import { arTom } from './prognos-totaler.js';
import { PrognosTotalerTabell } from './prognos-totaler-tabell.js';
import { StadensTotaler } from './stadens-totaler.js';
import { usePrognosTotaler } from './use-prognos-totaler.js';

function Felmeddelande({ fel, onForsokIgen }: { fel: Error; onForsokIgen: () => void }) {
  const titel = fel instanceof ApiFel ? fel.titel : 'Något gick fel';
  const detalj = fel instanceof ApiFel ? fel.detalj : undefined;
  return (
    <div className="meddelande meddelande--fel" role="alert">
      <h2>Det gick inte att hämta helårsprognosen</h2>
      <p>{titel}</p>
      {detalj ? <p>{detalj}</p> : null}
      <button type="button" onClick={onForsokIgen}>
        Försök igen
      </button>
    </div>
  );
}

/**
 * The city's helårsprognos for one year and tillfälle: key figures, chart and table. Before the first forecast
 * the figures are zero and the table still lists every nämnd with its number of ansvar.
 */
export function PrognosTotalerVy({ urval }: { urval: Urval }) {
  const { data: totaler, error, isPending, refetch } = usePrognosTotaler(urval);
  const forsokIgen = () => void refetch();

  if (isPending) {
    return (
      <p className="meddelande" role="status">
        Hämtar helårsprognosen…
      </p>
    );
  }

  if (!totaler) return <Felmeddelande fel={error ?? new Error('inga data')} onForsokIgen={forsokIgen} />;

  const tom = arTom(totaler);

  return (
    <>
      {/* A failed refetch keeps the figures we have; say that they may be old. */}
      {error ? <Felmeddelande fel={error} onForsokIgen={forsokIgen} /> : null}

      {totaler.senastUppdaterad ? (
        <p className="senast-uppdaterad">
          Senast uppdaterad <time dateTime={totaler.senastUppdaterad}>{formatTidpunkt(totaler.senastUppdaterad)}</time>
        </p>
      ) : null}

      {tom ? (
        <div className="meddelande meddelande--tomt" data-testid="inga-prognoser">
          <p>Inga prognoser är lämnade ännu</p>
          <p className="meddelande__detalj">
            Siffrorna fylls i här så snart cheferna lämnar sina helårsprognoser. Det finns{' '}
            {formatAntal(totaler.stad.antalAnsvar)} ansvar i staden.
          </p>
        </div>
      ) : null}

      <section aria-labelledby="stadens-totaler-rubrik">
        <h2 id="stadens-totaler-rubrik">{totaler.stad.namn} totalt</h2>
        <StadensTotaler stad={totaler.stad} />
      </section>

      {totaler.namnder.length > 0 ? (
        <section aria-labelledby="per-namnd-rubrik">
          <h2 id="per-namnd-rubrik">Per nämnd</h2>
          {/* Bars of zero say nothing; the table still shows how many ansvar each nämnd has. */}
          {tom ? null : <LatNettokostnadDiagram totaler={totaler} />}
          <PrognosTotalerTabell totaler={totaler} />
        </section>
      ) : null}
    </>
  );
}
