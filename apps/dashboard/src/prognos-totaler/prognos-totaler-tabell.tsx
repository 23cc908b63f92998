import type { PrognosTotaler } from '@tertial/contracts';
import { useId, useMemo } from 'react';

import { formatBeloppUtanEnhet } from '../format/belopp.js';
import { lamnadeAvAnsvar, sorteraEfterNettokostnad, type NamndTotal } from './prognos-totaler.js';

function Belopp({ ore }: { ore: number }) {
  return <td className="tal">{formatBeloppUtanEnhet(ore, 'mnkr', 1)}</td>;
}

function Siffror({ rad }: { rad: Omit<NamndTotal, 'kod' | 'namn'> }) {
  return (
    <>
      <Belopp ore={rad.intakterOre} />
      <Belopp ore={rad.kostnaderOre} />
      <Belopp ore={rad.nettokostnadOre} />
      <td className="tal">{lamnadeAvAnsvar(rad)}</td>
    </>
  );
}

/**
 * Every figure of the chart as a real table, in the same order, with the city's total last. It scrolls
 * sideways in its own box on a narrow screen so the page itself never does.
 */
export function PrognosTotalerTabell({ totaler }: { totaler: PrognosTotaler }) {
  const rubrikId = useId();
  const namnder = useMemo(() => sorteraEfterNettokostnad(totaler.namnder), [totaler.namnder]);

  return (
    <div className="tabell-ram" role="region" aria-labelledby={rubrikId} tabIndex={0}>
      <table className="tabell">
        <caption id={rubrikId}>Helårsprognos per nämnd</caption>
        <thead>
          <tr>
            <th scope="col">Nämnd</th>
            <th scope="col" className="tal">
              Intäkter <span className="enhet">(mnkr)</span>
            </th>
            <th scope="col" className="tal">
              Kostnader <span className="enhet">(mnkr)</span>
            </th>
            <th scope="col" className="tal">
              Nettokostnad <span className="enhet">(mnkr)</span>
            </th>
            <th scope="col" className="tal">
              Lämnade prognoser
            </th>
          </tr>
        </thead>
        <tbody>
          {namnder.map((namnd) => (
            <tr key={namnd.kod} data-namnd={namnd.kod}>
              <th scope="row">{namnd.namn}</th>
              <Siffror rad={namnd} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-summa="stad">
            <th scope="row">Totalt {totaler.stad.namn}</th>
            <Siffror rad={totaler.stad} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
