import { Felmeddelande, Laddar, Tomt } from '../sida/meddelanden.js';
import { LatResursfordelningDiagram } from './lat-resursfordelning-diagram.js';
import { ResursfordelningTabell } from './resursfordelning-tabell.js';
import { useResursfordelning } from './use-budget.js';

/** The nämnd's frame for the year: the waterfall of the resursfördelningsmodell and its steps as a table. */
export function ResursfordelningVy({ namnd, namndnamn, ar }: { namnd: string; namndnamn: string; ar: number }) {
  const { data: resursfordelning, error, isPending, refetch } = useResursfordelning(namnd, ar);

  return (
    <section aria-labelledby="resursfordelning-rubrik">
      <h2 id="resursfordelning-rubrik">
        Ekonomisk tilldelning {ar}
        <span className="rubrik__tillagg">{namndnamn}</span>
      </h2>
      {isPending ? <Laddar>Hämtar resursfördelningen…</Laddar> : null}
      {error ? (
        <Felmeddelande niva={3} rubrik="Det gick inte att hämta resursfördelningen" fel={error} onForsokIgen={() => void refetch()} />
      ) : null}
      {resursfordelning === null ? (
        <Tomt rubrik={`Ingen resursfördelning för ${ar}`} testId="resursfordelning-saknas">
          Ramen för {namndnamn} {ar} har inte räknats fram med resursfördelningsmodellen ännu.
        </Tomt>
      ) : null}
      {resursfordelning ? (
        <>
          <LatResursfordelningDiagram resursfordelning={resursfordelning} namndnamn={namndnamn} />
          <ResursfordelningTabell resursfordelning={resursfordelning} namndnamn={namndnamn} />
        </>
      ) : null}
    </section>
  );
}
