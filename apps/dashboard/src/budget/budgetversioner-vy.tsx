import type { VersionsjamforelseDto } from '@tertial/contracts/dto';
import { useMemo } from 'react';

import { Felmeddelande, Laddar, Tomt } from '../sida/meddelanden.js';
import { Belopp } from '../table/belopp.js';
import { kolumnhjalp, Table } from '../table/table.js';
import { saknasSomUndefined } from '../table/table-regler.js';
import { budgetversionstabell, type Budgetversionsrad, type Budgetversionstabell } from './budgetversioner.js';
import { useBudgetversioner } from './use-budget.js';

const VERSIONSTYP: Record<VersionsjamforelseDto['kolumner'][number]['typ'], string> = {
  'kf-beslut': 'KF-beslut',
  tillaggsbudget: 'Tilläggsbudget',
  internbudget: 'Internbudget',
};

const kolumn = kolumnhjalp<Budgetversionsrad>();
const TAL = { tal: true } as const;

function kolumner(tabell: Budgetversionstabell, namn: (kod: string | null) => string, valdNamnd: string | undefined) {
  return kolumn.columns([
    kolumn.accessor((rad) => namn(rad.namnd), {
      id: 'namnd',
      header: 'Nämnd',
      cell: ({ row, getValue }) => (
        <>
          {getValue()}
          {row.original.namnd !== null && row.original.namnd === valdNamnd ? <span className="visuellt-dold"> (vald nämnd)</span> : null}
        </>
      ),
      footer: 'Summa',
    }),
    ...tabell.ramkolumner.map((version, index) =>
      kolumn.accessor((rad) => saknasSomUndefined(rad.ramar[index]), {
        id: `version-${version.id}`,
        header: () => (
          <span data-version={version.id}>
            {version.namn}
            <span className="tabell__underrubrik">
              {VERSIONSTYP[version.typ]}, <time dateTime={version.beslutad}>{version.beslutad}</time> <span className="enhet">(mnkr)</span>
            </span>
          </span>
        ),
        cell: ({ row }) => <Belopp ore={row.original.ramar[index]} saknas="inget belopp" />,
        footer: () => <Belopp ore={tabell.summa.ramar[index]} saknas="inget belopp" />,
        meta: TAL,
      }),
    ),
    kolumn.accessor('gallandeRamOre', {
      header: () => (
        <>
          Gällande ram <span className="enhet">(mnkr)</span>
        </>
      ),
      cell: ({ getValue }) => <Belopp ore={getValue()} />,
      footer: () => <Belopp ore={tabell.summa.gallandeRamOre} />,
      meta: { tal: true, klass: 'tal--stark' },
    }),
    kolumn.accessor((rad) => saknasSomUndefined(rad.internbudget?.nettoOre), {
      id: 'internbudget',
      header: () => (
        <>
          Internbudget <span className="enhet">(mnkr)</span>
          <span className="tabell__underrubrik">nämndens senaste, netto</span>
        </>
      ),
      cell: ({ row }) => {
        const internbudget = row.original.internbudget;
        if (!internbudget) return <Belopp ore={null} saknas="ingen internbudget beslutad" />;
        return (
          <>
            <Belopp ore={internbudget.nettoOre} />
            <span className="tabell__underrubrik">
              {internbudget.namn}, <time dateTime={internbudget.beslutad}>{internbudget.beslutad}</time>
            </span>
          </>
        );
      },
      footer: () => <Belopp ore={tabell.summa.internbudgetOre} saknas="ingen internbudget beslutad" />,
      meta: TAL,
    }),
    kolumn.accessor((rad) => saknasSomUndefined(rad.ejFordelatOre), {
      id: 'ej-fordelat',
      header: () => (
        <>
          Ej fördelat <span className="enhet">(mnkr)</span>
        </>
      ),
      cell: ({ row }) => <Belopp ore={row.original.ejFordelatOre} saknas="ingen internbudget beslutad" />,
      footer: () => <Belopp ore={tabell.summa.ejFordelatOre} saknas="ingen internbudget beslutad" />,
      meta: TAL,
    }),
  ]);
}

interface TabellProps {
  jamforelse: VersionsjamforelseDto;
  namnPaKod: ReadonlyMap<string, string>;
  valdNamnd: string | undefined;
}

function BudgetversionerTabell({ jamforelse, namnPaKod, valdNamnd }: TabellProps) {
  const tabell = useMemo(() => budgetversionstabell(jamforelse), [jamforelse]);
  const allaKolumner = useMemo(
    () => kolumner(tabell, (kod) => (kod === null ? 'Ej knutet till en nämnd' : (namnPaKod.get(kod) ?? kod)), valdNamnd),
    [tabell, namnPaKod, valdNamnd],
  );
  const rader = useMemo(() => [...tabell.rader], [tabell]);

  return (
    <Table
      data={rader}
      columns={allaKolumner}
      caption={`Budgetversioner ${jamforelse.ar} per nämnd`}
      radId={(rad) => rad.namnd ?? '–'}
      radAttribut={(rad) => ({
        'data-namnd': rad.namnd ?? '',
        className: rad.namnd !== null && rad.namnd === valdNamnd ? 'rad--vald' : undefined,
      })}
      fotAttribut={{ 'data-summa': 'stad' }}
      testId="budgetversioner-tabell"
    />
  );
}

/** Every decided budget version of the year per nämnd: KF's frames, tilläggsbudgetar, and each nämnd's internbudget. */
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
