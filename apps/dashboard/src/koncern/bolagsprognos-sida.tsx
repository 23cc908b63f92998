import type { Bolagsprognos } from '@tertial/contracts/dto';
import { useId, useMemo, useState, type FormEvent } from 'react';

import { ApiFel } from '../api/api-fel.js';
import { formatMnkr } from '@tertial/diagram/belopp';
import { formatTidpunkt } from '../format/tidpunkt.js';
import { useInloggning } from '../inloggning/use-inloggning.js';
import { Felmeddelande, Laddar, Tomt } from '../sida/meddelanden.js';
import { Sidrubrik } from '../sida/sidrubrik.js';
import { Belopp } from '../table/belopp.js';
import { kolumnhjalp, Table } from '../table/table.js';
import { aktuelltTillfalle, delnamn, oreTillTkrText, tkrTillKronor } from './koncern.js';
import { useBolagsbudgetar, useBolagsprognoser, useSparaBolagsprognos } from './use-koncern.js';

const FALT = [
  { namn: 'intakter', etikett: 'Intäkter, tkr', nyckel: 'intakterOre' },
  { namn: 'kostnader', etikett: 'Kostnader, tkr', nyckel: 'kostnaderOre' },
  {
    namn: 'resultatEfterFinansiellaPoster',
    etikett: 'Resultat efter finansiella poster, tkr',
    nyckel: 'resultatEfterFinansiellaPosterOre',
  },
  { namn: 'investeringar', etikett: 'Investeringar, tkr', nyckel: 'investeringarOre' },
] as const;
type Faltnamn = (typeof FALT)[number]['namn'] | 'kommentar';

const p = kolumnhjalp<Bolagsprognos>();
const kolumner = [
  p.accessor('tillfalle', { header: 'Tillfälle' }),
  p.accessor('intakterOre', { header: 'Intäkter, mnkr', meta: { tal: true }, cell: ({ getValue }) => <Belopp ore={getValue()} /> }),
  p.accessor('kostnaderOre', { header: 'Kostnader, mnkr', meta: { tal: true }, cell: ({ getValue }) => <Belopp ore={getValue()} /> }),
  p.accessor('resultatEfterFinansiellaPosterOre', {
    header: 'Resultat efter fin. poster, mnkr',
    meta: { tal: true },
    cell: ({ getValue }) => <Belopp ore={getValue()} />,
  }),
  p.accessor('investeringarOre', {
    header: 'Investeringar, mnkr',
    meta: { tal: true },
    cell: ({ getValue }) => <Belopp ore={getValue()} />,
  }),
  p.accessor('kommentar', { header: 'Kommentar', enableSorting: false }),
  p.accessor((r) => `${r.andradAv}, ${formatTidpunkt(r.andradAt)} (version ${r.version})`, {
    id: 'andrad',
    header: 'Sparad',
    enableSorting: false,
  }),
];

