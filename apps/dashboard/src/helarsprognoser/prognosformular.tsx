import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';

import { ApiFel } from '../api/hamta-json.js';
import { formatKr, formatKrMedOreOmNagra } from '../format/belopp.js';
import { formatTidpunkt } from '../format/tidpunkt.js';
import type { Urval } from '../urval/urval.js';
import {
  omgangsnamn,
  PROGNOSFALTEN,
  serverfelPerFalt,
  statustext,
  summeraFormular,
  tolkaPrognosformular,
  tomtFormular,
  VERKSAMHETSGRUPPER,
  type Ansvarsrad,
  type Prognosfel,
  type PrognosfaltNamn,
  type Prognosformular,
  type VerksamhetsgruppKod,
} from './helarsprognoser.js';
import { useLamnaPrognos } from './use-helarsprognoser.js';

interface Props {
  /** The chef's own ansvar, with their current forecasts. */
  egna: readonly Ansvarsrad[];
  valt: string;
  onValj: (ansvar: string) => void;
  omgang: Urval;
  onMeddelande: (text: string) => void;
  /** The section's heading, which the table's "Lämna prognos" moves focus to. */
  rubrikRef: RefObject<HTMLHeadingElement | null>;
}

/** The chef's form for one of their ansvar: an amount per kontogrupp, a comment, and the sum as it is typed. */
export function Prognosformular({ egna, valt, onValj, omgang, onMeddelande, rubrikRef }: Props) {
  const id = useId();
  const rad = egna.find((kandidat) => kandidat.ansvar.kod === valt) ?? egna[0];
  if (!rad) return null;

  return (
    <section aria-labelledby={`${id}-rubrik`} data-testid="lamna-prognos">
      <h2 id={`${id}-rubrik`} ref={rubrikRef} tabIndex={-1}>
        Lämna helårsprognos {omgangsnamn(omgang)}
      </h2>
      <p className="ingress">
        Skriv beloppen i kronor för hela året, intäkter och kostnader som positiva belopp. Ett tomt fält räknas som 0 kr.
      </p>
      <div className="falt">
        <label htmlFor={`${id}-ansvar`}>Ansvar</label>
        <select id={`${id}-ansvar`} value={rad.ansvar.kod} onChange={(event) => onValj(event.target.value)} data-testid="prognos-ansvar">
          {egna.map(({ ansvar }) => (
            <option key={ansvar.kod} value={ansvar.kod}>
              {ansvar.kod} {ansvar.namn}
            </option>
          ))}
        </select>
      </div>
      <Nuvarande rad={rad} />
      {/* A new form per ansvar, filled in with its current forecast. */}
      <Formular key={`${rad.ansvar.kod} ${omgang.ar} ${omgang.tillfalle}`} rad={rad} omgang={omgang} onMeddelande={onMeddelande} />
    </section>
  );
}

function Nuvarande({ rad }: { rad: Ansvarsrad }) {
  const { prognos } = rad;
  if (!prognos) return <p>Ingen prognos är lämnad för {rad.ansvar.namn} ännu.</p>;
  return (
    <div data-testid="nuvarande-prognos">
      <p>
        Version {prognos.version} sparades {formatTidpunkt(prognos.sparadAt)}
        {prognos.sparadAv ? ` av ${prognos.sparadAv.namn}` : ''}. Status: <strong>{statustext(prognos.status)}</strong>.
      </p>
      {prognos.beslutskommentar ? (
        <p>
          Kommentar från {prognos.andradAv?.namn ?? 'förvaltningsekonomen'}: ”{prognos.beslutskommentar}”
        </p>
      ) : null}
    </div>
  );
}

