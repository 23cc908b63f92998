import { MAX_AKTIVA_MAL } from '@tertial/contracts/dto';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

import { ApiFel } from '../api/hamta-json.js';
import { MALFALTEN, tolkaMalformular, tomtMalformular, type Malfalt, type Malfel, type Malformular } from './nytt-mal-formular.js';
import { useSkapaMal } from './use-mal.js';

interface Props {
  namnd: string;
  namndnamn: string;
  onMeddelande: (text: string) => void;
}

/** The problem's fields of the goals service, beside the form's: what names no field is said for the whole form. */
function serverfel(orsak: Error): { falt: Malfel; ovrigt: string } {
  if (!(orsak instanceof ApiFel)) return { falt: {}, ovrigt: orsak.message };
  const falt: Malfel = {};
  for (const { field, message } of orsak.faltfel) {
    if (field === 'ar' || field === 'text') falt[field] = message;
    else if (field.startsWith('nyckeltal.')) {
      const namn = field.slice('nyckeltal.'.length);
      const malfalt: Malfalt | undefined = namn === 'namn' ? 'nyckeltalNamn' : MALFALTEN.find((kandidat) => kandidat === namn);
      if (malfalt) falt[malfalt] = message;
    }
  }
  // 409 "För många mål" names the nämnd, which is no field here: its title and detail say it best.
  return { falt, ovrigt: [orsak.titel, orsak.detalj].filter(Boolean).join(': ') };
}

/** The processledare's form for a new goal of their nämnd, with an optional nyckeltal. */
export function NyttMal({ namnd, namndnamn, onMeddelande }: Props) {
  const id = useId();
  const skapa = useSkapaMal();
  const [formular, setFormular] = useState<Malformular>(() => tomtMalformular(new Date().getFullYear()));
  const [fel, setFel] = useState<Malfel & { formular?: string }>({});
  // Every field, and the message for the whole form, has the id `${id}-${namn}`.
  const faltId = (namn: Malfalt | 'formular') => `${id}-${namn}`;

  function andra<K extends keyof Malformular>(namn: K, varde: Malformular[K]) {
    setFormular((tidigare) => ({ ...tidigare, [namn]: varde }));
  }

  // Focus moves to what is wrong once its message is drawn: the server's answer first, else the first field.
  const flyttaFokus = useRef(false);
  useEffect(() => {
    if (!flyttaFokus.current) return;
    flyttaFokus.current = false;
    const forsta = fel.formular ? 'formular' : MALFALTEN.find((namn) => fel[namn]);
    if (forsta) document.getElementById(`${id}-${forsta}`)?.focus();
  }, [fel, id]);

  function visaFel(nyaFel: Malfel & { formular?: string }) {
    flyttaFokus.current = true;
    setFel(nyaFel);
  }

  function skicka(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (skapa.isPending) return;
    const resultat = tolkaMalformular(formular, namnd);
    if (!resultat.ok) {
      visaFel(resultat.fel);
      return;
    }
    setFel({});
    onMeddelande('Lägger till målet…');
    skapa.mutate(resultat.varde, {
      onSuccess: (mal) => {
        setFormular((tidigare) => ({ ...tomtMalformular(mal.ar), ar: tidigare.ar }));
        onMeddelande(`Målet är tillagt för ${namndnamn} ${mal.ar}.`);
      },
      onError: (orsak) => {
        onMeddelande('Målet kunde inte läggas till.');
        const { falt: faltfel, ovrigt } = serverfel(orsak);
        visaFel({ ...faltfel, formular: ovrigt });
      },
    });
  }

  const beskrivning = (namn: Malfalt) => (fel[namn] ? `${id}-${namn}-fel` : undefined);
  const felText = (namn: Malfalt) =>
    fel[namn] ? (
      <p id={`${id}-${namn}-fel`} className="falt__fel">
        {fel[namn]}
      </p>
    ) : null;
  const textfalt = (
    namn: Exclude<Malfalt, 'text' | 'riktning'>,
    etikett: string,
    extra: { inputMode?: 'numeric' | 'decimal'; size?: number } = {},
  ) => (
    <div className="falt">
      <label htmlFor={faltId(namn)}>{etikett}</label>
      <input
        id={faltId(namn)}
        type="text"
        autoComplete="off"
        {...extra}
        value={formular[namn]}
        onChange={(event) => andra(namn, event.target.value)}
        aria-invalid={fel[namn] ? true : undefined}
        aria-describedby={beskrivning(namn)}
      />
      {felText(namn)}
    </div>
  );

  return (
    <section aria-labelledby={`${id}-rubrik`} data-testid="nytt-mal">
      <h2 id={`${id}-rubrik`}>Nytt mål för {namndnamn}</h2>
      <p className="ingress">Kommunfullmäktige ger varje nämnd högst {MAX_AKTIVA_MAL} aktiva mål åt gången.</p>
      <form noValidate onSubmit={skicka}>
        {fel.formular ? (
          <div id={faltId('formular')} tabIndex={-1} className="meddelande meddelande--fel" role="alert" data-testid="nytt-mal-fel">
            <p>{fel.formular}</p>
          </div>
        ) : null}
        <div className="urval">{textfalt('ar', 'År', { inputMode: 'numeric', size: 6 })}</div>
        <div className="falt falt--bred">
          <label htmlFor={faltId('text')}>Mål</label>
          <textarea
            id={faltId('text')}
            rows={3}
            maxLength={1000}
            value={formular.text}
            onChange={(event) => andra('text', event.target.value)}
            aria-invalid={fel.text ? true : undefined}
            aria-describedby={beskrivning('text')}
          />
          {felText('text')}
        </div>
        <div className="falt falt--kryss">
          <input
            id={`${id}-med-nyckeltal`}
            type="checkbox"
            checked={formular.medNyckeltal}
            onChange={(event) => andra('medNyckeltal', event.target.checked)}
          />
          <label htmlFor={`${id}-med-nyckeltal`}>Följ upp målet med ett nyckeltal</label>
        </div>
        {formular.medNyckeltal ? (
          <fieldset className="beloppsfalt">
            <legend>Nyckeltal</legend>
            {textfalt('nyckeltalNamn', 'Vad mäts')}
            {textfalt('enhet', 'Enhet', { size: 8 })}
            {textfalt('utgangsvarde', 'Utgångsvärde', { inputMode: 'decimal', size: 10 })}
            {textfalt('malvarde', 'Målvärde', { inputMode: 'decimal', size: 10 })}
            <div className="falt">
              <label htmlFor={faltId('riktning')}>Bättre är</label>
              <select
                id={faltId('riktning')}
                value={formular.riktning}
                onChange={(event) => andra('riktning', event.target.value)}
                aria-invalid={fel.riktning ? true : undefined}
                aria-describedby={beskrivning('riktning')}
              >
                <option value="hogre-ar-battre">Högre värde</option>
                <option value="lagre-ar-battre">Lägre värde</option>
              </select>
              {felText('riktning')}
            </div>
          </fieldset>
        ) : null}
        <div className="knappar">
          <button type="submit" aria-disabled={skapa.isPending || undefined} data-testid="lagg-till-mal">
            Lägg till mål
          </button>
        </div>
      </form>
    </section>
  );
}
