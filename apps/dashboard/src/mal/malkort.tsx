import { HELSINGBORG_KOMMUNKOD, type MaluppfoljningDto, type NyckeltalDto, type Uppfoljningstillfalle } from '@tertial/contracts/dto';
import { useId, useMemo } from 'react';

import { formatTidpunkt } from '../format/tidpunkt.js';
import { Bedomningsformular } from './bedomningsformular.js';
import { LatJamforelseDiagram, LatTrendDiagram } from './lat-nyckeltal-diagram.js';
import { formatVarde, malvardeFor, totalserie } from './mal.js';
import { Trafikljus } from './trafikljus.js';
import { useKoladaJamforelse, useMatvarden } from './use-mal.js';

type Post = MaluppfoljningDto['mal'][number];

const riktningstext = (nyckeltal: NyckeltalDto) => (nyckeltal.riktning === 'hogre-ar-battre' ? 'högre är bättre' : 'lägre är bättre');

/** The city and its comparison group in the latest year the city has a value, the city first. */
function jamforelsestaplar(jamforelse: NonNullable<ReturnType<typeof useKoladaJamforelse>['data']>) {
  const totala = jamforelse.varden.filter((varde) => varde.kon === 'total' && varde.varde !== null);
  const ar = Math.max(...totala.filter((varde) => varde.kommun === jamforelse.egenKommun).map((varde) => varde.ar));
  if (!Number.isFinite(ar)) return null;
  const namn = new Map(jamforelse.jamforelsegrupp.map((kommun) => [kommun.kod, kommun.namn]));
  const staplar = totala
    .filter((varde) => varde.ar === ar && (varde.kommun === jamforelse.egenKommun || namn.has(varde.kommun)))
    .map((varde) => ({
      namn:
        varde.kommun === jamforelse.egenKommun
          ? varde.kommun === HELSINGBORG_KOMMUNKOD
            ? 'Helsingborg'
            : 'Egen kommun'
          : (namn.get(varde.kommun) ?? varde.kommun),
      varde: varde.varde!,
      egen: varde.kommun === jamforelse.egenKommun,
    }))
    .sort((a, b) => Number(b.egen) - Number(a.egen) || a.namn.localeCompare(b.namn, 'sv'));
  return { ar, staplar };
}

