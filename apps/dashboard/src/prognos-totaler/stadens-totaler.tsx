import type { PrognosTotaler } from '@tertial/contracts/dto';

import { formatMnkr } from '@tertial/diagram/belopp';
import { manadsnamn } from '../format/tidpunkt.js';
import { lamnadeAvAnsvar, prognosensSiffror } from './prognos-totaler.js';

/** A figure in mnkr, or a dash (read out as "uppgift saknas") where nothing is known. */
function Mnkr({ ore }: { ore: number | null }) {
  if (ore === null) {
    return (
      <>
        <span aria-hidden="true">–</span>
        <span className="visuellt-dold">uppgift saknas</span>
      </>
    );
  }
  return <>{formatMnkr(ore)}</>;
}

/** The city's key figures at a glance: the forecast, and beside it the budget and the utfall so far when known. */
export function StadensTotaler({ stad, utfallTillManad }: { stad: PrognosTotaler['stad']; utfallTillManad: number | null }) {
  const prognos = prognosensSiffror(stad);
  return (
    <>
      <dl className="stadens-totaler" aria-describedby="stadens-totaler-forklaring">
        <div className="stadens-totaler__post stadens-totaler__post--huvud">
          <dt>Helårsprognos</dt>
          <dd data-testid="stad-helarsprognos">
            <Mnkr ore={prognos.nettokostnadOre === null ? null : stad.helarsprognosOre} />
          </dd>
        </div>
        <div className="stadens-totaler__post">
          <dt>Intäkter</dt>
          <dd data-testid="stad-intakter">
            <Mnkr ore={prognos.intakterOre} />
          </dd>
        </div>
        <div className="stadens-totaler__post">
          <dt>Kostnader</dt>
          <dd data-testid="stad-kostnader">
            <Mnkr ore={prognos.kostnaderOre} />
          </dd>
        </div>
        <div className="stadens-totaler__post">
          <dt>Nettokostnad</dt>
          <dd data-testid="stad-nettokostnad">
            <Mnkr ore={prognos.nettokostnadOre} />
          </dd>
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
        {prognos.avvikelseOre !== null && (
          <div className="stadens-totaler__post">
            <dt>{prognos.avvikelseOre >= 0 ? 'Överskott mot budget' : 'Underskott mot budget'}</dt>
            <dd data-testid="stad-avvikelse">{formatMnkr(Math.abs(prognos.avvikelseOre))}</dd>
          </div>
        )}
        {stad.utfallOre !== null && (
          <div className="stadens-totaler__post">
            <dt>Utfall{utfallTillManad ? ` t.o.m. ${manadsnamn(utfallTillManad)}` : ''}</dt>
            <dd data-testid="stad-utfall">{formatMnkr(stad.utfallOre)}</dd>
          </div>
        )}
      </dl>
      <p id="stadens-totaler-forklaring" className="meddelande__detalj">
        Helårsprognosen är budgeten minus avvikelsen: de lämnade prognoserna, och budgeten för ansvar som ännu inte har lämnat någon.
        Intäkter, kostnader och nettokostnad är summan av de lämnade prognoserna.
      </p>
    </>
  );
}
