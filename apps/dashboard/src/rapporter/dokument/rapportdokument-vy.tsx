import {
  EXPORTFORMAT,
  RAPPORTTYPER,
  RAPPORTTYPNAMN,
  type Rapportsektion,
  type Rapporttabell,
  type Rapporttyp,
  type RapportversionDto,
  type RapportversionMedInnehall,
} from '@tertial/contracts/dto';
import { useId, useState } from 'react';

import { formatBeloppUtanEnhet } from '@tertial/diagram/belopp';
import { BekraftadAtgard } from '../../sida/bekraftad-atgard.js';
import { Felmeddelande, Laddar } from '../../sida/meddelanden.js';
import { blockTillText, rapporterMedVersioner, textTillBlock, VERSIONSSTATUSNAMN } from './rapportdokument.js';
import {
  faststall,
  sparaText,
  skapaUtkast,
  tillGranskning,
  useDokumentAtgard,
  useExport,
  useAllaVersioner,
  useJamforelse,
  useVersion,
  useVersioner,
} from './use-rapportdokument.js';

const cell = (varde: string | number | null, typ: 'text' | 'belopp') =>
  typ === 'belopp' ? (typeof varde === 'number' ? formatBeloppUtanEnhet(varde, 'mnkr', 1) : '–') : (varde ?? '');

