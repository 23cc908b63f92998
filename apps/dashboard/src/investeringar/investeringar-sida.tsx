import { useMemo } from 'react';

import { formatAntalAv } from '../format/antal.js';
import { andraSokparametrar } from '../navigering/plats.js';
import { useSokparameter } from '../navigering/use-plats.js';
import { NamndVal } from '../organisation/namnd-val.js';
import { useNamnderMedBudget } from '../organisation/use-organisation.js';
import { Felmeddelande, Laddar, Tomt } from '../sida/meddelanden.js';
import { Sidrubrik } from '../sida/sidrubrik.js';
import { InvesteringarPerArTabell } from './investeringar-per-ar-tabell.js';
import { namndensSummering, planensAr, projektrader } from './investeringar.js';
import { InvesteringsprojektTabell } from './investeringsprojekt-tabell.js';
import { LatInvesteringarDiagram } from './lat-investeringar-diagram.js';
import { useInvesteringar } from './use-investeringar.js';

function NamndensInvesteringar({ namnd, namndnamn }: { namnd: string; namndnamn: string }) {
  const { data, error, isPending, refetch } = useInvesteringar(namnd);
  const ar = useMemo(() => (data ? planensAr(data.sammanstallning) : []), [data]);
  const rader = useMemo(() => (data ? projektrader(data.projekt, ar) : []), [data, ar]);
  const summering = useMemo(() => (data ? namndensSummering(data.sammanstallning, namnd) : null), [data, namnd]);

  if (isPending) return <Laddar>Hämtar investeringarna…</Laddar>;
  if (error && !data)
    return <Felmeddelande rubrik="Det gick inte att hämta investeringarna" fel={error} onForsokIgen={() => void refetch()} />;
  if (!data || data.projekt.length === 0) {
    return (
      <Tomt rubrik={`${namndnamn} har inga investeringsprojekt i planen`} testId="investeringar-saknas">
        Projekten visas här när de har lagts in i den sjuåriga investeringsplanen.
      </Tomt>
    );
  }

  return (
    <>
      <section aria-labelledby="investeringsprojekt-rubrik">
        <h2 id="investeringsprojekt-rubrik">
          Projekt
          <span className="rubrik__tillagg">
            {formatAntalAv(rader.length, 'projekt')}, {ar[0]}–{ar.at(-1)}
          </span>
        </h2>
        <InvesteringsprojektTabell rader={rader} ar={ar} summering={summering} namndnamn={namndnamn} />
      </section>
      {summering ? (
        <section aria-labelledby="investeringar-per-ar-rubrik">
          <h2 id="investeringar-per-ar-rubrik">Budget, utfall och prognos per år</h2>
          <LatInvesteringarDiagram summering={summering} namndnamn={namndnamn} />
          <InvesteringarPerArTabell summering={summering} namndnamn={namndnamn} />
        </section>
      ) : null}
    </>
  );
}

/**
 * A nämnd's rolling seven-year investment plan: its projects, and budget, utfall and prognos per year. A
 * förvaltningsekonom is offered their own nämnd only.
 */
export function InvesteringarSida() {
  const namndfraga = useNamnderMedBudget();
  const namndIAdressen = useSokparameter('namnd');
  const { namnder } = namndfraga;
  const namnd =
    namnder?.find((kandidat) => kandidat.kod === namndIAdressen) ??
    namnder?.find((kandidat) => kandidat.kod === namndfraga.egenNamnd) ??
    namnder?.[0];

  return (
    <>
      <Sidrubrik titel="Investeringar" rubrik={namnd ? `Investeringar – ${namnd.namn}` : 'Investeringar'} />
      <div className="urval">
        <NamndVal namndfraga={namndfraga} vald={namnd?.kod} onValj={(kod) => andraSokparametrar({ namnd: kod })} />
      </div>
      {namndfraga.isPending ? <Laddar>Hämtar nämnderna…</Laddar> : null}
      {namnder?.length === 0 ? <Tomt rubrik="Det finns inga nämnder i organisationen">Lägg in organisationen först.</Tomt> : null}
      {namnd ? <NamndensInvesteringar namnd={namnd.kod} namndnamn={namnd.namn} /> : null}
    </>
  );
}
