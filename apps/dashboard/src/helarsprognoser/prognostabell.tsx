import { useId, useRef } from 'react';

import { formatBeloppUtanEnhet } from '../format/belopp.js';
import { Granskning } from './granskning.js';
import { statustext, type Ansvarsrad } from './helarsprognoser.js';
import type { useGranska } from './use-helarsprognoser.js';

interface Props {
  rader: readonly Ansvarsrad[];
  caption: string;
  /** The chef may submit forecasts while the round is open: their own rows get a button to the form. */
  onLamna: ((ansvar: string) => void) | undefined;
  /** The förvaltningsekonom may decide on submitted forecasts while the round is open. */
  granska: ReturnType<typeof useGranska> | undefined;
  onMeddelande: (text: string) => void;
}

/** Each ansvar the person sees, with its current forecast's net cost, status, submitter and the controller's comment. */
export function Prognostabell({ rader, caption, onLamna, granska, onMeddelande }: Props) {
  const rubrikId = useId();
  const medAtgard = onLamna !== undefined || granska !== undefined;
  // A decided forecast loses its buttons; its row's heading keeps the reader's place.
  const radrubriker = useRef(new Map<string, HTMLTableCellElement>());
  return (
    <div className="tabell-ram" role="region" aria-labelledby={rubrikId} tabIndex={0}>
      <table className="tabell" data-testid="prognostabell">
        <caption id={rubrikId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Ansvar</th>
            <th scope="col">Chef</th>
            <th scope="col" className="tal">
              Nettokostnad <span className="enhet">(kr)</span>
            </th>
            <th scope="col">Status</th>
            <th scope="col">Lämnad av</th>
            <th scope="col">Controllerns kommentar</th>
            {medAtgard ? <th scope="col">Åtgärd</th> : null}
          </tr>
        </thead>
        <tbody>
          {rader.map(({ ansvar, prognos }) => (
            <tr key={ansvar.kod} data-ansvar={ansvar.kod} data-status={prognos?.status ?? 'saknas'}>
              <th
                scope="row"
                tabIndex={-1}
                ref={(element) => {
                  if (element) radrubriker.current.set(ansvar.kod, element);
                  else radrubriker.current.delete(ansvar.kod);
                }}
              >
                {ansvar.kod} {ansvar.namn}
                {ansvar.eget ? <span className="etikett">Ditt ansvar</span> : null}
              </th>
              <td>{ansvar.chef?.namn ?? '–'}</td>
              <td className="tal">{prognos ? formatBeloppUtanEnhet(prognos.nettokostnadOre, 'kr', 0) : '–'}</td>
              <td data-testid="prognos-status">{statustext(prognos?.status)}</td>
              <td>{prognos?.lamnadAv?.namn ?? '–'}</td>
              <td>{prognos?.granskning?.kommentar ?? '–'}</td>
              {medAtgard ? (
                <td>
                  {onLamna && ansvar.eget ? (
                    <button type="button" className="knapp--lank" onClick={() => onLamna(ansvar.kod)} data-testid="till-formularet">
                      {prognos ? 'Ändra prognos' : 'Lämna prognos'}
                      <span className="visuellt-dold"> för {ansvar.kod}</span>
                    </button>
                  ) : null}
                  {granska && prognos?.status === 'inlamnad' ? (
                    <Granskning
                      prognos={prognos}
                      ansvarsnamn={ansvar.namn}
                      granska={granska}
                      onMeddelande={onMeddelande}
                      onBeslutat={() => radrubriker.current.get(ansvar.kod)?.focus()}
                    />
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
