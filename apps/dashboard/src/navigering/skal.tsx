import { Link, Outlet, useRouteContext } from '@tanstack/react-router';
import type { ReactNode } from 'react';

import { Anvandarmeny } from '../inloggning/anvandarmeny.js';
import type { Anvandare } from '../inloggning/jwt.js';
import { IngenBehorighet } from '../sida/meddelanden.js';
import { Sidrubrik } from '../sida/sidrubrik.js';
import { sidorFor } from './behorighet.js';
import { Huvudmeny } from './huvudmeny.js';
import type { Sida } from './sidor.js';

const STAD = 'Helsingborgs stad';

/** The frame of every page: skip link, header with the user and the main menu, and the main content. */
export function Ram({ anvandare, sidor, children }: { anvandare?: Anvandare; sidor?: readonly Sida[]; children: ReactNode }) {
  return (
    <>
      <a className="hoppa-till-innehall" href="#huvudinnehall">
        Hoppa till huvudinnehållet
      </a>
      <header className="sidhuvud">
        <div className="sidhuvud__inre">
          <div className="sidhuvud__varumarke">
            <p className="sidhuvud__produkt">Tertial</p>
            <p className="sidhuvud__stad">{STAD}</p>
          </div>
          {anvandare ? <Anvandarmeny anvandare={anvandare} /> : null}
          {sidor && sidor.length > 0 ? <Huvudmeny sidor={sidor} /> : null}
        </div>
      </header>
      <main id="huvudinnehall" className="huvudinnehall" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/** The root route's component: the frame around whichever page the address shows. */
export function Skal() {
  const { inloggning } = useRouteContext({ from: '__root__' });
  const anvandare = inloggning.anvandare;
  return (
    <Ram anvandare={anvandare} sidor={anvandare ? sidorFor(anvandare.roller) : undefined}>
      <Outlet />
    </Ram>
  );
}

/** Thrown by a page's beforeLoad when the role has no use for it: its code is then not even fetched. */
export class IngenBehorighetFel extends Error {
  override readonly name = 'IngenBehorighetFel';
  constructor(readonly startsida: Sida | undefined) {
    super('Ingen behörighet');
  }
}

/** A page the user's role has no use for; the menu does not offer it, but an address or bookmark can lead here. */
function SidanArInteForDig({ startsida }: { startsida: Sida | undefined }) {
  return (
    <>
      <Sidrubrik titel="Ingen behörighet" />
      <IngenBehorighet />
      {startsida ? (
        <p>
          Gå till <Link to={startsida.sokvag}>{startsida.namn.toLowerCase()}</Link>.
        </p>
      ) : null}
    </>
  );
}

/**
 * A page that could not be shown: the role may not see it, or its code could not be fetched (most often a new
 * release replaced it while this tab was open).
 */
export function SidanKundeInteVisas({ error }: { error: unknown }) {
  if (error instanceof IngenBehorighetFel) return <SidanArInteForDig startsida={error.startsida} />;
  return (
    <div className="meddelande meddelande--fel" role="alert">
      <h1>Sidan kunde inte visas</h1>
      <p>Ladda om sidan för att hämta den senaste versionen av Tertial.</p>
    </div>
  );
}