/** A company's ekonomichef enters the company's full-year forecast for a round, beside its budget and earlier forecasts. */
export function BolagsprognosSida() {
  const id = useId();
  const { anvandare } = useInloggning();
  const bolag = anvandare?.organisation[0] ?? '';
  const ar = new Date().getFullYear();
  const [tillfalle, setTillfalle] = useState<'april' | 'augusti'>(aktuelltTillfalle());
  const prognoser = useBolagsprognoser(ar);
  const budgetar = useBolagsbudgetar(ar);
  const spara = useSparaBolagsprognos();
  const [formular, setFormular] = useState<Record<Faltnamn, string> | null>(null);
  const [fel, setFel] = useState<Partial<Record<string, string>>>({});
  const [meddelande, setMeddelande] = useState('');

  const egna = useMemo(() => (prognoser.data ?? []).filter((r) => r.bolag === bolag), [prognoser.data, bolag]);
  const budget = budgetar.data?.find((b) => b.bolag === bolag);
  const sparad = egna.find((r) => r.tillfalle === tillfalle);
  const varden: Record<Faltnamn, string> = formular ?? {
    intakter: sparad ? oreTillTkrText(sparad.intakterOre) : '',
    kostnader: sparad ? oreTillTkrText(sparad.kostnaderOre) : '',
    resultatEfterFinansiellaPoster: sparad ? oreTillTkrText(sparad.resultatEfterFinansiellaPosterOre) : '',
    investeringar: sparad ? oreTillTkrText(sparad.investeringarOre) : '',
    kommentar: sparad?.kommentar ?? '',
  };

  function skicka(event: FormEvent) {
    event.preventDefault();
    const nyaFel: Record<string, string> = {};
    const kronor: Record<string, string> = {};
    for (const falt of FALT) {
      const varde = tkrTillKronor(varden[falt.namn]);
      if (varde === undefined) nyaFel[falt.namn] = 'Ange ett belopp i tkr, till exempel 1 156 400';
      else kronor[falt.namn] = varde;
    }
    if (varden.kommentar.trim() === '') nyaFel.kommentar = 'Prognosen behöver en kommentar';
    setFel(nyaFel);
    if (Object.keys(nyaFel).length > 0) {
      setMeddelande('Prognosen sparades inte: rätta de markerade fälten.');
      return;
    }
    setMeddelande('Sparar…');
    spara.mutate(
      {
        bolag,
        ar,
        tillfalle,
        intakter: kronor.intakter!,
        kostnader: kronor.kostnader!,
        resultatEfterFinansiellaPoster: kronor.resultatEfterFinansiellaPoster!,
        investeringar: kronor.investeringar!,
        kommentar: varden.kommentar,
      },
      {
        onSuccess: (prognos) => {
          setFormular(null);
          setMeddelande(
            `Prognosen för ${prognos.tillfalle} är sparad (version ${prognos.version}): resultat ${formatMnkr(prognos.resultatEfterFinansiellaPosterOre)}.`,
          );
        },
        onError: (orsak) => {
          if (orsak instanceof ApiFel) setFel(Object.fromEntries(orsak.faltfel.map((f) => [f.field, f.message])));
          setMeddelande(`Prognosen sparades inte. ${orsak.message}`);
        },
      },
    );
  }

  if (!bolag) return <Tomt rubrik="Inget bolag">Din inloggning anger inget bolag.</Tomt>;
  const rader = [...egna];
  return (
    <>
      <Sidrubrik titel="Bolagets prognos" rubrik={`${delnamn(bolag)}: helårsprognos ${ar}`} />
      {budget ? (
        <p className="ingress" data-testid="bolagets-budget">
          Budget {ar} (affärsplanen): intäkter {formatMnkr(budget.intakterOre)}, kostnader {formatMnkr(budget.kostnaderOre)}, resultat efter
          finansiella poster {formatMnkr(budget.resultatEfterFinansiellaPosterOre)}, investeringar {formatMnkr(budget.investeringarOre)}.
        </p>
      ) : null}
      <section aria-labelledby={`${id}-form`}>
        <h2 id={`${id}-form`}>Lämna prognos</h2>
        <form noValidate onSubmit={skicka} data-testid="bolagsprognos-formular">
          <div className="urval">
            <div className="falt">
              <label htmlFor={`${id}-tillfalle`}>Tillfälle</label>
              <select
                id={`${id}-tillfalle`}
                value={tillfalle}
                onChange={(event) => {
                  setTillfalle(event.target.value as 'april' | 'augusti');
                  setFormular(null);
                }}
              >
                <option value="april">april</option>
                <option value="augusti">augusti</option>
              </select>
            </div>
            {FALT.map((falt) => (
              <div className="falt" key={falt.namn}>
                <label htmlFor={`${id}-${falt.namn}`}>{falt.etikett}</label>
                <input
                  id={`${id}-${falt.namn}`}
                  name={falt.namn}
                  inputMode="decimal"
                  autoComplete="off"
                  size={14}
                  value={varden[falt.namn]}
                  onChange={(event) => setFormular({ ...varden, [falt.namn]: event.target.value })}
                  aria-invalid={fel[falt.namn] ? true : undefined}
                  aria-describedby={fel[falt.namn] ? `${id}-${falt.namn}-fel` : undefined}
                />
                {fel[falt.namn] ? (
                  <p id={`${id}-${falt.namn}-fel`} className="falt__fel">
                    {fel[falt.namn]}
                  </p>
                ) : null}
              </div>
            ))}
            <div className="falt falt--bred">
              <label htmlFor={`${id}-kommentar`}>Kommentar</label>
              <textarea
                id={`${id}-kommentar`}
                name="kommentar"
                rows={3}
                value={varden.kommentar}
                onChange={(event) => setFormular({ ...varden, kommentar: event.target.value })}
                aria-invalid={fel.kommentar ? true : undefined}
                aria-describedby={fel.kommentar ? `${id}-kommentar-fel` : undefined}
              />
              {fel.kommentar ? (
                <p id={`${id}-kommentar-fel`} className="falt__fel">
                  {fel.kommentar}
                </p>
              ) : null}
            </div>
          </div>
          <div className="knappar">
            <button type="submit" aria-disabled={spara.isPending || undefined} data-testid="spara-bolagsprognos">
              Spara prognos
            </button>
          </div>
          <p role="status" data-testid="bolagsprognos-status">
            {meddelande}
          </p>
        </form>
      </section>
      <section aria-labelledby={`${id}-lista`}>
        <h2 id={`${id}-lista`}>Lämnade prognoser {ar}</h2>
        {prognoser.isPending ? (
          <Laddar>Hämtar prognoserna…</Laddar>
        ) : prognoser.isError ? (
          <Felmeddelande rubrik="Prognoserna kunde inte visas" fel={prognoser.error} onForsokIgen={() => void prognoser.refetch()} />
        ) : (
          <Table
            data={rader}
            columns={kolumner}
            caption={`${delnamn(bolag)}s prognoser ${ar}`}
            radId={(r) => r.tillfalle}
            testId="bolagsprognoser"
          />
        )}
      </section>
    </>
  );
}
