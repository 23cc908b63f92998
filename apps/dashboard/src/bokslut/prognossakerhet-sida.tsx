import type { PrognossakerhetDto, PrognossakerhetRad } from '@tertial/contracts/dto';
import { useId, useMemo } from 'react';

import { andraSokparametrar } from '../navigering/plats.js';
import { useSokparameter } from '../navigering/use-plats.js';
import { Felmeddelande, Laddar, Tomt } from '../sida/meddelanden.js';
import { Sidrubrik } from '../sida/sidrubrik.js';
import { Belopp } from '../table/belopp.js';
import { kolumnhjalp, Table } from '../table/table.js';
import { formatProcent, forvaltAr, tillfallesnamn, valbaraAr } from './bokslut.js';
import { LatPrognossakerhetDiagram } from './lat-prognossakerhet-diagram.js';
import { usePrognossakerhet } from './use-bokslut.js';
import { MnkrRubrik } from '../table/mnkr-rubrik.js';

type Omgang = PrognossakerhetDto['omgangar'][number];
const kolumn = kolumnhjalp<PrognossakerhetRad>();
const TAL = { tal: true } as const;

function kolumner(stad: PrognossakerhetRad) {
  return kolumn.columns([
    kolumn.accessor('namn', { header: 'Nämnd', footer: 'Staden' }),
    kolumn.accessor('prognosBudgetOre', {
      header: () => <MnkrRubrik text="Budget" />,
      cell: ({ getValue }) => <Belopp ore={getValue()} />,
      footer: () => <Belopp ore={stad.prognosBudgetOre} />,
      meta: TAL,
    }),
    kolumn.accessor('prognosOre', {
      header: () => <MnkrRubrik text="Prognos" />,
      cell: ({ getValue }) => <Belopp ore={getValue()} />,
      footer: () => <Belopp ore={stad.prognosOre} />,
      meta: TAL,
    }),
    kolumn.accessor('prognosAvvikelseOre', {
      header: () => <MnkrRubrik text="Prognosens avvikelse" />,
      cell: ({ getValue }) => <Belopp ore={getValue()} avvikelse />,
      footer: () => <Belopp ore={stad.prognosAvvikelseOre} avvikelse />,
      meta: TAL,
    }),
    kolumn.accessor('prognosAvvikelseProcent', {
      header: 'Prognosens avvikelse, % av budget',
      cell: ({ getValue }) => formatProcent(getValue()),
      footer: () => formatProcent(stad.prognosAvvikelseProcent),
      meta: TAL,
    }),
    kolumn.accessor('bokslutAvvikelseOre', {
      header: () => <MnkrRubrik text="Bokslutets avvikelse" />,
      cell: ({ getValue }) => <Belopp ore={getValue()} avvikelse saknas="inget bokslut" />,
      footer: () => <Belopp ore={stad.bokslutAvvikelseOre} avvikelse saknas="inget bokslut" />,
      meta: TAL,
    }),
    kolumn.accessor('bokslutAvvikelseProcent', {
      header: 'Bokslutets avvikelse, % av budget',
      cell: ({ getValue }) => formatProcent(getValue()),
      footer: () => formatProcent(stad.bokslutAvvikelseProcent),
      meta: TAL,
    }),
    kolumn.accessor('prognosavvikelseOre', {
      header: () => <MnkrRubrik text="Prognosavvikelse" />,
      cell: ({ getValue }) => <Belopp ore={getValue()} avvikelse saknas="inget bokslut" />,
      footer: () => <Belopp ore={stad.prognosavvikelseOre} avvikelse saknas="inget bokslut" />,
      meta: TAL,
    }),
    kolumn.accessor('prognosavvikelseProcent', {
      header: 'Prognosavvikelse, % av budget',
      cell: ({ getValue }) => formatProcent(getValue()),
      footer: () => formatProcent(stad.prognosavvikelseProcent),
      meta: TAL,
    }),
  ]);
}

function Omgangstabell({ ar, omgang }: { ar: number; omgang: Omgang }) {
  const allaKolumner = useMemo(() => kolumner(omgang.stad), [omgang.stad]);
  const rader = useMemo(() => [...omgang.namnder], [omgang.namnder]);
  return (
    <Table
      data={rader}
      columns={allaKolumner}
      caption={
        <>
          Prognossäkerhet {tillfallesnamn(omgang.tillfalle).toLowerCase()} {ar}
          <span className="caption__not">
            {omgang.stangdAt
              ? `Prognosen som den var när omgången stängdes ${omgang.stangdAt.slice(0, 10)}.`
              : 'Omgången är öppen: prognosen som den är nu.'}{' '}
            Avvikelse = budget − prognos (eller bokslut): positiv är ett överskott. Prognosavvikelse = bokslutets avvikelse − prognosens.
          </span>
        </>
      }
      radId={(rad) => rad.namnd}
      radAttribut={(rad) => ({ 'data-namnd': rad.namnd })}
      fotAttribut={{ 'data-summa': 'staden' }}
      testId={`prognossakerhet-${omgang.tillfalle}`}
      klass="tabell--bred"
    />
  );
}

function Prognossakerhet({ ar }: { ar: number }) {
  const fraga = usePrognossakerhet(ar);
  if (fraga.isPending) return <Laddar>Hämtar prognossäkerheten…</Laddar>;
  if (fraga.isError)
    return <Felmeddelande rubrik="Det gick inte att hämta prognossäkerheten" fel={fraga.error} onForsokIgen={() => void fraga.refetch()} />;
  const data = fraga.data;
  if (data.omgangar.length === 0)
    return (
      <Tomt rubrik={`Inga prognosomgångar ${ar}`} testId="prognossakerhet-saknas">
        Prognossäkerheten visas när året har prognoser.
      </Tomt>
    );
  return (
    <>
      {!data.bokslutFaststallt ? (
        <p data-testid="inget-bokslut">Året är inte stängt: prognosavvikelsen räknas när bokslutet är fastställt.</p>
      ) : null}
      {data.bokslutFaststallt ? (
        <section aria-labelledby="prognossakerhet-diagram-rubrik">
          <h2 id="prognossakerhet-diagram-rubrik">Prognosavvikelse per nämnd och omgång</h2>
          <LatPrognossakerhetDiagram data={data} />
        </section>
      ) : null}
      {data.omgangar.map((omgang) => (
        <section key={omgang.tillfalle} aria-labelledby={`omgang-${omgang.tillfalle}`}>
          <h2 id={`omgang-${omgang.tillfalle}`}>{tillfallesnamn(omgang.tillfalle)}</h2>
          <Omgangstabell ar={ar} omgang={omgang} />
        </section>
      ))}
    </>
  );
}

/** How far each round's forecast was from the bokslut, per nämnd and for the city: a figure municipalities publish. */
export function PrognossakerhetSida() {
  const idag = new Date();
  const ar = forvaltAr(useSokparameter('ar'), idag);
  const arId = useId();
  return (
    <>
      <Sidrubrik titel="Prognossäkerhet" rubrik={`Prognossäkerhet ${ar}`} />
      <div className="urval">
        <div className="falt">
          <label htmlFor={arId}>År</label>
          <select id={arId} value={ar} onChange={(e) => andraSokparametrar({ ar: e.target.value })} data-testid="prognossakerhet-ar">
            {valbaraAr(idag, ar).map((valbart) => (
              <option key={valbart} value={valbart}>
                {valbart}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Prognossakerhet ar={ar} />
    </>
  );
}
