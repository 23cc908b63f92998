import type { PrognosTotaler } from '@tertial/contracts/dto';
import { useId, useMemo } from 'react';

import { manadsnamn } from '../format/tidpunkt.js';
import { Belopp } from '../table/belopp.js';
import { kolumnhjalp, Table, type Kolumn } from '../table/table.js';
import { saknasSomUndefined } from '../table/table-regler.js';
import { lamnadeAvAnsvar, prognosensSiffror, sorteraEfterNettokostnad, type NamndTotal } from './prognos-totaler.js';

const kolumn = kolumnhjalp<NamndTotal>();
const TAL = { tal: true } as const;
const STORST_FORST = [{ id: 'nettokostnadOre', desc: true }];

function Rubrik({ text, enhet = 'mnkr' }: { text: string; enhet?: string }) {
  return (
    <>
      {text} <span className="enhet">({enhet})</span>
    </>
  );
}

/**
 * The columns, the figures a reader compares first (prognos, budget, avvikelse, utfall) before the parts of
 * the prognos; on a narrow screen the first ones are in view beside the nämnd's name.
 */
function kolumner(stad: NamndTotal, utfallTillManad: number | null): Kolumn<NamndTotal>[] {
  return [
    kolumn.accessor('namn', { header: 'Nämnd', footer: `Totalt ${stad.namn}` }),
    kolumn.accessor((rad) => saknasSomUndefined(prognosensSiffror(rad).nettokostnadOre), {
      id: 'nettokostnadOre',
      header: () => <Rubrik text="Prognos nettokostnad" />,
      cell: ({ row }) => <Belopp ore={prognosensSiffror(row.original).nettokostnadOre} />,
      footer: () => <Belopp ore={prognosensSiffror(stad).nettokostnadOre} />,
      meta: TAL,
    }),
    kolumn.accessor((rad) => saknasSomUndefined(rad.budgetOre), {
      id: 'budget',
      header: () => <Rubrik text="Budget" />,
      cell: ({ row }) => <Belopp ore={row.original.budgetOre} />,
      footer: () => <Belopp ore={stad.budgetOre} />,
      meta: TAL,
    }),
    kolumn.accessor((rad) => saknasSomUndefined(prognosensSiffror(rad).avvikelseOre), {
      id: 'avvikelse',
      header: () => <Rubrik text="Avvikelse mot budget" />,
      cell: ({ row }) => <Belopp ore={prognosensSiffror(row.original).avvikelseOre} avvikelse />,
      footer: () => <Belopp ore={prognosensSiffror(stad).avvikelseOre} avvikelse />,
      meta: TAL,
    }),
    kolumn.accessor((rad) => saknasSomUndefined(rad.utfallOre), {
      id: 'utfall',
      header: () => <Rubrik text={`Utfall ${utfallTillManad ? `t.o.m. ${manadsnamn(utfallTillManad)}` : 'hittills'}`} />,
      cell: ({ row }) => <Belopp ore={row.original.utfallOre} />,
      footer: () => <Belopp ore={stad.utfallOre} />,
      meta: TAL,
    }),
    kolumn.accessor((rad) => saknasSomUndefined(prognosensSiffror(rad).intakterOre), {
      id: 'intakterOre',
      header: () => <Rubrik text="Intäkter" />,
      cell: ({ row }) => <Belopp ore={prognosensSiffror(row.original).intakterOre} />,
      footer: () => <Belopp ore={prognosensSiffror(stad).intakterOre} />,
      meta: TAL,
    }),
    kolumn.accessor((rad) => saknasSomUndefined(prognosensSiffror(rad).kostnaderOre), {
      id: 'kostnaderOre',
      header: () => <Rubrik text="Kostnader" />,
      cell: ({ row }) => <Belopp ore={prognosensSiffror(row.original).kostnaderOre} />,
      footer: () => <Belopp ore={prognosensSiffror(stad).kostnaderOre} />,
      meta: TAL,
    }),
    kolumn.accessor((rad) => (rad.antalAnsvar === 0 ? undefined : rad.antalLamnade / rad.antalAnsvar), {
      id: 'lamnade',
      header: 'Lämnade prognoser',
      cell: ({ row }) => lamnadeAvAnsvar(row.original),
      footer: () => lamnadeAvAnsvar(stad),
      meta: TAL,
    }),
  ];
}

/**
 * Every figure of the chart as a real table, largest nettokostnad first, with the city's total last. It scrolls
 * sideways in its own box on a narrow screen so the page itself never does.
 */
export function PrognosTotalerTabell({
  totaler,
  rubrik = 'Helårsprognos per nämnd',
  testId,
}: {
  totaler: PrognosTotaler;
  rubrik?: string;
  testId?: string;
}) {
  const forklaringId = useId();
  const namnder = useMemo(() => sorteraEfterNettokostnad(totaler.namnder), [totaler.namnder]);
  const allaKolumner = useMemo(() => kolumner(totaler.stad, totaler.utfallTillManad), [totaler.stad, totaler.utfallTillManad]);

  return (
    <>
      <Table
        data={namnder}
        columns={allaKolumner}
        caption={rubrik}
        radId={(namnd) => namnd.kod}
        // The order of the chart, which the header says; ties stay by name.
        sortering={STORST_FORST}
        radAttribut={(namnd) => ({ 'data-namnd': namnd.kod })}
        fotAttribut={{ 'data-summa': 'stad' }}
        beskrivningId={forklaringId}
        testId={testId}
        klass="tabell--bred"
      />
      <p id={forklaringId} className="tabell-forklaring">
        Prognosen är summan av de lämnade prognoserna. Avvikelse är budget minus prognos för varje ansvar som har lämnat prognos, mot
        ansvarets egen budget, som i uppföljningen och i stegen till stadens resultat: positiv är ett överskott, negativ ett underskott.
        Ansvar som inte har lämnat och den del av ramen som inte är fördelad på ansvar räknas enligt budget. Budgeten är nämndens ram efter
        kommunfullmäktiges beslut och tilläggsbudgetar; utfallet är nettokostnaden i huvudboken hittills i år.
      </p>
    </>
  );
}
