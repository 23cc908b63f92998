import { useState } from 'react';

import { Sidrubrik } from '../sida/sidrubrik.js';
import { atervandningFranAdress } from './adresser.js';
import { startaInloggning, type Utloggningsorsak } from './session.js';
import { useInloggning } from './use-inloggning.js';

const ORSAK: Record<Utloggningsorsak, string> = {
  utgangen: 'Din inloggning har gått ut. Logga in igen.',
  avvisad: 'Din inloggning gäller inte längre. Logga in igen.',
  utloggad: 'Du har loggat ut.',
};

/**
 * Shown whenever nobody is signed in. The city's identity provider does the signing in; this page only sends
 * the visitor there, and remembers which page they wanted.
 */
export function InloggningSida() {
  const { orsak } = useInloggning();
  const [skickar, setSkickar] = useState(false);
  const [fel, setFel] = useState<Error | null>(null);

  const loggaIn = async () => {
    if (skickar) return;
    setSkickar(true);
    setFel(null);
    try {
      await startaInloggning(atervandningFranAdress(window.location.pathname, window.location.search));
    } catch (orsak) {
      setFel(orsak instanceof Error ? orsak : new Error('Något gick fel.'));
      setSkickar(false);
    }
  };

  return (
    <>
      <Sidrubrik titel="Logga in" rubrik="Logga in i Tertial" />
      <section className="inloggning" aria-labelledby="inloggning-forklaring">
        <p id="inloggning-forklaring" className="ingress">
          Logga in med ditt konto i Helsingborgs stad för att följa upp mål och ekonomi för det du ansvarar för.
        </p>
        <div className="knappar">
          {/* aria-disabled rather than disabled: the button keeps focus while the browser is sent on. */}
          <button type="button" aria-disabled={skickar || undefined} onClick={() => void loggaIn()} data-testid="logga-in">
            Logga in
          </button>
        </div>
        {/* Always in the page, so a screen reader reads each new message out. */}
        <p className="inloggning__status" role="status" data-testid="inloggning-status">
          {skickar ? 'Skickar dig vidare till inloggningen…' : orsak ? ORSAK[orsak] : ''}
        </p>
      </section>
      {fel ? (
        <div className="meddelande meddelande--fel" role="alert">
          <h2>Det gick inte att starta inloggningen</h2>
          <p>{fel.message}</p>
        </div>
      ) : null}
    </>
  );
}
