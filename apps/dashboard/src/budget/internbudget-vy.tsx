import type { InternbudgetDto } from '@tertial/contracts/dto';
import { useMemo } from 'react';

import { formatMnkr } from '@tertial/diagram/belopp';
import { NIVANAMN } from '../organisation/organisationstrad.js';
import { Felmeddelande, Laddar, Tomt } from '../sida/meddelanden.js';
import { Belopp } from '../table/belopp.js';
import { kolumnhjalp, Table, type Fotrad } from '../table/table.js';
import { internbudgettrad, type Internbudgetnod } from './internbudget.js';
import { useInternbudget } from './use-budget.js';
import { MnkrRubrik } from '../table/mnkr-rubrik.js';

/** Frame, distributed and undistributed at a glance; what is left undistributed is always shown, zero included. */
function Fordelning({ internbudget }: { internbudget: InternbudgetDto }) {
  const kvar = internbudget.ofordelatOre > 0;
  const over = internbudget.ofordelatOre < 0;
  const forklaring = over
    ? 'Ramen har sänkts efter beslutet om internbudgeten (tilläggsbudget): internbudgeten behöver minskas.'
    : kvar
      ? 'Ligger kvar hos nämnden.'
      : 'Hela ramen är fördelad.';
  return (
    <dl className="nyckeltal">
      <div className="nyckeltal__post">
        <dt>Ram från KF</dt>
        <dd data-testid="internbudget-ram">{formatMnkr(internbudget.ramOre)}</dd>
      </div>
      <div className="nyckeltal__post">
        <dt>Fördelat netto</dt>
        <dd data-testid="internbudget-fordelat">{formatMnkr(internbudget.fordelatOre)}</dd>
      </div>
      <div className={kvar || over ? 'nyckeltal__post nyckeltal__post--varning' : 'nyckeltal__post nyckeltal__post--huvud'}>
        <dt>{over ? 'Fördelat över ramen' : 'Ej fördelat'}</dt>
        <dd data-testid="ej-fordelat">{formatMnkr(over ? -internbudget.ofordelatOre : internbudget.ofordelatOre)}</dd>
        <dd className="nyckeltal__forklaring">{forklaring}</dd>
      </div>
    </dl>
  );
}

const kolumn = kolumnhjalp<Internbudgetnod>();
const TAL = { tal: true } as const;

const KOLUMNER = kolumn.columns([
  kolumn.accessor((post) => post.nod.namn, {
    id: 'del',
    header: 'Del av organisationen',
    cell: ({ row }) => {
      const { nod } = row.original;
      return (
        <>
          {nod.namn}
          <span className="tabell__niva">
            <span className="visuellt-dold">, </span>
            {nod.niva === 'enhet' ? `ansvar ${nod.kod}` : NIVANAMN[nod.niva]}
          </span>
        </>
      );
    },
  }),
  kolumn.accessor((post) => post.nod.intakterOre, {
    id: 'intakter',
    header: () => <MnkrRubrik text="Intäkter" />,
    cell: ({ getValue }) => <Belopp ore={getValue()} />,
    meta: TAL,
  }),
  kolumn.accessor((post) => post.nod.kostnaderOre, {
    id: 'kostnader',
    header: () => <MnkrRubrik text="Kostnader" />,
    cell: ({ getValue }) => <Belopp ore={getValue()} />,
    meta: TAL,
  }),
  kolumn.accessor((post) => post.nod.nettokostnadOre, {
    id: 'netto',
    header: () => <MnkrRubrik text="Fördelat netto" />,
    cell: ({ getValue }) => <Belopp ore={getValue()} />,
    meta: TAL,
  }),
]);

/**
 * The internbudget down the tree: förvaltningar open on their avdelningar, each of which opens on its enheter
 * (ansvar). The nämnd's total, what is left with it and KF's frame close the table.
 */
function InternbudgetTabell({ internbudget, namndnamn, ar }: { internbudget: InternbudgetDto; namndnamn: string; ar: number }) {
  const trad = useMemo(() => internbudgettrad(internbudget), [internbudget]);
  const forvaltningarOppna = useMemo(() => Object.fromEntries(trad.map((post) => [post.nod.kod, true])), [trad]);
  const namnden = internbudget.noder.find((nod) => nod.kod === internbudget.namnd);
  const fotrader: Fotrad[] = [
    {
      id: 'fordelat',
      attribut: { 'data-summa': 'fordelat' },
      celler: [
        'Fördelat totalt',
        <Belopp key="i" ore={namnden?.intakterOre ?? 0} />,
        <Belopp key="k" ore={namnden?.kostnaderOre ?? 0} />,
        <Belopp key="n" ore={internbudget.fordelatOre} />,
      ],
    },
    {
      id: 'ej-fordelat',
      attribut: { 'data-summa': 'ej-fordelat', className: internbudget.ofordelatOre !== 0 ? 'rad--varning' : undefined },
      celler: [
        internbudget.ofordelatOre < 0 ? 'Ej fördelat: ramen överskriden' : 'Ej fördelat, hos nämnden',
        null,
        null,
        <Belopp key="n" ore={internbudget.ofordelatOre} />,
      ],
    },
    {
      id: 'ram',
      attribut: { 'data-summa': 'ram' },
      celler: ['Ram från KF', null, null, <Belopp key="n" ore={internbudget.ramOre} />],
    },
  ];

  return (
    <Table
      // A new internbudget starts over with its förvaltningar open.
      key={`${internbudget.namnd}-${ar}`}
      data={trad}
      columns={KOLUMNER}
      caption={`Internbudget ${ar}, ${namndnamn}, per förvaltning, avdelning och enhet`}
      radId={(post) => post.nod.kod}
      underrader={(post) => (post.barn.length > 0 ? post.barn : undefined)}
      expanderade={forvaltningarOppna}
      radAttribut={(post) => ({ 'data-kod': post.nod.kod, 'data-niva': post.nod.niva })}
      fotrader={fotrader}
      testId="internbudget-tabell"
    />
  );
}

/** How the nämnd has split its frame down its tree, with what is left undistributed always in view. */
export function InternbudgetVy({ namnd, namndnamn, ar }: { namnd: string; namndnamn: string; ar: number }) {
  const { data: internbudget, error, isPending, refetch } = useInternbudget(namnd, ar);

  return (
    <section aria-labelledby="internbudget-rubrik">
      <h2 id="internbudget-rubrik">
        Internbudget {ar}
        <span className="rubrik__tillagg">{namndnamn}</span>
      </h2>
      {isPending ? <Laddar>Hämtar internbudgeten…</Laddar> : null}
      {error ? (
        <Felmeddelande niva={3} rubrik="Det gick inte att hämta internbudgeten" fel={error} onForsokIgen={() => void refetch()} />
      ) : null}
      {internbudget === null ? (
        <Tomt rubrik={`Ingen internbudget för ${ar}`} testId="internbudget-saknas">
          {namndnamn} har inte beslutat någon internbudget för {ar} ännu. Den fördelar ramen ner i organisationen, oftast i
          november–december.
        </Tomt>
      ) : null}
      {internbudget ? (
        <>
          <Fordelning internbudget={internbudget} />
          <InternbudgetTabell internbudget={internbudget} namndnamn={namndnamn} ar={ar} />
        </>
      ) : null}
    </section>
  );
}
