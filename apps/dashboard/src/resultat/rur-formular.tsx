import { BALANSKRAV_TILLFALLEN, type BalanskravOversikt, type BalanskravTillfalle } from '@tertial/contracts/dto';
import { useId, useState, type FormEvent } from 'react';

import { ApiFel } from '../api/api-fel.js';
import { Felsammanfattning } from '../sida/felsammanfattning.js';
import { BELOPPSHJALP, rurfelFranServer, rurformularFran, tolkaRurformular, type Formularfel, type Rurformular } from './formular.js';
import { mnkr, TILLFALLESNAMN } from './resultat.js';
import { useSparaJusteringar } from './use-resultat.js';

const FALT = [
  { namn: 'till', etikett: 'Medel till reserven (avsättning), tkr' },
  { namn: 'fran', etikett: 'Medel från reserven (användning), tkr' },
] as const;

/**
 * The ekonomidirektör proposes a year's movement in the resultatutjämningsreserv for a round's forecast or the
 * bokslut. The API checks the city's rules; a movement that breaks one is refused with the rule named beside the field.
 */
export function RurFormular({ oversikt, onMeddelande }: { oversikt: BalanskravOversikt; onMeddelande: (text: string) => void }) {
  const id = useId();
  const mojliga = BALANSKRAV_TILLFALLEN.filter((_, index) => oversikt.utredningar[index] !== null);
  const [valt, setValt] = useState<BalanskravTillfalle | null>(null);
  const tillfalle = valt && mojliga.includes(valt) ? valt : (mojliga.at(-1) ?? null);
  const utredning = tillfalle ? oversikt.utredningar[BALANSKRAV_TILLFALLEN.indexOf(tillfalle)]! : null;
  const spara = useSparaJusteringar();
  const [formular, setFormular] = useState<Rurformular | null>(null);
  const [fel, setFel] = useState<Formularfel>({});
  const varden = formular ?? rurformularFran(utredning);
  const faltId = (falt: string) => `${id}-${falt}`;
  const felId = (falt: string) => (fel[falt] ? `${id}-${falt}-fel` : undefined);

  if (!tillfalle || !utredning)
    return <p className="falt__hjalp">{oversikt.ar} har ännu ingen prognos eller bokslut att föreslå en rörelse för.</p>;

  function skicka(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!utredning || !tillfalle || spara.isPending) return;
    const tolkat = tolkaRurformular(varden, utredning);
    if (!tolkat.ok) {
      setFel(tolkat.fel);
      onMeddelande('Rörelsen sparades inte: rätta felen.');
      return;
    }
    setFel({});
    onMeddelande('Prövar rörelsen mot reglerna…');
    spara.mutate(
      { ar: oversikt.ar, tillfalle, justeringar: tolkat.varde },
      {
        onSuccess: (svar) => {
          setFormular(null);
          onMeddelande(
            `Rörelsen är sparad för ${TILLFALLESNAMN[tillfalle].toLowerCase()}: reserven ${mnkr(svar.rur.utgaendeOre)} mnkr vid årets slut.`,
          );
        },
        onError: (orsak) => {
          setFel(
            orsak instanceof ApiFel && orsak.faltfel.length > 0
              ? rurfelFranServer(orsak.faltfel)
              : { formular: orsak instanceof ApiFel ? (orsak.detalj ?? orsak.titel) : orsak.message },
          );
          onMeddelande('Rörelsen avvisades och sparades inte.');
        },
      },
    );
  }

  const felrader = Object.entries(fel).flatMap(([falt, text]) =>
    text ? [{ faltId: falt === 'formular' ? undefined : faltId(falt), text }] : [],
  );

  return (
    <form noValidate onSubmit={skicka} data-testid="rur-formular" aria-labelledby={`${id}-rubrik`}>
      <h3 id={`${id}-rubrik`}>Föreslå rörelse i reserven</h3>
      <p className="falt__hjalp" id={`${id}-hjalp`}>
        Belopp i tkr, positiva; {BELOPPSHJALP.toLowerCase()}. Högst {mnkr(utredning.rur.maxAvsattningOre)} mnkr får avsättas enligt{' '}
        {TILLFALLESNAMN[tillfalle].toLowerCase()}. Övriga balanskravsjusteringar behålls.
      </p>
      <Felsammanfattning rubrik="Rörelsen avvisades" fel={felrader} testId="rur-fel" />
      <div className="urval">
        <div className="falt">
          <label htmlFor={faltId('tillfalle')}>Gäller</label>
          <select
            id={faltId('tillfalle')}
            value={tillfalle}
            onChange={(event) => {
              setValt(event.target.value as BalanskravTillfalle);
              setFormular(null);
              setFel({});
            }}
          >
            {mojliga.map((kandidat) => (
              <option key={kandidat} value={kandidat}>
                {TILLFALLESNAMN[kandidat]}
              </option>
            ))}
          </select>
        </div>
        {FALT.map((falt) => (
          <div className="falt" key={falt.namn}>
            <label htmlFor={faltId(falt.namn)}>{falt.etikett}</label>
            <input
              id={faltId(falt.namn)}
              className="belopp"
              inputMode="decimal"
              autoComplete="off"
              value={varden[falt.namn]}
              onChange={(event) => setFormular({ ...varden, [falt.namn]: event.target.value })}
              aria-invalid={fel[falt.namn] ? true : undefined}
              aria-describedby={[felId(falt.namn), `${id}-hjalp`].filter(Boolean).join(' ')}
            />
            {fel[falt.namn] ? (
              <p id={felId(falt.namn)} className="falt__fel">
                {fel[falt.namn]}
              </p>
            ) : null}
          </div>
        ))}
      </div>
      <div className="knappar">
        <button type="submit" aria-disabled={spara.isPending || undefined} data-testid="spara-rur">
          Pröva och spara rörelsen
        </button>
      </div>
    </form>
  );
}
