import { useMemo } from 'react';

import { Belopp } from '../table/belopp.js';
import { kolumnhjalp, Table } from '../table/table.js';
import { MOTIV, type Bedomning, type Namndssummering, type Paverkan, type Projektrad } from './investeringar.js';

const TECKEN: Record<Paverkan, string> = { positiv: '+', ingen: '0', negativ: '−' };

function Tom({ text }: { text: string }) {
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visuellt-dold">{text}</span>
    </>
  );
}

function Hallbarhet({ bedomning }: { bedomning: Bedomning[] | null }) {
  if (!bedomning) return <Tom text="ingen bedömning" />;
  return (
    <ul className="bedomning">
      {bedomning.map(({ aspekt, paverkan }) => (
        <li key={aspekt} data-paverkan={paverkan ?? 'saknas'}>
          <span className="bedomning__tecken" aria-hidden="true">
            {paverkan ? TECKEN[paverkan] : '?'}
          </span>
          {aspekt}
          <span className="visuellt-dold">: {paverkan ?? 'ej bedömd'}</span>
        </li>
      ))}
    </ul>
  );
}

const kolumn = kolumnhjalp<Projektrad>();
const TAL = { tal: true } as const;

function kolumner(ar: readonly number[], summering: Namndssummering | null) {
  const summaPerAr = new Map((summering?.ar ?? []).map((rad) => [rad.ar, rad.budgetOre]));
  const summa = summering !== null;
  return kolumn.columns([
    kolumn.accessor('namn', {
      header: 'Projekt',
      cell: ({ row }) => (
        <>
          {row.original.namn}
          <span className="tabell__niva">
            <span className="visuellt-dold">, </span>
            {row.original.id}
          </span>
        </>
      ),
      footer: summa ? 'Summa' : undefined,
    }),
    kolumn.accessor((rad) => rad.motiv ?? undefined, {
      id: 'motiv',
      header: 'Motiv',
      cell: ({ row }) => {
        const { motiv } = row.original;
        if (!motiv) return <Tom text="inget motiv" />;
        return (
          <span className="motiv">
            <abbr className="motiv__kod" title={MOTIV[motiv]}>
              {motiv}
            </abbr>{' '}
            <span className="motiv__text">{MOTIV[motiv]}</span>
          </span>
        );
      },
    }),
    kolumn.display({
      id: 'hallbarhet',
      header: 'Hållbarhet',
      cell: ({ row }) => <Hallbarhet bedomning={row.original.hallbarhet} />,
    }),
    kolumn.accessor('totaltOre', {
      header: 'Totalt',
      cell: ({ getValue }) => <Belopp ore={getValue()} />,
      footer: summering ? () => <Belopp ore={summering.totalt.budgetOre} /> : undefined,
      meta: { tal: true, klass: 'tal--stark' },
    }),
    ...ar.map((aret, index) =>
      kolumn.accessor((rad) => rad.budgetPerAr[index] ?? undefined, {
        id: `ar-${aret}`,
        header: String(aret),
        cell: ({ row }) => <Belopp ore={row.original.budgetPerAr[index]} saknas="ingen budget" />,
        footer: summa ? () => <Belopp ore={summaPerAr.get(aret) ?? 0} /> : undefined,
        meta: TAL,
      }),
    ),
  ]);
}

interface Props {
  rader: readonly Projektrad[];
  ar: readonly number[];
  summering: Namndssummering | null;
  namndnamn: string;
}

/** Every project of the nämnd with motive, assessment and its budget over the seven-year plan; sums per year last. */
export function InvesteringsprojektTabell({ rader, ar, summering, namndnamn }: Props) {
  const allaKolumner = useMemo(() => kolumner(ar, summering), [ar, summering]);
  const data = useMemo(() => [...rader], [rader]);

  return (
    <Table
      data={data}
      columns={allaKolumner}
      caption={
        <>
          Investeringsprojekt, {namndnamn}
          {ar.length > 0 ? `, ${ar[0]}–${ar.at(-1)}` : ''}
          <span className="caption__not">
            Belopp i mnkr: budget totalt och per år. Motiv krävs över 3 mnkr och hållbarhetsbedömning över 15 mnkr: + positiv, 0 ingen, −
            negativ påverkan, ? ej bedömd.
          </span>
        </>
      }
      radId={(rad) => rad.id}
      radAttribut={(rad) => ({ 'data-projekt': rad.id })}
      fotAttribut={{ 'data-summa': 'namnd' }}
      testId="investeringsprojekt-tabell"
      klass="tabell--bred"
    />
  );
}
