import { useId, useMemo, useState } from 'react';

import { useInloggning } from '../inloggning/use-inloggning.js';
import { andraSokparametrar } from '../navigering/plats.js';
import { useSokparameter } from '../navigering/use-plats.js';
import { useNamnder } from '../organisation/use-organisation.js';
import { Felmeddelande, Laddar, Tomt } from '../sida/meddelanden.js';
import { Sidrubrik } from '../sida/sidrubrik.js';
import { grupperaMal, kanSkapaMal, serAllaNamnder } from './mal.js';
import { NyttMal } from './nytt-mal.js';
import { useMal } from './use-mal.js';

/** The ekonomidirektör's choice of nämnd, or all of them; kept in the URL. */
function NamndFilter({ namnder, vald }: { namnder: readonly { kod: string; namn: string }[] | undefined; vald: string | undefined }) {
  const id = useId();
  return (
    <div className="urval">
      <div className="falt">
        <label htmlFor={id}>Nämnd</label>
        <select
          id={id}
          value={vald ?? ''}
          onChange={(event) => andraSokparametrar({ namnd: event.target.value === '' ? null : event.target.value })}
          data-testid="mal-namnd"
        >
          <option value="">Alla nämnder</option>
          {namnder?.map((namnd) => (
            <option key={namnd.kod} value={namnd.kod}>
              {namnd.namn}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/**
 * The goals KF has given the nämnder, per nämnd and year: a chef, förvaltningsekonom or processledare sees their
 * own nämnd's, the ekonomidirektör every nämnd's; a processledare adds their nämnd's goals.
 */
export function MalSida() {
  const { anvandare } = useInloggning();
  const roller = anvandare?.roller ?? [];
  const alla = serAllaNamnder(roller);
  const { namnder, namnPaKod, egenNamnd: namndenForInloggad } = useNamnder();
  const namndIAdressen = useSokparameter('namnd');
  const filter = alla && namndIAdressen ? namndIAdressen : undefined;
  const mal = useMal(filter);
  const grupper = useMemo(() => grupperaMal(mal.data ?? [], namnPaKod), [mal.data, namnPaKod]);
  const [meddelande, setMeddelande] = useState('');
  // A processledare answers for one nämnd, the one their sign-in names, and adds its goals.
  const egenNamnd = kanSkapaMal(roller) ? namndenForInloggad : undefined;

  let innehall;
  if (mal.isPending) innehall = <Laddar>Hämtar målen…</Laddar>;
  else if (mal.isError)
    innehall = <Felmeddelande rubrik="Det gick inte att hämta målen" fel={mal.error} onForsokIgen={() => void mal.refetch()} />;
  else if (grupper.length === 0) innehall = <Tomt rubrik="Det finns inga mål ännu." testId="inga-mal" />;
  else
    innehall = grupper.map((grupp) => {
      const namn = namnPaKod.get(grupp.namnd) ?? grupp.namnd;
      return (
        <section
          key={`${grupp.ar} ${grupp.namnd}`}
          aria-labelledby={`mal-${grupp.namnd}-${grupp.ar}`}
          data-testid="malgrupp"
          data-namnd={grupp.namnd}
          data-ar={grupp.ar}
        >
          <h2 id={`mal-${grupp.namnd}-${grupp.ar}`}>
            {namn} {grupp.ar}
            <span className="rubrik__tillagg">{grupp.mal.length === 1 ? '1 mål' : `${grupp.mal.length} mål`}</span>
          </h2>
          <ol className="mal-lista">
            {grupp.mal.map((ett) => (
              <li key={ett.id} data-testid="mal">
                <p className="mal-lista__text">{ett.text}</p>
                <p className="svag">
                  {ett.nyckeltal.length > 0 ? `Mäts med ${ett.nyckeltal.length} nyckeltal` : 'Följs upp med professionell bedömning'}
                </p>
              </li>
            ))}
          </ol>
        </section>
      );
    });

  return (
    <>
      <Sidrubrik titel="Mål" />
      <p className={meddelande ? 'meddelande meddelande--kvittens' : undefined} role="status" data-testid="mal-meddelande">
        {meddelande}
      </p>
      {alla ? <NamndFilter namnder={namnder} vald={filter} /> : null}
      {egenNamnd ? <NyttMal namnd={egenNamnd} namndnamn={namnPaKod.get(egenNamnd) ?? egenNamnd} onMeddelande={setMeddelande} /> : null}
      {innehall}
    </>
  );
}
