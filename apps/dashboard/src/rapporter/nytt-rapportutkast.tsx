import type { RapportDto } from '@tertial/contracts/dto';
import { useId, useState, type FormEvent } from 'react';

import { standardurval, TILLFALLEN } from '../urval/urval.js';
import { tolkaRapportformular, type Formularfel, type Rapportformular } from './rapporter.js';
import { useSkapaRapport } from './use-rapporter.js';

interface Props {
  /** After the draft is made, with the report the service answered with. */
  onSkapad: (rapport: RapportDto) => void;
  /** Something to say in the page's live region. */
  onMeddelande: (text: string) => void;
}

/** The ekonomidirektör's form that drafts a report from the current totals of a year's tillfälle. */
export function NyttRapportutkast({ onSkapad, onMeddelande }: Props) {
  const id = useId();
  const skapa = useSkapaRapport();
  const [formular, setFormular] = useState<Rapportformular>(() => {
    const urval = standardurval(new Date());
    return { ar: String(urval.ar), tillfalle: urval.tillfalle, titel: '' };
  });
  const [fel, setFel] = useState<Formularfel>({});

  function andra(namn: keyof Rapportformular, varde: string) {
    setFormular((tidigare) => ({ ...tidigare, [namn]: varde }));
  }

  function skicka(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (skapa.isPending) return;
    const resultat = tolkaRapportformular(formular);
    if (!resultat.ok) {
      setFel(resultat.fel);
      const forsta = (['ar', 'tillfalle', 'titel'] as const).find((namn) => resultat.fel[namn]);
      if (forsta) document.getElementById(`${id}-${forsta}`)?.focus();
      return;
    }
    setFel({});
    onMeddelande('Skapar rapportutkastet…');
    skapa.mutate(resultat.varde, {
      onSuccess: (rapport) => {
        setFormular((tidigare) => ({ ...tidigare, titel: '' }));
        onMeddelande(`Rapportutkastet ”${rapport.titel}” har skapats.`);
        onSkapad(rapport);
      },
      onError: (orsak) => onMeddelande(`Rapportutkastet kunde inte skapas. ${orsak.message}`),
    });
  }

  const beskrivning = (namn: keyof Rapportformular) => (fel[namn] ? `${id}-${namn}-fel` : undefined);

  return (
    <section aria-labelledby={`${id}-rubrik`} data-testid="nytt-rapportutkast">
      <h2 id={`${id}-rubrik`}>Nytt rapportutkast</h2>
      <p className="ingress">
        Utkastet får prognosens aktuella totaler för året och tillfället. Kommunfullmäktige ser det först när det är fastställt.
      </p>
      <form noValidate onSubmit={skicka}>
        <div className="urval">
          <div className="falt">
            <label htmlFor={`${id}-ar`}>År</label>
            <input
              id={`${id}-ar`}
              name="ar"
              inputMode="numeric"
              autoComplete="off"
              size={6}
              value={formular.ar}
              onChange={(event) => andra('ar', event.target.value)}
              aria-invalid={fel.ar ? true : undefined}
              aria-describedby={beskrivning('ar')}
            />
            {fel.ar ? (
              <p id={`${id}-ar-fel`} className="falt__fel">
                {fel.ar}
              </p>
            ) : null}
          </div>
          <div className="falt">
            <label htmlFor={`${id}-tillfalle`}>Tillfälle</label>
            <select
              id={`${id}-tillfalle`}
              name="tillfalle"
              value={formular.tillfalle}
              onChange={(event) => andra('tillfalle', event.target.value)}
              aria-invalid={fel.tillfalle ? true : undefined}
              aria-describedby={beskrivning('tillfalle')}
            >
              {TILLFALLEN.map((tillfalle) => (
                <option key={tillfalle} value={tillfalle}>
                  {tillfalle}
                </option>
              ))}
            </select>
            {fel.tillfalle ? (
              <p id={`${id}-tillfalle-fel`} className="falt__fel">
                {fel.tillfalle}
              </p>
            ) : null}
          </div>
          <div className="falt falt--bred">
            <label htmlFor={`${id}-titel`}>Titel</label>
            <input
              id={`${id}-titel`}
              name="titel"
              autoComplete="off"
              maxLength={200}
              value={formular.titel}
              onChange={(event) => andra('titel', event.target.value)}
              aria-invalid={fel.titel ? true : undefined}
              aria-describedby={beskrivning('titel')}
            />
            {fel.titel ? (
              <p id={`${id}-titel-fel`} className="falt__fel">
                {fel.titel}
              </p>
            ) : null}
          </div>
        </div>
        <div className="knappar">
          {/* aria-disabled rather than disabled: the button keeps focus while the draft is made. */}
          <button type="submit" aria-disabled={skapa.isPending || undefined} data-testid="skapa-rapportutkast">
            Skapa utkast
          </button>
        </div>
      </form>
    </section>
  );
}
