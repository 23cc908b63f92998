import type { InternbudgetDto } from '@tertial/contracts';
import { useId, useMemo, useState, type CSSProperties } from 'react';

import { formatAntalAv } from '../format/antal.js';
import { formatBeloppUtanEnhet, formatMnkr } from '../format/belopp.js';
import { NIVANAMN } from '../organisation/organisationstrad.js';
import { Felmeddelande, Laddar, Tomt } from '../sida/meddelanden.js';
import { internbudgetrader } from './internbudget.js';
import { useInternbudget } from './use-budget.js';

function Mnkr({ ore }: { ore: number }) {
  return <td className="tal">{formatBeloppUtanEnhet(ore, 'mnkr', 1)}</td>;
}

/** Frame, distributed and undistributed at a glance; what is left undistributed is always shown, zero included. */
function Fordelning({ internbudget }: { internbudget: InternbudgetDto }) {
  const kvar = internbudget.ofordelatOre > 0;
  return (
    <dl className="nyckeltal">
      <div className="nyckeltal__post">
        <dt>Ram från KF</dt>
        <dd data-testid="internbudget-ram">{formatMnkr(internbudget.ramOre)}</dd>
      </div>
      <div className="nyckeltal__post">
        <dt>Fördelat netto</dt>
        <dd data-testid="internbudget-fordelat">{formatMnkr(internbudget.fordelatOre)}</dd>
      </div>
      <div className={kvar ? 'nyckeltal__post nyckeltal__post--varning' : 'nyckeltal__post nyckeltal__post--huvud'}>
        <dt>Ej fördelat</dt>
        <dd data-testid="ej-fordelat">{formatMnkr(internbudget.ofordelatOre)}</dd>
        <dd className="nyckeltal__forklaring">{kvar ? 'Ligger kvar hos nämnden.' : 'Hela ramen är fördelad.'}</dd>
      </div>
    </dl>
  );
}

function InternbudgetTabell({ internbudget, namndnamn, ar }: { internbudget: InternbudgetDto; namndnamn: string; ar: number }) {
  const [medEnheter, setMedEnheter] = useState(false);
  const rubrikId = useId();
  const valId = useId();
  const rader = useMemo(() => internbudgetrader(internbudget, { medEnheter }), [internbudget, medEnheter]);
  const namnden = internbudget.noder.find((nod) => nod.kod === internbudget.namnd);
  // The nämnd is the total: it goes last, with what is left and the frame, not among the parts.
  const delar = rader.filter((rad) => rad.nod.kod !== internbudget.namnd);
  const antalEnheter = internbudget.noder.filter((nod) => nod.niva === 'enhet').length;

  return (
    <>
      <div className="falt falt--kryss">
        <input
          id={valId}
          type="checkbox"
          checked={medEnheter}
          onChange={(event) => setMedEnheter(event.target.checked)}
          data-testid="internbudget-med-enheter"
        />
        <label htmlFor={valId}>Visa även enheter ({formatAntalAv(antalEnheter, 'ansvar')})</label>
      </div>
      <div className="tabell-ram" role="region" aria-labelledby={rubrikId} tabIndex={0}>
        <table className="tabell tabell--trad" data-testid="internbudget-tabell">
          <caption id={rubrikId}>
            Internbudget {ar}, {namndnamn}, per förvaltning och avdelning
          </caption>
          <thead>
            <tr>
              <th scope="col">Del av organisationen</th>
              <th scope="col" className="tal">
                Intäkter <span className="enhet">(mnkr)</span>
              </th>
              <th scope="col" className="tal">
                Kostnader <span className="enhet">(mnkr)</span>
              </th>
              <th scope="col" className="tal">
                Fördelat netto <span className="enhet">(mnkr)</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {delar.map(({ nod, djup }) => (
              <tr key={nod.kod} data-kod={nod.kod} data-niva={nod.niva}>
                <th scope="row" style={{ '--djup': Math.max(djup - 1, 0) } as CSSProperties}>
                  {nod.namn}
                  <span className="tabell__niva">
                    <span className="visuellt-dold">, </span>
                    {nod.niva === 'enhet' ? `ansvar ${nod.kod}` : NIVANAMN[nod.niva]}
                  </span>
                </th>
                <Mnkr ore={nod.intakterOre} />
                <Mnkr ore={nod.kostnaderOre} />
                <Mnkr ore={nod.nettokostnadOre} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-summa="fordelat">
              <th scope="row">Fördelat totalt</th>
              <Mnkr ore={namnden?.intakterOre ?? 0} />
              <Mnkr ore={namnden?.kostnaderOre ?? 0} />
              <Mnkr ore={internbudget.fordelatOre} />
            </tr>
            <tr data-summa="ej-fordelat" className={internbudget.ofordelatOre > 0 ? 'rad--varning' : undefined}>
              <th scope="row">Ej fördelat, hos nämnden</th>
              <td />
              <td />
              <Mnkr ore={internbudget.ofordelatOre} />
            </tr>
            <tr data-summa="ram">
              <th scope="row">Ram från KF</th>
              <td />
              <td />
              <Mnkr ore={internbudget.ramOre} />
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}

/** How the nämnd has split its frame down its tree, with what is left undistributed always in view. */
export function InternbudgetVy({ namnd, namndnamn, ar }: { namnd: string; namndnamn: string; ar: number }) {
  const { data: internbudget, error, isPending, refetch } = useInternbudget(namnd, ar);

  return (
    <section aria-labelledby="internbudget-rubrik">
      <h2 id="internbudget-rubrik">
        Internbudget {ar}
        <span className="rubrik__tillagg">{namndnamn}</span>
      </h2>
      {isPending ? <Laddar>Hämtar internbudgeten…</Laddar> : null}
      {error ? (
        <Felmeddelande niva={3} rubrik="Det gick inte att hämta internbudgeten" fel={error} onForsokIgen={() => void refetch()} />
      ) : null}
      {internbudget === null ? (
        <Tomt rubrik={`Ingen internbudget för ${ar}`} testId="internbudget-saknas">
          {namndnamn} har inte beslutat någon internbudget för {ar} ännu. Den fördelar ramen ner i organisationen, oftast i
          november–december.
        </Tomt>
      ) : null}
      {internbudget ? (
        <>
          <Fordelning internbudget={internbudget} />
          <InternbudgetTabell internbudget={internbudget} namndnamn={namndnamn} ar={ar} />
        </>
      ) : null}
    </section>
  );
}
