import { useMemo } from 'react';

import { formatForandring } from '@tertial/diagram/belopp';
import { Belopp } from '../table/belopp.js';
import { kolumnhjalp, Table } from '../table/table.js';
import type { Namndssummering } from './investeringar.js';
import { MnkrRubrik } from '../table/mnkr-rubrik.js';

type Summa = Namndssummering['totalt'];
type Arsrad = Namndssummering['ar'][number];

const kolumn = kolumnhjalp<Arsrad>();
const TAL = { tal: true } as const;

function Avvikelse({ ore }: { ore: number }) {
  return <span data-avvikelse={ore < 0 ? 'underskott' : ore > 0 ? 'overskott' : 'noll'}>{formatForandring(ore, 'mnkr', 1)}</span>;
}

function kolumner(totalt: Summa) {
  return kolumn.columns([
    kolumn.accessor('ar', { header: 'År', footer: 'Totalt' }),
    kolumn.accessor('budgetOre', {
      header: () => <MnkrRubrik text="Budget" />,
      cell: ({ getValue }) => <Belopp ore={getValue()} />,
      footer: () => <Belopp ore={totalt.budgetOre} />,
      meta: TAL,
    }),
    kolumn.accessor('utfallOre', {
      header: () => <MnkrRubrik text="Utfall" />,
      cell: ({ getValue }) => <Belopp ore={getValue()} />,
      footer: () => <Belopp ore={totalt.utfallOre} />,
      meta: TAL,
    }),
    kolumn.accessor('prognosOre', {
      header: () => <MnkrRubrik text="Prognos" />,
      cell: ({ getValue }) => <Belopp ore={getValue()} />,
      footer: () => <Belopp ore={totalt.prognosOre} />,
      meta: TAL,
    }),
    kolumn.accessor('avvikelseOre', {
      header: () => <MnkrRubrik text="Avvikelse" />,
      cell: ({ getValue }) => <Avvikelse ore={getValue()} />,
      footer: () => <Avvikelse ore={totalt.avvikelseOre} />,
      meta: TAL,
    }),
    kolumn.accessor('utanPrognos', { header: 'Projektår utan prognos', footer: () => totalt.utanPrognos, meta: TAL }),
  ]);
}

/** Budget, utfall, prognos and avvikelse per year of the plan: the follow-up of the delårsrapporter. */
export function InvesteringarPerArTabell({ summering, namndnamn }: { summering: Namndssummering; namndnamn: string }) {
  const allaKolumner = useMemo(() => kolumner(summering.totalt), [summering.totalt]);
  const rader = useMemo(() => [...summering.ar], [summering.ar]);
  return (
    <Table
      data={rader}
      columns={allaKolumner}
      caption={
        <>
          Investeringar per år, {namndnamn}
          <span className="caption__not">
            Avvikelse = budget − prognos: negativ när prognosen är högre än budgeten. Ett projektår utan egen prognos räknas med sin budget.
          </span>
        </>
      }
      radId={(rad) => String(rad.ar)}
      radAttribut={(rad) => ({ 'data-ar': String(rad.ar) })}
      fotAttribut={{ 'data-summa': 'totalt' }}
      testId="investeringar-per-ar"
    />
  );
}
