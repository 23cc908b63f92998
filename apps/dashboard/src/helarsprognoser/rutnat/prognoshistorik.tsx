import type { HelarsprognosAdress, HelarsprognosDto } from '@tertial/contracts/dto';
import { KONTOGRUPPER } from '@tertial/contracts/kontogrupper';
import { useId, useState } from 'react';

import { formatForandring } from '@tertial/diagram/belopp';
import { formatTidpunkt } from '../../format/tidpunkt.js';
import { Felmeddelande, Laddar } from '../../sida/meddelanden.js';
import { statustext } from '../helarsprognoser.js';
import { beloppSomVisning, type Inmatningsenhet } from './belopp-inmatning.js';
import { useJamforelse, useVersioner } from './use-prognosrutnat.js';

interface Props {
  adress: HelarsprognosAdress;
  enhet: Inmatningsenhet;
}

/** Where the forecast stands in the workflow, every saved version, and two of them compared line by line. */
export function Prognoshistorik({ adress, enhet }: Props) {
  const versioner = useVersioner(adress);
  if (versioner.isPending) return <Laddar>Hämtar versionerna…</Laddar>;
  if (versioner.isError)
    return (
      <Felmeddelande
        rubrik="Det gick inte att hämta versionerna"
        fel={versioner.error}
        onForsokIgen={() => void versioner.refetch()}
        niva={3}
      />
    );
  const [aktuell] = versioner.data;
  return (
    <div className="prognoshistorik" data-testid="prognoshistorik">
      <Arbetsflode aktuell={aktuell} />
      {versioner.data.length === 0 ? (
        <p>Inga versioner är sparade ännu.</p>
      ) : (
        <>
          <Versionslista versioner={versioner.data} enhet={enhet} />
          {versioner.data.length > 1 ? (
            <Jamforelse key={aktuell!.version} adress={adress} versioner={versioner.data} enhet={enhet} />
          ) : null}
        </>
      )}
    </div>
  );
}

const STEG = ['ej påbörjad', 'utkast', 'klarmarkerad', 'godkänd'] as const;

function Arbetsflode({ aktuell }: { aktuell: HelarsprognosDto | undefined }) {
  const status = statustext(aktuell?.status);
  const steg = aktuell?.status === 'aterskickad' ? 1 : STEG.indexOf(status.toLocaleLowerCase('sv') as (typeof STEG)[number]);
  return (
    <div data-testid="arbetsflode" data-status={aktuell?.status ?? 'ej-paborjad'}>
      <p>
        Status: <strong data-testid="rutnat-status">{status}</strong>
        {aktuell ? ` sedan ${formatTidpunkt(aktuell.andradAt)}${aktuell.andradAv ? ` (${aktuell.andradAv.namn})` : ''}.` : '.'}
      </p>
      <ol className="arbetsflode" aria-label="Arbetsflödet">
        {STEG.map((namn, index) => (
          <li key={namn} aria-current={index === steg ? 'step' : undefined} data-klar={index < steg || undefined}>
            {namn}
          </li>
        ))}
      </ol>
      {aktuell?.status === 'aterskickad' && aktuell.beslutskommentar ? (
        <div className="meddelande meddelande--fel" data-testid="atersand-kommentar">
          <p>
            Återsänd av {aktuell.andradAv?.namn ?? 'förvaltningsekonomen'}: ”{aktuell.beslutskommentar}” Spara en ny version och klarmarkera
            den igen.
          </p>
        </div>
      ) : null}
      {aktuell?.status === 'godkand' && aktuell.beslutskommentar ? <p>Kommentar vid godkännandet: ”{aktuell.beslutskommentar}”</p> : null}
    </div>
  );
}

