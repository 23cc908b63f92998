import type { Roll } from '@tertial/contracts/access';
import type { PrognosomgangDto } from '@tertial/contracts/dto';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';

import { useAnsvarsbudgetar } from '../budget/use-budget.js';
import { formatAntal, formatAntalAv } from '../format/antal.js';
import { datumISverige, formatTidpunkt } from '../format/tidpunkt.js';
import { useInloggning } from '../inloggning/use-inloggning.js';
import { andraSokparametrar } from '../navigering/plats.js';
import { useSokparameter } from '../navigering/use-plats.js';
import { useNamnder, useOrganisation } from '../organisation/use-organisation.js';
import { Felmeddelande, Laddar, Tomt } from '../sida/meddelanden.js';
import { Sidrubrik } from '../sida/sidrubrik.js';
import {
  ansvarsrader,
  filtreraRader,
  kanGranska,
  kanHanteraOmgangar,
  kanLamnaPrognos,
  omgangsnamn,
  omgangSomVal,
  rakna,
  sorteraOmgangar,
  valdOmgang,
} from './helarsprognoser.js';
import { OmgangarVy } from './omgangar-vy.js';
import { Prognostabell } from './prognostabell.js';
import { ansvarsradMedBudget, prognostrad } from './prognostrad.js';
import { ChefensPrognos } from './rutnat/chefens-prognos.js';
import { useAnsvar, useAteroppna, useGranska, useHelarsprognoser, useOmgangar } from './use-helarsprognoser.js';

/** Past this many ansvar the list is grouped by avdelning (or where it parts), with sums per group. */
const GRUPPERA_FRAN = 25;

const omgangsnyckel = ({ ar, tillfalle }: Pick<PrognosomgangDto, 'ar' | 'tillfalle'>) => `${ar}-${tillfalle}`;

