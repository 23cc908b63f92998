import type { OrganisationNiva } from '@tertial/contracts/organisation';
import { useId, useMemo } from 'react';

import { formatAntal } from '../format/antal.js';
import { Belopp } from '../table/belopp.js';
import { kolumnhjalp, Table, type Kolumn } from '../table/table.js';
import { saknasSomUndefined } from '../table/table-regler.js';
import type { Urval } from '../urval/urval.js';
import { Ateroppning } from './ateroppning.js';
import { Granskning } from './granskning.js';
import { statustext } from './helarsprognoser.js';
import type { Prognosrad } from './prognostrad.js';
import type { useAteroppna, useGranska } from './use-helarsprognoser.js';

interface Props {
  /** Ansvar rows, or groups (avdelningar…) with their ansvar under them. */
  rader: Prognosrad[];
  caption: string;
  /** Budget and avvikelse columns, for those who may read the internbudget. */
  visaBudget: boolean;
  /** The chef may submit forecasts while the round is open: their own rows get a button to the form. */
  onLamna: ((ansvar: string) => void) | undefined;
  /** The förvaltningsekonom may decide on submitted forecasts while the round is open. */
  granska: ReturnType<typeof useGranska> | undefined;
  /**
   * Which ansvar take forecasts and decisions: in an open round every one, in a closed round those the
   * ekonomidirektör opened again. Without it, every row.
   */
  arOppet?: ((ansvar: string) => boolean) | undefined;
  /** The ekonomidirektör may reopen one ansvar of a closed round, with a reason. */
  ateroppning?: { omgang: Urval; ateroppna: ReturnType<typeof useAteroppna> } | undefined;
  onMeddelande: (text: string) => void;
}

const NIVA: Record<OrganisationNiva, string> = {
  stad: 'Stad',
  namnd: 'Nämnd',
  forvaltning: 'Förvaltning',
  avdelning: 'Avdelning',
  enhet: 'Enhet',
};

const PER_SIDA = 50;
/** The id of a row's header: the table's own id (from useId) and the row's code. */
const radrubrikId = (tabellId: string, kod: string) => `${tabellId}-rad-${kod}`;
const kolumn = kolumnhjalp<Prognosrad>();
const TAL = { tal: true } as const;

function Kronor({ text }: { text: string }) {
  return (
    <>
      {text} <span className="enhet">(kr)</span>
    </>
  );
}

/** "4 klarmarkerade, 1 godkänd, 7 ej påbörjade": what a group's ansvar have done, leaving out what none has. */
function gruppstatus(antal: Extract<Prognosrad, { typ: 'grupp' }>['antal']): string {
  const delar = [
    [antal.utkast, 'utkast', 'utkast'],
    [antal.klarmarkerad, 'klarmarkerad', 'klarmarkerade'],
    [antal.godkand, 'godkänd', 'godkända'],
    [antal.aterskickad, 'återsänd', 'återsända'],
    [antal.saknas, 'ej påbörjad', 'ej påbörjade'],
  ] as const;
  return delar
    .filter(([tal]) => tal > 0)
    .map(([tal, en, flera]) => `${formatAntal(tal)} ${tal === 1 ? en : flera}`)
    .join(', ');
}

interface Atgarder {
  onLamna: Props['onLamna'];
  granska: Props['granska'];
  arOppet: (ansvar: string) => boolean;
  ateroppning: Props['ateroppning'];
  onMeddelande: Props['onMeddelande'];
  fokusera: (ansvar: string) => void;
}

