import { TRENDPUNKTER, type Oversikt, type OversiktTillfalle } from '@tertial/contracts/dto';
import { addOre } from '@tertial/contracts/money';
import { Link } from '@tanstack/react-router';
import { RESULTATVAG_HOJD_PX, resultatvag, TREND_HOJD_PX, TRENDNAMN, trendensForandring } from '@tertial/diagram';
import { formatForandring } from '@tertial/diagram/belopp';
import { lazy, useId } from 'react';

import { DiagramSkal } from '../diagram/diagram-skal.js';
import { StadensMaluppfyllelse } from '../mal/stadens-maluppfyllelse.js';
import { Felmeddelande, Laddar } from '../sida/meddelanden.js';
import { Belopp } from '../table/belopp.js';
import { MnkrRubrik } from '../table/mnkr-rubrik.js';
import { useOversikt } from './use-oversikt.js';

// ECharts is most of the bundle: the charts load on their own, when scrolled near; the tables show at once.
const ResultatvagDiagram = lazy(() => import('./oversikt-diagram.js').then((m) => ({ default: m.ResultatvagDiagram })));
const TrendDiagram = lazy(() => import('./oversikt-diagram.js').then((m) => ({ default: m.TrendDiagram })));

/** Where a nämnd drills down to: the round's roll-up opened at the nämnd, down to each ansvar's forecast and comment. */
function NamndLank({ ar, tillfalle, kod, namn }: { ar: number; tillfalle: OversiktTillfalle; kod: string; namn: string }) {
  return (
    <Link to="/uppfoljning" search={{ ar: String(ar), tillfalle, nod: kod }} data-testid={`oversikt-lank-${kod}`}>
      {namn}
    </Link>
  );
}

function Resultatvag({ oversikt }: { oversikt: Oversikt }) {
  const id = useId();
  const staplar = resultatvag(oversikt.resultat);
  const steg = new Map(oversikt.resultat.steg.map((s) => [s.namn, s.kod]));
  return (
    <section aria-labelledby={`${id}-rubrik`} data-testid="resultatvag">
      <h2 id={`${id}-rubrik`}>Från budgeterat till prognostiserat resultat</h2>
      <p className="ingress">
        Varje nämnds avvikelse flyttar stadens resultat: budget minus prognos för de ansvar som har lämnat prognos (för övriga räknas
        budgeten), och ett överskott höjer resultatet. Resten av skillnaden är skatter, statsbidrag, finansnetto och det som inte är en
        nämnds.
        {oversikt.resultat.budgeteratOre === null
          ? ' Resultaträkningen har ännu ingen budget eller prognos för året, så vägen börjar på noll.'
          : ''}
      </p>
      <DiagramSkal hojdPx={RESULTATVAG_HOJD_PX}>
        <ResultatvagDiagram oversikt={oversikt} />
      </DiagramSkal>
      <div className="tabell-ram" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="tabell" data-testid="resultatvag-tabell">
          <caption id={`${id}-caption`}>Från budgeterat till prognostiserat resultat {oversikt.ar}, mnkr</caption>
          <thead>
            <tr>
              <th scope="col">Steg</th>
              <th scope="col" className="tal">
                <MnkrRubrik text={'Belopp'} />
              </th>
              <th scope="col" className="tal">
                <MnkrRubrik text={'Resultat efter steget'} />
              </th>
            </tr>
          </thead>
          <tbody>
            {staplar.map((stapel) => {
              const kod = stapel.typ === 'total' ? undefined : steg.get(stapel.namn);
              return (
                <tr key={stapel.steg} data-typ={stapel.typ} className={stapel.typ === 'total' ? 'rad--summa' : undefined}>
                  <th scope="row">
                    {kod ? <NamndLank ar={oversikt.ar} tillfalle={oversikt.tillfalle} kod={kod} namn={stapel.namn} /> : stapel.namn}
                  </th>
                  <td className="tal">
                    {stapel.typ === 'total' ? <Belopp ore={stapel.beloppOre} /> : formatForandring(stapel.beloppOre, 'mnkr', 1)}
                  </td>
                  <td className="tal">
                    <Belopp ore={stapel.tillOre} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Trend({ oversikt }: { oversikt: Oversikt }) {
  const id = useId();
  const budgeter = oversikt.namnder.map((n) => n.budgetOre).filter((ore): ore is number => ore !== null);
  const budgetOre = budgeter.length > 0 ? addOre(...budgeter) : null;
  const rader = [...oversikt.trend.namnder, oversikt.trend.stad];
  return (
    <section aria-labelledby={`${id}-rubrik`} data-testid="trend">
      <h2 id={`${id}-rubrik`}>Prognosen över året</h2>
      <p className="ingress">
        Nettokostnaden i aprilprognosen, augustiprognosen och bokslutet. Förändringen är från den första till den sista siffran som finns.
      </p>
      <DiagramSkal hojdPx={TREND_HOJD_PX}>
        <TrendDiagram oversikt={oversikt} budgetOre={budgetOre} />
      </DiagramSkal>
      <div className="tabell-ram" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="tabell" data-testid="trend-tabell">
          <caption id={`${id}-caption`}>Nettokostnad per nämnd april, augusti och bokslut {oversikt.ar}, mnkr</caption>
          <thead>
            <tr>
              <th scope="col">Nämnd</th>
              {TRENDPUNKTER.map((punkt) => (
                <th key={punkt} scope="col" className="tal">
                  <MnkrRubrik text={TRENDNAMN[punkt]} />
                </th>
              ))}
              <th scope="col" className="tal">
                <MnkrRubrik text={'Förändring'} />
              </th>
            </tr>
          </thead>
          <tbody>
            {rader.map((rad, index) => {
              const stad = index === rader.length - 1;
              const forandring = trendensForandring(rad);
              return (
                <tr key={rad.kod} data-kod={rad.kod} className={stad ? 'rad--summa' : undefined}>
                  <th scope="row">
                    {stad ? rad.namn : <NamndLank ar={oversikt.ar} tillfalle={oversikt.tillfalle} kod={rad.kod} namn={rad.namn} />}
                  </th>
                  {rad.nettokostnadOre.map((ore, i) => (
                    <td key={TRENDPUNKTER[i]} className="tal">
                      <Belopp ore={ore} saknas={`ingen ${TRENDNAMN[TRENDPUNKTER[i]!].toLowerCase()}`} />
                    </td>
                  ))}
                  <td className="tal">{forandring === null ? <Belopp ore={null} /> : formatForandring(forandring, 'mnkr', 1)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * The ekonomidirektör's consolidated view of a delårsrapport's round, below the totals per nämnd: the walk from the
 * budgeted to the forecast result, the trend over the year and the goal grid. Every chart has its table; every
 * nämnd drills down to the roll-up, and from there to each ansvar's forecast and comment.
 */
export function OversiktVy({ ar, tillfalle }: { ar: number; tillfalle: OversiktTillfalle }) {
  const { data, error, isPending, refetch } = useOversikt(ar, tillfalle);
  if (isPending) return <Laddar>Hämtar den sammanställda bilden…</Laddar>;
  if (!data)
    return (
      <Felmeddelande
        rubrik="Det gick inte att hämta den sammanställda bilden"
        fel={error ?? new Error('inga data')}
        onForsokIgen={() => void refetch()}
      />
    );
  return (
    <div className="oversikt" data-testid="oversikt">
      <Resultatvag oversikt={data} />
      <Trend oversikt={data} />
      <StadensMaluppfyllelse oversikt={data.mal} namndLank={(kod) => ({ to: '/mal', search: { ar: String(ar), tillfalle, namnd: kod } })} />
    </div>
  );
}
