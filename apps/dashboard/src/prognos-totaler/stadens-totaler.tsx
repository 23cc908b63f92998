import type { PrognosTotaler } from '@tertial/contracts';

import { formatMnkr } from '../format/belopp.js';
import { lamnadeAvAnsvar } from './prognos-totaler.js';

/** The city's key figures at a glance. */
export function StadensTotaler({ stad }: { stad: PrognosTotaler['stad'] }) {
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
    </dl>
  );
}
