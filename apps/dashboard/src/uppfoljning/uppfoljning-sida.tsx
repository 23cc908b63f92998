import type { PrognosomgangDto } from '@tertial/contracts/dto';
import { useId, useMemo, useState } from 'react';

import type { Beloppsenhet } from '@tertial/diagram/belopp';
import { formatTidpunkt } from '../format/tidpunkt.js';
import { useInloggning } from '../inloggning/use-inloggning.js';
import { LiveStatusRad } from '../live/live-status.js';
import { andraSokparametrar } from '../navigering/plats.js';
import { useSokparameter } from '../navigering/use-plats.js';
import { Felmeddelande, Laddar, Tomt } from '../sida/meddelanden.js';
import { Sidrubrik } from '../sida/sidrubrik.js';
import type { Urval } from '../urval/urval.js';
import { FramstegVy } from './framsteg-vy.js';
import { Granskningsko } from './granskningsko.js';
import { RollupTabell } from './rollup-tabell.js';
import { rotnoder, startkoder } from './trad.js';
import { foljdOmgang, harFramsteg, harGranskningsko, kanPaminna, omgangText, sorteraOmgangar } from './uppfoljning.js';
import { useLiveUppfoljning, useNoder, useOmgangar } from './use-uppfoljning.js';

const TITEL = 'Uppföljning';
const omgangsnyckel = ({ ar, tillfalle }: Urval) => `${ar}-${tillfalle}`;

/**
 * The follow-up of a forecast round: the roll-up from the person's part of the tree down to the ansvar, for the
 * ekonomidirektör the progress of every nämnd and förvaltning, for the förvaltningsekonom the queue of forecasts to
 * decide on and their förvaltning's progress; every missing list a click away. Follows the round live.
 */
export function UppfoljningSida() {
  const { anvandare } = useInloggning();
  const omgangar = useOmgangar();
  const ar = useSokparameter('ar');
  const tillfalle = useSokparameter('tillfalle');
  const nod = useSokparameter('nod');
  const omgang = omgangar.data ? foljdOmgang(omgangar.data, { ar, tillfalle }) : undefined;
  const urval = omgang ? { ar: omgang.ar, tillfalle: omgang.tillfalle } : undefined;
  const live = useLiveUppfoljning(urval);

  return (
    <>
      <Sidrubrik titel={TITEL} rubrik={urval ? `${TITEL} ${urval.tillfalle} ${urval.ar}` : TITEL} />
      {omgangar.isPending ? (
        <Laddar>Hämtar prognosomgångarna…</Laddar>
      ) : omgangar.isError ? (
        <Felmeddelande
          rubrik="Det gick inte att hämta prognosomgångarna"
          fel={omgangar.error}
          onForsokIgen={() => void omgangar.refetch()}
        />
      ) : !omgang || !urval ? (
        <Tomt rubrik="Ingen prognosomgång är öppnad ännu." testId="ingen-omgang">
          Ekonomidirektören öppnar omgångarna på sidan Helårsprognoser.
        </Tomt>
      ) : (
        <Omgangsvy
          key={omgangsnyckel(urval)}
          urval={urval}
          omgang={omgang}
          omgangar={omgangar.data}
          roller={anvandare?.roller ?? []}
          organisation={anvandare?.organisation ?? []}
          live={live}
          nod={nod}
        />
      )}
    </>
  );
}

interface OmgangsvyProps {
  urval: Urval;
  omgang: PrognosomgangDto;
  omgangar: readonly PrognosomgangDto[];
  roller: NonNullable<ReturnType<typeof useInloggning>['anvandare']>['roller'];
  organisation: readonly string[];
  live: ReturnType<typeof useLiveUppfoljning>;
  /** `?nod=`: a node to open from the start (a drill-down from the ekonomidirektör's overview). */
  nod: string | null;
}

function Omgangsvy({ urval, omgang, omgangar, roller, organisation, live, nod }: OmgangsvyProps) {
  const valId = useId();
  const enhetId = useId();
  // A chef's nodes are an ansvar or a few: their figures read better in thousands than rounded to a tenth of a million.
  const [enhet, setEnhet] = useState<Beloppsenhet>(() => (roller.length > 0 && roller.every((roll) => roll === 'chef') ? 'tkr' : 'mnkr'));
  const koder = useMemo(() => startkoder(organisation), [organisation]);
  const svar = useNoder(urval, koder);
  const fel = svar.find((s) => s.isError)?.error;
  const klara = svar.every((s) => s.data !== undefined);
  const rotter = klara ? rotnoder(svar.flatMap((s) => (s.data ? [s.data] : []))) : [];
  const senast = rotter.map((rot) => rot.senastUppdaterad).find((tid) => tid !== null);
  const sorterade = useMemo(() => sorteraOmgangar(omgangar), [omgangar]);

  return (
    <>
      <div className="urval">
        <div className="falt">
          <label htmlFor={valId}>Prognosomgång</label>
          <select
            id={valId}
            value={omgangsnyckel(urval)}
            onChange={(event) => {
              const vald = sorterade.find((kandidat) => omgangsnyckel(kandidat) === event.target.value);
              if (vald) andraSokparametrar({ ar: String(vald.ar), tillfalle: vald.tillfalle });
            }}
            data-testid="uppfoljning-omgang"
          >
            {sorterade.map((kandidat) => (
              <option key={omgangsnyckel(kandidat)} value={omgangsnyckel(kandidat)}>
                {omgangText(kandidat)}
              </option>
            ))}
          </select>
        </div>
        <div className="falt">
          <label htmlFor={enhetId}>Belopp i</label>
          <select
            id={enhetId}
            value={enhet}
            onChange={(event) => setEnhet(event.target.value === 'tkr' ? 'tkr' : 'mnkr')}
            data-testid="uppfoljning-enhet"
          >
            <option value="mnkr">miljoner kronor (mnkr)</option>
            <option value="tkr">tusen kronor (tkr)</option>
          </select>
        </div>
      </div>
      <p className="svag" data-testid="omgang-fakta">
        {omgang.status === 'oppen' ? 'Öppen' : 'Stängd'}, sista dag{' '}
        <time dateTime={omgang.deadline}>{formatTidpunkt(omgang.deadline)}</time>. Utfall januari–{MANADER[omgang.utfallTomManad - 1]}.
        {senast ? (
          <>
            {' '}
            Senast ändrad <time dateTime={senast}>{formatTidpunkt(senast)}</time>.
          </>
        ) : null}
      </p>
      <LiveStatusRad status={live} />
      {fel ? (
        <Felmeddelande
          rubrik="Det gick inte att hämta omgångens siffror"
          fel={fel}
          onForsokIgen={() => svar.forEach((s) => void s.refetch())}
        />
      ) : !klara ? (
        <Laddar>Hämtar omgångens siffror…</Laddar>
      ) : (
        <div className="uppfoljning">
          {harGranskningsko(roller) ? <Granskningsko urval={urval} koder={koder} oppen={omgang.status === 'oppen'} /> : null}
          {harFramsteg(roller) ? (
            <FramstegVy urval={urval} rotter={rotter} paminna={kanPaminna(roller) && omgang.status === 'oppen'} />
          ) : null}
          <RollupTabell urval={urval} rotter={rotter} enhet={enhet} oppnaKod={nod} />
        </div>
      )}
    </>
  );
}

const MANADER = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
