import type { PrognosTotaler } from '@tertial/contracts';

import { formatMnkr } from '../format/belopp.js';
import { manadsnamn } from '../format/tidpunkt.js';
import { lamnadeAvAnsvar } from './prognos-totaler.js';

/** The city's key figures at a glance: the forecast, and beside it the budget and the utfall so far when known. */
export function StadensTotaler({ stad, utfallTillManad }: { stad: PrognosTotaler['stad']; utfallTillManad: number | null }) {
  return (
    <dl className="stadens-totaler">
      <div className="stadens-totaler__post">
        <dt>Intäkter</dt>
        <dd data-testid="stad-intakter">{formatMnkr(stad.intakterOre)}</dd>
      </div>
      <div className="stadens-totaler__post">
        <dt>Kostnader</dt>
        <dd data-testid="stad-kostnader">{formatMnkr(stad.kostnaderOre)}</dd>
      </div>
      <div className="stadens-totaler__post stadens-totaler__post--huvud">
        <dt>Nettokostnad</dt>
        <dd data-testid="stad-nettokostnad">{formatMnkr(stad.nettokostnadOre)}</dd>
      </div>
      <div className="stadens-totaler__post stadens-totaler__post--antal">
        <dt>Lämnade prognoser</dt>
        <dd data-testid="stad-lamnade">{lamnadeAvAnsvar(stad)}</dd>
      </div>
      {stad.budgetOre !== null && (
        <div className="stadens-totaler__post">
          <dt>Budget</dt>
          <dd data-testid="stad-budget">{formatMnkr(stad.budgetOre)}</dd>
        </div>
      )}
      {stad.avvikelseOre !== null && (
        <div className="stadens-totaler__post">
          <dt>{stad.avvikelseOre >= 0 ? 'Överskott mot budget' : 'Underskott mot budget'}</dt>
          <dd data-testid="stad-avvikelse">{formatMnkr(Math.abs(stad.avvikelseOre))}</dd>
        </div>
      )}
      {stad.utfallOre !== null && (
        <div className="stadens-totaler__post">
          <dt>Utfall{utfallTillManad ? ` t.o.m. ${manadsnamn(utfallTillManad)}` : ''}</dt>
          <dd data-testid="stad-utfall">{formatMnkr(stad.utfallOre)}</dd>
        </div>
      )}
    </dl>
  );
}
