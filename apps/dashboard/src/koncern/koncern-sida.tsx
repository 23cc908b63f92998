import { KONCERNDELAR, KONCERNINTERNA_SLAG, type Koncernoversikt, type Koncernrad } from '@tertial/contracts/dto';
import type { Prognostillfalle } from '@tertial/contracts/prognos';
import { useId, useMemo, useState, type FormEvent } from 'react';

import { ApiFel } from '../api/api-fel.js';
import { formatMnkr } from '@tertial/diagram/belopp';
import { Felmeddelande, Laddar } from '../sida/meddelanden.js';
import { Sidrubrik } from '../sida/sidrubrik.js';
import { Belopp } from '../table/belopp.js';
import { kolumnhjalp, Table } from '../table/table.js';
import { aktuelltTillfalle, delnamn, slagnamn, tkrTillKronor } from './koncern.js';
import { useImporteraInterna, useInterna, useKoncern, useSparaInternt } from './use-koncern.js';

const rad = kolumnhjalp<Koncernrad>();
const sidvidKolumner = [
  rad.accessor('namn', { header: 'Nämnd eller bolag' }),
  rad.accessor((r) => (r.matt === 'resultat' ? 'Resultat efter finansiella poster' : 'Nettokostnad'), { id: 'matt', header: 'Mått' }),
  rad.accessor('budgetOre', { header: 'Budget, mnkr', meta: { tal: true }, cell: ({ getValue }) => <Belopp ore={getValue()} /> }),
  rad.accessor('utfallOre', { header: 'Utfall hittills, mnkr', meta: { tal: true }, cell: ({ getValue }) => <Belopp ore={getValue()} /> }),
  rad.accessor('prognosOre', { header: 'Prognos, mnkr', meta: { tal: true }, cell: ({ getValue }) => <Belopp ore={getValue()} /> }),
  rad.accessor('avvikelseOre', {
    header: 'Avvikelse, mnkr',
    meta: { tal: true },
    cell: ({ getValue }) => <Belopp ore={getValue()} avvikelse />,
  }),
];

const bolagsrad = kolumnhjalp<Koncernrad>();
const bolagsKolumner = [
  bolagsrad.accessor('namn', { header: 'Bolag' }),
  bolagsrad.accessor((r) => r.bolag?.prognos?.intakterOre ?? null, {
    id: 'intakter',
    header: 'Intäkter, mnkr',
    meta: { tal: true },
    cell: ({ getValue }) => <Belopp ore={getValue()} />,
  }),
  bolagsrad.accessor((r) => r.bolag?.prognos?.kostnaderOre ?? null, {
    id: 'kostnader',
    header: 'Kostnader, mnkr',
    meta: { tal: true },
    cell: ({ getValue }) => <Belopp ore={getValue()} />,
  }),
  bolagsrad.accessor((r) => r.bolag?.prognos?.investeringarOre ?? null, {
    id: 'investeringar',
    header: 'Investeringar, mnkr',
    meta: { tal: true },
    cell: ({ getValue }) => <Belopp ore={getValue()} />,
  }),
  bolagsrad.accessor((r) => r.bolag?.kommentar ?? '', { id: 'kommentar', header: 'Ekonomichefens kommentar', enableSorting: false }),
];

type Sammanstalld = Koncernoversikt['sammanstallning']['rader'][number];
const srad = kolumnhjalp<Sammanstalld>();
const sammanstalldaKolumner = [
  srad.accessor('namn', { header: 'Post' }),
  ...KONCERNDELAR.map((del) =>
    srad.accessor((r) => r.delar.find((d) => d.del === del)?.beloppOre ?? null, {
      id: del,
      header: `${delnamn(del)}, mnkr`,
      meta: { tal: true },
      cell: ({ getValue }) => <Belopp ore={getValue()} />,
    }),
  ),
  srad.accessor('fore', {
    header: 'Summa före eliminering, mnkr',
    meta: { tal: true },
    cell: ({ getValue }) => <Belopp ore={getValue()} />,
  }),
  srad.accessor('eliminering', { header: 'Eliminering, mnkr', meta: { tal: true }, cell: ({ getValue }) => <Belopp ore={getValue()} /> }),
  srad.accessor('sammanstallt', {
    header: 'Sammanställt, mnkr',
    meta: { tal: true, klass: 'tal--stark' },
    cell: ({ getValue }) => <Belopp ore={getValue()} />,
  }),
];

