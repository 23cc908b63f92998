import { formatAntal } from '../format/antal.js';
import { formatTidpunkt } from '../format/tidpunkt.js';
import { OversiktVy } from '../oversikt/oversikt-vy.js';
import { Felmeddelande, Laddar } from '../sida/meddelanden.js';
import type { Urval } from '../urval/urval.js';
import { LatNettokostnadDiagram } from './lat-nettokostnad-diagram.js';
import { arTom } from './prognos-totaler.js';
import { PrognosTotalerTabell } from './prognos-totaler-tabell.js';
import { StadensTotaler } from './stadens-totaler.js';
import { usePrognosTotaler } from './use-prognos-totaler.js';

const FEL_RUBRIK = 'Det gick inte att hämta helårsprognosen';

/**
 * The city's helårsprognos for one year and tillfälle: key figures, chart and table. Before the first forecast
 * the figures are zero and the table still lists every nämnd with its number of ansvar.
 */
export function PrognosTotalerVy({ urval }: { urval: Urval }) {
  const { data: totaler, error, isPending, refetch } = usePrognosTotaler(urval);
  const forsokIgen = () => void refetch();

  if (isPending) return <Laddar>Hämtar helårsprognosen…</Laddar>;

  if (!totaler) return <Felmeddelande rubrik={FEL_RUBRIK} fel={error ?? new Error('inga data')} onForsokIgen={forsokIgen} />;

  const tom = arTom(totaler);

  return (
    <>
      {/* A failed refetch keeps the figures we have; say that they may be old. */}
      {error ? <Felmeddelande rubrik={FEL_RUBRIK} fel={error} onForsokIgen={forsokIgen} /> : null}

      {totaler.senastUppdaterad ? (
        <p className="senast-uppdaterad">
          Senast uppdaterad <time dateTime={totaler.senastUppdaterad}>{formatTidpunkt(totaler.senastUppdaterad)}</time>
        </p>
      ) : null}

      {tom ? (
        <div className="meddelande meddelande--tomt" data-testid="inga-prognoser">
          <p>Inga prognoser är lämnade ännu</p>
          <p className="meddelande__detalj">
            Siffrorna fylls i här så snart cheferna lämnar sina helårsprognoser. Det finns {formatAntal(totaler.stad.antalAnsvar)} ansvar i
            staden.
          </p>
        </div>
      ) : null}

      <section aria-labelledby="stadens-totaler-rubrik">
        <h2 id="stadens-totaler-rubrik">{totaler.stad.namn} totalt</h2>
        <StadensTotaler stad={totaler.stad} utfallTillManad={totaler.utfallTillManad} />
      </section>

      {totaler.namnder.length > 0 ? (
        <section aria-labelledby="per-namnd-rubrik">
          <h2 id="per-namnd-rubrik">Per nämnd</h2>
          {/*
            The table first: it has every figure, exactly. The chart below it gives the picture and is fetched when
            the person scrolls towards it (ECharts is half of the dashboard's JavaScript). Bars of zero say nothing;
            the table still shows how many ansvar each nämnd has.
          */}
          <PrognosTotalerTabell totaler={totaler} />
          {tom ? null : <LatNettokostnadDiagram totaler={totaler} />}
        </section>
      ) : null}

      {/* The consolidated view follows the delårsrapporter's rounds; a monthly round has only the totals above. */}
      {urval.tillfalle === 'april' || urval.tillfalle === 'augusti' ? <OversiktVy ar={urval.ar} tillfalle={urval.tillfalle} /> : null}
    </>
  );
}
