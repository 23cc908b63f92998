import type { Uppfoljning, UppfoljningNod } from '@tertial/contracts/dto';
import { Link } from '@tanstack/react-router';
import { useEffect, useId, useMemo, useRef, useState, type CSSProperties } from 'react';

import { ApiFel } from '../api/api-fel.js';
import { formatForandring, type Beloppsenhet } from '@tertial/diagram/belopp';
import { Belopp } from '../table/belopp.js';
import type { Urval } from '../urval/urval.js';
import { framstegstext, framstegTotalt, klaraText } from './framsteg.js';
import { FramstegStapel } from './framsteg-stapel.js';
import { MalCell, useMalPerNod, type MalPerNod } from './mal-i-rollup.js';
import { kanExpanderas, NIVANAMN, synligaRader, tackningText, vaxla, type Barnlage } from './trad.js';
import { useNoder } from './use-uppfoljning.js';

interface Props {
  urval: Urval;
  rotter: readonly Uppfoljning[];
  enhet: Beloppsenhet;
  /** A node to open from the start and bring into view (`?nod=` in the address: a drill-down from the overview). */
  oppnaKod?: string | null;
}

const decimaler = (enhet: Beloppsenhet) => (enhet === 'mnkr' ? 1 : 0);

/**
 * The round's roll-up as a tree table, from the person's start nodes down to the ansvar: a row's button opens its
 * children, fetched then (and kept while the row is closed). Every figure is net cost for the period or year.
 */
