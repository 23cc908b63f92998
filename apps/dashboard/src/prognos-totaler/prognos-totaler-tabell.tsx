import type { PrognosTotaler } from '@tertial/contracts';
import { useId, useMemo } from 'react';

import { formatBeloppUtanEnhet } from '../format/belopp.js';
import { manadsnamn } from '../format/tidpunkt.js';
import { lamnadeAvAnsvar, prognosensSiffror, sorteraEfterNettokostnad, type NamndTotal } from './prognos-totaler.js';

function Belopp({ ore }: { ore: number | null }) {
  if (ore === null) {
    return (
      <td className="tal">
        <span aria-hidden="true">–</span>
        <span className="visuellt-dold">uppgift saknas</span>
      </td>
    );
  }
  return <td className="tal">{formatBeloppUtanEnhet(ore, 'mnkr', 1)}</td>;
}

function Siffror({ rad }: { rad: Omit<NamndTotal, 'kod' | 'namn'> }) {
  const prognos = prognosensSiffror(rad);
  return (
    <>
      <Belopp ore={prognos.intakterOre} />
      <Belopp ore={prognos.kostnaderOre} />
      <Belopp ore={prognos.nettokostnadOre} />
      <td className="tal">{lamnadeAvAnsvar(rad)}</td>
      <Belopp ore={rad.budgetOre} />
      <Belopp ore={prognos.avvikelseOre} />
      <Belopp ore={rad.utfallOre} />
    </>
  );
}

/**
 * Every figure of the chart as a real table, in the same order, with the city's total last. It scrolls
 * sideways in its own box on a narrow screen so the page itself never does.
 */
export function PrognosTotalerTabell({
  totaler,
  rubrik = 'Helårsprognos per nämnd',
  testId,
}: {
  totaler: PrognosTotaler;
  rubrik?: string;
  testId?: string;
}) {
  const rubrikId = useId();
  const forklaringId = useId();
  const namnder = useMemo(() => sorteraEfterNettokostnad(totaler.namnder), [totaler.namnder]);

  return (
    <>
      <div className="tabell-ram" role="region" aria-labelledby={rubrikId} tabIndex={0} aria-describedby={forklaringId}>
        <table className="tabell" data-testid={testId}>
          <caption id={rubrikId}>{rubrik}</caption>
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
              <th scope="col" className="tal">
                Budget <span className="enhet">(mnkr)</span>
              </th>
              <th scope="col" className="tal">
                Avvikelse mot budget <span className="enhet">(mnkr)</span>
              </th>
              <th scope="col" className="tal">
                Utfall {totaler.utfallTillManad ? `t.o.m. ${manadsnamn(totaler.utfallTillManad)}` : 'hittills'}{' '}
                <span className="enhet">(mnkr)</span>
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
      <p id={forklaringId} className="tabell-forklaring">
        Avvikelse är budget minus prognos: positiv är ett överskott, negativ ett underskott. Den visas när alla ansvar i nämnden har lämnat
        prognos. Budgeten är nämndens ram efter kommunfullmäktiges beslut och tilläggsbudgetar; utfallet är nettokostnaden i huvudboken
        under prognosens period. Ett streck betyder att uppgiften saknas, till exempel innan någon prognos är lämnad.
      </p>
    </>
  );
}
