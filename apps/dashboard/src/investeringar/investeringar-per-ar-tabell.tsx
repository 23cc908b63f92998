import { useId } from 'react';

import { formatBeloppUtanEnhet, formatForandring } from '../format/belopp.js';
import type { Namndssummering } from './investeringar.js';

type Summa = Namndssummering['totalt'];

function Siffror({ summa }: { summa: Summa }) {
  return (
    <>
      <td className="tal">{formatBeloppUtanEnhet(summa.budgetOre, 'mnkr', 1)}</td>
      <td className="tal">{formatBeloppUtanEnhet(summa.utfallOre, 'mnkr', 1)}</td>
      <td className="tal">{formatBeloppUtanEnhet(summa.prognosOre, 'mnkr', 1)}</td>
      <td className="tal" data-avvikelse={summa.avvikelseOre < 0 ? 'underskott' : summa.avvikelseOre > 0 ? 'overskott' : 'noll'}>
        {formatForandring(summa.avvikelseOre, 'mnkr', 1)}
      </td>
      <td className="tal">{summa.utanPrognos}</td>
    </>
  );
}

/** Budget, utfall, prognos and avvikelse per year of the plan: the follow-up of the delårsrapporter. */
export function InvesteringarPerArTabell({ summering, namndnamn }: { summering: Namndssummering; namndnamn: string }) {
  const rubrikId = useId();
  return (
    <div className="tabell-ram" role="region" aria-labelledby={rubrikId} tabIndex={0}>
      <table className="tabell" data-testid="investeringar-per-ar">
        <caption id={rubrikId}>
          Investeringar per år, {namndnamn}
          <span className="caption__not">
            Avvikelse = budget − prognos: negativ när prognosen är högre än budgeten. Ett projektår utan egen prognos räknas med sin budget.
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col">År</th>
            <th scope="col" className="tal">
              Budget <span className="enhet">(mnkr)</span>
            </th>
            <th scope="col" className="tal">
              Utfall <span className="enhet">(mnkr)</span>
            </th>
            <th scope="col" className="tal">
              Prognos <span className="enhet">(mnkr)</span>
            </th>
            <th scope="col" className="tal">
              Avvikelse <span className="enhet">(mnkr)</span>
            </th>
            <th scope="col" className="tal">
              Projektår utan prognos
            </th>
          </tr>
        </thead>
        <tbody>
          {summering.ar.map((rad) => (
            <tr key={rad.ar} data-ar={rad.ar}>
              <th scope="row">{rad.ar}</th>
              <Siffror summa={rad} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-summa="totalt">
            <th scope="row">Totalt</th>
            <Siffror summa={summering.totalt} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
