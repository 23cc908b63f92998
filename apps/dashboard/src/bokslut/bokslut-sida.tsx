import type { ArsbokslutDto } from '@tertial/contracts/dto';
import { useId, useMemo, useState, type FormEvent } from 'react';

import { ApiFel } from '../api/api-fel.js';
import { formatMnkr } from '@tertial/diagram/belopp';
import { andraSokparametrar } from '../navigering/plats.js';
import { useSokparameter } from '../navigering/use-plats.js';
import { useNamnder } from '../organisation/use-organisation.js';
import { BekraftadAtgard } from '../sida/bekraftad-atgard.js';
import { Felmeddelande, Laddar } from '../sida/meddelanden.js';
import { Sidrubrik } from '../sida/sidrubrik.js';
import { Belopp } from '../table/belopp.js';
import { kolumnhjalp, Table } from '../table/table.js';
import { beskrivRegler, forslagsrader, forvaltAr, kronorText, lasBeslut, valbaraAr, type Forslagsrad } from './bokslut.js';
import { useArsbokslut, useBeslutaResultatoverforing, useSparaRegler, useStangAr } from './use-bokslut.js';
import { MnkrRubrik } from '../table/mnkr-rubrik.js';

const kolumn = kolumnhjalp<Forslagsrad>();
const TAL = { tal: true } as const;

function kolumner(arsbokslut: ArsbokslutDto) {
  const { forslag, beslut } = arsbokslut;
  return kolumn.columns([
    kolumn.accessor('namn', { header: 'Nämnd', footer: 'Staden' }),
    kolumn.accessor('budgetOre', {
      header: () => <MnkrRubrik text="Budget" />,
      cell: ({ getValue }) => <Belopp ore={getValue()} />,
      footer: () => <Belopp ore={forslag.namnder.reduce((s, n) => s + n.budgetOre, 0)} />,
      meta: TAL,
    }),
    kolumn.accessor('utfallOre', {
      header: () => <MnkrRubrik text={arsbokslut.bokslut ? 'Bokslut' : 'Utfall hittills'} />,
      cell: ({ getValue }) => <Belopp ore={getValue()} />,
      footer: () => <Belopp ore={forslag.namnder.reduce((s, n) => s + n.utfallOre, 0)} />,
      meta: TAL,
    }),
    kolumn.accessor('resultatOre', {
      header: () => <MnkrRubrik text="Resultat" />,
      cell: ({ getValue }) => <Belopp ore={getValue()} avvikelse />,
      footer: () => <Belopp ore={forslag.resultatOre} avvikelse />,
      meta: TAL,
    }),
    kolumn.accessor('overforingOre', {
      header: () => <MnkrRubrik text="Förslag" />,
      cell: ({ getValue }) => <Belopp ore={getValue()} avvikelse />,
      footer: () => <Belopp ore={forslag.overforingOre} avvikelse />,
      meta: TAL,
    }),
    kolumn.accessor('beslutOre', {
      header: () => <MnkrRubrik text="KF:s beslut" />,
      cell: ({ getValue }) => <Belopp ore={getValue()} avvikelse saknas="inget beslut" />,
      footer: () => <Belopp ore={beslut?.beslutOre ?? null} avvikelse saknas="inget beslut" />,
      meta: TAL,
    }),
    kolumn.accessor((rad) => rad.motivering ?? rad.forklaring, { id: 'grund', header: 'Grund', enableSorting: false }),
  ]);
}

function Forslagstabell({ arsbokslut, namnPaKod }: { arsbokslut: ArsbokslutDto; namnPaKod: (kod: string) => string }) {
  const rader = useMemo(() => forslagsrader(arsbokslut, namnPaKod), [arsbokslut, namnPaKod]);
  const allaKolumner = useMemo(() => kolumner(arsbokslut), [arsbokslut]);
  return (
    <Table
      data={rader}
      columns={allaKolumner}
      caption={
        <>
          Resultatöverföring {arsbokslut.ar} per nämnd
          <span className="caption__not">
            Resultat = budget − {arsbokslut.bokslut ? 'bokslut' : 'utfall hittills'}: positivt är ett överskott, som förs till nästa års
            ram; negativt ett underskott, som dras av.
          </span>
        </>
      }
      radId={(rad) => rad.namnd}
      radAttribut={(rad) => ({ 'data-namnd': rad.namnd })}
      fotAttribut={{ 'data-summa': 'staden' }}
      testId="resultatoverforing"
      klass="tabell--bred"
    />
  );
}

