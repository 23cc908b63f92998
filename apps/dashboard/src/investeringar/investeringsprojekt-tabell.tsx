import { useId } from 'react';

import { formatBeloppUtanEnhet } from '../format/belopp.js';
import { MOTIV, type Bedomning, type Namndssummering, type Paverkan, type Projektrad } from './investeringar.js';

const TECKEN: Record<Paverkan, string> = { positiv: '+', ingen: '0', negativ: '−' };

function Tom({ text }: { text: string }) {
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visuellt-dold">{text}</span>
    </>
  );
}

function Hallbarhet({ bedomning }: { bedomning: Bedomning[] | null }) {
  if (!bedomning) return <Tom text="ingen bedömning" />;
  return (
    <ul className="bedomning">
      {bedomning.map(({ aspekt, paverkan }) => (
        <li key={aspekt} data-paverkan={paverkan ?? 'saknas'}>
          <span className="bedomning__tecken" aria-hidden="true">
            {paverkan ? TECKEN[paverkan] : '?'}
          </span>
          {aspekt}
          <span className="visuellt-dold">: {paverkan ?? 'ej bedömd'}</span>
        </li>
      ))}
    </ul>
  );
}

function Mnkr({ ore }: { ore: number | null }) {
  return <td className="tal">{ore === null ? <Tom text="ingen budget" /> : formatBeloppUtanEnhet(ore, 'mnkr', 1)}</td>;
}

interface Props {
  rader: readonly Projektrad[];
  ar: readonly number[];
  summering: Namndssummering | null;
  namndnamn: string;
}

/** Every project of the nämnd with motive, assessment and its budget over the seven-year plan; sums per year last. */
export function InvesteringsprojektTabell({ rader, ar, summering, namndnamn }: Props) {
  const rubrikId = useId();
  const summaPerAr = new Map((summering?.ar ?? []).map((rad) => [rad.ar, rad.budgetOre]));

  return (
    <div className="tabell-ram" role="region" aria-labelledby={rubrikId} tabIndex={0}>
      <table className="tabell tabell--bred" data-testid="investeringsprojekt-tabell">
        <caption id={rubrikId}>
          Investeringsprojekt, {namndnamn}
          {ar.length > 0 ? `, ${ar[0]}–${ar.at(-1)}` : ''}
          <span className="caption__not">
            Belopp i mnkr: budget totalt och per år. Motiv krävs över 3 mnkr och hållbarhetsbedömning över 15 mnkr: + positiv, 0 ingen, −
            negativ påverkan, ? ej bedömd.
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Projekt</th>
            <th scope="col">Motiv</th>
            <th scope="col">Hållbarhet</th>
            <th scope="col" className="tal">
              Totalt
            </th>
            {ar.map((aret) => (
              <th key={aret} scope="col" className="tal">
                {aret}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rader.map((rad) => (
            <tr key={rad.id} data-projekt={rad.id}>
              <th scope="row">
                {rad.namn}
                <span className="tabell__niva">
                  <span className="visuellt-dold">, </span>
                  {rad.id}
                </span>
              </th>
              <td>
                {rad.motiv ? (
                  <span className="motiv">
                    <abbr className="motiv__kod" title={MOTIV[rad.motiv]}>
                      {rad.motiv}
                    </abbr>{' '}
                    <span className="motiv__text">{MOTIV[rad.motiv]}</span>
                  </span>
                ) : (
                  <Tom text="inget motiv" />
                )}
              </td>
              <td>
                <Hallbarhet bedomning={rad.hallbarhet} />
              </td>
              <td className="tal tal--stark">{formatBeloppUtanEnhet(rad.totaltOre, 'mnkr', 1)}</td>
              {rad.budgetPerAr.map((ore, index) => (
                <Mnkr key={ar[index]} ore={ore} />
              ))}
            </tr>
          ))}
        </tbody>
        {summering ? (
          <tfoot>
            <tr data-summa="namnd">
              <th scope="row" colSpan={3}>
                Summa
              </th>
              <td className="tal">{formatBeloppUtanEnhet(summering.totalt.budgetOre, 'mnkr', 1)}</td>
              {ar.map((aret) => (
                <Mnkr key={aret} ore={summaPerAr.get(aret) ?? 0} />
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
