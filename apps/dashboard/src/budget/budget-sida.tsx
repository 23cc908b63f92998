import { useId, useMemo } from 'react';

import { andraSokparametrar } from '../navigering/plats.js';
import { useSokparameter } from '../navigering/use-plats.js';
import { NamndVal } from '../organisation/namnd-val.js';
import { useNamnderMedBudget } from '../organisation/use-organisation.js';
import { Laddar, Tomt } from '../sida/meddelanden.js';
import { Sidrubrik } from '../sida/sidrubrik.js';
import { lasBudgetar, valbaraBudgetar } from './budgetar.js';
import { BudgetversionerVy } from './budgetversioner-vy.js';
import { InternbudgetVy } from './internbudget-vy.js';
import { ResursfordelningVy } from './resursfordelning-vy.js';

/**
 * A nämnd's budget for a year: its frame from the resursfördelningsmodell, how the internbudget distributes it,
 * and, for the ekonomidirektör, the year's budget versions for every nämnd. The nämnd and year are kept in the
 * URL. A förvaltningsekonom is offered only their own nämnd, and the page asks only for what they may read.
 */
export function BudgetSida() {
  const namndfraga = useNamnderMedBudget();
  const { helaStaden } = namndfraga;
  const arId = useId();
  const ar = lasBudgetar(useSokparameter('ar'), new Date());
  const namndIAdressen = useSokparameter('namnd');
  const { namnder, namnPaKod } = namndfraga;
  // Until one is chosen, the reader's own nämnd, or the first: a page with figures says more than one asking to choose.
  const namnd =
    namnder?.find((kandidat) => kandidat.kod === namndIAdressen) ??
    namnder?.find((kandidat) => kandidat.kod === namndfraga.egenNamnd) ??
    namnder?.[0];
  const arAttValja = useMemo(() => valbaraBudgetar(new Date(), ar), [ar]);

  return (
    <>
      <Sidrubrik titel="Budget" rubrik={`Budget ${ar}`} />

      <div className="urval">
        <NamndVal namndfraga={namndfraga} vald={namnd?.kod} onValj={(kod) => andraSokparametrar({ namnd: kod })} />
        <div className="falt">
          <label htmlFor={arId}>År</label>
          <select id={arId} value={ar} onChange={(event) => andraSokparametrar({ ar: event.target.value })} data-testid="budget-ar">
            {arAttValja.map((valbart) => (
              <option key={valbart} value={valbart}>
                {valbart}
              </option>
            ))}
          </select>
        </div>
      </div>

      {namndfraga.isPending ? <Laddar>Hämtar nämnderna…</Laddar> : null}
      {namnder?.length === 0 ? <Tomt rubrik="Det finns inga nämnder i organisationen">Lägg in organisationen först.</Tomt> : null}

      {namnd ? (
        <>
          <ResursfordelningVy namnd={namnd.kod} namndnamn={namnd.namn} ar={ar} />
          <InternbudgetVy namnd={namnd.kod} namndnamn={namnd.namn} ar={ar} />
        </>
      ) : null}
      {helaStaden ? <BudgetversionerVy ar={ar} namnPaKod={namnPaKod} valdNamnd={namnd?.kod} /> : null}
    </>
  );
}