/** The figures to judge by first, beside the ansvar's name, then who and what was said: on a phone the first are in view. */
function kolumner(visaBudget: boolean, atgarder: Atgarder | undefined): Kolumn<Prognosrad>[] {
  const budget: Kolumn<Prognosrad>[] = visaBudget
    ? [
        kolumn.accessor((rad) => saknasSomUndefined(rad.budgetOre), {
          id: 'budget',
          header: () => <Kronor text="Budget" />,
          cell: ({ row }) => <Belopp ore={row.original.budgetOre} enhet="kr" saknas="ingen budget" />,
          meta: TAL,
        }),
      ]
    : [];
  const avvikelse: Kolumn<Prognosrad>[] = visaBudget
    ? [
        kolumn.accessor((rad) => saknasSomUndefined(rad.avvikelseOre), {
          id: 'avvikelse',
          header: () => <Kronor text="Avvikelse mot budget" />,
          cell: ({ row }) => <Belopp ore={row.original.avvikelseOre} enhet="kr" saknas="kan inte beräknas ännu" avvikelse />,
          meta: TAL,
        }),
      ]
    : [];
  const atgard: Kolumn<Prognosrad>[] = atgarder
    ? [
        kolumn.display({
          id: 'atgard',
          header: 'Åtgärd',
          enableSorting: false,
          cell: ({ row }) => {
            const rad = row.original;
            if (rad.typ !== 'ansvar') return null;
            const { ansvar, prognos } = rad.rad;
            return (
              <>
                {atgarder.onLamna && ansvar.eget && atgarder.arOppet(ansvar.kod) ? (
                  <button
                    type="button"
                    className="knapp--lank"
                    onClick={() => atgarder.onLamna?.(ansvar.kod)}
                    data-testid="till-formularet"
                  >
                    {prognos ? 'Ändra prognos' : 'Lämna prognos'}
                    <span className="visuellt-dold"> för {ansvar.kod}</span>
                  </button>
                ) : null}
                {atgarder.granska && prognos?.status === 'klarmarkerad' && atgarder.arOppet(ansvar.kod) ? (
                  <Granskning
                    prognos={prognos}
                    ansvarsnamn={ansvar.namn}
                    granska={atgarder.granska}
                    onMeddelande={atgarder.onMeddelande}
                    onBeslutat={() => atgarder.fokusera(ansvar.kod)}
                  />
                ) : null}
                {atgarder.ateroppning ? (
                  <Ateroppning
                    omgang={atgarder.ateroppning.omgang}
                    ansvar={ansvar}
                    prognos={prognos}
                    ateroppna={atgarder.ateroppning.ateroppna}
                    onMeddelande={atgarder.onMeddelande}
                    onKlar={() => atgarder.fokusera(ansvar.kod)}
                  />
                ) : null}
              </>
            );
          },
        }),
      ]
    : [];

  return [
    kolumn.accessor((rad) => rad.kod, {
      id: 'ansvar',
      header: 'Ansvar',
      cell: ({ row }) => {
        const rad = row.original;
        if (rad.typ === 'grupp') {
          return (
            <>
              {rad.namn}
              <span className="tabell__niva">
                {NIVA[rad.niva]}, {formatAntal(rad.antalAnsvar - rad.antal.saknas)} av {formatAntal(rad.antalAnsvar)} lämnade
              </span>
            </>
          );
        }
        const { ansvar } = rad.rad;
        return (
          <>
            {ansvar.kod} {ansvar.namn}
            {ansvar.eget ? <span className="etikett">Ditt ansvar</span> : null}
          </>
        );
      },
    }),
    ...budget,
    kolumn.accessor((rad) => saknasSomUndefined(rad.prognosOre), {
      id: 'prognos',
      header: () => <Kronor text="Prognos nettokostnad" />,
      cell: ({ row }) => <Belopp ore={row.original.prognosOre} enhet="kr" saknas="ingen prognos" />,
      meta: TAL,
    }),
    ...avvikelse,
    kolumn.accessor((rad) => (rad.typ === 'ansvar' ? statustext(rad.rad.prognos?.status) : undefined), {
      id: 'status',
      header: 'Status',
      cell: ({ row }) => {
        const rad = row.original;
        if (rad.typ === 'grupp') return gruppstatus(rad.antal);
        return <span data-testid="prognos-status">{statustext(rad.rad.prognos?.status)}</span>;
      },
    }),
    kolumn.accessor((rad) => (rad.typ === 'ansvar' ? saknasSomUndefined(rad.rad.ansvar.chef?.namn) : undefined), {
      id: 'chef',
      header: 'Chef',
      cell: ({ row }) => (row.original.typ === 'ansvar' ? (row.original.rad.ansvar.chef?.namn ?? '–') : null),
    }),
    kolumn.accessor((rad) => (rad.typ === 'ansvar' ? saknasSomUndefined(rad.rad.prognos?.sparadAv?.namn) : undefined), {
      id: 'lamnad-av',
      header: 'Lämnad av',
      cell: ({ row }) => (row.original.typ === 'ansvar' ? (row.original.rad.prognos?.sparadAv?.namn ?? '–') : null),
    }),
    kolumn.accessor((rad) => (rad.typ === 'ansvar' ? saknasSomUndefined(rad.rad.prognos?.kommentar) : undefined), {
      id: 'chefens-kommentar',
      header: 'Chefens kommentar',
      cell: ({ row }) =>
        row.original.typ === 'ansvar' ? <span data-testid="chefens-kommentar">{row.original.rad.prognos?.kommentar ?? '–'}</span> : null,
    }),
    kolumn.accessor((rad) => (rad.typ === 'ansvar' ? saknasSomUndefined(rad.rad.prognos?.beslutskommentar) : undefined), {
      id: 'kommentar',
      header: 'Controllerns kommentar',
      cell: ({ row }) => (row.original.typ === 'ansvar' ? (row.original.rad.prognos?.beslutskommentar ?? '–') : null),
    }),
    ...atgard,
  ];
}

/**
 * Each ansvar the person sees, with its budget (for those who may read it), its current forecast's net cost,
 * the deviation between them, status, submitter, the chef's comment on the forecast and the controller's comment. A long list comes grouped by
 * avdelning (or the level where it parts), each group with its sums and an expand button, and in pages.
 */
const ALLA_OPPNA = () => true;

export function Prognostabell({ rader, caption, visaBudget, onLamna, granska, arOppet = ALLA_OPPNA, ateroppning, onMeddelande }: Props) {
  const medAtgard = onLamna !== undefined || granska !== undefined || ateroppning !== undefined;
  // A decided forecast loses its buttons; its row's heading, found by its id, keeps the reader's place.
  const tabellId = useId();
  const allaKolumner = useMemo(
    () =>
      kolumner(
        visaBudget,
        medAtgard
          ? {
              onLamna,
              granska,
              arOppet,
              ateroppning,
              onMeddelande,
              fokusera: (kod) => document.getElementById(radrubrikId(tabellId, kod))?.focus(),
            }
          : undefined,
      ),
    [visaBudget, medAtgard, onLamna, granska, arOppet, ateroppning, onMeddelande, tabellId],
  );

  return (
    <Table
      data={rader}
      columns={allaKolumner}
      caption={caption}
      radId={(rad) => rad.kod}
      underrader={(rad) => (rad.typ === 'grupp' ? rad.underrader : undefined)}
      radAttribut={(rad) =>
        rad.typ === 'grupp' ? { 'data-grupp': rad.kod } : { 'data-ansvar': rad.kod, 'data-status': rad.rad.prognos?.status ?? 'saknas' }
      }
      radrubrikId={(rad) => radrubrikId(tabellId, rad.kod)}
      radPerSida={PER_SIDA}
      testId="prognostabell"
    />
  );
}
