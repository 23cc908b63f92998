import type { PrognosomgangDto } from '@tertial/contracts/dto';
import { PROGNOSTILLFALLEN } from '@tertial/contracts/prognos';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';

import { ApiFel } from '../api/hamta-json.js';
import { formatTidpunkt } from '../format/tidpunkt.js';
import { useNamnder } from '../organisation/use-organisation.js';
import { BekraftadAtgard } from '../sida/bekraftad-atgard.js';
import { Felmeddelande, Laddar } from '../sida/meddelanden.js';
import { standardurval, tillfalleSomVal, type Urval } from '../urval/urval.js';
import { omgangsnamn } from './helarsprognoser.js';
import {
  arManadsprognos,
  felFranServer,
  formatTroskelprocent,
  OMGANGSFALTEN,
  standardDeadline,
  standardForlangning,
  tolkaForlangning,
  tolkaOmgangsformular,
  tolkaTroskelformular,
  troskelSomFormular,
  TROSKELFALTEN,
  type Deadlinefalt,
  type Omgangsfel,
  type Omgangsformular,
  type Troskelfalt,
  type Troskelformular,
} from './omgangsadministration.js';
import { beloppSomVisning } from './rutnat/belopp-inmatning.js';
import {
  useAndraKommentarstroskel,
  useForlangOmgang,
  useKommentarstroskel,
  useOppnaOmgang,
  useStangOmgang,
} from './use-helarsprognoser.js';

interface Props {
  /** The round shown on the page; it can be extended and closed when it is open. */
  vald: PrognosomgangDto | undefined;
  onOppnad: (omgang: Urval) => void;
  onMeddelande: (text: string) => void;
}

/**
 * The ekonomidirektör's administration of the rounds: opens a year's tillfälle (a månadsprognos for chosen
 * nämnder) with a deadline, extends an open one, closes it after a second yes, and sets the city's threshold for a
 * required comment. Reopening one ansvar after close is done in the table of the closed round's ansvar.
 */
export function OmgangarVy({ vald, onOppnad, onMeddelande }: Props) {
  const id = useId();
  const rubrik = useRef<HTMLHeadingElement>(null);
  return (
    <section aria-labelledby={`${id}-rubrik`} data-testid="omgangar">
      <h2 id={`${id}-rubrik`} ref={rubrik} tabIndex={-1}>
        Prognosomgångar
      </h2>
      {vald?.status === 'oppen' ? (
        <>
          <ForlangOmgang key={`${vald.ar} ${vald.tillfalle} ${vald.andring}`} omgang={vald} onMeddelande={onMeddelande} />
          <StangOmgang
            key={`${vald.ar} ${vald.tillfalle}`}
            omgang={vald}
            onMeddelande={onMeddelande}
            onStangd={() => rubrik.current?.focus()}
          />
        </>
      ) : null}
      {vald?.status === 'stangd' ? (
        <p className="ingress">
          Behöver ett ansvar ändra sin prognos efter stängningen? Öppna det igen med knappen <q>Öppna igen</q> i tabellen Prognoser per
          ansvar nedan.
        </p>
      ) : null}
      <OppnaOmgang onOppnad={onOppnad} onMeddelande={onMeddelande} />
      <Kommentarstroskel onMeddelande={onMeddelande} />
    </section>
  );
}

/** Focus moves to what is wrong once its message is drawn: the whole form's message first, else the first field. */
function useFokusPaFel<F extends string>(fel: Partial<Record<F | 'formular', string>>, falten: readonly F[], id: string) {
  const flytta = useRef(false);
  useEffect(() => {
    if (!flytta.current) return;
    flytta.current = false;
    const forsta = fel.formular ? 'formular' : falten.find((namn) => fel[namn]);
    if (forsta) document.getElementById(`${id}-${forsta}`)?.focus();
  }, [fel, falten, id]);
  return () => {
    flytta.current = true;
  };
}

function FaltetsFel({ id, fel }: { id: string; fel: string | undefined }) {
  return fel ? (
    <p id={id} className="falt__fel">
      {fel}
    </p>
  ) : null;
}

