import { FINANSRADER, RESULTAT_TILLFALLEN, type FinansradKod, type ResultatTillfalle } from '@tertial/contracts/dto';
import { useId, useState, type FormEvent } from 'react';

import { ApiFel } from '../api/api-fel.js';
import { Felsammanfattning } from '../sida/felsammanfattning.js';
import { Laddar, Felmeddelande } from '../sida/meddelanden.js';
import {
  beloppFalt,
  BELOPPSHJALP,
  finansfelFranServer,
  finansformularFran,
  kallaFalt,
  tolkaFinansformular,
  type Finansformular,
  type Formularfel,
} from './formular.js';
import { TILLFALLESNAMN } from './resultat.js';
import { useFinansrader, useSparaFinansrader } from './use-resultat.js';

const KALLHJALP: Partial<Record<FinansradKod, string>> = {
  skatteintakter: 'till exempel SKR:s skatteunderlagsprognos 2026-08-21',
  'generella-statsbidrag': 'till exempel SKR:s prognos för utjämningen 2026-08-21',
};

/**
 * The ekonomidirektör's staff enter the finance function's own lines for KF's budget, a round's forecast or the
 * bokslut, each with where the figure comes from. An empty amount removes the line.
 */
export function FinansraderFormular({ ar, onMeddelande }: { ar: number; onMeddelande: (text: string) => void }) {
  const id = useId();
  const [tillfalle, setTillfalle] = useState<ResultatTillfalle>('budget');
  const sparade = useFinansrader(ar, tillfalle);
  const spara = useSparaFinansrader();
  const [formular, setFormular] = useState<Finansformular | null>(null);
  const [fel, setFel] = useState<Formularfel>({});

  const varden = formular ?? (sparade.data ? finansformularFran(sparade.data.rader) : null);
  const faltId = (falt: string) => `${id}-${falt}`;
  const felId = (falt: string) => (fel[falt] ? `${id}-${falt}-fel` : undefined);

  function andra(rad: FinansradKod, del: 'belopp' | 'kalla', varde: string) {
    if (!varden) return;
    setFormular({ ...varden, [rad]: { ...varden[rad], [del]: varde } });
  }

  function skicka(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!varden || spara.isPending) return;
    const tolkat = tolkaFinansformular(varden, tillfalle);
    if (!tolkat.ok) {
      setFel(tolkat.fel);
      onMeddelande('Raderna sparades inte: rätta felen.');
      return;
    }
    setFel({});
    onMeddelande('Sparar finansfunktionens rader…');
    spara.mutate(
      { ar, tillfalle, inmatning: tolkat.varde },
      {
        onSuccess: () => {
          setFormular(null);
          onMeddelande(
            `Finansfunktionens rader för ${TILLFALLESNAMN[tillfalle].toLowerCase()} ${ar} är sparade. Resultaträkningen är uppdaterad.`,
          );
        },
        onError: (orsak) => {
          const serverfel =
            orsak instanceof ApiFel && orsak.faltfel.length > 0
              ? finansfelFranServer(orsak.faltfel, tolkat.varde.rader)
              : { formular: orsak instanceof ApiFel ? (orsak.detalj ?? orsak.titel) : orsak.message };
          setFel(serverfel);
          onMeddelande('Raderna sparades inte.');
        },
      },
    );
  }

  const felrader = Object.entries(fel).flatMap(([falt, text]) =>
    text ? [{ faltId: falt === 'formular' ? undefined : faltId(falt), text }] : [],
  );

  return (
    <form noValidate onSubmit={skicka} data-testid="finansrader-formular" aria-labelledby={`${id}-rubrik`}>
      <h3 id={`${id}-rubrik`}>Finansfunktionens rader</h3>
      <p className="falt__hjalp" id={`${id}-hjalp`}>
        Belopp i tkr, positiva: raden säger om det är intäkt eller kostnad. {BELOPPSHJALP}. Ett tomt belopp tar bort raden.
      </p>
      <div className="urval">
        <div className="falt">
          <label htmlFor={faltId('tillfalle')}>Gäller</label>
          <select
            id={faltId('tillfalle')}
            value={tillfalle}
            onChange={(event) => {
              setTillfalle(event.target.value as ResultatTillfalle);
              setFormular(null);
              setFel({});
            }}
          >
            {RESULTAT_TILLFALLEN.map((kandidat) => (
              <option key={kandidat} value={kandidat}>
                {TILLFALLESNAMN[kandidat]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Felsammanfattning rubrik="Raderna sparades inte" fel={felrader} testId="finansrader-fel" />
      {sparade.isPending ? <Laddar>Hämtar raderna…</Laddar> : null}
      {sparade.error ? <Felmeddelande rubrik="Det gick inte att hämta raderna" fel={sparade.error} /> : null}
      {varden ? (
        <>
          {FINANSRADER.map(({ kod, namn }) => (
            <fieldset className="beloppsfalt" key={kod} data-rad={kod}>
              <legend>{namn}</legend>
              <div className="falt">
                <label htmlFor={faltId(beloppFalt(kod))}>Belopp, tkr</label>
                <input
                  id={faltId(beloppFalt(kod))}
                  className="belopp"
                  inputMode="decimal"
                  autoComplete="off"
                  value={varden[kod].belopp}
                  onChange={(event) => andra(kod, 'belopp', event.target.value)}
                  aria-invalid={fel[beloppFalt(kod)] ? true : undefined}
                  aria-describedby={[felId(beloppFalt(kod)), `${id}-hjalp`].filter(Boolean).join(' ')}
                />
                {fel[beloppFalt(kod)] ? (
                  <p id={felId(beloppFalt(kod))} className="falt__fel">
                    {fel[beloppFalt(kod)]}
                  </p>
                ) : null}
              </div>
              <div className="falt">
                <label htmlFor={faltId(kallaFalt(kod))}>Källa</label>
                <input
                  id={faltId(kallaFalt(kod))}
                  type="text"
                  autoComplete="off"
                  placeholder={KALLHJALP[kod]}
                  value={varden[kod].kalla}
                  onChange={(event) => andra(kod, 'kalla', event.target.value)}
                  aria-invalid={fel[kallaFalt(kod)] ? true : undefined}
                  aria-describedby={felId(kallaFalt(kod))}
                />
                {fel[kallaFalt(kod)] ? (
                  <p id={felId(kallaFalt(kod))} className="falt__fel">
                    {fel[kallaFalt(kod)]}
                  </p>
                ) : null}
              </div>
            </fieldset>
          ))}
          <div className="knappar">
            <button type="submit" aria-disabled={spara.isPending || undefined} data-testid="spara-finansrader">
              Spara raderna
            </button>
          </div>
        </>
      ) : null}
    </form>
  );
}