type Eliminering = Koncernoversikt['sammanstallning']['elimineringar'][number];
const erad = kolumnhjalp<Eliminering>();
const elimineringsKolumner = [
  erad.accessor((e) => slagnamn(e.slag), { id: 'slag', header: 'Slag' }),
  erad.accessor((e) => delnamn(e.saljare), { id: 'saljare', header: 'Säljare (intäkt)' }),
  erad.accessor((e) => delnamn(e.kopare), { id: 'kopare', header: 'Köpare (kostnad)' }),
  erad.accessor('beloppOre', { header: 'Belopp, mnkr', meta: { tal: true }, cell: ({ getValue }) => <Belopp ore={getValue()} /> }),
  erad.accessor(
    (e) =>
      e.paverkan.length === 0
        ? 'Under resultat efter finansiella poster (bokslutsdisposition); tar ut varandra'
        : e.paverkan.map((p) => `${delnamn(p.del)}: ${formatMnkr(p.beloppOre)}`).join('; '),
    { id: 'paverkan', header: 'Tas bort ur', enableSorting: false },
  ),
];

/** The ekonomidirektör's view of the kommunkoncern: the companies beside the nämnder, and the sammanställda räkenskaper. */
export function KoncernSida() {
  const id = useId();
  const idag = new Date().getFullYear();
  const [ar, setAr] = useState(idag);
  const [tillfalle, setTillfalle] = useState<Prognostillfalle>(aktuelltTillfalle());
  const oversikt = useKoncern(ar, tillfalle);
  const sidvid = useMemo(() => (oversikt.data ? [...oversikt.data.bolag, ...oversikt.data.namnder] : []), [oversikt.data]);
  const bolag = useMemo(() => (oversikt.data ? [...oversikt.data.bolag] : []), [oversikt.data]);
  const sammanstallda = useMemo(() => (oversikt.data ? [...oversikt.data.sammanstallning.rader] : []), [oversikt.data]);
  const elimineringar = useMemo(() => (oversikt.data ? [...oversikt.data.sammanstallning.elimineringar] : []), [oversikt.data]);

  return (
    <>
      <Sidrubrik titel="Koncernen" rubrik={`Kommunkoncernen, prognos ${tillfalle} ${ar}`} />
      <div className="urval" data-testid="koncern-urval">
        <div className="falt">
          <label htmlFor={`${id}-ar`}>År</label>
          <select id={`${id}-ar`} value={ar} onChange={(event) => setAr(Number(event.target.value))}>
            {[idag - 1, idag, idag + 1].map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="falt">
          <label htmlFor={`${id}-tillfalle`}>Prognos</label>
          <select id={`${id}-tillfalle`} value={tillfalle} onChange={(event) => setTillfalle(event.target.value as Prognostillfalle)}>
            <option value="april">april</option>
            <option value="augusti">augusti</option>
          </select>
        </div>
      </div>
      {oversikt.isPending ? (
        <Laddar>Hämtar koncernen…</Laddar>
      ) : oversikt.isError ? (
        <Felmeddelande rubrik="Koncernen kunde inte visas" fel={oversikt.error} onForsokIgen={() => void oversikt.refetch()} />
      ) : (
        <>
          <section aria-labelledby={`${id}-sidvid`}>
            <h2 id={`${id}-sidvid`}>Nämnderna och bolagen</h2>
            <p className="ingress" id={`${id}-sidvid-text`}>
              Bolagen följs upp på resultat efter finansiella poster (avvikelse = prognos − budget), nämnderna på nettokostnad (avvikelse =
              budget − prognos). Positiv avvikelse är bättre än budget.
            </p>
            <Table
              data={sidvid}
              columns={sidvidKolumner}
              caption="Budget, utfall, prognos och avvikelse per bolag och nämnd"
              radId={(r) => r.kod}
              radAttribut={(r) => ({ 'data-kod': r.kod, 'data-typ': r.typ })}
              beskrivningId={`${id}-sidvid-text`}
              testId="koncern-sidvid"
              klass="tabell--bred"
            />
          </section>
          <section aria-labelledby={`${id}-bolag`}>
            <h2 id={`${id}-bolag`}>Bolagens prognoser</h2>
            <Table
              data={bolag}
              columns={bolagsKolumner}
              caption="Bolagens helårsprognos med ekonomichefens kommentar"
              radId={(r) => r.kod}
              testId="koncern-bolag"
            />
          </section>
          <section aria-labelledby={`${id}-sammanstallda`}>
            <h2 id={`${id}-sammanstallda`}>Sammanställda räkenskaper</h2>
            <p className="ingress" id={`${id}-sammanstallda-text`} data-testid="kommunens-kalla">
              {oversikt.data.sammanstallning.kommunensKalla}
              {oversikt.data.sammanstallning.saknas.length > 0
                ? ` Prognos saknas för ${oversikt.data.sammanstallning.saknas.join(', ')} (räknas som noll).`
                : ''}
            </p>
            {oversikt.data.sammanstallning.varningar.map((varning) => (
              <p key={varning} className="varning" role="note">
                {varning}
              </p>
            ))}
            <Table
              data={sammanstallda}
              columns={sammanstalldaKolumner}
              caption="Resultaträkning för kommunkoncernen, prognos"
              radId={(r) => r.rad}
              radAttribut={(r) => ({ 'data-rad': r.rad })}
              sorterbar={false}
              beskrivningId={`${id}-sammanstallda-text`}
              testId="sammanstallda"
              klass="tabell--bred"
            />
            <h3>Elimineringar</h3>
            <Table
              data={elimineringar}
              columns={elimineringsKolumner}
              caption="Koncerninterna köp och försäljningar som tas bort"
              radId={(e) => `${e.saljare}-${e.kopare}-${e.slag}`}
              testId="elimineringar"
            />
          </section>
          <Interna ar={ar} />
        </>
      )}
    </>
  );
}

/** The year's intra-group amounts: one entered by hand, or a CSV file tried first and then imported. */
function Interna({ ar }: { ar: number }) {
  const id = useId();
  const interna = useInterna(ar);
  const spara = useSparaInternt();
  const importera = useImporteraInterna();
  const [formular, setFormular] = useState({ saljare: 'HBGHEM', kopare: 'KOMMUN', slag: 'hyra', belopp: '' });
  const [fel, setFel] = useState<Record<string, string>>({});
  const [meddelande, setMeddelande] = useState('');
  const [fil, setFil] = useState<{ namn: string; text: string } | null>(null);

  function skicka(event: FormEvent) {
    event.preventDefault();
    const belopp = tkrTillKronor(formular.belopp);
    if (belopp === undefined) {
      setFel({ belopp: 'Ange beloppet i tkr, till exempel 142 500' });
      return;
    }
    setFel({});
    setMeddelande('Sparar…');
    spara.mutate(
      { ar, ...formular, belopp },
      {
        onSuccess: (post) => {
          setMeddelande(
            `Sparat: ${slagnamn(post.slag)} från ${delnamn(post.saljare)} till ${delnamn(post.kopare)}, ${formatMnkr(post.beloppOre)}.`,
          );
          setFormular((f) => ({ ...f, belopp: '' }));
        },
        onError: (orsak) => {
          if (orsak instanceof ApiFel) setFel(Object.fromEntries(orsak.faltfel.map((f) => [f.field, f.message])));
          setMeddelande(`Beloppet sparades inte. ${orsak.message}`);
        },
      },
    );
  }

  function importeraFil(dryRun: boolean) {
    if (!fil) {
      setMeddelande('Välj en fil först.');
      return;
    }
    setMeddelande(dryRun ? 'Provar filen…' : 'Importerar…');
    importera.mutate(
      { text: fil.text, dryRun },
      {
        onSuccess: (resultat) =>
          setMeddelande(
            `${dryRun ? 'Provkörning' : 'Importerat'}: ${resultat.antalRader} belopp för ${resultat.ar.join(', ')}, sammanlagt ${formatMnkr(resultat.summaOre)}; ` +
              `${resultat.ersatta} tidigare belopp ${dryRun ? 'skulle ersättas' : 'ersattes'}.`,
          ),
        onError: (orsak) =>
          setMeddelande(
            `Filen importerades inte. ${orsak.message}${orsak instanceof ApiFel ? ' ' + orsak.faltfel.map((f) => `${f.field}: ${f.message}`).join('; ') : ''}`,
          ),
      },
    );
  }

  const delar = KONCERNDELAR.map((del) => (
    <option key={del} value={del}>
      {delnamn(del)}
    </option>
  ));
  const falt = (namn: 'saljare' | 'kopare' | 'slag', etikett: string, alternativ: React.ReactNode) => (
    <div className="falt">
      <label htmlFor={`${id}-${namn}`}>{etikett}</label>
      <select
        id={`${id}-${namn}`}
        value={formular[namn]}
        onChange={(event) => setFormular((f) => ({ ...f, [namn]: event.target.value }))}
        aria-invalid={fel[namn] ? true : undefined}
        aria-describedby={fel[namn] ? `${id}-${namn}-fel` : undefined}
      >
        {alternativ}
      </select>
      {fel[namn] ? (
        <p id={`${id}-${namn}-fel`} className="falt__fel">
          {fel[namn]}
        </p>
      ) : null}
    </div>
  );

  const rader = useMemo(() => [...(interna.data ?? [])], [interna.data]);
  return (
    <section aria-labelledby={`${id}-rubrik`} data-testid="koncerninterna">
      <h2 id={`${id}-rubrik`}>Koncerninterna belopp {ar}</h2>
      <p className="ingress">
        Vad koncernens delar köper av och säljer till varandra under året. Säljaren har intäkten (hyresvärden, energibolaget, långivaren,
        den som tar emot koncernbidraget).
      </p>
      <form noValidate onSubmit={skicka}>
        <div className="urval">
          {falt('saljare', 'Säljare', delar)}
          {falt('kopare', 'Köpare', delar)}
          {falt(
            'slag',
            'Slag',
            KONCERNINTERNA_SLAG.map((slag) => (
              <option key={slag} value={slag}>
                {slagnamn(slag)}
              </option>
            )),
          )}
          <div className="falt">
            <label htmlFor={`${id}-belopp`}>Belopp, tkr</label>
            <input
              id={`${id}-belopp`}
              inputMode="decimal"
              autoComplete="off"
              size={12}
              value={formular.belopp}
              onChange={(event) => setFormular((f) => ({ ...f, belopp: event.target.value }))}
              aria-invalid={fel.belopp ? true : undefined}
              aria-describedby={fel.belopp ? `${id}-belopp-fel` : undefined}
            />
            {fel.belopp ? (
              <p id={`${id}-belopp-fel`} className="falt__fel">
                {fel.belopp}
              </p>
            ) : null}
          </div>
        </div>
        <div className="knappar">
          <button type="submit" aria-disabled={spara.isPending || undefined} data-testid="spara-internt">
            Spara belopp
          </button>
        </div>
      </form>
      <div className="urval">
        <div className="falt falt--bred">
          <label htmlFor={`${id}-fil`}>CSV-fil (ar;saljare;kopare;slag;belopp, belopp i kronor)</label>
          <input
            id={`${id}-fil`}
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => {
              const vald = event.target.files?.[0];
              if (vald) void vald.text().then((text) => setFil({ namn: vald.name, text }));
            }}
          />
        </div>
      </div>
      <div className="knappar">
        <button type="button" onClick={() => importeraFil(true)} aria-disabled={importera.isPending || undefined}>
          Provkör filen
        </button>
        <button type="button" onClick={() => importeraFil(false)} aria-disabled={importera.isPending || undefined}>
          Importera filen
        </button>
      </div>
      <p role="status" data-testid="koncerninterna-status">
        {meddelande}
      </p>
      <Table
        data={rader}
        columns={internaKolumner}
        caption={`Koncerninterna belopp ${ar}`}
        radId={(post) => post.id}
        radAttribut={(post) => ({ 'data-id': post.id })}
        testId="koncerninterna-lista"
      />
    </section>
  );
}

type Internt = NonNullable<ReturnType<typeof useInterna>['data']>[number];
const irad = kolumnhjalp<Internt>();
const internaKolumner = [
  irad.accessor((p) => slagnamn(p.slag), { id: 'slag', header: 'Slag' }),
  irad.accessor((p) => delnamn(p.saljare), { id: 'saljare', header: 'Säljare' }),
  irad.accessor((p) => delnamn(p.kopare), { id: 'kopare', header: 'Köpare' }),
  irad.accessor('beloppOre', { header: 'Belopp, mnkr', meta: { tal: true }, cell: ({ getValue }) => <Belopp ore={getValue()} /> }),
  irad.accessor('andradAv', { header: 'Ändrat av' }),
];