function Formularfel({ id, fel, testId }: { id: string; fel: string | undefined; testId: string }) {
  return fel ? (
    <div id={id} tabIndex={-1} className="meddelande meddelande--fel" role="alert" data-testid={testId}>
      <p>{fel}</p>
    </div>
  ) : null;
}

/** A deadline in Swedish time: a date field and a time field, one message for both. `${id}-deadline` is the date field. */
function Deadline({
  id,
  legend,
  varde,
  onAndra,
  fel,
  hjalp,
}: {
  id: string;
  legend: ReactNode;
  varde: Deadlinefalt;
  onAndra: (varde: Deadlinefalt) => void;
  fel: string | undefined;
  hjalp?: ReactNode;
}) {
  const beskrivning = [hjalp ? `${id}-deadline-hjalp` : undefined, fel ? `${id}-deadline-fel` : undefined].filter(Boolean).join(' ');
  const falt = {
    'aria-invalid': fel ? true : undefined,
    'aria-describedby': beskrivning || undefined,
  } as const;
  return (
    <fieldset className="tidsfalt">
      <legend>{legend}</legend>
      <div className="urval">
        <div className="falt">
          <label htmlFor={`${id}-deadline`}>Datum</label>
          <input
            id={`${id}-deadline`}
            type="date"
            value={varde.datum}
            onChange={(event) => onAndra({ ...varde, datum: event.target.value })}
            {...falt}
          />
        </div>
        <div className="falt">
          <label htmlFor={`${id}-deadline-tid`}>Klockslag</label>
          <input
            id={`${id}-deadline-tid`}
            type="time"
            value={varde.tid}
            onChange={(event) => onAndra({ ...varde, tid: event.target.value })}
            {...falt}
          />
        </div>
      </div>
      {hjalp ? (
        <p id={`${id}-deadline-hjalp`} className="falt__hjalp">
          {hjalp}
        </p>
      ) : null}
      <FaltetsFel id={`${id}-deadline-fel`} fel={fel} />
    </fieldset>
  );
}

