import type { PrognosomgangDto } from '@tertial/contracts/dto';
import { PROGNOSTILLFALLEN } from '@tertial/contracts/prognos';
import { useId, useRef, useState, type FormEvent } from 'react';

import { BekraftadAtgard } from '../sida/bekraftad-atgard.js';
import { standardurval, tillfalleSomVal, type Urval } from '../urval/urval.js';
import { omgangsnamn, tolkaOmgangsformular } from './helarsprognoser.js';
import { useOppnaOmgang, useStangOmgang } from './use-helarsprognoser.js';

interface Props {
  /** The round shown on the page; it can be closed when it is open. */
  vald: PrognosomgangDto | undefined;
  onOppnad: (omgang: Urval) => void;
  onMeddelande: (text: string) => void;
}

/** The ekonomidirektör opens a year's tillfälle for forecasts, and closes it, after a second yes. */
export function OmgangarVy({ vald, onOppnad, onMeddelande }: Props) {
  const id = useId();
  const rubrik = useRef<HTMLHeadingElement>(null);
  return (
    <section aria-labelledby={`${id}-rubrik`} data-testid="omgangar">
      <h2 id={`${id}-rubrik`} ref={rubrik} tabIndex={-1}>
        Prognosomgångar
      </h2>
      {vald?.status === 'oppen' ? (
        <StangOmgang
          key={`${vald.ar} ${vald.tillfalle}`}
          omgang={vald}
          onMeddelande={onMeddelande}
          onStangd={() => rubrik.current?.focus()}
        />
      ) : null}
      <OppnaOmgang onOppnad={onOppnad} onMeddelande={onMeddelande} />
    </section>
  );
}

function OppnaOmgang({ onOppnad, onMeddelande }: { onOppnad: (omgang: Urval) => void; onMeddelande: (text: string) => void }) {
  const id = useId();
  const oppna = useOppnaOmgang();
  // The fields as typed and chosen, plain text: tolkaOmgangsformular checks them.
  const [formular, setFormular] = useState<{ ar: string; tillfalle: string }>(() => {
    const urval = standardurval(new Date());
    return { ar: String(urval.ar), tillfalle: urval.tillfalle };
  });
  const [fel, setFel] = useState<Partial<Record<'ar' | 'tillfalle', string>>>({});
  const arFalt = useRef<HTMLInputElement>(null);

  function skicka(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (oppna.isPending) return;
    const resultat = tolkaOmgangsformular(formular);
    if (!resultat.ok) {
      setFel(resultat.fel);
      if (resultat.fel.ar) arFalt.current?.focus();
      return;
    }
    setFel({});
    onMeddelande(`Öppnar prognosomgången ${omgangsnamn(resultat.varde)}…`);
    oppna.mutate(resultat.varde, {
      onSuccess: (omgang) => {
        onMeddelande(`Prognosomgången ${omgangsnamn(omgang)} är öppen. Cheferna kan nu lämna sina prognoser.`);
        onOppnad(omgang);
      },
      onError: (orsak) => onMeddelande(`Prognosomgången kunde inte öppnas. ${orsak.message}`),
    });
  }

  return (
    <form noValidate onSubmit={skicka} aria-labelledby={`${id}-rubrik`} data-testid="oppna-omgang">
      <h3 id={`${id}-rubrik`}>Öppna en prognosomgång</h3>
      <div className="urval">
        <div className="falt">
          <label htmlFor={`${id}-ar`}>År</label>
          <input
            ref={arFalt}
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
            value={formular.tillfalle}
            onChange={(event) => setFormular((tidigare) => ({ ...tidigare, tillfalle: event.target.value }))}
          >
            {PROGNOSTILLFALLEN.map((tillfalle) => (
              <option key={tillfalle} value={tillfalle}>
                {tillfalleSomVal(tillfalle)}
              </option>
            ))}
          </select>
        </div>
        <div className="urval__atgard">
          <button type="submit" aria-disabled={oppna.isPending || undefined} data-testid="oppna-omgang-knapp">
            Öppna omgången
          </button>
        </div>
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