function Regler({ arsbokslut, onMeddelande }: { arsbokslut: ArsbokslutDto; onMeddelande: (text: string) => void }) {
  const { regler } = arsbokslut;
  const spara = useSparaRegler();
  const [overskott, setOverskott] = useState(regler.overskottAndel);
  const [tak, setTak] = useState(regler.overskottTakProcentAvBudget ?? '');
  const [underskott, setUnderskott] = useState(regler.underskottAndel);
  const id = useId();
  const skicka = (event: FormEvent) => {
    event.preventDefault();
    spara.mutate(
      {
        overskottAndel: overskott,
        overskottTakProcentAvBudget: tak.trim() === '' ? null : tak,
        underskottAndel: underskott,
        namndundantag: regler.namndundantag,
      },
      {
        onSuccess: () => onMeddelande('Reglerna för resultatöverföring är sparade; förslaget är räknat om.'),
        onError: (fel) => onMeddelande(`Reglerna sparades inte. ${fel.message}`),
      },
    );
  };
  return (
    <div data-testid="overforingsregler">
      <p>
        Stadens regel: {beskrivRegler(regler)}
        {regler.andradAv ? ` Senast ändrad av ${regler.andradAv}.` : ' Standardregeln (Helsingborgs: allt förs över).'}
      </p>
      {regler.namndundantag.length > 0 ? (
        <ul aria-label="Undantag i reglerna">
          {regler.namndundantag.map((u) => (
            <li key={u.namnd}>
              {u.namnd}: {u.overskottAndel} % av ett överskott, {u.underskottAndel} % av ett underskott – {u.skal}
            </li>
          ))}
        </ul>
      ) : null}
      <details>
        <summary>Ändra reglerna</summary>
        <form onSubmit={skicka} className="formular" aria-describedby={`${id}-hjalp`}>
          <p id={`${id}-hjalp`}>Procentsatser mellan 0 och 100, till exempel ”100” eller ”2,5”. Lämna taket tomt för inget tak.</p>
          <div className="falt">
            <label htmlFor={`${id}-overskott`}>Andel av överskott (%)</label>
            <input id={`${id}-overskott`} value={overskott} onChange={(e) => setOverskott(e.target.value)} inputMode="decimal" />
          </div>
          <div className="falt">
            <label htmlFor={`${id}-tak`}>Tak för överskott (% av budgeten)</label>
            <input id={`${id}-tak`} value={tak} onChange={(e) => setTak(e.target.value)} inputMode="decimal" />
          </div>
          <div className="falt">
            <label htmlFor={`${id}-underskott`}>Andel av underskott (%)</label>
            <input id={`${id}-underskott`} value={underskott} onChange={(e) => setUnderskott(e.target.value)} inputMode="decimal" />
          </div>
          <div className="knappar">
            <button type="submit" disabled={spara.isPending} data-testid="spara-regler">
              Spara reglerna
            </button>
          </div>
          <Faltfel fel={spara.error} />
        </form>
      </details>
    </div>
  );
}