function OppnaOmgang({ onOppnad, onMeddelande }: { onOppnad: (omgang: Urval) => void; onMeddelande: (text: string) => void }) {
  const id = useId();
  const oppna = useOppnaOmgang();
  const { namnder } = useNamnder();
  // The fields as typed and chosen, plain text: tolkaOmgangsformular checks them.
  const [formular, setFormular] = useState<Omgangsformular>(() => {
    const urval = standardurval(new Date());
    return { ar: String(urval.ar), tillfalle: urval.tillfalle, ...standardDeadline(new Date()), namnder: [] };
  });
  const [fel, setFel] = useState<Omgangsfel & { formular?: string }>({});
  const fokusPaFel = useFokusPaFel(fel, OMGANGSFALTEN, id);
  const manadsprognos = arManadsprognos(formular.tillfalle);

  function visaFel(nyaFel: Omgangsfel & { formular?: string }) {
    fokusPaFel();
    setFel(nyaFel);
  }

  function skicka(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (oppna.isPending) return;
    const resultat = tolkaOmgangsformular(formular, new Date());
    if (!resultat.ok) {
      visaFel(resultat.fel);
      return;
    }
    setFel({});
    onMeddelande(`Öppnar prognosomgången ${omgangsnamn(resultat.varde)}…`);
    oppna.mutate(resultat.varde, {
      onSuccess: (omgang) => {
        onMeddelande(
          `Prognosomgången ${omgangsnamn(omgang)} är öppen till ${formatTidpunkt(omgang.deadline)}. Cheferna kan nu lämna sina prognoser.`,
        );
        onOppnad(omgang);
      },
      onError: (orsak) => {
        onMeddelande(`Prognosomgången kunde inte öppnas. ${orsak.message}`);
        if (orsak instanceof ApiFel) {
          const { falt, ovrigt } = felFranServer(orsak, OMGANGSFALTEN);
          visaFel({ ...falt, formular: ovrigt });
        } else visaFel({ formular: orsak.message });
      },
    });
  }

  const andraNamnd = (kod: string, vald: boolean) =>
    setFormular((tidigare) => ({
      ...tidigare,
      namnder: vald ? [...tidigare.namnder, kod] : tidigare.namnder.filter((kandidat) => kandidat !== kod),
    }));

  return (
    <form noValidate onSubmit={skicka} aria-labelledby={`${id}-rubrik`} data-testid="oppna-omgang">
      <h3 id={`${id}-rubrik`}>Öppna en prognosomgång</h3>
      <Formularfel id={`${id}-formular`} fel={fel.formular} testId="oppna-omgang-fel" />
      <div className="urval">
        <div className="falt">
          <label htmlFor={`${id}-ar`}>År</label>
          <input
            id={`${id}-ar`}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            size={6}
            value={formular.ar}
            onChange={(event) => setFormular((tidigare) => ({ ...tidigare, ar: event.target.value }))}
            aria-invalid={fel.ar ? true : undefined}
            aria-describedby={fel.ar ? `${id}-ar-fel` : undefined}
          />
          <FaltetsFel id={`${id}-ar-fel`} fel={fel.ar} />
        </div>
        <div className="falt">
          <label htmlFor={`${id}-tillfalle`}>Tillfälle</label>
          <select
            id={`${id}-tillfalle`}
            value={formular.tillfalle}
            onChange={(event) => setFormular((tidigare) => ({ ...tidigare, tillfalle: event.target.value }))}
            aria-invalid={fel.tillfalle ? true : undefined}
            aria-describedby={[`${id}-tillfalle-hjalp`, fel.tillfalle ? `${id}-tillfalle-fel` : ''].join(' ').trim()}
          >
            {PROGNOSTILLFALLEN.map((tillfalle) => (
              <option key={tillfalle} value={tillfalle}>
                {tillfalleSomVal(tillfalle)}
              </option>
            ))}
          </select>
          <p id={`${id}-tillfalle-hjalp`} className="falt__hjalp">
            April och augusti gäller alla nämnder.
          </p>
          <FaltetsFel id={`${id}-tillfalle-fel`} fel={fel.tillfalle} />
        </div>
      </div>
      <Deadline
        id={id}
        legend="Deadline för cheferna (svensk tid)"
        varde={formular}
        onAndra={(deadline) => setFormular((tidigare) => ({ ...tidigare, ...deadline }))}
        fel={fel.deadline}
      />
      {manadsprognos ? (
        <fieldset
          className="kryssgrupp"
          aria-describedby={fel.namnder ? `${id}-namnder-fel` : undefined}
          data-testid="manadsprognos-namnder"
        >
          <legend>Nämnder i månadsprognosen</legend>
          <FaltetsFel id={`${id}-namnder-fel`} fel={fel.namnder} />
          {namnder === undefined ? (
            <Laddar>Hämtar nämnderna…</Laddar>
          ) : (
            <div className="kryssgrupp__val">
              {namnder.map((namnd, index) => (
                <div className="falt falt--kryss" key={namnd.kod}>
                  <input
                    id={index === 0 ? `${id}-namnder` : `${id}-namnd-${namnd.kod}`}
                    type="checkbox"
                    checked={formular.namnder.includes(namnd.kod)}
                    onChange={(event) => andraNamnd(namnd.kod, event.target.checked)}
                    aria-invalid={fel.namnder ? true : undefined}
                  />
                  <label htmlFor={index === 0 ? `${id}-namnder` : `${id}-namnd-${namnd.kod}`}>{namnd.namn}</label>
                </div>
              ))}
            </div>
          )}
        </fieldset>
      ) : null}
      <div className="knappar">
        <button type="submit" aria-disabled={oppna.isPending || undefined} data-testid="oppna-omgang-knapp">
          Öppna omgången
        </button>
      </div>
    </form>
  );
}

const FORLANGNINGSFALTEN = ['deadline'] as const;

