import type { RapportDto } from '@tertial/contracts';
import { useId, useMemo } from 'react';

import { formatBeloppUtanEnhet, formatKr, formatMnkr } from '../format/belopp.js';
import { lamnadeAvAnsvar, sorteraEfterNettokostnad, type NamndTotal } from '../prognos-totaler/prognos-totaler.js';
import { rapportperiod } from './rapporter.js';

function Siffror({ rad }: { rad: Omit<NamndTotal, 'kod' | 'namn'> }) {
  return (
    <>
      <td className="tal">{formatBeloppUtanEnhet(rad.intakterOre, 'mnkr', 1)}</td>
      <td className="tal">{formatBeloppUtanEnhet(rad.kostnaderOre, 'mnkr', 1)}</td>
      <td className="tal">{formatBeloppUtanEnhet(rad.nettokostnadOre, 'mnkr', 1)}</td>
      <td className="tal">{lamnadeAvAnsvar(rad)}</td>
    </>
  );
}

/** What a report says: the forecast per nämnd as it stood when drafted, with the city's total last. */
export function RapportInnehall({ rapport }: { rapport: RapportDto }) {
  const rubrikId = useId();
  const { innehall } = rapport;
  const namnder = useMemo(() => sorteraEfterNettokostnad(innehall.namnder), [innehall.namnder]);

  return (
    <>
      <p data-testid="rapport-nettokostnad">
        Nettokostnad för {innehall.stad.namn}: {formatMnkr(innehall.stad.nettokostnadOre)} ({formatKr(innehall.stad.nettokostnadOre)}).
      </p>
      <div className="tabell-ram" role="region" aria-labelledby={rubrikId} tabIndex={0}>
        <table className="tabell" data-testid="rapport-tabell">
          <caption id={rubrikId}>
            {rapport.titel}: {rapportperiod(innehall).toLowerCase()} per nämnd
          </caption>
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
              <th scope="row">Totalt {innehall.stad.namn}</th>
              <Siffror rad={innehall.stad} />
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
