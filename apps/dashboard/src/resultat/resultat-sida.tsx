import type { BalanskravOversikt, Resultatrakning, Underskott } from '@tertial/contracts/dto';
import { useId, useMemo, useState } from 'react';

import { Felmeddelande, Laddar, Tomt } from '../sida/meddelanden.js';
import { Sidrubrik } from '../sida/sidrubrik.js';
import { kolumnhjalp, Table } from '../table/table.js';
import { valbaraAr } from '../urval/urval.js';
import { useUrval } from '../urval/use-urval.js';
import {
  BALANSKRAVSKOLUMNER,
  elimineringsrader,
  elimineringsunderlag,
  kallrader,
  mnkr,
  rurReglerText,
  TILLFALLESNAMN,
  utredningSidaVidSida,
  type Elimineringsrad,
  type Utredningsrad,
} from './resultat.js';
import { FinansraderFormular } from './finansrader-formular.js';
import { RurFormular } from './rur-formular.js';
import { useBalanskrav, useResultatrakning } from './use-resultat.js';

type Rad = Resultatrakning['rader'][number];
const rrKolumn = kolumnhjalp<Rad>();
const utrKolumn = kolumnhjalp<Utredningsrad>();
const elimKolumn = kolumnhjalp<Elimineringsrad>();
type Historikrad = BalanskravOversikt['historik'][number];
const histKolumn = kolumnhjalp<Historikrad>();
const underskottKolumn = kolumnhjalp<Underskott>();
const summaklass = (summa: boolean) => (summa ? 'rad--summa' : undefined);