function Jamforelse({ nyckeltal }: { nyckeltal: NyckeltalDto }) {
  const id = useId();
  const jamforelse = useKoladaJamforelse(nyckeltal.koladaKpi);
  const data = useMemo(() => (jamforelse.data ? jamforelsestaplar(jamforelse.data) : null), [jamforelse.data]);
  if (!jamforelse.data || !data || data.staplar.length < 2) return null;
  const beskrivning = `Jämförelse ${data.ar}: ${data.staplar.map((stapel) => `${stapel.namn} ${formatVarde(stapel.varde, nyckeltal.enhet)}`).join(', ')}.`;
  return (
    <figure className="malkort__jamforelse" aria-labelledby={`${id}-rubrik`}>
      <figcaption id={`${id}-rubrik`}>
        Jämfört med andra kommuner {data.ar} (Kolada {nyckeltal.koladaKpi})
      </figcaption>
      <LatJamforelseDiagram
        jamforelse={jamforelse.data}
        ar={data.ar}
        staplar={data.staplar}
        enhet={nyckeltal.enhet}
        beskrivning={beskrivning}
      />
      <table className="tabell tabell--inre" data-testid="jamforelsetabell">
        <caption className="visuellt-dold">Jämförelse {data.ar}</caption>
        <thead>
          <tr>
            <th scope="col">Kommun</th>
            <th scope="col" className="tal">
              Värde
            </th>
          </tr>
        </thead>
        <tbody>
          {data.staplar.map((stapel) => (
            <tr key={stapel.namn}>
              <th scope="row">{stapel.egen ? <strong>{stapel.namn}</strong> : stapel.namn}</th>
              <td className="tal">{formatVarde(stapel.varde, nyckeltal.enhet)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** One nyckeltal of a mål: its latest value against the year's target, its trend, and the comparison with other municipalities. */
function Nyckeltal({ nyckeltal, ar }: { nyckeltal: NyckeltalDto; ar: number }) {
  const id = useId();
  const matvarden = useMatvarden(nyckeltal.id);
  const serie = useMemo(() => totalserie(matvarden.data?.matvarden ?? []), [matvarden.data]);
  const mal = malvardeFor(nyckeltal, ar);
  const senaste = serie.at(-1);
  const beskrivning = `${nyckeltal.namn}: ${serie.map((punkt) => `${punkt.period} ${formatVarde(punkt.varde, nyckeltal.enhet)}`).join(', ')}${
    mal ? `; målvärde ${formatVarde(mal.varde, nyckeltal.enhet)}` : ''
  }${nyckeltal.utgangsvarde ? `; utgångsvärde ${formatVarde(nyckeltal.utgangsvarde.varde, nyckeltal.enhet)}` : ''}.`;
  return (
    <section className="malkort__nyckeltal" aria-labelledby={`${id}-rubrik`} data-testid="nyckeltal">
      <h4 id={`${id}-rubrik`}>{nyckeltal.namn}</h4>
      <dl className="fakta">
        <div>
          <dt>Senaste värde</dt>
          <dd data-testid="senaste-varde">
            {matvarden.isPending
              ? 'Hämtar…'
              : matvarden.isError
                ? 'Mätvärdena kunde inte hämtas'
                : senaste
                  ? `${formatVarde(senaste.varde, nyckeltal.enhet)} (${senaste.period})`
                  : 'Inget mätvärde ännu'}
          </dd>
        </div>
        <div>
          <dt>Målvärde{mal ? ` ${mal.ar}` : ''}</dt>
          <dd data-testid="malvarde">{mal ? formatVarde(mal.varde, nyckeltal.enhet) : 'Inget målvärde'}</dd>
        </div>
        <div>
          <dt>Utgångsvärde{nyckeltal.utgangsvarde ? ` ${nyckeltal.utgangsvarde.ar}` : ''}</dt>
          <dd>{nyckeltal.utgangsvarde ? formatVarde(nyckeltal.utgangsvarde.varde, nyckeltal.enhet) : 'Inget'}</dd>
        </div>
        <div>
          <dt>Riktning</dt>
          <dd>{riktningstext(nyckeltal)}</dd>
        </div>
      </dl>
      {serie.length > 0 ? (
        <figure className="malkort__trend">
          <figcaption>Utveckling över tid, med målvärde och utgångsvärde</figcaption>
          <LatTrendDiagram nyckeltal={nyckeltal} serie={serie} malvarde={mal?.varde ?? null} beskrivning={beskrivning} />
          <details>
            <summary>Mätvärden i tabell</summary>
            <table className="tabell tabell--inre">
              <caption className="visuellt-dold">Mätvärden för {nyckeltal.namn}</caption>
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  <th scope="col" className="tal">
                    Värde
                  </th>
                </tr>
              </thead>
              <tbody>
                {serie.map((punkt) => (
                  <tr key={punkt.period}>
                    <th scope="row">{punkt.period}</th>
                    <td className="tal">{formatVarde(punkt.varde, nyckeltal.enhet)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </figure>
      ) : null}
      {nyckeltal.koladaKpi ? <Jamforelse nyckeltal={nyckeltal} /> : null}
    </section>
  );
}

interface Props {
  post: Post;
  ar: number;
  tillfalle: Uppfoljningstillfalle;
  katalog: ReadonlyMap<string, NyckeltalDto> | undefined;
  kanBedoma: boolean;
}

/** A goal card: the mål, its traffic light (the decision, the proposal beside it), the analysis, its nyckeltal, and the form. */
export function Malkort({ post, ar, tillfalle, katalog, kanBedoma }: Props) {
  const id = useId();
  const { mal, bedomning } = post;
  const { forslag, beslut } = bedomning;
  return (
    <article className="malkort" aria-labelledby={`${id}-rubrik`} data-testid="malkort" data-mal={mal.id}>
      <h3 id={`${id}-rubrik`} className="malkort__rubrik">
        {mal.text}
      </h3>
      <p className="svag">Ska nås {mal.ar}</p>
      <dl className="malkort__bedomning">
        <div>
          <dt>Bedömning</dt>
          <dd>
            <Trafikljus bedomning={beslut?.bedomning ?? null} />
          </dd>
        </div>
        <div>
          <dt>Förslag från nyckeltalen</dt>
          <dd>{forslag.bedomning ? <Trafikljus bedomning={forslag.bedomning} testId="forslag" /> : 'Professionell bedömning'}</dd>
        </div>
      </dl>
      <p className="malkort__forklaring">{forslag.forklaring}</p>
      {beslut ? (
        <div className="malkort__analys" data-testid="analys">
          <h4>Analys</h4>
          <p>{beslut.analys}</p>
          {beslut.motivering ? (
            <p>
              <strong>Avviker från förslaget:</strong> {beslut.motivering}
            </p>
          ) : null}
          <p className="svag">
            {beslut.beslutadAv.namn}, {formatTidpunkt(beslut.beslutadAt)}
          </p>
        </div>
      ) : (
        <p className="svag">Ingen analys ännu.</p>
      )}
      {mal.nyckeltal.length === 0 ? <p>Följs upp med professionell bedömning.</p> : null}
      {mal.nyckeltal.map((nyckeltalId) => {
        const nyckeltal = katalog?.get(nyckeltalId);
        return nyckeltal ? <Nyckeltal key={nyckeltalId} nyckeltal={nyckeltal} ar={ar} /> : null;
      })}
      {kanBedoma ? <Bedomningsformular malId={mal.id} ar={ar} tillfalle={tillfalle} bedomning={bedomning} /> : null}
    </article>
  );
}