function Omgangsval({ omgangar, vald }: { omgangar: readonly PrognosomgangDto[]; vald: PrognosomgangDto }) {
  const id = useId();
  const sorterade = useMemo(() => sorteraOmgangar(omgangar), [omgangar]);
  return (
    <div className="urval">
      <div className="falt">
        <label htmlFor={id}>Prognosomgång</label>
        <select
          id={id}
          value={omgangsnyckel(vald)}
          onChange={(event) => {
            const omgang = sorterade.find((kandidat) => omgangsnyckel(kandidat) === event.target.value);
            if (omgang) andraSokparametrar({ ar: String(omgang.ar), tillfalle: omgang.tillfalle });
          }}
          data-testid="omgang-val"
        >
          {sorterade.map((omgang) => (
            <option key={omgangsnyckel(omgang)} value={omgangsnyckel(omgang)}>
              {omgangSomVal(omgang)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function Omgangsstatus({ omgang }: { omgang: PrognosomgangDto }) {
  const { namnPaKod } = useNamnder();
  const namnder = omgang.namnder?.map((kod) => namnPaKod.get(kod) ?? kod).join(', ');
  return (
    <div className="omgangsstatus" data-testid="omgang-status" data-status={omgang.status}>
      <p>
        {omgang.status === 'oppen' ? (
          <>
            <span className="etikett etikett--importerad">Öppen</span> Prognoser kan lämnas och granskas sedan{' '}
            <span className="datum">{formatTidpunkt(omgang.oppnadAt)}</span>.
          </>
        ) : (
          <>
            <span className="etikett etikett--avvisad">Stängd</span> Omgången{' '}
            {omgang.stangdAt ? `stängdes ${formatTidpunkt(omgang.stangdAt)}` : 'är stängd'}; prognoserna kan läsas men inte ändras eller
            granskas
            {omgang.ateroppnadeAnsvar.length > 0 ? (
              <span data-testid="omgang-ateroppnade">
                , utom för {formatAntalAv(omgang.ateroppnadeAnsvar.length, 'ansvar')} som har öppnats igen (
                {omgang.ateroppnadeAnsvar.map((rad) => rad.ansvar).join(', ')})
              </span>
            ) : null}
            .
          </>
        )}
      </p>
      <p>
        <span data-testid="omgang-deadline">
          Deadline för cheferna: <span className="datum">{formatTidpunkt(omgang.deadline)}</span>.
        </span>{' '}
        {namnder ? <span data-testid="omgang-namnder">Månadsprognos för {namnder}.</span> : 'Gäller alla nämnder.'}
      </p>
    </div>
  );
}

/**
 * The forecasts of a round for everyone who works with them: a chef submits those of their own ansvar, a
 * förvaltningsekonom approves or sends back those of the förvaltning, the ekonomidirektör opens and closes
 * rounds. The round is kept in the URL.
 */
export function HelarsprognoserSida() {
  const { anvandare } = useInloggning();
  const roller = anvandare?.roller ?? [];
  const omgangar = useOmgangar();
  const ar = useSokparameter('ar');
  const tillfalle = useSokparameter('tillfalle');
  const vald = useMemo(() => valdOmgang(omgangar.data ?? [], { ar, tillfalle }), [omgangar.data, ar, tillfalle]);
  const [meddelande, setMeddelande] = useState('');

  return (
    <>
      <Sidrubrik titel="Helårsprognoser" rubrik={vald ? `Helårsprognoser ${omgangsnamn(vald)}` : 'Helårsprognoser'} />
      <p className={meddelande ? 'meddelande meddelande--kvittens' : undefined} role="status" data-testid="prognos-meddelande">
        {meddelande}
      </p>
      {omgangar.isPending ? <Laddar>Hämtar prognosomgångarna…</Laddar> : null}
      {omgangar.isError ? (
        <Felmeddelande
          rubrik="Det gick inte att hämta prognosomgångarna"
          fel={omgangar.error}
          onForsokIgen={() => void omgangar.refetch()}
        />
      ) : null}
      {omgangar.data && vald ? (
        <>
          <Omgangsval omgangar={omgangar.data} vald={vald} />
          <Omgangsstatus omgang={vald} />
        </>
      ) : null}
      {omgangar.data && !vald ? (
        <Tomt rubrik="Ingen prognosomgång är öppnad ännu." testId="inga-omgangar">
          {kanHanteraOmgangar(roller) ? 'Öppna en omgång nedan.' : 'Ekonomidirektören öppnar omgången när det är dags att lämna prognoser.'}
        </Tomt>
      ) : null}
      {kanHanteraOmgangar(roller) && omgangar.data ? (
        <OmgangarVy
          vald={vald}
          onMeddelande={setMeddelande}
          onOppnad={(omgang) => andraSokparametrar({ ar: String(omgang.ar), tillfalle: omgang.tillfalle })}
        />
      ) : null}
      {vald ? <Omgangensprognoser key={omgangsnyckel(vald)} omgang={vald} roller={roller} onMeddelande={setMeddelande} /> : null}
    </>
  );
}

interface OmgangensProps {
  omgang: PrognosomgangDto;
  roller: readonly Roll[];
  onMeddelande: (text: string) => void;
}

function Omgangensprognoser({ omgang, roller, onMeddelande }: OmgangensProps) {
  const filterId = useId();
  const ansvar = useAnsvar();
  const prognoser = useHelarsprognoser(omgang);
  const granska = useGranska();
  const ateroppna = useAteroppna();
  // `?sok=` fills the filter: a drill-down from the roll-up to one ansvar's forecast and its comment.
  const [filter, setFilter] = useState(() => new URLSearchParams(window.location.search).get('sok') ?? '');
  const [valtAnsvar, setValtAnsvar] = useState('');
  const formularRubrik = useRef<HTMLHeadingElement>(null);
  const [fokusTillFormularet, setFokusTillFormularet] = useState(0);

  const rader = useMemo(() => ansvarsrader(ansvar.data ?? [], prognoser.data ?? []), [ansvar.data, prognoser.data]);
  const egna = useMemo(() => rader.filter((rad) => rad.ansvar.eget), [rader]);
  const filtrerade = useMemo(() => filtreraRader(rader, filter), [rader, filter]);
  // Budget per ansvar comes from the internbudget, which only a förvaltningsekonom and the ekonomidirektör may read.
  const visaBudget = kanGranska(roller) || kanHanteraOmgangar(roller);
  const organisation = useOrganisation(datumISverige(new Date()));
  const { namnder } = useNamnder();
  const namndkoder = useMemo(() => (namnder ?? []).map((namnd) => namnd.kod), [namnder]);
  const budget = useAnsvarsbudgetar(namndkoder, omgang.ar, visaBudget);
  // A long list (a förvaltning's) is grouped by where it parts; a chef's few ansvar and a search's hits are a flat list.
  const grupperad = filter.trim() === '' && filtrerade.length > GRUPPERA_FRAN;
  const tabellrader = useMemo(
    () =>
      grupperad ? prognostrad(filtrerade, organisation.data ?? [], budget) : filtrerade.map((rad) => ansvarsradMedBudget(rad, budget)),
    [grupperad, filtrerade, organisation.data, budget],
  );
  const antal = useMemo(() => rakna(rader), [rader]);
  const oppen = omgang.status === 'oppen';
  // In a closed round, the ansvar the ekonomidirektör opened again take forecasts and decisions until it closes again.
  const oppnaIgen = useMemo(() => new Map(omgang.ateroppnadeAnsvar.map((rad) => [rad.ansvar, rad])), [omgang.ateroppnadeAnsvar]);
  const arOppet = useCallback((kod: string) => oppen || oppnaIgen.has(kod), [oppen, oppnaIgen]);
  const egnaOppna = useMemo(() => egna.filter((rad) => arOppet(rad.ansvar.kod)), [egna, arOppet]);
  const ateroppning = useMemo(
    () => (kanHanteraOmgangar(roller) && !oppen ? { omgang, ateroppna } : undefined),
    [roller, oppen, omgang, ateroppna],
  );
  const kanLamna = kanLamnaPrognos(roller) && egna.length > 0;
  const kanLamnaNu = kanLamna && egnaOppna.length > 0;
  const kanGranskaNu = kanGranska(roller) && (oppen || oppnaIgen.size > 0);

  useEffect(() => {
    if (fokusTillFormularet > 0) formularRubrik.current?.focus();
  }, [fokusTillFormularet]);

  if (ansvar.isPending || prognoser.isPending) return <Laddar>Hämtar prognoserna…</Laddar>;
  if (ansvar.isError)
    return <Felmeddelande rubrik="Det gick inte att hämta ansvaren" fel={ansvar.error} onForsokIgen={() => void ansvar.refetch()} />;
  if (prognoser.isError)
    return (
      <Felmeddelande rubrik="Det gick inte att hämta prognoserna" fel={prognoser.error} onForsokIgen={() => void prognoser.refetch()} />
    );

  return (
    <>
      {kanLamna && !oppen ? (
        <div data-testid="omgang-stangd">
          {egnaOppna.length === 0 ? (
            <p>Omgången är stängd, så prognoser kan inte lämnas eller ändras.</p>
          ) : (
            <>
              <p>
                Omgången är stängd, men ekonomidirektören har öppnat{' '}
                {egnaOppna.length === 1 ? 'ett av dina ansvar' : `${formatAntal(egnaOppna.length)} av dina ansvar`} igen. Du kan ändra och
                klarmarkera prognosen tills omgången stängs på nytt.
              </p>
              <ul data-testid="ateroppnade-ansvar">
                {egnaOppna.map(({ ansvar }) => (
                  <li key={ansvar.kod}>
                    {ansvar.kod} {ansvar.namn}
                    {oppnaIgen.get(ansvar.kod)?.skal ? `: ${oppnaIgen.get(ansvar.kod)?.skal}` : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}
      {kanLamnaNu ? (
        <ChefensPrognos
          egna={egnaOppna}
          valt={valtAnsvar}
          onValj={setValtAnsvar}
          omgang={omgang}
          oppen
          onMeddelande={onMeddelande}
          rubrikRef={formularRubrik}
        />
      ) : null}

      <section aria-labelledby={`${filterId}-rubrik`}>
        <h2 id={`${filterId}-rubrik`}>
          Prognoser per ansvar
          <span className="rubrik__tillagg">
            {formatAntalAv(rader.length, 'ansvar')}: {formatAntalAv(antal.utkast, 'utkast', 'utkast')},{' '}
            {formatAntalAv(antal.klarmarkerad, 'klarmarkerad', 'klarmarkerade')}, {formatAntalAv(antal.godkand, 'godkänd', 'godkända')},{' '}
            {formatAntalAv(antal.aterskickad, 'återsänd', 'återsända')}, {formatAntalAv(antal.saknas, 'ej påbörjad', 'ej påbörjade')}
          </span>
        </h2>
        {rader.length === 0 ? (
          <Tomt rubrik="Du har inga ansvar att följa upp." testId="inga-ansvar" />
        ) : (
          <>
            <div className="urval">
              <div className="falt falt--bred">
                <label htmlFor={filterId}>Filtrera på ansvar, namn, chef eller status</label>
                <input
                  id={filterId}
                  type="search"
                  autoComplete="off"
                  value={filter}
                  onChange={(event) => setFilter(event.target.value)}
                  aria-describedby={`${filterId}-antal`}
                  data-testid="prognos-filter"
                />
              </div>
            </div>
            <p id={`${filterId}-antal`} className="sokstatus" aria-live="polite">
              {filter.trim() === '' ? '' : `${formatAntal(filtrerade.length)} av ${formatAntalAv(rader.length, 'ansvar')} matchar.`}
            </p>
            {filtrerade.length === 0 ? (
              <Tomt rubrik="Inga ansvar matchar filtret." />
            ) : (
              <Prognostabell
                rader={tabellrader}
                visaBudget={visaBudget}
                caption={`Helårsprognoser ${omgangsnamn(omgang)} per ansvar`}
                onLamna={
                  kanLamnaNu
                    ? (kod) => {
                        setValtAnsvar(kod);
                        setFokusTillFormularet((antal) => antal + 1);
                      }
                    : undefined
                }
                granska={kanGranskaNu ? granska : undefined}
                arOppet={arOppet}
                ateroppning={ateroppning}
                onMeddelande={onMeddelande}
              />
            )}
          </>
        )}
      </section>
    </>
  );
}