function Formular({ rad, omgang, onMeddelande }: { rad: Ansvarsrad; omgang: Urval; onMeddelande: (text: string) => void }) {
  const id = useId();
  const lamna = useLamnaPrognos();
  const [formular, setFormular] = useState<Prognosformular>(() => tomtFormular(rad.prognos));
  const [fel, setFel] = useState<Prognosfel>({});
  const summa = summeraFormular(formular.belopp);
  // Every field, and the message for the whole form, has the id `${id}-${namn}`.
  const faltId = (namn: PrognosfaltNamn) => `${id}-${namn}`;

  // Focus moves to the first field wrong once its message is drawn (a message for the whole form comes first).
  const flyttaFokus = useRef(false);
  useEffect(() => {
    if (!flyttaFokus.current) return;
    flyttaFokus.current = false;
    const forsta = PROGNOSFALTEN.find((namn) => fel[namn]) ?? (fel.formular ? 'formular' : undefined);
    if (forsta) document.getElementById(`${id}-${forsta}`)?.focus();
  }, [fel, id]);

  function visaFel(nyaFel: Prognosfel) {
    flyttaFokus.current = true;
    setFel(nyaFel);
  }

  function andraBelopp(kod: VerksamhetsgruppKod, varde: string) {
    setFormular((tidigare) => ({ ...tidigare, belopp: { ...tidigare.belopp, [kod]: varde } }));
  }

  function skicka(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (lamna.isPending) return;
    const resultat = tolkaPrognosformular(formular, { ansvar: rad.ansvar.kod, ...omgang });
    if (!resultat.ok) {
      visaFel(resultat.fel);
      return;
    }
    setFel({});
    onMeddelande(`Lämnar prognosen för ${rad.ansvar.namn}…`);
    lamna.mutate(
      { inlamning: resultat.varde, aktuell: rad.prognos },
      {
        onSuccess: (prognos) => {
          onMeddelande(
            `Prognosen för ${rad.ansvar.kod} ${rad.ansvar.namn} är inlämnad (version ${prognos.version}), nettokostnad ${formatKr(prognos.nettokostnadOre)}.`,
          );
        },
        onError: (orsak) => {
          onMeddelande('Prognosen kunde inte lämnas.');
          const serverfel = orsak instanceof ApiFel ? serverfelPerFalt(orsak.faltfel) : {};
          const ovrigt = orsak instanceof ApiFel ? [orsak.titel, orsak.detalj].filter(Boolean).join(': ') : orsak.message;
          // Fields named get their message beside them; the problem's title says what happened to the whole.
          visaFel({ ...serverfel, formular: serverfel.formular ?? ovrigt });
        },
      },
    );
  }

  const beskrivning = (namn: PrognosfaltNamn) => (fel[namn] ? `${id}-${namn}-fel` : undefined);

  return (
    <form noValidate onSubmit={skicka} data-testid="prognosformular">
      {fel.formular ? (
        <div id={faltId('formular')} tabIndex={-1} className="meddelande meddelande--fel" role="alert" data-testid="prognosformular-fel">
          <p>{fel.formular}</p>
        </div>
      ) : null}
      <fieldset className="beloppsfalt">
        <legend>Belopp per kontogrupp (kr)</legend>
        {VERKSAMHETSGRUPPER.map((grupp) => (
          <div key={grupp.kod} className="falt">
            <label htmlFor={faltId(grupp.kod)}>
              {grupp.namn} <span className="svag">({grupp.typ === 'intakt' ? 'intäkt' : 'kostnad'}, kr)</span>
            </label>
            <input
              id={faltId(grupp.kod)}
              name={grupp.kod}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              className="belopp"
              value={formular.belopp[grupp.kod]}
              onChange={(event) => andraBelopp(grupp.kod, event.target.value)}
              aria-invalid={fel[grupp.kod] ? true : undefined}
              aria-describedby={beskrivning(grupp.kod)}
              data-kontogrupp={grupp.kod}
            />
            {fel[grupp.kod] ? (
              <p id={`${id}-${grupp.kod}-fel`} className="falt__fel">
                {fel[grupp.kod]}
              </p>
            ) : null}
          </div>
        ))}
      </fieldset>
      <dl className="nyckeltal" data-testid="prognos-summa">
        <div className="nyckeltal__post">
          <dt>Intäkter</dt>
          <dd>{summa ? formatKrMedOreOmNagra(summa.intakterOre) : '–'}</dd>
        </div>
        <div className="nyckeltal__post">
          <dt>Kostnader</dt>
          <dd>{summa ? formatKrMedOreOmNagra(summa.kostnaderOre) : '–'}</dd>
        </div>
        <div className="nyckeltal__post nyckeltal__post--huvud">
          <dt>Nettokostnad</dt>
          <dd data-testid="prognos-nettokostnad">
            {summa ? formatKrMedOreOmNagra(summa.nettokostnadOre) : 'Rätta beloppen för att se summan'}
          </dd>
        </div>
      </dl>
      <div className="falt falt--bred">
        <label htmlFor={faltId('kommentar')}>
          Kommentar <span className="svag">(frivillig)</span>
        </label>
        <textarea
          id={faltId('kommentar')}
          name="kommentar"
          rows={3}
          maxLength={4000}
          value={formular.kommentar}
          onChange={(event) => setFormular((tidigare) => ({ ...tidigare, kommentar: event.target.value }))}
          aria-invalid={fel.kommentar ? true : undefined}
          aria-describedby={beskrivning('kommentar')}
        />
        {fel.kommentar ? (
          <p id={`${id}-kommentar-fel`} className="falt__fel">
            {fel.kommentar}
          </p>
        ) : null}
      </div>
      <div className="knappar">
        {/* aria-disabled rather than disabled: the button keeps focus while the forecast is sent. */}
        <button type="submit" aria-disabled={lamna.isPending || undefined} data-testid="lamna-prognos-knapp">
          {rad.prognos ? 'Lämna ny version' : 'Lämna prognos'}
        </button>
      </div>
    </form>
  );
}
