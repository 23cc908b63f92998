import { UPPFOLJNINGSTILLFALLEN, type MaluppfyllelseNamnd, type Uppfoljningstillfalle } from '@tertial/contracts/dto';
import { useId, useState } from 'react';

import { formatAntalAv } from '../format/antal.js';
import { formatMnkr } from '@tertial/diagram/belopp';
import { useInloggning } from '../inloggning/use-inloggning.js';
import { andraSokparametrar } from '../navigering/plats.js';
import { useSokparameter } from '../navigering/use-plats.js';
import { useNamnder } from '../organisation/use-organisation.js';
import { Felmeddelande, Laddar, Tomt } from '../sida/meddelanden.js';
import { Sidrubrik } from '../sida/sidrubrik.js';
import { KoladaImport } from './kolada-import.js';
import { kanBedoma, kanImporteraKolada, TILLFALLESNAMN, TRAFIKLJUS, valdUppfoljning } from './mal.js';
import { Malkort } from './malkort.js';
import { kanSkapaMal } from './nytt-mal-formular.js';
import { NyttMal } from './nytt-mal.js';
import { StadensMaluppfyllelse } from './stadens-maluppfyllelse.js';
import { useMaluppfoljning, useMaluppfyllelse, useNamndensMaluppfyllelse, useNyckeltal } from './use-mal.js';

const HELA_STADEN = '';

