import type { ResursfordelningDto, ResursfordelningsstegDto, UnderlagsradDto } from '@tertial/contracts/dto';
import { useMemo } from 'react';

import { formatAntal } from '../format/antal.js';
import { formatBeloppUtanEnhet, formatForandring, formatKr } from '@tertial/diagram/belopp';
import { kolumnhjalp, Table } from '../table/table.js';

type Demografirad = Extract<UnderlagsradDto, { typ: 'demografi' }>;
type Upprakningsrad = Extract<UnderlagsradDto, { typ: 'upprakning' }>;

function Tkr({ ore }: { ore: number }) {
  return <td className="tal">{formatForandring(ore, 'tkr', 0)}</td>;
}

function DemografiTabell({ rader, rubrik }: { rader: Demografirad[]; rubrik: string }) {
  return (
    <table className="tabell tabell--inre">
      <caption>{rubrik}</caption>
      <thead>
        <tr>
          <th scope="col">Verksamhetsområde</th>
          <th scope="col">Åldersband</th>
          <th scope="col" className="tal">
            Invånare i år
          </th>
          <th scope="col" className="tal">
            Invånare enligt prognos
          </th>
          <th scope="col" className="tal">
            Förändring
          </th>
          <th scope="col" className="tal">
            Pris per invånare
          </th>
          <th scope="col" className="tal">
            Belopp <span className="enhet">(tkr)</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rader.map((rad) => (
          <tr key={`${rad.verksamhetsomrade}|${rad.aldersband}`}>
            <th scope="row">{rad.verksamhetsomrade}</th>
            <td>{rad.aldersband}</td>
            <td className="tal">{formatAntal(rad.invanareIAr)}</td>
            <td className="tal">{formatAntal(rad.invanarePrognos)}</td>
            <td className="tal">
              {rad.forandringInvanare > 0 ? `+${formatAntal(rad.forandringInvanare)}` : formatAntal(rad.forandringInvanare)}
            </td>
            <td className="tal">{formatKr(rad.prisPerInvanareOre)}</td>
            <Tkr ore={rad.beloppOre} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function UpprakningTabell({ rader, rubrik }: { rader: Upprakningsrad[]; rubrik: string }) {
  return (
    <table className="tabell tabell--inre">
      <caption>{rubrik}</caption>
      <thead>
        <tr>
          <th scope="col">Index</th>
          <th scope="col" className="tal">
            Procentsats
          </th>
          <th scope="col" className="tal">
            Beräkningsunderlag <span className="enhet">(tkr)</span>
          </th>
          <th scope="col" className="tal">
            Belopp <span className="enhet">(tkr)</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rader.map((rad) => (
          <tr key={rad.index}>
            <th scope="row">{rad.index}</th>
            <td className="tal">{rad.procentsats.replace('.', ',').replace('-', '\u2212')}&nbsp;%</td>
            <td className="tal">{formatBeloppUtanEnhet(rad.berakningsunderlagOre, 'tkr', 0)}</td>
            <Tkr ore={rad.beloppOre} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PostTabell({ rader, rubrik }: { rader: UnderlagsradDto[]; rubrik: string }) {
  return (
    <table className="tabell tabell--inre">
      <caption>{rubrik}</caption>
      <thead>
        <tr>
          <th scope="col">Post</th>
          <th scope="col" className="tal">
            Belopp <span className="enhet">(tkr)</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rader.map((rad, index) => (
          <tr key={index}>
            <th scope="row">{rad.text}</th>
            <Tkr ore={rad.beloppOre} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The inputs of one step, in the columns their kind has; a mix falls back to text and amount. */
function Underlag({ steg }: { steg: ResursfordelningsstegDto }) {
  const rubrik = `Underlag för steg ${steg.steg}: ${steg.namn}`;
  const rader = steg.underlag;
  if (rader.every((rad): rad is Demografirad => rad.typ === 'demografi')) return <DemografiTabell rader={rader} rubrik={rubrik} />;
  if (rader.every((rad): rad is Upprakningsrad => rad.typ === 'upprakning')) return <UpprakningTabell rader={rader} rubrik={rubrik} />;
  return <PostTabell rader={rader} rubrik={rubrik} />;
}

const kolumn = kolumnhjalp<ResursfordelningsstegDto>();

const KOLUMNER = kolumn.columns([
  kolumn.accessor('steg', {
    header: 'Steg',
    cell: ({ row }) => `${row.original.steg}. ${row.original.namn}`,
  }),
  kolumn.accessor('beloppOre', {
    header: () => (
      <>
        Belopp <span className="enhet">(mnkr)</span>
      </>
    ),
    cell: ({ row }) =>
      row.original.typ === 'total'
        ? formatBeloppUtanEnhet(row.original.beloppOre, 'mnkr', 1)
        : formatForandring(row.original.beloppOre, 'mnkr', 1),
    meta: { tal: true },
  }),
  kolumn.accessor('summaOre', {
    header: () => (
      <>
        Summa efter steget <span className="enhet">(mnkr)</span>
      </>
    ),
    cell: ({ getValue }) => formatBeloppUtanEnhet(getValue(), 'mnkr', 1),
    meta: { tal: true },
  }),
  kolumn.display({
    id: 'underlag',
    header: 'Underlag',
    cell: ({ row }) =>
      row.original.underlag.length > 0 ? (
        `${formatAntal(row.original.underlag.length)} ${row.original.underlag.length === 1 ? 'rad' : 'rader'}`
      ) : (
        <span className="svag">Inget underlag</span>
      ),
  }),
]);

/**
 * The seven steps as a table, each change with its sign, in their order; a step with underlag opens it in a
 * panel beneath its row. The chart's accessible alternative.
 */
export function ResursfordelningTabell({ resursfordelning, namndnamn }: { resursfordelning: ResursfordelningDto; namndnamn: string }) {
  const steg = useMemo(() => [...resursfordelning.steg].sort((a, b) => a.steg - b.steg), [resursfordelning.steg]);
  return (
    <Table
      data={steg}
      columns={KOLUMNER}
      caption={`Resursfördelning ${resursfordelning.ar}, ${namndnamn}`}
      radId={(rad) => String(rad.steg)}
      radAttribut={(rad) => ({
        'data-steg': String(rad.steg),
        'data-typ': rad.typ,
        className: rad.typ === 'total' ? 'rad--summa' : undefined,
      })}
      detalj={(rad) => (rad.underlag.length > 0 ? <Underlag steg={rad} /> : null)}
      sorterbar={false}
      testId="resursfordelning-tabell"
    />
  );
}
