import type { RapportDto } from '@tertial/contracts/dto';
import { useId, useMemo, useRef, useState } from 'react';

import { useInloggning } from '../inloggning/use-inloggning.js';
import { BekraftadAtgard } from '../sida/bekraftad-atgard.js';
import { Felmeddelande, Laddar, Tomt } from '../sida/meddelanden.js';
import { Sidrubrik } from '../sida/sidrubrik.js';
import { kolumnhjalp, Table, type Kolumn } from '../table/table.js';
import { Rapportdokument } from './dokument/rapportdokument-vy.js';
import { NyttRapportutkast } from './nytt-rapportutkast.js';
import { RapportInnehall } from './rapport-innehall.js';
import { kanHanteraRapporter, rapportdatum, rapportperiod, rapportstatus, sorteraRapporter } from './rapporter.js';
import { useFaststallRapport, useRapporter } from './use-rapporter.js';

interface ListaProps {
  rapporter: readonly RapportDto[];
  valdId: string | undefined;
  onValj: (id: string) => void;
}

const kolumn = kolumnhjalp<RapportDto>();

function kolumner(valdId: string | undefined, onValj: (id: string) => void): Kolumn<RapportDto>[] {
  return [
    kolumn.accessor('titel', {
      header: 'Titel',
      cell: ({ row }) => (
        <button type="button" className="knapp--lank" aria-pressed={row.original.id === valdId} onClick={() => onValj(row.original.id)}>
          {row.original.titel}
        </button>
      ),
    }),
    kolumn.accessor((rapport) => rapportperiod(rapport), { id: 'period', header: 'Period', enableSorting: false }),
    kolumn.accessor((rapport) => rapportstatus(rapport.status), { id: 'status', header: 'Status' }),
    kolumn.accessor((rapport) => rapportdatum(rapport), { id: 'datum', header: 'Datum' }),
  ];
}

function Rapportlista({ rapporter, valdId, onValj }: ListaProps) {
  const allaKolumner = useMemo(() => kolumner(valdId, onValj), [valdId, onValj]);
  const rader = useMemo(() => [...rapporter], [rapporter]);
  return (
    <Table
      data={rader}
      columns={allaKolumner}
      caption="Rapporter till kommunfullmäktige"
      radId={(rapport) => rapport.id}
      radAttribut={(rapport) => ({ 'data-rapport': rapport.id, 'data-status': rapport.status })}
      testId="rapportlista"
    />
  );
}

interface FaststallProps {
  rapport: RapportDto;
  /** Held by the report's view, which stays when this is gone: the list is fetched again before the mutation settles. */
  faststall: ReturnType<typeof useFaststallRapport>;
  onMeddelande: (text: string) => void;
  /** After the report is fixed, when these buttons are gone and focus must go somewhere. */
  onFaststalld: () => void;
}

/** Fixing a report cannot be undone, so it takes a second, explicit yes. */
function Faststall({ rapport, faststall, onMeddelande, onFaststalld }: FaststallProps) {
  return (
    <BekraftadAtgard
      testId="faststall"
      knapptext="Fastställ"
      fraga={<>En fastställd rapport kan inte ändras och blir synlig för kommunfullmäktige. Vill du fastställa ”{rapport.titel}”?</>}
      jaText="Ja, fastställ"
      upptagen={faststall.isPending}
      onJa={(tillbaka) => {
        onMeddelande(`Fastställer ”${rapport.titel}”…`);
        faststall.mutate(rapport.id, {
          onSuccess: (faststalld) => {
            onMeddelande(`Rapporten ”${faststalld.titel}” är fastställd och kan nu läsas av kommunfullmäktige.`);
            onFaststalld();
          },
          onError: (orsak) => {
            onMeddelande(`Rapporten kunde inte fastställas. ${orsak.message}`);
            tillbaka();
          },
        });
      }}
    />
  );
}

function Rapportvy({
  rapport,
  kanHantera,
  onMeddelande,
}: {
  rapport: RapportDto;
  kanHantera: boolean;
  onMeddelande: (text: string) => void;
}) {
  const rubrikId = useId();
  const rubrik = useRef<HTMLHeadingElement>(null);
  const faststall = useFaststallRapport();
  return (
    <section aria-labelledby={rubrikId} data-testid="vald-rapport" data-status={rapport.status}>
      <h2 id={rubrikId} ref={rubrik} tabIndex={-1}>
        {rapport.titel}
      </h2>
      <p>
        {rapportperiod(rapport)}. {rapportstatus(rapport.status)} {rapportdatum(rapport)}.
      </p>
      {kanHantera && rapport.status === 'utkast' ? (
        <Faststall
          key={rapport.id}
          rapport={rapport}
          faststall={faststall}
          onMeddelande={onMeddelande}
          onFaststalld={() => rubrik.current?.focus()}
        />
      ) : null}
      <RapportInnehall rapport={rapport} />
    </section>
  );
}

/**
 * The reports to kommunfullmäktige: a council member reads the fixed ones; the ekonomidirektör also sees the
 * drafts, drafts new ones from the current forecast totals and fixes them.
 */
export function RapporterSida() {
  const { anvandare } = useInloggning();
  const kanHantera = kanHanteraRapporter(anvandare?.roller ?? []);
  const rapporter = useRapporter();
  const [valdId, setValdId] = useState<string>();
  const [meddelande, setMeddelande] = useState('');
  const sorterade = useMemo(() => sorteraRapporter(rapporter.data ?? []), [rapporter.data]);
  const vald = sorterade.find((rapport) => rapport.id === valdId);

  let lista;
  if (rapporter.isPending) lista = <Laddar>Hämtar rapporterna…</Laddar>;
  else if (rapporter.isError)
    lista = (
      <Felmeddelande rubrik="Det gick inte att hämta rapporterna" fel={rapporter.error} onForsokIgen={() => void rapporter.refetch()} />
    );
  else if (sorterade.length === 0)
    lista = kanHantera ? (
      <Tomt rubrik="Det finns inga rapporter ännu." testId="inga-rapporter">
        Skapa ett rapportutkast av prognosens aktuella totaler med formuläret ovan.
      </Tomt>
    ) : (
      <Tomt rubrik="Det finns inga fastställda rapporter ännu." testId="inga-rapporter">
        Här visas delårsrapporter och årsredovisningen när de har fastställts.
      </Tomt>
    );
  else
    lista = (
      <>
        <Rapportlista rapporter={sorterade} valdId={vald?.id} onValj={setValdId} />
        {vald ? (
          <Rapportvy rapport={vald} kanHantera={kanHantera} onMeddelande={setMeddelande} />
        ) : (
          <p>Välj en rapport i listan för att se dess innehåll.</p>
        )}
      </>
    );

  return (
    <>
      <Sidrubrik titel="Rapporter" />
      <p className={meddelande ? 'meddelande meddelande--kvittens' : undefined} role="status" data-testid="rapport-status">
        {meddelande}
      </p>
      <Rapportdokument kanHantera={kanHantera} />
      <h2>Prognosöversikter</h2>
      {kanHantera ? <NyttRapportutkast onMeddelande={setMeddelande} onSkapad={(rapport) => setValdId(rapport.id)} /> : null}
      {lista}
    </>
  );
}
