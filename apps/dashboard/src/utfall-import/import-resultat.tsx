import type { UtfallImportResultat } from '@tertial/contracts/dto';
import { useMemo } from 'react';

import { formatAntal } from '../format/antal.js';
import { Belopp } from '../table/belopp.js';
import { kolumnhjalp, Table } from '../table/table.js';
import { kontogruppnamn, manadText, summaOre, type Importsvar } from './utfall-import.js';

/** A file with thousands of errors is read a page at a time. */
const RADER_PER_SIDA = 100;
const TAL = { tal: true } as const;

const STATUSNAMN: Record<UtfallImportResultat['status'], string> = {
  provkord: 'Provkörd – inget sparat',
  importerad: 'Importerad',
  avvisad: 'Avvisad – inget sparat',
};

const LEDGER_TECKEN = 'med bokföringens tecken: intäkter negativa, kostnader positiva';

function Filfakta({ resultat }: { resultat: UtfallImportResultat }) {
  const poster: [string, number][] = [
    ['#VER', resultat.poster.ver],
    ['#TRANS', resultat.poster.trans],
    ['#PSALDO', resultat.poster.psaldo],
    ['#PBUDGET', resultat.poster.pbudget],
    ['#RES', resultat.poster.res],
  ];
  return (
    <dl className="fakta" data-testid="import-fakta">
      <div>
        <dt>Format</dt>
        <dd>{resultat.format === 'SIE4' ? 'SIE 4' : resultat.format}</dd>
      </div>
      <div>
        <dt>Teckenkodning</dt>
        <dd>{resultat.kodning}</dd>
      </div>
      <div>
        <dt>Räkenskapsår</dt>
        <dd>{resultat.rakenskapsar ? `${resultat.rakenskapsar.start} – ${resultat.rakenskapsar.slut}` : 'Anges inte i filen'}</dd>
      </div>
      <div>
        <dt>Rader i filen</dt>
        <dd>{formatAntal(resultat.rader)}</dd>
      </div>
      {poster
        .filter(([namn, antal]) => antal > 0 || namn === '#VER' || namn === '#TRANS')
        .map(([namn, antal]) => (
          <div key={namn}>
            <dt>Antal {namn}</dt>
            <dd>{formatAntal(antal)}</dd>
          </div>
        ))}
      <div>
        <dt>Ansvar</dt>
        <dd>{formatAntal(resultat.antalAnsvar)}</dd>
      </div>
      <div>
        <dt>Utfallsrader</dt>
        <dd>{formatAntal(resultat.antalUtfallsrader)}</dd>
      </div>
      {resultat.importId ? (
        <div>
          <dt>Import-id</dt>
          <dd>
            <code>{resultat.importId}</code>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

function Radmeddelanden({ rubrik, rader, testId }: { rubrik: string; rader: UtfallImportResultat['fel']; testId: string }) {
  const kolumner = useMemo(() => meddelandekolumner(rubrik === 'Fel' ? 'Fel' : 'Varning'), [rubrik]);
  const data = useMemo(() => [...rader], [rader]);
  return (
    <Table
      data={data}
      columns={kolumner}
      caption={`${rubrik} (${formatAntal(rader.length)})`}
      radId={(_, index) => String(index)}
      radPerSida={RADER_PER_SIDA}
      testId={testId}
    />
  );
}

type Radmeddelande = UtfallImportResultat['fel'][number];
const meddelande = kolumnhjalp<Radmeddelande>();

function meddelandekolumner(slag: string) {
  return meddelande.columns([
    meddelande.accessor('rad', {
      header: 'Rad',
      cell: ({ getValue }) => (getValue() > 0 ? formatAntal(getValue()) : '–'),
      meta: TAL,
    }),
    meddelande.accessor('post', { header: 'Post', cell: ({ getValue }) => <code>{getValue()}</code> }),
    meddelande.accessor('meddelande', { header: slag }),
  ]);
}

type Manadsrad = UtfallImportResultat['totalerPerManad'][number];
const manad = kolumnhjalp<Manadsrad>();

function manadskolumner(summa: number) {
  return manad.columns([
    manad.accessor((rad) => rad.ar * 100 + rad.manad, {
      id: 'manad',
      header: 'Månad',
      cell: ({ row }) => manadText(row.original.ar, row.original.manad),
      footer: 'Summa',
    }),
    manad.accessor('beloppOre', {
      id: 'mnkr',
      header: () => (
        <>
          Belopp <span className="enhet">(mnkr)</span>
        </>
      ),
      cell: ({ getValue }) => <Belopp ore={getValue()} />,
      footer: () => <Belopp ore={summa} />,
      meta: TAL,
    }),
    manad.accessor('beloppOre', {
      id: 'kr',
      header: () => (
        <>
          Belopp <span className="enhet">(kr)</span>
        </>
      ),
      cell: ({ getValue }) => <Belopp ore={getValue()} enhet="kr" decimaler={2} />,
      footer: () => <Belopp ore={summa} enhet="kr" decimaler={2} />,
      meta: TAL,
    }),
  ]);
}

function PerManad({ resultat }: { resultat: UtfallImportResultat }) {
  const rader = useMemo(() => [...resultat.totalerPerManad].sort((a, b) => a.ar - b.ar || a.manad - b.manad), [resultat]);
  const kolumner = useMemo(() => manadskolumner(summaOre(rader)), [rader]);
  return (
    <Table
      data={rader}
      columns={kolumner}
      caption={
        <>
          Utfall per månad<span className="caption__not">Netto {LEDGER_TECKEN}.</span>
        </>
      }
      radId={(rad) => `${rad.ar}-${rad.manad}`}
      testId="import-per-manad"
    />
  );
}

type Kontorad = UtfallImportResultat['totalerPerKonto'][number];
const konto = kolumnhjalp<Kontorad>();

function kontokolumner(summa: number) {
  return konto.columns([
    konto.accessor('konto', { header: 'Konto', footer: 'Summa', meta: TAL }),
    konto.accessor((rad) => rad.namn ?? undefined, {
      id: 'namn',
      header: 'Namn',
      cell: ({ row }) => row.original.namn ?? <span className="svag">Namn saknas</span>,
    }),
    konto.accessor((rad) => (rad.kontogrupp ? kontogruppnamn(rad.kontogrupp) : undefined), {
      id: 'kontogrupp',
      header: 'Kontogrupp',
      cell: ({ getValue }) => getValue() ?? <span className="svag">Ingen kontogrupp</span>,
    }),
    konto.accessor('beloppOre', {
      header: () => (
        <>
          Belopp <span className="enhet">(kr)</span>
        </>
      ),
      cell: ({ getValue }) => <Belopp ore={getValue()} enhet="kr" decimaler={2} />,
      footer: () => <Belopp ore={summa} enhet="kr" decimaler={2} />,
      meta: TAL,
    }),
  ]);
}

function PerKonto({ resultat }: { resultat: UtfallImportResultat }) {
  const rader = useMemo(() => [...resultat.totalerPerKonto].sort((a, b) => a.konto - b.konto), [resultat]);
  const kolumner = useMemo(() => kontokolumner(summaOre(rader)), [rader]);
  return (
    <Table
      data={rader}
      columns={kolumner}
      caption={
        <>
          Utfall per konto<span className="caption__not">Belopp {LEDGER_TECKEN}.</span>
        </>
      }
      radId={(rad) => String(rad.konto)}
      radAttribut={(rad) => ({ 'data-konto': String(rad.konto) })}
      testId="import-per-konto"
    />
  );
}

/** What the import read from the file and what it found: facts, errors and warnings, and totals to check against the ledger. */
export function ImportResultat({ svar }: { svar: Importsvar }) {
  const { resultat, problem } = svar;
  return (
    <section aria-labelledby="import-resultat-rubrik" data-testid="import-resultat" data-status={resultat.status}>
      <h2 id="import-resultat-rubrik">
        Resultat för {resultat.filnamn}
        <span className={`etikett etikett--${resultat.status}`}>{STATUSNAMN[resultat.status]}</span>
      </h2>
      {/* The status region above has already said how it went; this is the server's own wording, to read at leisure. */}
      {problem ? (
        <div className="meddelande meddelande--fel">
          <h3>{problem.titel}</h3>
          {problem.detalj ? <p>{problem.detalj}</p> : null}
        </div>
      ) : null}
      <Filfakta resultat={resultat} />
      {resultat.fel.length > 0 ? <Radmeddelanden rubrik="Fel" rader={resultat.fel} testId="import-fel" /> : null}
      {resultat.varningar.length > 0 ? <Radmeddelanden rubrik="Varningar" rader={resultat.varningar} testId="import-varningar" /> : null}
      {resultat.totalerPerManad.length > 0 ? <PerManad resultat={resultat} /> : null}
      {resultat.totalerPerKonto.length > 0 ? <PerKonto resultat={resultat} /> : null}
      {resultat.totalerPerManad.length === 0 && resultat.totalerPerKonto.length === 0 ? (
        <p className="svag">Filen innehöll inga belopp att summera.</p>
      ) : null}
    </section>
  );
}