function Tabell({ tabell }: { tabell: Rapporttabell }) {
  const id = useId();
  // A wide table scrolls in its frame, which the keyboard can reach and a screen reader names by the caption.
  return (
    <div className="tabell-ram" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="tabell" data-testid={`dokument-tabell-${tabell.id}`}>
        <caption id={id}>
          {tabell.rubrik}
          {tabell.kolumner.some((k) => k.typ === 'belopp') ? ' (mnkr)' : ''}
        </caption>
        <thead>
          <tr>
            {tabell.kolumner.map((k) => (
              <th key={k.rubrik} scope="col" className={k.typ === 'belopp' ? 'tal' : undefined}>
                {k.rubrik}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tabell.rader.map((rad, i) => (
            <tr key={i}>
              {rad.map((varde, k) =>
                k === 0 ? (
                  <th key={k} scope="row">
                    {varde}
                  </th>
                ) : (
                  <td key={k} className={tabell.kolumner[k]?.typ === 'belopp' ? 'tal' : undefined}>
                    {cell(varde, tabell.kolumner[k]?.typ ?? 'text')}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {tabell.summa ? (
          <tfoot>
            <tr>
              {tabell.summa.map((varde, k) =>
                k === 0 ? (
                  <th key={k} scope="row">
                    {varde}
                  </th>
                ) : (
                  <td key={k} className={tabell.kolumner[k]?.typ === 'belopp' ? 'tal' : undefined}>
                    {cell(varde, tabell.kolumner[k]?.typ ?? 'text')}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

function Textredigering({ sektion, spara }: { sektion: Rapportsektion; spara: (text: string) => Promise<void> }) {
  const id = useId();
  const [text, setText] = useState(() => blockTillText(sektion.text));
  const [fel, setFel] = useState('');
  return (
    <form
      className="falt"
      onSubmit={(e) => {
        e.preventDefault();
        setFel('');
        spara(text).catch((orsak: unknown) => setFel(orsak instanceof Error ? orsak.message : String(orsak)));
      }}
    >
      <label htmlFor={id}>Text till ”{sektion.rubrik}”</label>
      <p className="falt__hjalp" id={`${id}-hjalp`}>
        Ren text: en rad som börjar med ”# ” är en rubrik, rader som börjar med ”- ” en lista, tom rad mellan stycken. Ingen HTML.
      </p>
      <textarea
        id={id}
        rows={6}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={`${id}-hjalp${fel ? ` ${id}-fel` : ''}`}
        aria-invalid={fel ? true : undefined}
        data-testid={`text-${sektion.id}`}
      />
      {fel ? (
        <p className="falt__fel" id={`${id}-fel`} role="alert">
          {fel}
        </p>
      ) : null}
      <button type="submit">Spara texten</button>
    </form>
  );
}

function Sektion({ sektion, redigera }: { sektion: Rapportsektion; redigera: ((text: string) => Promise<void>) | null }) {
  return (
    <section aria-labelledby={`sektion-${sektion.id}`} data-testid={`sektion-${sektion.id}`}>
      <h3 id={`sektion-${sektion.id}`}>{sektion.rubrik}</h3>
      {sektion.text.map((block, i) =>
        block.typ === 'rubrik' ? (
          <h4 key={i}>{block.text}</h4>
        ) : block.typ === 'stycke' ? (
          <p key={i}>{block.text}</p>
        ) : (
          <ul key={i}>
            {block.punkter.map((p, j) => (
              <li key={j}>{p}</li>
            ))}
          </ul>
        ),
      )}
      {sektion.noteringar.map((notering, i) => (
        <p key={`notering-${i}`} className="notering">
          {notering}
        </p>
      ))}
      {redigera && sektion.redigerbar ? <Textredigering key={blockTillText(sektion.text)} sektion={sektion} spara={redigera} /> : null}
      {sektion.tabeller.map((t) => (
        <Tabell key={t.id} tabell={t} />
      ))}
    </section>
  );
}

function Jamforelse({ rapport, ar, versioner }: { rapport: Rapporttyp; ar: number; versioner: RapportversionDto[] }) {
  const franId = useId();
  const tillId = useId();
  const [fran, setFran] = useState<number | undefined>(versioner.at(-2)?.version);
  const [till, setTill] = useState<number | undefined>(versioner.at(-1)?.version);
  const jamforelse = useJamforelse(rapport, ar, fran, till);
  if (versioner.length < 2) return null;
  const val = (id: string, varde: number | undefined, satt: (v: number) => void, etikett: string) => (
    <div className="falt">
      <label htmlFor={id}>{etikett}</label>
      <select id={id} value={varde} onChange={(e) => satt(Number(e.target.value))}>
        {versioner.map((v) => (
          <option key={v.version} value={v.version}>
            Version {v.version}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <section aria-labelledby="jamforelse-rubrik" data-testid="jamforelse">
      <h3 id="jamforelse-rubrik">Skillnader mellan versioner</h3>
      <div className="urval">
        {val(franId, fran, setFran, 'Från')}
        {val(tillId, till, setTill, 'Till')}
      </div>
      {jamforelse.data ? (
        jamforelse.data.skillnader.length === 0 ? (
          <p>Versionerna har samma innehåll.</p>
        ) : (
          <div className="tabell-ram" role="region" aria-labelledby={`${franId}-skillnader`} tabIndex={0}>
            <table className="tabell">
              <caption id={`${franId}-skillnader`}>
                Skillnader från version {fran} till version {till} (belopp i öre)
              </caption>
              <thead>
                <tr>
                  <th scope="col">Avsnitt</th>
                  <th scope="col">Var</th>
                  <th scope="col">Före</th>
                  <th scope="col">Efter</th>
                </tr>
              </thead>
              <tbody>
                {jamforelse.data.skillnader.map((s, i) => (
                  <tr key={i}>
                    <td>{s.sektion}</td>
                    <td>{s.var}</td>
                    <td>{s.fran ?? '–'}</td>
                    <td>{s.till ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </section>
  );
}

function Versionsvy({
  version,
  kanHantera,
  onMeddelande,
}: {
  version: RapportversionMedInnehall;
  kanHantera: boolean;
  onMeddelande: (text: string) => void;
}) {
  const { rapport, ar } = version;
  const granska = useDokumentAtgard(rapport, ar, tillGranskning(rapport, ar));
  const fasta = useDokumentAtgard(rapport, ar, faststall(rapport, ar));
  const text = useDokumentAtgard(rapport, ar, sparaText(rapport, ar));
  const fil = useExport(rapport, ar);
  const oppen = version.status !== 'faststalld';
  const redigera =
    kanHantera && oppen
      ? (sektion: string) => async (skrivet: string) => {
          await text.mutateAsync({ version: version.version, sektion, text: textTillBlock(skrivet) });
          onMeddelande('Texten är sparad.');
        }
      : null;
  return (
    <section aria-labelledby="version-rubrik" data-testid="vald-version" data-status={version.status}>
      <h2 id="version-rubrik" tabIndex={-1}>
        {version.innehall.titel}, version {version.version}
      </h2>
      <p>
        {VERSIONSSTATUSNAMN[version.status]}
        {version.faststalldAt ? ` ${version.faststalldAt.slice(0, 10)}` : ''}.
        {version.hash ? (
          <>
            {' '}
            Kontrollsumma{' '}
            <code className="kontrollsumma" data-testid="version-hash">
              {version.hash}
            </code>
            .
          </>
        ) : (
          ' Siffrorna är levande tills versionen fastställs.'
        )}
      </p>
      <div className="knappar" role="group" aria-label="Hämta som fil">
        {EXPORTFORMAT.map((format) => (
          <button key={format} type="button" onClick={() => void fil.hamta(format, version.version)} data-testid={`export-${format}`}>
            Hämta {format.toUpperCase()}
          </button>
        ))}
      </div>
      <p role="status">{fil.status}</p>
      {kanHantera && version.status === 'utkast' && rapport !== 'delarsrapport-april' ? (
        <button
          type="button"
          data-testid="till-granskning"
          onClick={() =>
            granska.mutate(version.version, { onSuccess: () => onMeddelande('Utkastet är lämnat till stadsrevisionens granskning.') })
          }
        >
          Lämna till granskning
        </button>
      ) : null}
      {kanHantera && (version.status === 'granskning' || (oppen && rapport === 'delarsrapport-april')) ? (
        <BekraftadAtgard
          testId="faststall-version"
          knapptext="Fastställ"
          fraga={<>En fastställd version ändras aldrig och blir synlig för kommunfullmäktige. Fastställa version {version.version}?</>}
          jaText="Ja, fastställ"
          upptagen={fasta.isPending}
          onJa={(tillbaka) =>
            fasta.mutate(version.version, {
              onSuccess: () => onMeddelande(`Version ${version.version} är fastställd.`),
              onError: (orsak) => {
                onMeddelande(`Versionen kunde inte fastställas. ${orsak.message}`);
                tillbaka();
              },
            })
          }
        />
      ) : null}
      {version.innehall.sektioner.map((s) => (
        <Sektion key={s.id} sektion={s} redigera={redigera ? redigera(s.id) : null} />
      ))}
    </section>
  );
}

/**
 * The reports as documents: pick a report and year, see its versions, read one (figures, texts, tables), export it,
 * and for the ekonomidirektör create a draft, write its texts, put it up for audit and fix it.
 */
export function Rapportdokument({ kanHantera }: { kanHantera: boolean }) {
  const rapportId = useId();
  const arId = useId();
  const [urval, setUrval] = useState<{ rapport: Rapporttyp; ar: number }>();
  const [vald, setVald] = useState<number>();
  const [meddelande, setMeddelande] = useState('');
  const alla = useAllaVersioner();
  const lasbara = alla.data ? rapporterMedVersioner(alla.data) : [];
  // Until the person chooses: the latest report they can read, or this year's delårsrapport augusti when there is none.
  const { rapport, ar } = urval ?? lasbara[0] ?? { rapport: 'delarsrapport-augusti', ar: new Date().getFullYear() };
  const valj = (nytt: { rapport: Rapporttyp; ar: number }) => {
    setUrval(nytt);
    setVald(undefined);
  };
  const versioner = useVersioner(rapport, ar);
  const valdVersion = vald ?? versioner.data?.at(-1)?.version;
  const version = useVersion(rapport, ar, valdVersion);
  const skapa = useDokumentAtgard(rapport, ar, skapaUtkast(rapport, ar));
  return (
    <section aria-labelledby="dokument-rubrik" data-testid="rapportdokument">
      <h2 id="dokument-rubrik">Delårsrapporter och årsredovisning</h2>
      <div className="urval">
        <div className="falt">
          <label htmlFor={rapportId}>Rapport</label>
          <select id={rapportId} value={rapport} onChange={(e) => valj({ rapport: e.target.value as Rapporttyp, ar })}>
            {RAPPORTTYPER.map((typ) => (
              <option key={typ} value={typ}>
                {RAPPORTTYPNAMN[typ]}
              </option>
            ))}
          </select>
        </div>
        <div className="falt">
          <label htmlFor={arId}>År</label>
          <input
            id={arId}
            type="number"
            inputMode="numeric"
            min={2000}
            max={2100}
            value={ar}
            onChange={(e) => valj({ rapport, ar: Number(e.target.value) })}
          />
        </div>
      </div>
      {lasbara.length > 0 ? (
        <nav aria-label="Rapporter med versioner" data-testid="rapporter-med-versioner">
          <ul className="rapportval">
            {lasbara.map((r) => (
              <li key={`${r.rapport}-${r.ar}`}>
                <button
                  type="button"
                  className="knapp--lank"
                  aria-pressed={r.rapport === rapport && r.ar === ar}
                  onClick={() => valj({ rapport: r.rapport, ar: r.ar })}
                >
                  {RAPPORTTYPNAMN[r.rapport]} {r.ar}
                </button>{' '}
                {r.senaste ? `(version ${r.senaste.version}, ${VERSIONSSTATUSNAMN[r.senaste.status].toLowerCase()})` : null}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <p className={meddelande ? 'meddelande meddelande--kvittens' : undefined} role="status" data-testid="dokument-status">
        {meddelande}
      </p>
      {kanHantera ? (
        <button
          type="button"
          data-testid="skapa-utkast"
          disabled={skapa.isPending}
          onClick={() =>
            skapa.mutate(undefined, {
              onSuccess: (ny) => {
                setVald(ny.version);
                setMeddelande(`Utkast version ${ny.version} är skapat.`);
              },
              onError: (orsak) => setMeddelande(`Utkastet kunde inte skapas. ${orsak.message}`),
            })
          }
        >
          Skapa utkast
        </button>
      ) : null}
      {alla.isPending || versioner.isPending ? (
        <Laddar>Hämtar versionerna…</Laddar>
      ) : versioner.isError ? (
        <Felmeddelande rubrik="Det gick inte att hämta versionerna" fel={versioner.error} onForsokIgen={() => void versioner.refetch()} />
      ) : versioner.data.length === 0 ? (
        <p data-testid="inga-versioner">
          {RAPPORTTYPNAMN[rapport]} {ar} har ingen version {kanHantera ? 'ännu' : 'som du kan läsa'}.
        </p>
      ) : (
        <>
          <div className="tabell-ram">
            <table className="tabell" data-testid="versionslista">
              <caption>
                Versioner av {RAPPORTTYPNAMN[rapport].toLowerCase()} {ar}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Status</th>
                  <th scope="col">Fastställd</th>
                  <th scope="col">Rättar</th>
                </tr>
              </thead>
              <tbody>
                {versioner.data.map((v) => (
                  <tr key={v.version} data-status={v.status}>
                    <th scope="row">
                      <button
                        type="button"
                        className="knapp--lank"
                        aria-pressed={v.version === valdVersion}
                        onClick={() => setVald(v.version)}
                      >
                        Version {v.version}
                      </button>
                    </th>
                    <td>{VERSIONSSTATUSNAMN[v.status]}</td>
                    <td>{v.faststalldAt?.slice(0, 10) ?? '–'}</td>
                    <td>{v.ersatter ? `version ${v.ersatter}` : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Jamforelse rapport={rapport} ar={ar} versioner={versioner.data} />
          {version.data ? <Versionsvy version={version.data} kanHantera={kanHantera} onMeddelande={setMeddelande} /> : null}
          {version.isError ? (
            <Felmeddelande rubrik="Det gick inte att hämta versionen" fel={version.error} onForsokIgen={() => void version.refetch()} />
          ) : null}
        </>
      )}
    </section>
  );
}