/** An open round's deadline moved later; the service refuses one not later than the current. */
function ForlangOmgang({ omgang, onMeddelande }: { omgang: PrognosomgangDto; onMeddelande: (text: string) => void }) {
  const id = useId();
  const forlang = useForlangOmgang();
  const namn = omgangsnamn(omgang);
  const [deadline, setDeadline] = useState<Deadlinefalt>(() => standardForlangning(omgang.deadline, new Date()));
  const [fel, setFel] = useState<{ deadline?: string; formular?: string }>({});
  const fokusPaFel = useFokusPaFel(fel, FORLANGNINGSFALTEN, id);

  function visaFel(nyaFel: { deadline?: string; formular?: string }) {
    fokusPaFel();
    setFel(nyaFel);
  }

  function skicka(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (forlang.isPending) return;
    const resultat = tolkaForlangning(deadline, omgang.deadline, new Date());
    if (!resultat.ok) {
      visaFel({ deadline: resultat.fel });
      return;
    }
    setFel({});
    onMeddelande(`Förlänger prognosomgången ${namn}…`);
    forlang.mutate(
      { omgang, deadline: resultat.deadline },
      {
        onSuccess: (forlangd) => onMeddelande(`Prognosomgången ${namn} är förlängd till ${formatTidpunkt(forlangd.deadline)}.`),
        onError: (orsak) => {
          onMeddelande(`Prognosomgången kunde inte förlängas. ${orsak.message}`);
          if (orsak instanceof ApiFel) {
            const { falt, ovrigt } = felFranServer(orsak, FORLANGNINGSFALTEN);
            visaFel({ ...falt, formular: ovrigt });
          } else visaFel({ formular: orsak.message });
        },
      },
    );
  }

  return (
    <form noValidate onSubmit={skicka} aria-labelledby={`${id}-rubrik`} data-testid="forlang-omgang">
      <h3 id={`${id}-rubrik`}>Förläng omgången {namn}</h3>
      <Formularfel id={`${id}-formular`} fel={fel.formular} testId="forlang-omgang-fel" />
      <p data-testid="nuvarande-deadline">
        Nuvarande deadline: <span className="datum">{formatTidpunkt(omgang.deadline)}</span>
      </p>
      <Deadline id={id} legend="Ny deadline (svensk tid)" varde={deadline} onAndra={setDeadline} fel={fel.deadline} />
      <div className="knappar">
        <button type="submit" aria-disabled={forlang.isPending || undefined} data-testid="forlang-omgang-knapp">
          Förläng omgången
        </button>
      </div>
    </form>
  );
}

/** Closing stops every chef's submissions and every decision, so it takes a second, explicit yes. */
function StangOmgang({
  omgang,
  onMeddelande,
  onStangd,
}: {
  omgang: PrognosomgangDto;
  onMeddelande: (text: string) => void;
  onStangd: () => void;
}) {
  const stang = useStangOmgang();
  const namn = omgangsnamn(omgang);
  return (
    <BekraftadAtgard
      testId="stang-omgang"
      knapptext={<>Stäng omgången {namn}</>}
      knappKlass="knapp--sekundar"
      fraga={
        <>
          När omgången {namn} är stängd kan cheferna inte lämna eller ändra prognoser och förvaltningsekonomerna inte granska dem. Vill du
          stänga den?
        </>
      }
      jaText="Ja, stäng omgången"
      upptagen={stang.isPending}
      onJa={(tillbaka) => {
        onMeddelande(`Stänger prognosomgången ${namn}…`);
        stang.mutate(omgang, {
          onSuccess: () => {
            onMeddelande(`Prognosomgången ${namn} är stängd. Inga fler prognoser eller beslut kan lämnas.`);
            // These buttons go with the open round; the section's heading keeps the reader's place.
            onStangd();
          },
          onError: (orsak) => {
            onMeddelande(`Prognosomgången kunde inte stängas. ${orsak.message}`);
            tillbaka();
          },
        });
      }}
    />
  );
}