export function RollupTabell({ urval, rotter, enhet, oppnaKod = null }: Props) {
  const rubrikId = useId();
  const tabellId = useId();
  const beskrivningId = useId();
  const [expanderade, setExpanderade] = useState<ReadonlySet<string>>(
    () => new Set([...(rotter.length === 1 ? [rotter[0]!.nod.kod] : []), ...(oppnaKod ? [oppnaKod] : [])]),
  );
  const tabell = useRef<HTMLTableElement>(null);
  const visad = useRef(false);

  // The roots' own answers hold their children; every other expanded node is fetched (and kept while hidden under a
  // closed parent, so opening the parent again shows its rows at once).
  const rotsvar = useMemo(() => new Map(rotter.map((rot) => [rot.nod.kod, rot])), [rotter]);
  const attHamta = [...expanderade].filter((kod) => !rotsvar.has(kod));
  const hamtade = useNoder(urval, attHamta);
  const mal = useMalPerNod(urval);
  const barnlage = (kod: string): Barnlage | undefined => {
    const rot = rotsvar.get(kod);
    if (rot) return { typ: 'klar', barn: rot.barn };
    const svar = hamtade[attHamta.indexOf(kod)];
    if (!svar) return undefined;
    if (svar.data) return { typ: 'klar', barn: svar.data.barn };
    if (svar.isError) return { typ: 'fel', fel: svar.error };
    return { typ: 'laddar' };
  };
  const rader = synligaRader(
    rotter.map((rot) => rot.nod),
    barnlage,
    expanderade,
  );
  // Once the node asked for is on screen, it is scrolled to and its button takes the focus, once.
  useEffect(() => {
    if (!oppnaKod || visad.current) return;
    const knapp = tabell.current?.querySelector<HTMLElement>(`tr[data-kod="${CSS.escape(oppnaKod)}"] button`);
    if (!knapp) return;
    visad.current = true;
    knapp.scrollIntoView({ block: 'center' });
    knapp.focus({ preventScroll: true });
  });
  const utfallTomManad = rotter[0]?.utfallTomManad;
  const period = utfallTomManad ? `jan–${MANADER[utfallTomManad - 1]}` : 'perioden';

  return (
    <section aria-labelledby={rubrikId} data-testid="rollup">
      <h2 id={rubrikId}>Siffror per enhet</h2>
      <p id={beskrivningId} className="svag">
        Nettokostnad i {enhet}. Prognosen räknar klarmarkerade och godkända prognoser; avvikelse är budget minus prognos för de ansvar som
        har en sådan (positiv är överskott). Målen är stadens och nämndernas, med processledarnas bedömning i samma uppföljning. Öppna en
        rad med knappen i dess namn.
      </p>
      <div className="tabell-ram" role="region" aria-labelledby={tabellId} aria-describedby={beskrivningId} tabIndex={0}>
        <table ref={tabell} className="tabell tabell--trad tabell--bred rollup" data-testid="rollup-tabell">
          <caption id={tabellId}>Prognosomgångens siffror ned till ansvar, {enhet}</caption>
          <thead>
            <tr>
              <th scope="col">Enhet</th>
              <th scope="col" className="tal">
                Budget
              </th>
              <th scope="col" className="tal">
                Utfall {period}
              </th>
              <th scope="col" className="tal">
                Budget {period}
              </th>
              <th scope="col" className="tal">
                Prognos
              </th>
              <th scope="col" className="tal">
                Avvikelse
              </th>
              <th scope="col" className="tal">
                Förändring sedan förra prognosen
              </th>
              <th scope="col">Framsteg</th>
              <th scope="col">Mål</th>
            </tr>
          </thead>
          <tbody>
            {rader.map((rad) =>
              rad.typ === 'nod' ? (
                <Nodrad
                  key={rad.nod.kod}
                  nod={rad.nod}
                  djup={rad.djup}
                  expanderad={rad.expanderad}
                  enhet={enhet}
                  urval={urval}
                  mal={mal}
                  onVaxla={() => setExpanderade((nu) => vaxla(nu, rad.nod.kod))}
                />
              ) : (
                <tr key={`${rad.foralder}-${rad.typ}`} className="rollup__meddelande">
                  <td colSpan={9} style={{ '--djup': rad.djup } as CSSProperties}>
                    {rad.typ === 'laddar' ? (
                      <span role="status">Hämtar…</span>
                    ) : (
                      <span role="alert">
                        Det gick inte att hämta raderna under. {rad.fel instanceof ApiFel ? rad.fel.message : 'Försök igen senare.'}
                      </span>
                    )}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const MANADER = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

function Nodrad({
  nod,
  djup,
  expanderad,
  enhet,
  urval,
  mal,
  onVaxla,
}: {
  nod: UppfoljningNod;
  djup: number;
  expanderad: boolean;
  enhet: Beloppsenhet;
  urval: Urval;
  mal: MalPerNod;
  onVaxla: () => void;
}) {
  const d = decimaler(enhet);
  const namn = (
    <>
      {nod.namn}
      <span className="tabell__niva">
        {NIVANAMN[nod.niva]} {nod.kod}
        {nod.chef ? `, ${nod.chef.namn}` : ''}
      </span>
    </>
  );
  return (
    <tr data-kod={nod.kod} data-niva={nod.niva} data-djup={djup}>
      <th scope="row" style={{ '--djup': djup } as CSSProperties}>
        {nod.niva === 'enhet' ? (
          <>
            {namn}
            <Link
              to="/prognoser"
              search={{ ar: String(urval.ar), tillfalle: urval.tillfalle, sok: nod.kod }}
              className="rollup__prognoslank"
              data-testid={`rollup-prognos-${nod.kod}`}
            >
              Prognos och kommentar<span className="visuellt-dold"> för {nod.namn}</span>
            </Link>
          </>
        ) : kanExpanderas(nod) ? (
          <button
            type="button"
            className="tabell__expandera"
            aria-expanded={expanderad}
            onClick={onVaxla}
            data-testid={`expandera-${nod.kod}`}
          >
            <span className="tabell__pil" aria-hidden="true" />
            {namn}
          </button>
        ) : (
          namn
        )}
      </th>
      <td className="tal">
        <Belopp ore={nod.budgetOre} enhet={enhet} decimaler={d} />
      </td>
      <td className="tal">
        <Belopp ore={nod.utfallOre} enhet={enhet} decimaler={d} />
      </td>
      <td className="tal">
        <Belopp ore={nod.periodbudgetOre} enhet={enhet} decimaler={d} />
      </td>
      <td className="tal" data-falt="prognos">
        {nod.prognosAntalAnsvar === 0 ? (
          <Belopp ore={null} saknas="ingen prognos ännu" />
        ) : (
          <Belopp ore={nod.prognosOre} enhet={enhet} decimaler={d} />
        )}
        <span className="tabell__underrubrik">{tackningText(nod.prognosAntalAnsvar, nod.antalAnsvar)}</span>
      </td>
      <td className="tal" data-falt="avvikelse">
        {nod.avvikelseAntalAnsvar === 0 ? (
          <Belopp ore={null} saknas="ingen prognos ännu" />
        ) : (
          <Belopp ore={nod.avvikelseOre} enhet={enhet} decimaler={d} avvikelse />
        )}
        <span className="tabell__underrubrik">{tackningText(nod.avvikelseAntalAnsvar, nod.antalAnsvar)}</span>
      </td>
      <td className="tal" data-falt="forandring">
        {nod.forandringAntalAnsvar === 0 ? (
          <Belopp ore={null} saknas="ingen tidigare prognos" />
        ) : (
          formatForandring(nod.forandringOre, enhet, d)
        )}
        <span className="tabell__underrubrik">{tackningText(nod.forandringAntalAnsvar, nod.antalAnsvar)}</span>
      </td>
      <td className="rollup__framsteg" data-falt="framsteg">
        {framstegTotalt(nod.framsteg) === 0 ? (
          <span className="svag">Ingår inte i omgången</span>
        ) : (
          <>
            {klaraText(nod.framsteg)}
            <span className="visuellt-dold">. {framstegstext(nod.framsteg)}</span>
            <FramstegStapel framsteg={nod.framsteg} kompakt />
          </>
        )}
      </td>
      <td className="rollup__mal-cell" data-falt="mal">
        <MalCell urval={urval} kod={nod.kod} niva={nod.niva} mal={mal} />
      </td>
    </tr>
  );
}
