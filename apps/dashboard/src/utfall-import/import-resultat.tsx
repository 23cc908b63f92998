import type { UtfallImportResultat } from '@tertial/contracts';
import { useId } from 'react';

import { formatAntal } from '../format/antal.js';
import { formatBeloppUtanEnhet } from '../format/belopp.js';
import { kontogruppnamn, manadText, summaOre, type Importsvar } from './utfall-import.js';

/** More errors than this are not listed: the first ones tell what is wrong with the file. */
const MAX_RADER = 500;

const STATUSNAMN: Record<UtfallImportResultat['status'], string> = {
  provkord: 'Provkörd – inget sparat',
  importerad: 'Importerad',
  avvisad: 'Avvisad – inget sparat',
};

const LEDGER_TECKEN = 'med bokföringens tecken: intäkter negativa, kostnader positiva';

function Filfakta({ resultat }: { resultat: UtfallImportResultat }) {
  const poster: [string, number][] = [
    ['#VER', resultat.poster.ver],
    ['#TRANS', resultat.poster.trans],
    ['#PSALDO', resultat.poster.psaldo],
    ['#PBUDGET', resultat.poster.pbudget],
    ['#RES', resultat.poster.res],
  ];
  return (
    <dl className="fakta" data-testid="import-fakta">
      <div>
        <dt>Format</dt>
        <dd>{resultat.format === 'SIE4' ? 'SIE 4' : resultat.format}</dd>
      </div>
      <div>
        <dt>Teckenkodning</dt>
        <dd>{resultat.kodning}</dd>
      </div>
      <div>
        <dt>Räkenskapsår</dt>
        <dd>{resultat.rakenskapsar ? `${resultat.rakenskapsar.start} – ${resultat.rakenskapsar.slut}` : 'Anges inte i filen'}</dd>
      </div>
      <div>
        <dt>Rader i filen</dt>
        <dd>{formatAntal(resultat.rader)}</dd>
      </div>
      {poster
        .filter(([namn, antal]) => antal > 0 || namn === '#VER' || namn === '#TRANS')
        .map(([namn, antal]) => (
          <div key={namn}>
            <dt>Antal {namn}</dt>
            <dd>{formatAntal(antal)}</dd>
          </div>
        ))}
      <div>
        <dt>Ansvar</dt>
        <dd>{formatAntal(resultat.antalAnsvar)}</dd>
      </div>
      <div>
        <dt>Utfallsrader</dt>
        <dd>{formatAntal(resultat.antalUtfallsrader)}</dd>
      </div>
      {resultat.importId ? (
        <div>
          <dt>Import-id</dt>
          <dd>
            <code>{resultat.importId}</code>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

function Radmeddelanden({ rubrik, rader, testId }: { rubrik: string; rader: UtfallImportResultat['fel']; testId: string }) {
  const rubrikId = useId();
  const visade = rader.slice(0, MAX_RADER);
  return (
    <div className="tabell-ram" role="region" aria-labelledby={rubrikId} tabIndex={0}>
      <table className="tabell" data-testid={testId}>
        <caption id={rubrikId}>
          {rubrik} ({formatAntal(rader.length)}){rader.length > visade.length ? `, de första ${formatAntal(visade.length)} visas` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="tal">
              Rad
            </th>
            <th scope="col">Post</th>
            <th scope="col">{rubrik === 'Fel' ? 'Fel' : 'Varning'}</th>
          </tr>
        </thead>
        <tbody>
          {visade.map((rad, index) => (
            <tr key={index}>
              <th scope="row" className="tal">
                {rad.rad > 0 ? formatAntal(rad.rad) : '–'}
              </th>
              <td>
                <code>{rad.post}</code>
              </td>
              <td>{rad.meddelande}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PerManad({ resultat }: { resultat: UtfallImportResultat }) {
  const rubrikId = useId();
  const rader = [...resultat.totalerPerManad].sort((a, b) => a.ar - b.ar || a.manad - b.manad);
  return (
    <div className="tabell-ram" role="region" aria-labelledby={rubrikId} tabIndex={0}>
      <table className="tabell" data-testid="import-per-manad">
        <caption id={rubrikId}>
          Utfall per månad<span className="caption__not">Netto {LEDGER_TECKEN}.</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Månad</th>
            <th scope="col" className="tal">
              Belopp <span className="enhet">(mnkr)</span>
            </th>
            <th scope="col" className="tal">
              Belopp <span className="enhet">(kr)</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rader.map((rad) => (
            <tr key={`${rad.ar}-${rad.manad}`}>
              <th scope="row">{manadText(rad.ar, rad.manad)}</th>
              <td className="tal">{formatBeloppUtanEnhet(rad.beloppOre, 'mnkr', 1)}</td>
              <td className="tal">{formatBeloppUtanEnhet(rad.beloppOre, 'kr', 2)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Summa</th>
            <td className="tal">{formatBeloppUtanEnhet(summaOre(rader), 'mnkr', 1)}</td>
            <td className="tal">{formatBeloppUtanEnhet(summaOre(rader), 'kr', 2)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function PerKonto({ resultat }: { resultat: UtfallImportResultat }) {
  const rubrikId = useId();
  const rader = [...resultat.totalerPerKonto].sort((a, b) => a.konto - b.konto);
  return (
    <div className="tabell-ram" role="region" aria-labelledby={rubrikId} tabIndex={0}>
      <table className="tabell" data-testid="import-per-konto">
        <caption id={rubrikId}>
          Utfall per konto<span className="caption__not">Belopp {LEDGER_TECKEN}.</span>
        </caption>
        <thead>
          <tr>
            <th scope="col" className="tal">
              Konto
            </th>
            <th scope="col">Namn</th>
            <th scope="col">Kontogrupp</th>
            <th scope="col" className="tal">
              Belopp <span className="enhet">(kr)</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rader.map((rad) => (
            <tr key={rad.konto} data-konto={rad.konto}>
              <th scope="row" className="tal">
                {rad.konto}
              </th>
              <td>{rad.namn ?? <span className="svag">Namn saknas</span>}</td>
              <td>{rad.kontogrupp ? kontogruppnamn(rad.kontogrupp) : <span className="svag">Ingen kontogrupp</span>}</td>
              <td className="tal">{formatBeloppUtanEnhet(rad.beloppOre, 'kr', 2)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Summa
            </th>
            <td className="tal">{formatBeloppUtanEnhet(summaOre(rader), 'kr', 2)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** What the import read from the file and what it found: facts, errors and warnings, and totals to check against the ledger. */
export function ImportResultat({ svar }: { svar: Importsvar }) {
  const { resultat, problem } = svar;
  return (
    <section aria-labelledby="import-resultat-rubrik" data-testid="import-resultat" data-status={resultat.status}>
      <h2 id="import-resultat-rubrik">
        Resultat för {resultat.filnamn}
        <span className={`etikett etikett--${resultat.status}`}>{STATUSNAMN[resultat.status]}</span>
      </h2>
      {/* The status region above has already said how it went; this is the server's own wording, to read at leisure. */}
      {problem ? (
        <div className="meddelande meddelande--fel">
          <h3>{problem.titel}</h3>
          {problem.detalj ? <p>{problem.detalj}</p> : null}
        </div>
      ) : null}
      <Filfakta resultat={resultat} />
      {resultat.fel.length > 0 ? <Radmeddelanden rubrik="Fel" rader={resultat.fel} testId="import-fel" /> : null}
      {resultat.varningar.length > 0 ? <Radmeddelanden rubrik="Varningar" rader={resultat.varningar} testId="import-varningar" /> : null}
      {resultat.totalerPerManad.length > 0 ? <PerManad resultat={resultat} /> : null}
      {resultat.totalerPerKonto.length > 0 ? <PerKonto resultat={resultat} /> : null}
      {resultat.totalerPerManad.length === 0 && resultat.totalerPerKonto.length === 0 ? (
        <p className="svag">Filen innehöll inga belopp att summera.</p>
      ) : null}
    </section>
  );
}
