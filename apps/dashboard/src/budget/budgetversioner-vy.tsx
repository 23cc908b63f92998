import type { VersionsjamforelseDto } from '@tertial/contracts';
import { useId } from 'react';

import { formatBeloppUtanEnhet } from '../format/belopp.js';
import { Felmeddelande, Laddar, Tomt } from '../sida/meddelanden.js';
import { useBudgetversioner } from './use-budget.js';

const VERSIONSTYP: Record<VersionsjamforelseDto['kolumner'][number]['typ'], string> = {
  'kf-beslut': 'KF-beslut',
  tillaggsbudget: 'Tilläggsbudget',
  internbudget: 'Internbudget',
};

function Belopp({ ore }: { ore: number | null | undefined }) {
  if (ore === null || ore === undefined) {
    return (
      <td className="tal svag">
        <span aria-hidden="true">–</span>
        <span className="visuellt-dold">inget belopp</span>
      </td>
    );
  }
  return <td className="tal">{formatBeloppUtanEnhet(ore, 'mnkr', 1)}</td>;
}

interface TabellProps {
  jamforelse: VersionsjamforelseDto;
  namnPaKod: ReadonlyMap<string, string>;
  valdNamnd: string | undefined;
}

function BudgetversionerTabell({ jamforelse, namnPaKod, valdNamnd }: TabellProps) {
  const rubrikId = useId();
  const namn = (kod: string | null) => (kod === null ? 'Ej knutet till en nämnd' : (namnPaKod.get(kod) ?? kod));

  return (
    <div className="tabell-ram" role="region" aria-labelledby={rubrikId} tabIndex={0}>
      <table className="tabell" data-testid="budgetversioner-tabell">
        <caption id={rubrikId}>Budgetversioner {jamforelse.ar} per nämnd</caption>
        <thead>
          <tr>
            <th scope="col">Nämnd</th>
            {jamforelse.kolumner.map((kolumn) => (
              <th key={kolumn.id} scope="col" className="tal" data-version={kolumn.id}>
                {kolumn.namn}
                <span className="tabell__underrubrik">
                  {VERSIONSTYP[kolumn.typ]}, <time dateTime={kolumn.beslutad}>{kolumn.beslutad}</time> <span className="enhet">(mnkr)</span>
                </span>
              </th>
            ))}
            <th scope="col" className="tal">
              Gällande ram <span className="enhet">(mnkr)</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {jamforelse.rader.map((rad) => {
            const vald = rad.namnd !== null && rad.namnd === valdNamnd;
            return (
              <tr key={rad.namnd ?? '–'} data-namnd={rad.namnd ?? ''} className={vald ? 'rad--vald' : undefined}>
                <th scope="row">
                  {namn(rad.namnd)}
                  {vald ? <span className="visuellt-dold"> (vald nämnd)</span> : null}
                </th>
                {jamforelse.kolumner.map((kolumn, index) => (
                  <Belopp key={kolumn.id} ore={rad.belopp[index]} />
                ))}
                <td className="tal">{formatBeloppUtanEnhet(rad.gallandeRamOre, 'mnkr', 1)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr data-summa="stad">
            <th scope="row">Summa</th>
            {jamforelse.kolumner.map((kolumn, index) => (
              <Belopp key={kolumn.id} ore={jamforelse.summa.belopp[index]} />
            ))}
            <td className="tal">{formatBeloppUtanEnhet(jamforelse.summa.gallandeRamOre, 'mnkr', 1)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Every decided budget version of the year side by side: KF's frames, tilläggsbudgetar, internbudgetar. */
export function BudgetversionerVy({
  ar,
  namnPaKod,
  valdNamnd,
}: {
  ar: number;
  namnPaKod: ReadonlyMap<string, string>;
  valdNamnd: string | undefined;
}) {
  const { data: jamforelse, error, isPending, refetch } = useBudgetversioner(ar);

  return (
    <section aria-labelledby="budgetversioner-rubrik">
      <h2 id="budgetversioner-rubrik">Budgetversioner {ar}</h2>
      {isPending ? <Laddar>Hämtar budgetversionerna…</Laddar> : null}
      {error ? (
        <Felmeddelande niva={3} rubrik="Det gick inte att hämta budgetversionerna" fel={error} onForsokIgen={() => void refetch()} />
      ) : null}
      {jamforelse === null || jamforelse?.kolumner.length === 0 ? (
        <Tomt rubrik={`Inga budgetversioner för ${ar}`} testId="budgetversioner-saknas">
          Här visas KF:s beslut om ramar, tilläggsbudgetar och nämndernas internbudgetar när de är beslutade.
        </Tomt>
      ) : null}
      {jamforelse && jamforelse.kolumner.length > 0 ? (
        <BudgetversionerTabell jamforelse={jamforelse} namnPaKod={namnPaKod} valdNamnd={valdNamnd} />
      ) : null}
    </section>
  );
}
