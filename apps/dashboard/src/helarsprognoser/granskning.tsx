import type { HelarsprognosDto } from '@tertial/contracts/dto';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

import { tolkaAterskickskommentar } from './helarsprognoser.js';
import type { useGranska } from './use-helarsprognoser.js';

interface Props {
  prognos: HelarsprognosDto;
  ansvarsnamn: string;
  /** Held by the table, which stays while the list is fetched again after a decision. */
  granska: ReturnType<typeof useGranska>;
  onMeddelande: (text: string) => void;
  /** After the decision, when these buttons are gone and focus must go somewhere. */
  onBeslutat: () => void;
}

/**
 * The förvaltningsekonom's decision on a submitted forecast: approve it, or send it back with a comment the
 * chef will read, written in a small form that opens in place.
 */
export function Granskning({ prognos, ansvarsnamn, granska, onMeddelande, onBeslutat }: Props) {
  const id = useId();
  const [skickarTillbaka, setSkickarTillbaka] = useState(false);
  const [kommentar, setKommentar] = useState('');
  const [fel, setFel] = useState<string>();
  const textruta = useRef<HTMLTextAreaElement>(null);
  const tillbakaKnapp = useRef<HTMLButtonElement>(null);
  const aterFokus = useRef(false);

  useEffect(() => {
    if (skickarTillbaka) textruta.current?.focus();
    else if (aterFokus.current) tillbakaKnapp.current?.focus();
    aterFokus.current = false;
  }, [skickarTillbaka]);

  const upptagen = granska.isPending;
  const vad = `prognosen för ${prognos.ansvar} ${ansvarsnamn}`;

  function godkann() {
    if (upptagen) return;
    onMeddelande(`Godkänner ${vad}…`);
    granska.mutate(
      { prognos, beslut: 'godkann' },
      {
        onSuccess: () => {
          onMeddelande(`${forstaVersal(vad)} är godkänd.`);
          onBeslutat();
        },
        onError: (orsak) => onMeddelande(`${forstaVersal(vad)} kunde inte godkännas. ${orsak.message}`),
      },
    );
  }

  function skickaTillbaka(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (upptagen) return;
    const tolkad = tolkaAterskickskommentar(kommentar);
    if (!tolkad.ok) {
      setFel(tolkad.fel);
      textruta.current?.focus();
      return;
    }
    setFel(undefined);
    onMeddelande(`Skickar tillbaka ${vad}…`);
    granska.mutate(
      { prognos, beslut: 'atersand', kommentar: tolkad.kommentar },
      {
        onSuccess: () => {
          onMeddelande(`${forstaVersal(vad)} är skickad tillbaka till chefen.`);
          onBeslutat();
        },
        onError: (orsak) => {
          setFel(`Det gick inte att skicka tillbaka prognosen. ${orsak.message}`);
          textruta.current?.focus();
        },
      },
    );
  }

  // Cancelling, by the button or by Escape anywhere in the form, gives focus back to the button that opened it.
  const avbryt = () => {
    aterFokus.current = true;
    setFel(undefined);
    setSkickarTillbaka(false);
  };
  const formularet = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const formular = formularet.current;
    if (!skickarTillbaka || !formular) return;
    const vidTangent = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      aterFokus.current = true;
      setFel(undefined);
      setSkickarTillbaka(false);
    };
    formular.addEventListener('keydown', vidTangent);
    return () => formular.removeEventListener('keydown', vidTangent);
  }, [skickarTillbaka]);

  if (skickarTillbaka) {
    return (
      <form noValidate onSubmit={skickaTillbaka} ref={formularet} className="granskning" data-testid="skicka-tillbaka-formular">
        <div className="falt">
          <label htmlFor={`${id}-kommentar`}>Varför skickas prognosen för {prognos.ansvar} tillbaka?</label>
          <textarea
            ref={textruta}
            id={`${id}-kommentar`}
            rows={3}
            maxLength={2000}
            value={kommentar}
            onChange={(event) => setKommentar(event.target.value)}
            aria-invalid={fel ? true : undefined}
            aria-describedby={fel ? `${id}-fel` : undefined}
          />
          {fel ? (
            <p id={`${id}-fel`} className="falt__fel">
              {fel}
            </p>
          ) : null}
        </div>
        <div className="knappar">
          <button type="submit" aria-disabled={upptagen || undefined} data-testid="skicka-tillbaka-ja">
            Skicka tillbaka
          </button>
          <button type="button" className="knapp--sekundar" onClick={avbryt} data-testid="skicka-tillbaka-avbryt">
            Avbryt
          </button>
        </div>
      </form>
    );
  }

  return (
    <div className="knappar knappar--tata">
      <button
        type="button"
        aria-disabled={upptagen || undefined}
        onClick={godkann}
        aria-label={`Godkänn prognosen för ${prognos.ansvar}`}
        data-testid="godkann"
      >
        Godkänn
      </button>
      <button
        ref={tillbakaKnapp}
        type="button"
        className="knapp--sekundar"
        aria-disabled={upptagen || undefined}
        onClick={() => setSkickarTillbaka(true)}
        aria-label={`Skicka tillbaka prognosen för ${prognos.ansvar}`}
        data-testid="skicka-tillbaka"
      >
        Skicka tillbaka
      </button>
    </div>
  );
}

function forstaVersal(text: string): string {
  return `${text.charAt(0).toLocaleUpperCase('sv')}${text.slice(1)}`;
}
