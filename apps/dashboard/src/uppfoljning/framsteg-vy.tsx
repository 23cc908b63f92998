import type { Uppfoljning, UppfoljningNod } from '@tertial/contracts/dto';
import { useId } from 'react';

import { Felmeddelande, Laddar } from '../sida/meddelanden.js';
import type { Urval } from '../urval/urval.js';
import { antalSaknade } from './framsteg.js';
import { FramstegForklaring, FramstegStapel } from './framsteg-stapel.js';
import { SaknadeLista } from './saknade-lista.js';
import { NIVANAMN } from './trad.js';
import { useNoder } from './use-uppfoljning.js';

interface Props {
  urval: Urval;
  /** The person's start nodes, as fetched. */
  rotter: readonly Uppfoljning[];
  /** Whether the person may remind the chefs of the missing ansvar (and the round is open). */
  paminna: boolean;
}

/**
 * How far the round has come: for the ekonomidirektör per nämnd and, under each, its förvaltningar; for someone
 * who follows a förvaltning (or nämnd), that node and the nodes right under it. Each with its missing list.
 */
export function FramstegVy({ urval, rotter, paminna }: Props) {
  const rubrikId = useId();
  const staden = rotter.find((rot) => rot.nod.niva === 'stad');
  // The city's nämnder are fetched for their förvaltningar; any other start node already holds its children.
  const namnder = useNoder(urval, staden ? staden.barn.map((nod) => nod.kod) : []);
  const rubrik = staden ? 'Framsteg per nämnd och förvaltning' : `Framsteg i ${rotter.map((rot) => rot.nod.namn).join(', ')}`;

  return (
    <section aria-labelledby={rubrikId} data-testid="framsteg">
      <h2 id={rubrikId}>{rubrik}</h2>
      <FramstegForklaring />
      <ul className="framstegslista">
        {rotter.map((rot) => (
          <li key={rot.nod.kod}>
            <Framstegspost urval={urval} nod={rot.nod} rubrikniva={3} paminna={paminna} />
            {staden === rot ? (
              <ul className="framstegslista framstegslista--under">
                {rot.barn.map((namnd, index) => {
                  const svar = namnder[index];
                  return (
                    <li key={namnd.kod}>
                      <Framstegspost urval={urval} nod={namnd} rubrikniva={3} paminna={paminna} />
                      {svar?.isError ? (
                        <Felmeddelande rubrik={`Det gick inte att hämta förvaltningarna i ${namnd.namn}`} fel={svar.error} niva={3} />
                      ) : !svar?.data ? (
                        <Laddar>Hämtar förvaltningarna i {namnd.namn}…</Laddar>
                      ) : (
                        <Underposter urval={urval} barn={svar.data.barn} paminna={paminna} />
                      )}
                    </li>
                  );
                })}
              </ul>
            ) : (
              <Underposter urval={urval} barn={rot.barn} paminna={paminna} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Underposter({ urval, barn, paminna }: { urval: Urval; barn: readonly UppfoljningNod[]; paminna: boolean }) {
  if (barn.length === 0) return null;
  return (
    <ul className="framstegslista framstegslista--under">
      {barn.map((nod) => (
        <li key={nod.kod}>
          <Framstegspost urval={urval} nod={nod} rubrikniva={4} paminna={paminna} />
        </li>
      ))}
    </ul>
  );
}

function Framstegspost({ urval, nod, rubrikniva, paminna }: { urval: Urval; nod: UppfoljningNod; rubrikniva: 3 | 4; paminna: boolean }) {
  const Rubrik = rubrikniva === 3 ? 'h3' : 'h4';
  return (
    <div className="framstegspost" data-kod={nod.kod} data-testid={`framsteg-${nod.kod}`}>
      <Rubrik className="framstegspost__rubrik">
        {nod.namn} <span className="tabell__niva framstegspost__niva">{NIVANAMN[nod.niva]}</span>
      </Rubrik>
      <FramstegStapel framsteg={nod.framsteg} />
      <SaknadeLista urval={urval} kod={nod.kod} namn={nod.namn} antalSaknade={antalSaknade(nod.framsteg)} paminna={paminna} />
    </div>
  );
}
