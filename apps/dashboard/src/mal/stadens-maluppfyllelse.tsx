import { BEDOMNINGAR, type MaluppfyllelseAntal, type MaluppfyllelseOversikt } from '@tertial/contracts/dto';
import { Link, type LinkProps } from '@tanstack/react-router';
import { useId } from 'react';

import { formatAntal } from '../format/antal.js';
import { formatMnkr } from '@tertial/diagram/belopp';
import { andraSokparametrar } from '../navigering/plats.js';
import { TILLFALLESNAMN, TRAFIKLJUS } from './mal.js';

const KOLUMNER = [...BEDOMNINGAR, 'ej-beslutad'] as const;

function antalFor(antal: MaluppfyllelseAntal, kolumn: (typeof KOLUMNER)[number]): number {
  return kolumn === 'ej-beslutad' ? antal.ejBeslutade : antal[kolumn];
}

function Antalsceller({ antal }: { antal: MaluppfyllelseAntal }) {
  return (
    <>
      {KOLUMNER.map((kolumn) => {
        const varde = antalFor(antal, kolumn);
        const ljus = TRAFIKLJUS[kolumn];
        return (
          <td key={kolumn} className="tal" data-kolumn={kolumn}>
            {varde > 0 ? (
              <span className={`trafikljus__tecken trafikljus--${ljus.klass}`} aria-hidden="true">
                {ljus.tecken}{' '}
              </span>
            ) : null}
            {formatAntal(varde)}
          </td>
        );
      })}
      <td className="tal">{formatAntal(antal.totalt)}</td>
    </>
  );
}

/**
 * The ekonomidirektör's grid: nämnd by nämnd (and each bolag) how many mål the processledare assessed as each
 * color, beside the nämnd's forecast deviation of the same follow-up; the city's sum at the foot.
 */
export function StadensMaluppfyllelse({
  oversikt,
  namndLank,
}: {
  oversikt: MaluppfyllelseOversikt;
  /** Where a nämnd's name leads on another page; on the goal page itself it chooses the nämnd there. */
  namndLank?: (kod: string) => Pick<LinkProps, 'to' | 'search'>;
}) {
  const id = useId();
  const rubrik = `Måluppfyllelse per nämnd och bolag, ${TILLFALLESNAMN[oversikt.tillfalle].toLowerCase()} ${oversikt.ar}`;
  return (
    <section aria-labelledby={`${id}-rubrik`} data-testid="stadens-maluppfyllelse">
      <h2 id={`${id}-rubrik`}>Stadens mål</h2>
      <p className="ingress">
        Antal mål per bedömning. Prognosavvikelsen är budget minus helårsprognos i samma uppföljning (positiv är överskott); den saknas för
        bolagen och vid helår.
      </p>
      <div className="tabell-ram maluppfyllelse__ram" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="tabell maluppfyllelse">
          <caption id={`${id}-caption`}>{rubrik}</caption>
          <thead>
            <tr>
              <th scope="col">Nämnd eller bolag</th>
              {KOLUMNER.map((kolumn) => (
                <th key={kolumn} scope="col" className="tal">
                  {TRAFIKLJUS[kolumn].namn}
                </th>
              ))}
              <th scope="col" className="tal">
                Mål
              </th>
              <th scope="col" className="tal">
                Prognosavvikelse
              </th>
            </tr>
          </thead>
          <tbody>
            {oversikt.namnder.map((namnd) => (
              <tr key={namnd.kod} data-testid="maluppfyllelse-rad" data-kod={namnd.kod}>
                <th scope="row">
                  {namndLank ? (
                    <Link {...namndLank(namnd.kod)}>{namnd.namn}</Link>
                  ) : (
                    <button type="button" className="knapp--lank" onClick={() => andraSokparametrar({ namnd: namnd.kod })}>
                      {namnd.namn}
                    </button>
                  )}
                </th>
                <Antalsceller antal={namnd.antal} />
                <td className="tal" data-testid="prognosavvikelse">
                  {namnd.ekonomi ? formatMnkr(namnd.ekonomi.avvikelseOre) : <span className="svag">–</span>}
                </td>
              </tr>
            ))}
          </tbody>
          {oversikt.stad ? (
            <tfoot>
              <tr data-testid="maluppfyllelse-stad">
                <th scope="row">Hela staden</th>
                <Antalsceller antal={oversikt.stad} />
                <td className="tal">
                  {oversikt.namnder.some((namnd) => namnd.ekonomi) ? (
                    formatMnkr(oversikt.namnder.reduce((summa, namnd) => summa + (namnd.ekonomi?.avvikelseOre ?? 0), 0))
                  ) : (
                    <span className="svag">–</span>
                  )}
                </td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
    </section>
  );
}
