import { lazy, Suspense, type ReactNode } from 'react';

import { Huvudmeny } from './navigering/huvudmeny.js';
import { SidanSaknas } from './navigering/sidan-saknas.js';
import { sidaFor, type Sidnyckel } from './navigering/sidor.js';
import { useSokvag } from './navigering/use-plats.js';
import { PrognosTotalerSida } from './prognos-totaler/prognos-totaler-sida.js';
import { Felgrans } from './sida/felgrans.js';
import { Laddar } from './sida/meddelanden.js';

const STAD = 'Helsingborgs stad';

// The start page comes with the first load; the others are fetched when first visited.
const OrganisationSida = lazy(() => import('./organisation/organisation-sida.js').then((modul) => ({ default: modul.OrganisationSida })));
const BudgetSida = lazy(() => import('./budget/budget-sida.js').then((modul) => ({ default: modul.BudgetSida })));
const UtfallImportSida = lazy(() => import('./utfall-import/utfall-import-sida.js').then((modul) => ({ default: modul.UtfallImportSida })));
const InvesteringarSida = lazy(() => import('./investeringar/investeringar-sida.js').then((modul) => ({ default: modul.InvesteringarSida })));

function sidansInnehall(nyckel: Sidnyckel | undefined): ReactNode {
  switch (nyckel) {
    case 'helarsprognos':
      return <PrognosTotalerSida />;
    case 'organisation':
      return <OrganisationSida />;
    case 'budget':
      return <BudgetSida />;
    case 'utfall-import':
      return <UtfallImportSida />;
    case 'investeringar':
      return <InvesteringarSida />;
    case undefined:
      return <SidanSaknas />;
  }
}

/** A page whose code could not be fetched: most often a new release replaced it while this tab was open. */
const SIDAN_KUNDE_INTE_LADDAS = (
  <div className="meddelande meddelande--fel" role="alert">
    <h1>Sidan kunde inte visas</h1>
    <p>Ladda om sidan för att hämta den senaste versionen av Tertial.</p>
  </div>
);

export function App() {
  const sokvag = useSokvag();
  const sida = sidaFor(sokvag);

  return (
    <>
      <a className="hoppa-till-innehall" href="#huvudinnehall">
        Hoppa till huvudinnehållet
      </a>
      <header className="sidhuvud">
        <div className="sidhuvud__inre">
          <p className="sidhuvud__produkt">Tertial</p>
          <p className="sidhuvud__stad">{STAD}</p>
          <Huvudmeny aktiv={sida?.nyckel} />
        </div>
      </header>
      <main id="huvudinnehall" className="huvudinnehall" tabIndex={-1}>
        {/* A new page starts without the error of the previous one. */}
        <Felgrans key={sokvag} reserv={SIDAN_KUNDE_INTE_LADDAS}>
          <Suspense fallback={<Laddar>Hämtar sidan…</Laddar>}>{sidansInnehall(sida?.nyckel)}</Suspense>
        </Felgrans>
      </main>
    </>
  );
}