/** The city's threshold for a required comment: an amount in kronor or a share of the ansvar's net budget. */
function Kommentarstroskel({ onMeddelande }: { onMeddelande: (text: string) => void }) {
  const id = useId();
  const troskel = useKommentarstroskel();
  return (
    <div role="group" aria-labelledby={`${id}-rubrik`} className="omgangsdel" data-testid="kommentarstroskel">
      <h3 id={`${id}-rubrik`}>Gräns för kommentar till prognosen</h3>
      <p className="ingress">
        En chef måste kommentera sin prognos när avvikelsen mot budget är större än beloppet eller än andelen av ansvarets nettobudget.
      </p>
      {troskel.isPending ? <Laddar>Hämtar gränsen…</Laddar> : null}
      {troskel.isError ? (
        <Felmeddelande rubrik="Det gick inte att hämta gränsen" fel={troskel.error} onForsokIgen={() => void troskel.refetch()} />
      ) : null}
      {troskel.data ? (
        <>
          <p data-testid="nuvarande-troskel">
            Nu: {beloppSomVisning(troskel.data.beloppOre, 'kr')} kr eller {formatTroskelprocent(troskel.data.procent)}
            {troskel.data.andradAt && troskel.data.andradAv ? (
              <>
                {' '}
                (ändrad <span className="datum">{formatTidpunkt(troskel.data.andradAt)}</span> av {troskel.data.andradAv.namn})
              </>
            ) : (
              ' (standard)'
            )}
            .
          </p>
          <Troskelformular
            key={`${troskel.data.beloppOre} ${troskel.data.procent}`}
            nuvarande={troskelSomFormular(troskel.data)}
            onMeddelande={onMeddelande}
          />
        </>
      ) : null}
    </div>
  );
}

function Troskelformular({ nuvarande, onMeddelande }: { nuvarande: Troskelformular; onMeddelande: (text: string) => void }) {
  const id = useId();
  const andra = useAndraKommentarstroskel();
  const [formular, setFormular] = useState<Troskelformular>(nuvarande);
  const [fel, setFel] = useState<Partial<Record<Troskelfalt | 'formular', string>>>({});
  const fokusPaFel = useFokusPaFel(fel, TROSKELFALTEN, id);

  function visaFel(nyaFel: Partial<Record<Troskelfalt | 'formular', string>>) {
    fokusPaFel();
    setFel(nyaFel);
  }

  function skicka(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (andra.isPending) return;
    const resultat = tolkaTroskelformular(formular);
    if (!resultat.ok) {
      visaFel(resultat.fel);
      return;
    }
    setFel({});
    onMeddelande('Sparar gränsen för kommentar…');
    andra.mutate(resultat.varde, {
      onSuccess: (ny) =>
        onMeddelande(`Gränsen för kommentar är nu ${beloppSomVisning(ny.beloppOre, 'kr')} kr eller ${formatTroskelprocent(ny.procent)}.`),
      onError: (orsak) => {
        onMeddelande(`Gränsen kunde inte sparas. ${orsak.message}`);
        if (orsak instanceof ApiFel) {
          const { falt, ovrigt } = felFranServer(orsak, TROSKELFALTEN);
          visaFel({ ...falt, formular: ovrigt });
        } else visaFel({ formular: orsak.message });
      },
    });
  }

  const falt = (namn: Troskelfalt, etikett: string, inputMode: 'numeric' | 'decimal') => (
    <div className="falt">
      <label htmlFor={`${id}-${namn}`}>{etikett}</label>
      <input
        id={`${id}-${namn}`}
        type="text"
        className="belopp"
        inputMode={inputMode}
        autoComplete="off"
        size={14}
        value={formular[namn]}
        onChange={(event) => setFormular((tidigare) => ({ ...tidigare, [namn]: event.target.value }))}
        aria-invalid={fel[namn] ? true : undefined}
        aria-describedby={fel[namn] ? `${id}-${namn}-fel` : undefined}
      />
      <FaltetsFel id={`${id}-${namn}-fel`} fel={fel[namn]} />
    </div>
  );

  return (
    <form noValidate onSubmit={skicka} aria-label="Ändra gränsen för kommentar" data-testid="troskel-formular">
      <Formularfel id={`${id}-formular`} fel={fel.formular} testId="troskel-fel" />
      <div className="urval">
        {falt('belopp', 'Belopp (kr)', 'decimal')}
        {falt('procent', 'Andel av nettobudgeten (%)', 'decimal')}
        <div className="urval__atgard">
          <button type="submit" aria-disabled={andra.isPending || undefined} data-testid="spara-troskel">
            Spara gränsen
          </button>
        </div>
      </div>
    </form>
  );
}
