import type { HelarsprognosDto } from '@tertial/contracts/dto';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

import { ApiFel } from '../api/hamta-json.js';
import type { Urval } from '../urval/urval.js';
import { felFranServer, tolkaAteroppningsskal } from './omgangsadministration.js';
import type { useAteroppna } from './use-helarsprognoser.js';

interface Props {
  omgang: Urval;
  ansvar: { kod: string; namn: string };
  prognos: HelarsprognosDto | undefined;
  /** Held by the table, which stays while the list is fetched again after the reopening. */
  ateroppna: ReturnType<typeof useAteroppna>;
  onMeddelande: (text: string) => void;
  /** After the reopening, when the form is gone and focus must go somewhere. */
  onKlar: () => void;
}

const KOMMENTARSFALT = ['kommentar'] as const;

/**
 * The ekonomidirektör reopens one ansvar of a closed round, in its row of the table: a button opens a small form
 * for the reason (required; the chef reads it), Escape or "Avbryt" closes it with focus back on the button.
 */
export function Ateroppning({ omgang, ansvar, prognos, ateroppna, onMeddelande, onKlar }: Props) {
  const id = useId();
  const [oppet, setOppet] = useState(false);
  const [skal, setSkal] = useState('');
  const [fel, setFel] = useState<string>();
  const textruta = useRef<HTMLTextAreaElement>(null);
  const knapp = useRef<HTMLButtonElement>(null);
  const aterFokus = useRef(false);
  const formularet = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (oppet) textruta.current?.focus();
    else if (aterFokus.current) knapp.current?.focus();
    aterFokus.current = false;
  }, [oppet]);

  const stang = () => {
    aterFokus.current = true;
    setFel(undefined);
    setOppet(false);
  };

  useEffect(() => {
    const formular = formularet.current;
    if (!oppet || !formular) return;
    const vidTangent = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      aterFokus.current = true;
      setFel(undefined);
      setOppet(false);
    };
    formular.addEventListener('keydown', vidTangent);
    return () => formular.removeEventListener('keydown', vidTangent);
  }, [oppet]);

  const upptagen = ateroppna.isPending;
  const vad = `ansvaret ${ansvar.kod} ${ansvar.namn}`;

  function skicka(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (upptagen) return;
    const tolkat = tolkaAteroppningsskal(skal);
    if (!tolkat.ok) {
      setFel(tolkat.fel);
      textruta.current?.focus();
      return;
    }
    setFel(undefined);
    onMeddelande(`Öppnar ${vad} igen…`);
    ateroppna.mutate(
      { adress: { ansvar: ansvar.kod, ar: omgang.ar, tillfalle: omgang.tillfalle }, prognos, kommentar: tolkat.kommentar },
      {
        onSuccess: (svar) => {
          onMeddelande(
            svar
              ? `${forstaVersal(vad)} är öppnat igen: prognosen är återsänd till chefen, som kan ändra den tills omgången stängs igen.`
              : `${forstaVersal(vad)} är öppnat igen: chefen kan lämna en prognos tills omgången stängs igen.`,
          );
          setOppet(false);
          setSkal('');
          onKlar();
        },
        onError: (orsak) => {
          const { falt, ovrigt } = orsak instanceof ApiFel ? felFranServer(orsak, KOMMENTARSFALT) : { falt: {}, ovrigt: orsak.message };
          setFel(falt.kommentar ?? `Ansvaret kunde inte öppnas igen. ${ovrigt ?? ''}`.trim());
          textruta.current?.focus();
        },
      },
    );
  }

  if (!oppet) {
    return (
      <button
        ref={knapp}
        type="button"
        className="knapp--sekundar"
        onClick={() => setOppet(true)}
        aria-label={`Öppna ansvaret ${ansvar.kod} igen`}
        data-testid="ateroppna"
      >
        Öppna igen
      </button>
    );
  }

  return (
    <form noValidate onSubmit={skicka} ref={formularet} className="granskning" data-testid="ateroppna-formular">
      <div className="falt">
        <label htmlFor={`${id}-kommentar`}>Varför öppnas {ansvar.kod} igen?</label>
        <textarea
          ref={textruta}
          id={`${id}-kommentar`}
          rows={3}
          maxLength={2000}
          value={skal}
          onChange={(event) => setSkal(event.target.value)}
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
        <button type="submit" aria-disabled={upptagen || undefined} data-testid="ateroppna-ja">
          Öppna igen
        </button>
        <button type="button" className="knapp--sekundar" onClick={stang} data-testid="ateroppna-avbryt">
          Avbryt
        </button>
      </div>
    </form>
  );
}

function forstaVersal(text: string): string {
  return `${text.charAt(0).toLocaleUpperCase('sv')}${text.slice(1)}`;
}
