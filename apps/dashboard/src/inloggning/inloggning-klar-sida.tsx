import { useEffect, useState } from 'react';

import { navigera } from '../navigering/plats.js';
import { Laddar } from '../sida/meddelanden.js';
import { Sidrubrik } from '../sida/sidrubrik.js';
import { slutforInloggning, startaInloggning } from './session.js';

/** The redirect URI: finishes the sign-in the provider sent back, then goes on to the page the user wanted. */
export function InloggningKlarSida() {
  const [fel, setFel] = useState<Error | null>(null);

  useEffect(() => {
    let aktuell = true;
    slutforInloggning(window.location.search).then(
      (till) => navigera(till, { ersatt: true }),
      (orsak: unknown) => {
        if (aktuell) setFel(orsak instanceof Error ? orsak : new Error('Något gick fel.'));
      },
    );
    return () => {
      aktuell = false;
    };
  }, []);

  if (!fel) return <Laddar>Loggar in…</Laddar>;
  return (
    <>
      <Sidrubrik titel="Inloggningen misslyckades" />
      <div className="meddelande meddelande--fel" role="alert" data-testid="inloggning-fel">
        <p>{fel.message}</p>
        <button
          type="button"
          onClick={() => void startaInloggning('/').catch((orsak: unknown) => setFel(orsak instanceof Error ? orsak : fel))}
        >
          Logga in igen
        </button>
      </div>
    </>
  );
}
