import type { ResursfordelningDto, ResursfordelningsstegDto, UnderlagsradDto } from '@tertial/contracts';
import { Fragment, useId, useState } from 'react';

import { formatAntal } from '../format/antal.js';
import { formatBeloppUtanEnhet, formatForandring, formatKr } from '../format/belopp.js';

type Demografirad = Extract<UnderlagsradDto, { typ: 'demografi' }>;
type Upprakningsrad = Extract<UnderlagsradDto, { typ: 'upprakning' }>;

function Tkr({ ore }: { ore: number }) {
  return <td className="tal">{formatForandring(ore, 'tkr', 0)}</td>;
}

function DemografiTabell({ rader, rubrik }: { rader: Demografirad[]; rubrik: string }) {
  return (
    <table className="tabell tabell--inre">
      <caption>{rubrik}</caption>
      <thead>
        <tr>
          <th scope="col">Verksamhetsområde</th>
          <th scope="col">Åldersband</th>
          <th scope="col" className="tal">
            Invånare i år
          </th>
          <th scope="col" className="tal">
            Invånare enligt prognos
          </th>
          <th scope="col" className="tal">
            Förändring
          </th>
          <th scope="col" className="tal">
            Pris per invånare
          </th>
          <th scope="col" className="tal">
            Belopp <span className="enhet">(tkr)</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rader.map((rad) => (
          <tr key={`${rad.verksamhetsomrade}|${rad.aldersband}`}>
            <th scope="row">{rad.verksamhetsomrade}</th>
            <td>{rad.aldersband}</td>
            <td className="tal">{formatAntal(rad.invanareIAr)}</td>
            <td className="tal">{formatAntal(rad.invanarePrognos)}</td>
            <td className="tal">
              {rad.forandringInvanare > 0 ? `+${formatAntal(rad.forandringInvanare)}` : formatAntal(rad.forandringInvanare)}
            </td>
            <td className="tal">{formatKr(rad.prisPerInvanareOre)}</td>
            <Tkr ore={rad.beloppOre} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function UpprakningTabell({ rader, rubrik }: { rader: Upprakningsrad[]; rubrik: string }) {
  return (
    <table className="tabell tabell--inre">
      <caption>{rubrik}</caption>
      <thead>
        <tr>
          <th scope="col">Index</th>
          <th scope="col" className="tal">
            Procentsats
          </th>
          <th scope="col" className="tal">
            Beräkningsunderlag <span className="enhet">(tkr)</span>
          </th>
          <th scope="col" className="tal">
            Belopp <span className="enhet">(tkr)</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rader.map((rad) => (
          <tr key={rad.index}>
            <th scope="row">{rad.index}</th>
            <td className="tal">{rad.procentsats.replace('.', ',').replace('-', '\u2212')}&nbsp;%</td>
            <td className="tal">{formatBeloppUtanEnhet(rad.berakningsunderlagOre, 'tkr', 0)}</td>
            <Tkr ore={rad.beloppOre} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PostTabell({ rader, rubrik }: { rader: UnderlagsradDto[]; rubrik: string }) {
  return (
    <table className="tabell tabell--inre">
      <caption>{rubrik}</caption>
      <thead>
        <tr>
          <th scope="col">Post</th>
          <th scope="col" className="tal">
            Belopp <span className="enhet">(tkr)</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rader.map((rad, index) => (
          <tr key={index}>
            <th scope="row">{rad.text}</th>
            <Tkr ore={rad.beloppOre} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The inputs of one step, in the columns their kind has; a mix falls back to text and amount. */
function Underlag({ steg }: { steg: ResursfordelningsstegDto }) {
  const rubrik = `Underlag för steg ${steg.steg}: ${steg.namn}`;
  const rader = steg.underlag;
  if (rader.every((rad): rad is Demografirad => rad.typ === 'demografi')) return <DemografiTabell rader={rader} rubrik={rubrik} />;
  if (rader.every((rad): rad is Upprakningsrad => rad.typ === 'upprakning')) return <UpprakningTabell rader={rader} rubrik={rubrik} />;
  return <PostTabell rader={rader} rubrik={rubrik} />;
}

/**
 * The seven steps as a table, each change with its sign, and each step's underlag behind a button that opens it
 * in a row beneath. The chart's accessible alternative.
 */
export function ResursfordelningTabell({ resursfordelning, namndnamn }: { resursfordelning: ResursfordelningDto; namndnamn: string }) {
  const [oppna, setOppna] = useState<ReadonlySet<number>>(new Set());
  const idPrefix = useId();
  const steg = [...resursfordelning.steg].sort((a, b) => a.steg - b.steg);
  const vaxla = (nummer: number) => {
    const nya = new Set(oppna);
    if (nya.has(nummer)) nya.delete(nummer);
    else nya.add(nummer);
    setOppna(nya);
  };

  return (
    <div className="tabell-ram" role="region" aria-labelledby={`${idPrefix}rubrik`} tabIndex={0}>
      <table className="tabell" data-testid="resursfordelning-tabell">
        <caption id={`${idPrefix}rubrik`}>
          Resursfördelning {resursfordelning.ar}, {namndnamn}
        </caption>
        <thead>
          <tr>
            <th scope="col">Steg</th>
            <th scope="col" className="tal">
              Belopp <span className="enhet">(mnkr)</span>
            </th>
            <th scope="col" className="tal">
              Summa efter steget <span className="enhet">(mnkr)</span>
            </th>
            <th scope="col">Underlag</th>
          </tr>
        </thead>
        <tbody>
          {steg.map((rad) => {
            const oppen = oppna.has(rad.steg);
            const underlagId = `${idPrefix}underlag-${rad.steg}`;
            const total = rad.typ === 'total';
            return (
              <Fragment key={rad.steg}>
                <tr data-steg={rad.steg} data-typ={rad.typ} className={total ? 'rad--summa' : undefined}>
                  <th scope="row">
                    {rad.steg}. {rad.namn}
                  </th>
                  <td className="tal">
                    {total ? formatBeloppUtanEnhet(rad.beloppOre, 'mnkr', 1) : formatForandring(rad.beloppOre, 'mnkr', 1)}
                  </td>
                  <td className="tal">{formatBeloppUtanEnhet(rad.summaOre, 'mnkr', 1)}</td>
                  <td>
                    {rad.underlag.length > 0 ? (
                      <button
                        type="button"
                        className="knapp--lank"
                        aria-expanded={oppen}
                        aria-controls={underlagId}
                        onClick={() => vaxla(rad.steg)}
                      >
                        {oppen ? 'Dölj' : 'Visa'} underlag ({formatAntal(rad.underlag.length)})
                        <span className="visuellt-dold"> för steg {rad.steg}</span>
                      </button>
                    ) : (
                      <span className="svag">Inget underlag</span>
                    )}
                  </td>
                </tr>
                {rad.underlag.length > 0 ? (
                  <tr id={underlagId} className="underlagsrad" hidden={!oppen}>
                    <td colSpan={4}>
                      <Underlag steg={rad} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