function Faltfel({ fel }: { fel: Error | null }) {
  if (!fel) return null;
  return (
    <div className="meddelande meddelande--fel" role="alert" data-testid="beslut-fel">
      <p>{fel instanceof ApiFel ? (fel.detalj ?? fel.titel) : fel.message}</p>
      {fel instanceof ApiFel && fel.faltfel.length > 0 ? (
        <ul>
          {fel.faltfel.map((f) => (
            <li key={`${f.field}:${f.message}`}>{f.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Beslutsformular({
  arsbokslut,
  namnPaKod,
  onMeddelande,
}: {
  arsbokslut: ArsbokslutDto;
  namnPaKod: (kod: string) => string;
  onMeddelande: (text: string) => void;
}) {
  const id = useId();
  const besluta = useBeslutaResultatoverforing(arsbokslut.ar);
  const [beslutad, setBeslutad] = useState(() => new Date().toISOString().slice(0, 10));
  const [belopp, setBelopp] = useState<Record<string, string>>(() =>
    Object.fromEntries(arsbokslut.forslag.namnder.map((n) => [n.namnd, kronorText(n.overforingOre)])),
  );
  const [motivering, setMotivering] = useState<Record<string, string>>({});
  const [lokaltFel, setLokaltFel] = useState<string>();
  const skicka = (event: FormEvent) => {
    event.preventDefault();
    const last = lasBeslut(belopp);
    if (!last.ok) {
      setLokaltFel(`Beloppet för ${namnPaKod(last.namnd)} är inte ett belopp i kronor.`);
      return;
    }
    setLokaltFel(undefined);
    besluta.mutate(
      {
        beslutad,
        namnder: last.rader.map((rad) => ({ ...rad, ...(motivering[rad.namnd]?.trim() ? { motivering: motivering[rad.namnd] } : {}) })),
      },
      {
        onSuccess: (svar) =>
          onMeddelande(`KF:s beslut är registrerat: ${formatMnkr(svar.beslutOre)} förs till ramarna ${arsbokslut.ar + 1}.`),
      },
    );
  };
  return (
    <form onSubmit={skicka} className="formular" data-testid="beslutsformular" aria-labelledby={`${id}-rubrik`}>
      <h3 id={`${id}-rubrik`}>Registrera KF:s beslut</h3>
      <p>Belopp i kronor per nämnd, förifyllda med förslaget. Ett belopp som avviker från förslaget ska motiveras (särskilda skäl).</p>
      <div className="falt">
        <label htmlFor={`${id}-datum`}>Beslutsdatum</label>
        <input id={`${id}-datum`} type="date" value={beslutad} onChange={(e) => setBeslutad(e.target.value)} required />
      </div>
      <fieldset className="beslutsrader">
        <legend>Överföring per nämnd (kr)</legend>
        {arsbokslut.forslag.namnder.map((n) => (
          <div className="beslutsrad" key={n.namnd} data-namnd={n.namnd}>
            <div className="falt">
              <label htmlFor={`${id}-${n.namnd}-belopp`}>{namnPaKod(n.namnd)}</label>
              <input
                id={`${id}-${n.namnd}-belopp`}
                value={belopp[n.namnd] ?? ''}
                onChange={(e) => setBelopp((f) => ({ ...f, [n.namnd]: e.target.value }))}
                inputMode="decimal"
                data-testid={`belopp-${n.namnd}`}
              />
            </div>
            <div className="falt">
              <label htmlFor={`${id}-${n.namnd}-motivering`}>Motivering, {namnPaKod(n.namnd)}</label>
              <input
                id={`${id}-${n.namnd}-motivering`}
                value={motivering[n.namnd] ?? ''}
                onChange={(e) => setMotivering((f) => ({ ...f, [n.namnd]: e.target.value }))}
                data-testid={`motivering-${n.namnd}`}
              />
            </div>
          </div>
        ))}
      </fieldset>
      <div className="knappar">
        <button type="submit" disabled={besluta.isPending} data-testid="registrera-beslut">
          Registrera beslutet
        </button>
      </div>
      {lokaltFel ? (
        <div className="meddelande meddelande--fel" role="alert">
          <p>{lokaltFel}</p>
        </div>
      ) : null}
      <Faltfel fel={besluta.error} />
    </form>
  );
}

function Arsbokslut({ ar, onMeddelande }: { ar: number; onMeddelande: (text: string) => void }) {
  const fraga = useArsbokslut(ar);
  const { namnPaKod: namnMap } = useNamnder();
  const namnPaKod = useMemo(() => (kod: string) => namnMap.get(kod) ?? kod, [namnMap]);
  const stang = useStangAr();
  if (fraga.isPending) return <Laddar>Hämtar bokslutet…</Laddar>;
  if (fraga.isError)
    return <Felmeddelande rubrik="Det gick inte att hämta bokslutet" fel={fraga.error} onForsokIgen={() => void fraga.refetch()} />;
  const arsbokslut = fraga.data;
  const { bokslut, beslut } = arsbokslut;
  return (
    <>
      <section aria-labelledby="bokslut-rubrik" data-testid="bokslut" data-stangt={bokslut ? 'ja' : 'nej'}>
        <h2 id="bokslut-rubrik">Årets bokslut</h2>
        {bokslut ? (
          <p>
            Året är stängt: bokslutet fastställdes {bokslut.faststalltAt.slice(0, 10)} av {bokslut.faststalltAv} för {bokslut.antalNamnder}{' '}
            nämnder, nettokostnad {formatMnkr(bokslut.nettokostnadOre)}. Årets utfall är låst och kan inte importeras igen.
          </p>
        ) : (
          <>
            <p>
              Året är inte stängt. Importera utfallet till och med december, stäng sedan året: utfallet låses och bokslutet publiceras per
              nämnd.
            </p>
            <BekraftadAtgard
              testId="stang-aret"
              knapptext={`Stäng ${ar}`}
              fraga={
                <>
                  När året är stängt kan utfallet för {ar} inte längre ändras. Vill du stänga {ar}?
                </>
              }
              jaText={`Ja, stäng ${ar}`}
              upptagen={stang.isPending}
              onJa={(tillbaka) =>
                stang.mutate(ar, {
                  onSuccess: (svar) => onMeddelande(`${ar} är stängt: bokslutet för ${svar.antalNamnder} nämnder är fastställt.`),
                  onError: (fel) => {
                    onMeddelande(`${ar} kunde inte stängas. ${fel instanceof ApiFel ? (fel.detalj ?? fel.titel) : fel.message}`);
                    tillbaka();
                  },
                })
              }
            />
          </>
        )}
      </section>
      <section aria-labelledby="resultatoverforing-rubrik">
        <h2 id="resultatoverforing-rubrik">Resultatöverföring</h2>
        <Regler key={arsbokslut.regler.andradAt ?? 'standard'} arsbokslut={arsbokslut} onMeddelande={onMeddelande} />
        <Forslagstabell arsbokslut={arsbokslut} namnPaKod={namnPaKod} />
        {beslut ? (
          <p data-testid="beslut">
            KF beslutade om resultatöverföringen {beslut.beslutad}: {formatMnkr(beslut.beslutOre)} förs till ramarna {ar + 1} som
            tilläggsbudgeten ”Resultatöverföring från {ar}”.
          </p>
        ) : bokslut ? (
          <Beslutsformular key={ar} arsbokslut={arsbokslut} namnPaKod={namnPaKod} onMeddelande={onMeddelande} />
        ) : (
          <p>Förslaget bygger på utfallet hittills; KF:s beslut registreras när året är stängt.</p>
        )}
      </section>
    </>
  );
}

/** The ekonomidirektör's year-end: close the year, the resultatöverföring under the city's rules, and KF's decision. */
export function BokslutSida() {
  const idag = new Date();
  const ar = forvaltAr(useSokparameter('ar'), idag);
  const arId = useId();
  const [meddelande, setMeddelande] = useState('');
  return (
    <>
      <Sidrubrik titel="Bokslut" rubrik={`Bokslut ${ar}`} />
      <div className="urval">
        <div className="falt">
          <label htmlFor={arId}>År</label>
          <select id={arId} value={ar} onChange={(e) => andraSokparametrar({ ar: e.target.value })} data-testid="bokslut-ar">
            {valbaraAr(idag, ar).map((valbart) => (
              <option key={valbart} value={valbart}>
                {valbart}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className={meddelande ? 'meddelande meddelande--kvittens' : undefined} role="status" data-testid="bokslut-status">
        {meddelande}
      </p>
      <Arsbokslut key={ar} ar={ar} onMeddelande={setMeddelande} />
    </>
  );
}