function ResultatrakningTabell({ rakning }: { rakning: Resultatrakning }) {
  const beskrivning = useId();
  const kolumner = useMemo(
    () => [
      rrKolumn.accessor('namn', { header: 'Mnkr' }),
      ...rakning.kolumner.map((kolumn, index) =>
        rrKolumn.accessor((rad) => rad.belopp[index], {
          id: kolumn.tillfalle,
          header: TILLFALLESNAMN[kolumn.tillfalle],
          cell: ({ getValue }) => mnkr(getValue()),
          meta: { tal: true },
        }),
      ),
    ],
    [rakning],
  );
  const kallor = kallrader(rakning.kolumner);
  return (
    <>
      <Table
        data={rakning.rader}
        columns={kolumner}
        caption={`Resultaträkning ${rakning.ar}, mnkr`}
        radId={(rad) => rad.kod}
        radAttribut={(rad) => ({ 'data-rad': rad.kod, className: summaklass(rad.summa) })}
        sorterbar={false}
        beskrivningId={beskrivning}
        testId="resultatrakning"
      />
      <div id={beskrivning} className="meddelande__detalj">
        <p>
          Intäkter är positiva och kostnader negativa. Nämndernas intäkter och kostnader kommer från budgeten och helårsprognoserna
          (godkända eller klarmarkerade, annars budgeten); finansfunktionens egna rader är ekonomidirektörens budget och prognoser. Interna
          poster mellan stadens egna delar (konton som kontoplanen anger som interna) är borttagna ur verksamhetens intäkter och kostnader i
          varje kolumn; se tabellen nedan.
        </p>
        {kallor.length > 0 ? (
          <ul data-testid="kallor">
            {kallor.map((kalla) => (
              <li key={kalla}>{kalla}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </>
  );
}

function Elimineringar({ rakning }: { rakning: Resultatrakning }) {
  const beskrivning = useId();
  const rader = useMemo(() => elimineringsrader(rakning.kolumner), [rakning]);
  const kolumner = useMemo(
    () => [
      elimKolumn.accessor('namn', { header: 'Mnkr' }),
      ...rakning.kolumner.map((kolumn, index) =>
        elimKolumn.accessor((rad) => rad.belopp[index], {
          id: kolumn.tillfalle,
          header: TILLFALLESNAMN[kolumn.tillfalle],
          cell: ({ getValue }) => mnkr(getValue()),
          meta: { tal: true },
        }),
      ),
    ],
    [rakning],
  );
  return (
    <>
      <Table
        data={rader}
        columns={kolumner}
        caption={`Eliminerade interna poster ${rakning.ar}, mnkr`}
        radId={(rad) => rad.kod}
        radAttribut={(rad) => ({ 'data-rad': rad.kod, className: summaklass(rad.kod === 'elimineringsdifferens') })}
        sorterbar={false}
        beskrivningId={beskrivning}
        testId="elimineringar"
      />
      <div id={beskrivning} className="meddelande__detalj">
        <p>
          Interna hyror, kapitalkostnader och köp mellan nämnderna är kostnad hos en och intäkt hos en annan; de tas bort på båda sidor så
          att stadens intäkter och kostnader inte blåses upp. I bokslutet är beloppen exakta, ur kontona. Budget och prognoser finns per
          kontogrupp, inte per konto: där uppskattas varje nämnds interna del med den andel de interna kontona har av nämndens intäkter
          respektive kostnader i årets bokslut, annars årets utfall hittills, annars förra årets bokslut, avrundat till hela ören per nämnd.
          Elimineringsdifferensen är interna kostnader minus interna intäkter: så mycket bättre är stadens resultat än summan av delarna.
          Den är noll när båda sidor finns bland nämnderna; när motparten ligger utanför dem, som internräntan hos finansförvaltningen, syns
          den här.
        </p>
        <ul data-testid="elimineringsunderlag">
          {elimineringsunderlag(rakning.kolumner).map((rad) => (
            <li key={rad}>{rad}</li>
          ))}
        </ul>
      </div>
    </>
  );
}

function Balanskravsutredning({ oversikt }: { oversikt: BalanskravOversikt }) {
  const rader = useMemo(() => utredningSidaVidSida(oversikt.utredningar), [oversikt]);
  const kolumner = useMemo(
    () => [
      utrKolumn.accessor('namn', { header: 'Mnkr' }),
      ...BALANSKRAVSKOLUMNER.map((tillfalle, index) =>
        utrKolumn.accessor((rad) => rad.belopp[index], {
          id: tillfalle,
          header: TILLFALLESNAMN[tillfalle],
          cell: ({ getValue }) => mnkr(getValue()),
          meta: { tal: true },
        }),
      ),
    ],
    [],
  );
  if (rader.length === 0)
    return <Tomt rubrik={`${oversikt.ar} har ännu ingen prognos eller bokslut att utreda.`} testId="balanskrav-tomt" />;
  const meddelanden = oversikt.utredningar.flatMap((utredning) => utredning?.meddelanden ?? []);
  return (
    <>
      <Table
        data={rader}
        columns={kolumner}
        caption={`Balanskravsutredning ${oversikt.ar}, mnkr`}
        radId={(rad) => rad.kod}
        radAttribut={(rad) => ({ 'data-rad': rad.kod, className: summaklass(rad.summa) })}
        sorterbar={false}
        testId="balanskravsutredning"
      />
      {[...new Set(meddelanden)].map((meddelande) => (
        <p key={meddelande} className="meddelande__detalj">
          {meddelande}
        </p>
      ))}
    </>
  );
}

function Rur({ oversikt }: { oversikt: BalanskravOversikt }) {
  const senaste = [...oversikt.utredningar].reverse().find((utredning) => utredning !== null);
  return (
    <div data-testid="rur">
      {senaste ? (
        <p>
          Reserven: {mnkr(senaste.rur.ingaendeOre)} mnkr vid årets början, {mnkr(senaste.rur.utgaendeOre)} mnkr vid årets slut enligt{' '}
          {senaste.tillfalle === 'bokslut' ? 'bokslutet' : `prognosen i ${senaste.tillfalle}`}. Högst {mnkr(senaste.rur.maxAvsattningOre)}{' '}
          mnkr får avsättas; reserven {senaste.rur.farAnvandas ? 'får' : 'får inte'} användas {oversikt.ar}.
        </p>
      ) : null}
      <ul>
        {rurReglerText(oversikt.rurRegler, oversikt.ar).map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </div>
  );
}

function Historik({ oversikt }: { oversikt: BalanskravOversikt }) {
  const kolumner = useMemo(
    () => [
      histKolumn.accessor('ar', { header: 'År' }),
      histKolumn.accessor('aretsResultatOre', { header: 'Årets resultat', cell: ({ getValue }) => mnkr(getValue()), meta: { tal: true } }),
      histKolumn.accessor('resultatEfterJusteringarOre', {
        header: 'Efter balanskravsjusteringar',
        cell: ({ getValue }) => mnkr(getValue()),
        meta: { tal: true },
      }),
      histKolumn.accessor('tillRurOre', { header: 'Till RUR', cell: ({ getValue }) => mnkr(getValue()), meta: { tal: true } }),
      histKolumn.accessor('franRurOre', { header: 'Från RUR', cell: ({ getValue }) => mnkr(getValue()), meta: { tal: true } }),
      histKolumn.accessor('balanskravsresultatOre', {
        header: 'Balanskravsresultat',
        cell: ({ getValue }) => mnkr(getValue()),
        meta: { tal: true },
      }),
      histKolumn.accessor('rurUtgaendeOre', {
        header: 'RUR vid årets slut',
        cell: ({ getValue }) => mnkr(getValue()),
        meta: { tal: true },
      }),
      histKolumn.accessor((rad) => (rad.kalla === 'bokslut' ? 'Bokslut i Tertial' : 'Importerad'), { id: 'kalla', header: 'Källa' }),
    ],
    [],
  );
  if (oversikt.historik.length === 0) return <Tomt rubrik="Inga tidigare år är kända. Importera dem med npx tertial import-balanskrav." />;
  return (
    <Table
      data={oversikt.historik}
      columns={kolumner}
      caption="Balanskravsresultat per år, mnkr"
      radId={(rad) => String(rad.ar)}
      sortering={[{ id: 'ar', desc: false }]}
      testId="balanskrav-historik"
    />
  );
}

function Underskottslista({ oversikt }: { oversikt: BalanskravOversikt }) {
  const kolumner = useMemo(
    () => [
      underskottKolumn.accessor('ar', { header: 'År' }),
      underskottKolumn.accessor('underskottOre', { header: 'Underskott', cell: ({ getValue }) => mnkr(getValue()), meta: { tal: true } }),
      underskottKolumn.accessor('aterstalltOre', { header: 'Återställt', cell: ({ getValue }) => mnkr(getValue()), meta: { tal: true } }),
      underskottKolumn.accessor('kvarOre', {
        header: 'Kvar att återställa',
        cell: ({ getValue }) => mnkr(getValue()),
        meta: { tal: true },
      }),
      underskottKolumn.accessor('senastAr', { header: 'Senast år' }),
      underskottKolumn.accessor(
        (rad) => rad.aterstallningar.map((aterstallning) => `${aterstallning.ar}: ${mnkr(aterstallning.beloppOre)}`).join(', ') || '–',
        { id: 'aterstallningar', header: 'Återställt per år (mnkr)', enableSorting: false },
      ),
    ],
    [],
  );
  if (oversikt.underskott.length === 0) return <Tomt rubrik="Inga balanskravsunderskott." />;
  return (
    <Table
      data={oversikt.underskott}
      columns={kolumner}
      caption="Balanskravsunderskott och återställande, äldst först"
      radId={(rad) => String(rad.ar)}
      radAttribut={(rad) => ({ 'data-ar': String(rad.ar), 'data-kvar': String(rad.kvarOre) })}
      sorterbar={false}
      testId="underskott"
    />
  );
}

/** The city's result for the ekonomidirektör: the resultaträkning, the balanskravsutredning, the RUR and the deficits. */
export function ResultatSida() {
  const [urval, valjUrval] = useUrval();
  const arId = useId();
  const rakning = useResultatrakning(urval.ar);
  const balanskrav = useBalanskrav(urval.ar);
  const [meddelande, setMeddelande] = useState('');

  return (
    <>
      <Sidrubrik titel="Stadens resultat" rubrik={`Stadens resultat ${urval.ar}`} />
      <p role="status" className="meddelande__detalj" data-testid="resultat-status">
        {meddelande}
      </p>
      <div className="urval">
        <div className="falt">
          <label htmlFor={arId}>År</label>
          <select id={arId} value={urval.ar} onChange={(event) => valjUrval({ ...urval, ar: Number(event.target.value) })}>
            {valbaraAr(new Date(), urval.ar).map((ar) => (
              <option key={ar} value={ar}>
                {ar}
              </option>
            ))}
          </select>
        </div>
      </div>

      <section aria-labelledby="resultatrakning-rubrik">
        <h2 id="resultatrakning-rubrik">Resultaträkning</h2>
        {rakning.isPending ? <Laddar>Hämtar resultaträkningen…</Laddar> : null}
        {rakning.error ? <Felmeddelande rubrik="Det gick inte att hämta resultaträkningen" fel={rakning.error} /> : null}
        {rakning.data ? <ResultatrakningTabell rakning={rakning.data} /> : null}
        {rakning.data ? (
          <section aria-labelledby="elimineringar-rubrik">
            <h3 id="elimineringar-rubrik">Eliminerade interna poster</h3>
            <Elimineringar rakning={rakning.data} />
          </section>
        ) : null}
        <details className="inmatning" data-testid="finansrader-inmatning">
          <summary>Ändra finansfunktionens rader</summary>
          <FinansraderFormular key={urval.ar} ar={urval.ar} onMeddelande={setMeddelande} />
        </details>
      </section>

      {balanskrav.isPending ? <Laddar>Hämtar balanskravet…</Laddar> : null}
      {balanskrav.error ? <Felmeddelande rubrik="Det gick inte att hämta balanskravet" fel={balanskrav.error} /> : null}
      {balanskrav.data ? (
        <>
          <section aria-labelledby="balanskrav-rubrik">
            <h2 id="balanskrav-rubrik">Balanskravsutredning</h2>
            <Balanskravsutredning oversikt={balanskrav.data} />
          </section>
          <section aria-labelledby="rur-rubrik">
            <h2 id="rur-rubrik">Resultatutjämningsreserv</h2>
            <Rur oversikt={balanskrav.data} />
            <details className="inmatning" data-testid="rur-inmatning">
              <summary>Föreslå rörelse i reserven</summary>
              <RurFormular key={urval.ar} oversikt={balanskrav.data} onMeddelande={setMeddelande} />
            </details>
          </section>
          <section aria-labelledby="historik-rubrik">
            <h2 id="historik-rubrik">Tidigare år</h2>
            <Historik oversikt={balanskrav.data} />
          </section>
          <section aria-labelledby="underskott-rubrik">
            <h2 id="underskott-rubrik">Balanskravsunderskott</h2>
            <Underskottslista oversikt={balanskrav.data} />
          </section>
        </>
      ) : null}
    </>
  );
}