function Urval(props: {
  ar: number;
  tillfalle: Uppfoljningstillfalle;
  namnd: string;
  namnder: readonly MaluppfyllelseNamnd[];
  helaStaden: boolean;
}) {
  const id = useId();
  const idag = new Date().getFullYear();
  const ar = [...new Set([idag - 2, idag - 1, idag, idag + 1, props.ar])].sort();
  return (
    <div className="urval" data-testid="mal-urval">
      <div className="falt">
        <label htmlFor={`${id}-ar`}>År</label>
        <select id={`${id}-ar`} value={props.ar} onChange={(event) => andraSokparametrar({ ar: event.target.value })} data-testid="mal-ar">
          {ar.map((varde) => (
            <option key={varde} value={varde}>
              {varde}
            </option>
          ))}
        </select>
      </div>
      <div className="falt">
        <label htmlFor={`${id}-tillfalle`}>Uppföljning</label>
        <select
          id={`${id}-tillfalle`}
          value={props.tillfalle}
          onChange={(event) => andraSokparametrar({ tillfalle: event.target.value })}
          data-testid="mal-tillfalle"
        >
          {UPPFOLJNINGSTILLFALLEN.map((tillfalle) => (
            <option key={tillfalle} value={tillfalle}>
              {TILLFALLESNAMN[tillfalle]}
            </option>
          ))}
        </select>
      </div>
      <div className="falt">
        <label htmlFor={`${id}-namnd`}>Nämnd eller bolag</label>
        <select
          id={`${id}-namnd`}
          value={props.namnd}
          onChange={(event) => andraSokparametrar({ namnd: event.target.value === HELA_STADEN ? null : event.target.value })}
          data-testid="mal-namnd"
        >
          {props.helaStaden ? <option value={HELA_STADEN}>Hela staden</option> : null}
          {props.namnder.map((namnd) => (
            <option key={namnd.kod} value={namnd.kod}>
              {namnd.namn}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** One nämnd's (or bolag's) goals at the follow-up: counts and money from the report, inriktning, and a card per mål. */
function NamndensMal({ ar, tillfalle, kod, egen }: { ar: number; tillfalle: Uppfoljningstillfalle; kod: string; egen: boolean }) {
  const id = useId();
  const { anvandare } = useInloggning();
  const rapport = useNamndensMaluppfyllelse(ar, tillfalle, kod);
  const uppfoljning = useMaluppfoljning(ar, tillfalle, kod);
  const katalog = useNyckeltal();
  const [meddelande, setMeddelande] = useState('');

  if (rapport.isPending) return <Laddar>Hämtar målen…</Laddar>;
  if (rapport.isError)
    return <Felmeddelande rubrik="Det gick inte att hämta målen" fel={rapport.error} onForsokIgen={() => void rapport.refetch()} />;
  const namnd = rapport.data;
  const bedomer = kanBedoma(anvandare?.roller ?? [], namnd.agartyp, egen);
  const antal = namnd.antal;
  const delar = (['uppfyllt', 'delvis-uppfyllt', 'ej-uppfyllt', 'ej-matt'] as const)
    .filter((bedomning) => antal[bedomning] > 0)
    .map((bedomning) => `${antal[bedomning]} ${TRAFIKLJUS[bedomning].namn.toLowerCase()}`);
  if (antal.ejBeslutade > 0) delar.push(`${antal.ejBeslutade} ej bedömda`);

  return (
    <section aria-labelledby={`${id}-rubrik`} data-testid="namndens-mal" data-kod={kod}>
      <h2 id={`${id}-rubrik`}>
        {namnd.namn}
        <span className="rubrik__tillagg">
          {TILLFALLESNAMN[tillfalle].toLowerCase()} {ar}
        </span>
      </h2>
      <p data-testid="namndens-sammanfattning">
        {formatAntalAv(antal.totalt, 'mål', 'mål')}
        {delar.length > 0 ? `: ${delar.join(', ')}.` : '.'}
        {namnd.ekonomi ? ` Prognosavvikelse ${formatMnkr(namnd.ekonomi.avvikelseOre)} (budget minus helårsprognos).` : ''}
      </p>
      {namnd.inriktning ? (
        <section className="inriktning" aria-labelledby={`${id}-inriktning`} data-testid="inriktning">
          <h3 id={`${id}-inriktning`}>
            Inriktning {namnd.inriktning.mandatperiod.franAr}–{namnd.inriktning.mandatperiod.tillAr}: {namnd.inriktning.rubrik}
          </h3>
          <p>{namnd.inriktning.text}</p>
        </section>
      ) : null}
      {uppfoljning.isPending ? <Laddar>Hämtar bedömningarna…</Laddar> : null}
      {uppfoljning.isError ? (
        <Felmeddelande
          rubrik="Det gick inte att hämta bedömningarna"
          fel={uppfoljning.error}
          niva={3}
          onForsokIgen={() => void uppfoljning.refetch()}
        />
      ) : null}
      {uppfoljning.data && uppfoljning.data.mal.length === 0 ? (
        <Tomt rubrik="Inga mål vid den här uppföljningen." testId="inga-mal" />
      ) : null}
      {kanSkapaMal(anvandare?.roller ?? []) && egen && namnd.agartyp === 'namnd' ? (
        <>
          <p className={meddelande ? 'meddelande meddelande--kvittens' : undefined} role="status" data-testid="mal-meddelande">
            {meddelande}
          </p>
          <NyttMal namnd={kod} namndnamn={namnd.namn} onMeddelande={setMeddelande} />
        </>
      ) : null}
      <div className="malkort-lista">
        {uppfoljning.data?.mal.map((post) => (
          <Malkort key={post.mal.id} post={post} ar={ar} tillfalle={tillfalle} katalog={katalog.data} kanBedoma={bedomer} />
        ))}
      </div>
    </section>
  );
}

/**
 * Mål och måluppfyllelse at a follow-up (april, augusti, helår): the ekonomidirektör first sees the city's traffic
 * lights nämnd by nämnd beside each nämnd's forecast deviation; everyone sees a nämnd's inriktning and goal cards
 * with the analysis and the nyckeltal; the processledare assesses their nämnd's mål.
 */
export function MalSida() {
  const { anvandare } = useInloggning();
  const roller = anvandare?.roller ?? [];
  const { egenNamnd } = useNamnder();
  const { ar, tillfalle } = valdUppfoljning(useSokparameter('ar'), useSokparameter('tillfalle'), new Date());
  const namndIAdressen = useSokparameter('namnd');
  const oversikt = useMaluppfyllelse(ar, tillfalle);

  let innehall;
  let vald = HELA_STADEN;
  if (oversikt.isPending) innehall = <Laddar>Hämtar måluppfyllelsen…</Laddar>;
  else if (oversikt.isError)
    innehall = (
      <Felmeddelande rubrik="Det gick inte att hämta måluppfyllelsen" fel={oversikt.error} onForsokIgen={() => void oversikt.refetch()} />
    );
  else {
    const synliga = oversikt.data.namnder;
    const helaStaden = oversikt.data.stad !== null;
    const forval =
      egenNamnd && synliga.some((namnd) => namnd.kod === egenNamnd) ? egenNamnd : synliga.find((namnd) => namnd.agartyp === 'namnd')?.kod;
    vald =
      namndIAdressen && synliga.some((namnd) => namnd.kod === namndIAdressen)
        ? namndIAdressen
        : helaStaden
          ? HELA_STADEN
          : (forval ?? HELA_STADEN);
    innehall = (
      <>
        <Urval ar={ar} tillfalle={tillfalle} namnd={vald} namnder={synliga} helaStaden={helaStaden} />
        {vald === HELA_STADEN ? (
          helaStaden ? (
            <StadensMaluppfyllelse oversikt={oversikt.data} />
          ) : (
            <Tomt rubrik="Det finns inga nämnder att visa." />
          )
        ) : (
          <NamndensMal key={`${vald} ${ar} ${tillfalle}`} ar={ar} tillfalle={tillfalle} kod={vald} egen={vald === egenNamnd} />
        )}
      </>
    );
  }

  return (
    <>
      <Sidrubrik titel="Mål" rubrik="Mål och måluppfyllelse" />
      {innehall}
      {kanImporteraKolada(roller) ? <KoladaImport /> : null}
    </>
  );
}