function Versionslista({ versioner, enhet }: { versioner: readonly HelarsprognosDto[]; enhet: Inmatningsenhet }) {
  const id = useId();
  return (
    <div className="tabell-ram" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="tabell" data-testid="versionslista">
        <caption id={`${id}-caption`}>Sparade versioner, nyaste först</caption>
        <thead>
          <tr>
            <th scope="col" className="tal">
              Version
            </th>
            <th scope="col">Sparad av</th>
            <th scope="col">Sparad</th>
            <th scope="col" className="tal">
              Nettokostnad ({enhet})
            </th>
          </tr>
        </thead>
        <tbody>
          {versioner.map((version) => (
            <tr key={version.version} data-version={version.version}>
              <th scope="row" className="tal">
                {version.version}
              </th>
              <td>{version.sparadAv?.namn ?? '–'}</td>
              <td className="datum">{formatTidpunkt(version.sparadAt)}</td>
              <td className="tal">{beloppSomVisning(version.nettokostnadOre, enhet)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Jamforelse({
  adress,
  versioner,
  enhet,
}: {
  adress: HelarsprognosAdress;
  versioner: readonly HelarsprognosDto[];
  enhet: Inmatningsenhet;
}) {
  const id = useId();
  const [fran, setFran] = useState(versioner[1]!.version);
  const [till, setTill] = useState(versioner[0]!.version);
  const jamforelse = useJamforelse(adress, fran, till);
  const visa = (ore: number | null) => (ore === null ? '–' : beloppSomVisning(ore, enhet));
  const decimaler = enhet === 'tkr' ? 1 : 0;
  const val = (etikett: string, varde: number, onValj: (version: number) => void, testId: string) => (
    <div className="falt">
      <label htmlFor={`${id}-${testId}`}>{etikett}</label>
      <select id={`${id}-${testId}`} value={varde} onChange={(event) => onValj(Number(event.target.value))} data-testid={testId}>
        {versioner.map((version) => (
          <option key={version.version} value={version.version}>
            Version {version.version}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="jamforelse" data-testid="versionsjamforelse">
      <div className="urval">
        {val('Jämför version', fran, setFran, 'jamfor-fran')}
        {val('med version', till, setTill, 'jamfor-till')}
      </div>
      {fran === till ? <p>Välj två olika versioner.</p> : null}
      {jamforelse.isPending && fran !== till ? <Laddar>Jämför versionerna…</Laddar> : null}
      {jamforelse.isError ? <Felmeddelande rubrik="Det gick inte att jämföra versionerna" fel={jamforelse.error} niva={3} /> : null}
      {jamforelse.data && fran !== till ? (
        <div className="tabell-ram" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
          <table className="tabell" data-testid="jamforelse-tabell">
            <caption id={`${id}-caption`}>
              Version {jamforelse.data.fran.version} och {jamforelse.data.till.version} rad för rad, {enhet}
            </caption>
            <thead>
              <tr>
                <th scope="col">Kontogrupp</th>
                <th scope="col" className="tal">
                  Version {jamforelse.data.fran.version}
                </th>
                <th scope="col" className="tal">
                  Version {jamforelse.data.till.version}
                </th>
                <th scope="col" className="tal">
                  Skillnad
                </th>
                <th scope="col">Ändrad av</th>
              </tr>
            </thead>
            <tbody>
              {jamforelse.data.rader.map((rad) => (
                <tr key={rad.kontogrupp} data-kontogrupp={rad.kontogrupp} data-andrad={rad.andradIVersion !== null || undefined}>
                  <th scope="row">{KONTOGRUPPER.find((grupp) => grupp.kod === rad.kontogrupp)?.namn ?? rad.kontogrupp}</th>
                  <td className="tal">{visa(rad.franOre)}</td>
                  <td className="tal">{visa(rad.tillOre)}</td>
                  <td className="tal">{rad.skillnadOre === 0 ? '0' : formatForandring(rad.skillnadOre, enhet, decimaler)}</td>
                  <td data-testid="andrad-av">
                    {rad.andradIVersion === null ? 'oförändrad' : `${rad.andradAv?.namn ?? 'okänd'} i version ${rad.andradIVersion}`}
                  </td>
                </tr>
              ))}
              <tr>
                <th scope="row">Kommentar</th>
                <td>{jamforelse.data.kommentar.fran ?? '–'}</td>
                <td>{jamforelse.data.kommentar.till ?? '–'}</td>
                <td colSpan={2}>{jamforelse.data.kommentar.andrad ? 'ändrad' : 'oförändrad'}</td>
              </tr>
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Nettokostnad</th>
                <td className="tal">{visa(jamforelse.data.nettokostnad.franOre)}</td>
                <td className="tal">{visa(jamforelse.data.nettokostnad.tillOre)}</td>
                <td className="tal">{formatForandring(jamforelse.data.nettokostnad.skillnadOre, enhet, decimaler)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      ) : null}
    </div>
  );
}
