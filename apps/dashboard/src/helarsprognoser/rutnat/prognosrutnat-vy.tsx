import type { HelarsprognosAdress, HelarsprognosUnderlag, VerksamhetsbudgetDto } from '@tertial/contracts/dto';
import type { KontogruppKod } from '@tertial/contracts/kontogrupper';
import type { Ore } from '@tertial/contracts/money';
import { Fragment, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

import { ApiFel } from '../../api/api-fel.js';
import { formatForandring, formatKr } from '@tertial/diagram/belopp';
import { manadsnamn } from '../../format/tidpunkt.js';
import { Felmeddelande, Laddar } from '../../sida/meddelanden.js';
import { beloppSomVisning, type Inmatningsenhet } from './belopp-inmatning.js';
import { forslagstangent, nastaCell } from './cellnavigering.js';
import { Enhetsval } from './enhetsval.js';
import { Konfliktvy } from './konfliktvy.js';
import { tillaggAndrat, tillaggFran, tillaggIEnhet, tolkaTillagg, type Tillaggsinmatning } from './personal-och-investeringar.js';
import { PersonalOchInvesteringar } from './personal-och-investeringar-vy.js';
import {
  arAndrad,
  bytEnhet,
  inmatningFran,
  KOLUMNRUBRIKER,
  kolumnordning,
  raderAttSeOver,
  rutnat,
  sparbegaran,
  taForslag,
  type Inmatning,
  type Kolumn,
} from './prognosrutnat.js';
import { useSmalSkarm } from './use-smal-skarm.js';
import { Sparstatus, type Sparlage } from './sparstatus.js';
import {
  Konflikt,
  sparaVersion,
  useAktuellVersion,
  useEfterSparning,
  useUnderlag,
  useVerksamhetsbudget,
  type Versionslage,
} from './use-prognosrutnat.js';
import {
  BudgetkolumnCeller,
  BudgetkolumnNetto,
  BudgetkolumnRubriker,
  BudgetkontrollerNedan,
  BudgetkontrollerOvan,
  useBudgetredigering,
} from './verksamhetsbudget-vy.js';

interface Props {
  adress: HelarsprognosAdress;
  ansvarsnamn: string;
  /** The round is open: the chef may save. */
  oppen: boolean;
  enhet: Inmatningsenhet;
  onEnhet: (enhet: Inmatningsenhet) => void;
  onMeddelande: (text: string) => void;
}

/**
 * The chef's forecast of one ansvar: the underlag beside an editable figure per kontogrupp, saved as versions. In the
 * same grid the chef makes the ansvar's verksamhetsbudget (the internbudget spread over kontogrupper and months),
 * which the budget service keeps and publishes: the forecast's budget column comes from it.
 */
export function Prognosrutnat(props: Props) {
  const underlag = useUnderlag(props.adress);
  const aktuell = useAktuellVersion(props.adress);
  const verksamhetsbudget = useVerksamhetsbudget(props.adress.ansvar, props.adress.ar);
  if (underlag.isPending || aktuell.isPending || verksamhetsbudget.isPending) return <Laddar>Hämtar underlaget och prognosen…</Laddar>;
  if (underlag.isError)
    return (
      <Felmeddelande
        rubrik="Det gick inte att hämta underlaget"
        fel={underlag.error}
        onForsokIgen={() => void underlag.refetch()}
        niva={3}
      />
    );
  if (aktuell.isError)
    return (
      <Felmeddelande rubrik="Det gick inte att hämta prognosen" fel={aktuell.error} onForsokIgen={() => void aktuell.refetch()} niva={3} />
    );
  return (
    <Rutnatet
      {...props}
      underlag={underlag.data}
      forsta={aktuell.data}
      verksamhetsbudget={verksamhetsbudget.data ?? null}
      verksamhetsbudgetFel={verksamhetsbudget.isError ? verksamhetsbudget.error : null}
      onHamtaBudgetIgen={() => void verksamhetsbudget.refetch()}
    />
  );
}

type Cellfel = Partial<Record<KontogruppKod | 'kommentar' | 'formular', string>>;

const AVVIKELSE_HJALP = 'Avvikelse är budget minus prognos på nettokostnaden; positiv är ett överskott.';

function Rutnatet({
  adress,
  ansvarsnamn,
  oppen,
  enhet,
  onEnhet,
  onMeddelande,
  underlag,
  forsta,
  verksamhetsbudget,
  verksamhetsbudgetFel,
  onHamtaBudgetIgen,
}: Props & {
  underlag: HelarsprognosUnderlag;
  forsta: Versionslage;
  verksamhetsbudget: VerksamhetsbudgetDto | null;
  verksamhetsbudgetFel: Error | null;
  onHamtaBudgetIgen: () => void;
}) {
  const id = useId();
  const budgetred = useBudgetredigering(verksamhetsbudget, enhet, onMeddelande);
  const [budgetlage, setBudgetlage] = useState(false);
  // The verksamhetsbudget's columns in the grid, while the chef makes it.
  const red = budgetlage ? budgetred : null;
  const [bas, setBas] = useState<Versionslage>(forsta);
  const [inmatning, setInmatning] = useState<Inmatning>(() => inmatningFran(forsta.prognos, enhet));
  const [tillagg, setTillagg] = useState<Tillaggsinmatning>(() => tillaggFran(forsta.prognos, enhet));
  const [inmatningsenhet, setInmatningsenhet] = useState(enhet);
  const [sparar, setSparar] = useState(false);
  const [fel, setFel] = useState<Cellfel>({});
  const [konflikt, setKonflikt] = useState<{ lage: Versionslage; klarmarkerad: boolean } | null>(null);
  const efterSparning = useEfterSparning(adress);
  const smal = useSmalSkarm();
  const celler = useRef(new Map<number, HTMLInputElement>());
  const felrubrik = useRef<HTMLDivElement>(null);
  const flyttaFokusTillFel = useRef(false);

  // The unit is the page's: switching rewrites the figures typed, never their value.
  if (inmatningsenhet !== enhet) {
    setInmatning(bytEnhet(inmatning, inmatningsenhet, enhet));
    setTillagg(tillaggIEnhet(tillagg, inmatningsenhet, enhet));
    setInmatningsenhet(enhet);
  }

  const visat = useMemo(() => rutnat(underlag, inmatning, enhet), [underlag, inmatning, enhet]);
  const seOver = useMemo(
    () => new Map(raderAttSeOver(visat, underlag.troskel).map((rad) => [rad.kontogrupp, rad.varfor])),
    [visat, underlag],
  );
  const tillaggsberakning = useMemo(() => tolkaTillagg(tillagg, underlag, enhet), [tillagg, underlag, enhet]);
  const andrad = arAndrad(inmatning, bas.prognos, enhet) || tillaggAndrat(tillagg, bas.prognos, underlag, enhet);
  const status = bas.prognos?.status;
  const redigerbar = oppen && status !== 'godkand';
  const lage: Sparlage = sparar
    ? { typ: 'sparar' }
    : andrad || !bas.prognos
      ? { typ: 'ej-sparad', andrad }
      : { typ: 'sparad', prognos: bas.prognos };

  useEffect(() => {
    if (!flyttaFokusTillFel.current) return;
    flyttaFokusTillFel.current = false;
    const forstaRad = visat.rader.findIndex((rad) => fel[rad.kontogrupp]);
    if (forstaRad >= 0) celler.current.get(forstaRad)?.focus();
    else if (fel.kommentar) document.getElementById(`${id}-kommentar`)?.focus();
    else if (fel.formular) felrubrik.current?.focus();
  }, [fel, id, visat.rader]);

  function andraCell(kontogrupp: KontogruppKod, text: string) {
    setInmatning((tidigare) => ({ ...tidigare, celler: { ...tidigare.celler, [kontogrupp]: text } }));
    if (fel[kontogrupp]) setFel((tidigare) => utan(tidigare, kontogrupp));
  }

  function taForslaget(kontogrupp?: KontogruppKod) {
    setInmatning((tidigare) => taForslag(tidigare, underlag, enhet, kontogrupp));
    setFel({});
  }

  function tangent(event: KeyboardEvent<HTMLInputElement>, rad: number) {
    const forslag = forslagstangent(event);
    if (forslag) {
      event.preventDefault();
      taForslaget(forslag === 'alla' ? undefined : visat.rader[rad]!.kontogrupp);
      return;
    }
    const falt = event.currentTarget;
    const mal = nastaCell(
      { rad, kolumn: 0 },
      event,
      { rader: visat.rader.length, kolumner: 1 },
      {
        start: falt.selectionStart ?? 0,
        slut: falt.selectionEnd ?? 0,
        langd: falt.value.length,
      },
    );
    if (!mal) return;
    event.preventDefault();
    celler.current.get(mal.rad)?.focus();
  }

  async function spara(klarmarkerad: boolean, ifMatch = bas.etag) {
    if (sparar) return;
    const begaran = sparbegaran(visat, inmatning.kommentar, klarmarkerad);
    if (!begaran.ok) {
      flyttaFokusTillFel.current = true;
      setFel(Object.fromEntries(begaran.fel.map((rad) => [rad.kontogrupp, rad.fel])));
      return;
    }
    if (Object.keys(tillaggsberakning.fel).length > 0) {
      flyttaFokusTillFel.current = true;
      setFel({ formular: 'Rätta personalen eller investeringsprojekten under tabellen innan du sparar.' });
      return;
    }
    setSparar(true);
    setFel({});
    try {
      const sparad = await sparaVersion(adress, { ...begaran.begaran, ...tillaggsberakning.begaran }, ifMatch);
      setBas(sparad);
      setKonflikt(null);
      setInmatning(inmatningFran(sparad.prognos, enhet));
      setTillagg(tillaggFran(sparad.prognos, enhet));
      efterSparning(sparad);
      onMeddelande(
        `${klarmarkerad ? 'Prognosen är klarmarkerad' : 'Utkastet är sparat'} för ${adress.ansvar} ${ansvarsnamn} (version ${sparad.prognos?.version}).`,
      );
    } catch (orsak) {
      if (orsak instanceof Konflikt) {
        setKonflikt({ lage: orsak.aktuell, klarmarkerad });
        return;
      }
      flyttaFokusTillFel.current = true;
      setFel(
        serverfel(
          orsak,
          visat.rader.map((rad) => rad.kontogrupp),
        ),
      );
    } finally {
      setSparar(false);
    }
  }

  function taDeras(lage: Versionslage) {
    setBas(lage);
    setInmatning(inmatningFran(lage.prognos, enhet));
    setTillagg(tillaggFran(lage.prognos, enhet));
    setKonflikt(null);
    setFel({});
    efterSparning(lage);
    celler.current.get(0)?.focus();
  }

  const visa = (ore: Ore | null) => (ore === null ? '–' : beloppSomVisning(ore, enhet));
  const kommentarKravs = visat.kommentarKravs;
  const kommentarHjalp = `${id}-kommentar-hjalp`;
  const tomManad = manadsnamn(underlag.utfallTomManad);
  const kolumner = kolumnordning(smal);
  const nettoceller: Record<Kolumn, ReactNode> = {
    budget: <td className="tal">{visa(visat.netto.budgetOre)}</td>,
    utfall: <td className="tal">{visa(visat.netto.utfallOre)}</td>,
    forslag: <td className="tal">{visa(visat.netto.forslagOre)}</td>,
    runRate: <td className="tal">{visa(visat.netto.runRateOre)}</td>,
    foregaende: <td className="tal">{visa(visat.netto.foregaendePrognosOre)}</td>,
    prognos: (
      <td className="tal" data-testid="netto-prognos">
        {visat.harFel ? 'Rätta cellerna' : visa(visat.netto.prognosOre)}
      </td>
    ),
    avvikelse: (
      <td className="tal" data-testid="netto-avvikelse">
        {visat.netto.avvikelseOre === null ? '–' : formatForandring(visat.netto.avvikelseOre, enhet, enhet === 'tkr' ? 1 : 0)}
      </td>
    ),
  };

  return (
    <div className="prognosrutnat" data-testid="prognosrutnat" data-ansvar={adress.ansvar}>
      <div className="prognosrutnat__verktyg">
        <Enhetsval enhet={enhet} onValj={onEnhet} />
        {budgetred ? (
          <button
            type="button"
            className="knapp--sekundar"
            aria-pressed={budgetlage}
            onClick={() => setBudgetlage(!budgetlage)}
            data-testid="visa-verksamhetsbudget"
          >
            Gör verksamhetsbudget i tabellen
          </button>
        ) : verksamhetsbudgetFel instanceof ApiFel && verksamhetsbudgetFel.status === 404 ? (
          <p className="falt__hjalp" data-testid="ingen-verksamhetsbudget">
            Nämnden har ingen internbudget för {adress.ansvar} år {adress.ar} ännu, så det finns ingen verksamhetsbudget att göra.
          </p>
        ) : verksamhetsbudgetFel ? (
          <Felmeddelande
            rubrik="Det gick inte att hämta verksamhetsbudgeten"
            fel={verksamhetsbudgetFel}
            onForsokIgen={onHamtaBudgetIgen}
            niva={3}
          />
        ) : null}
        {redigerbar ? (
          <p className="falt__hjalp" id={`${id}-tangenter`} data-testid="tangenthjalp">
            <kbd>↑</kbd> <kbd>↓</kbd> och <kbd>Enter</kbd> flyttar mellan prognoscellerna. <kbd>F</kbd> tar förslaget för raden,{' '}
            <kbd>Skift</kbd>+<kbd>F</kbd> för alla rader.
          </p>
        ) : null}
      </div>

      {fel.formular ? (
        <div ref={felrubrik} tabIndex={-1} className="meddelande meddelande--fel" role="alert" data-testid="rutnat-fel">
          <p>{fel.formular}</p>
        </div>
      ) : null}

      {red ? <BudgetkontrollerOvan red={red} /> : null}

      <div className="tabell-ram" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table
          className="tabell tabell--bred prognosrutnat__tabell"
          data-testid="prognosrutnat-tabell"
          data-budgetlage={red ? true : undefined}
        >
          <caption id={`${id}-caption`}>
            {red ? `Verksamhetsbudget ${red.budget.ar}${red.manuellt ? ' per månad' : ''} och helårsprognos` : 'Helårsprognos'} per
            kontogrupp, {enhet}
            <span className="caption__not">
              Utfall januari–{tomManad}. {AVVIKELSE_HJALP}
            </span>
          </caption>
          <thead>
            <tr>
              <th scope="col">Kontogrupp</th>
              {red ? <BudgetkolumnRubriker red={red} /> : null}
              {kolumner.map((kolumn) => (
                <th key={kolumn} scope="col" className="tal">
                  {kolumn === 'utfall' ? `Utfall jan–${tomManad.slice(0, 3)}` : KOLUMNRUBRIKER[kolumn]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {visat.rader.map((rad, index) => {
              const felId = `${id}-${rad.kontogrupp}-fel`;
              const radfel = fel[rad.kontogrupp] ?? rad.fel;
              const varfor = seOver.get(rad.kontogrupp);
              const radceller: Record<Kolumn, ReactNode> = {
                budget: <td className="tal">{visa(rad.budgetOre)}</td>,
                utfall: <td className="tal">{visa(rad.utfallOre)}</td>,
                forslag: (
                  <td className="tal">
                    {redigerbar ? (
                      <button
                        type="button"
                        className="knapp--lank prognosrutnat__forslag"
                        onClick={() => taForslaget(rad.kontogrupp)}
                        aria-label={`Använd förslaget för ${rad.namn}: ${visa(rad.forslagOre)} ${enhet}`}
                        data-testid="ta-forslag"
                      >
                        {visa(rad.forslagOre)}
                      </button>
                    ) : (
                      visa(rad.forslagOre)
                    )}
                  </td>
                ),
                runRate: <td className="tal">{visa(rad.runRateOre)}</td>,
                foregaende: <td className="tal">{visa(rad.foregaendePrognosOre)}</td>,
                prognos: (
                  <td className="tal prognosrutnat__cell">
                    {redigerbar ? (
                      <>
                        <input
                          ref={(falt) => {
                            if (falt) celler.current.set(index, falt);
                            else celler.current.delete(index);
                          }}
                          type="text"
                          inputMode="decimal"
                          autoComplete="off"
                          className="belopp prognosrutnat__inmatning"
                          aria-label={`${rad.namn}, din prognos i ${enhet}`}
                          aria-invalid={radfel ? true : undefined}
                          aria-describedby={[radfel ? felId : undefined, `${id}-tangenter`].filter(Boolean).join(' ')}
                          value={inmatning.celler[rad.kontogrupp] ?? ''}
                          onChange={(event) => andraCell(rad.kontogrupp, event.target.value)}
                          onFocus={(event) => event.currentTarget.select()}
                          onKeyDown={(event) => tangent(event, index)}
                          data-kontogrupp={rad.kontogrupp}
                        />
                        {radfel ? (
                          <span id={felId} className="falt__fel prognosrutnat__fel">
                            {radfel}
                          </span>
                        ) : null}
                      </>
                    ) : (
                      visa(rad.prognosOre)
                    )}
                  </td>
                ),
                avvikelse: (
                  <td className="tal" data-testid="rad-avvikelse">
                    {rad.avvikelseOre === null ? '–' : formatForandring(rad.avvikelseOre, enhet, enhet === 'tkr' ? 1 : 0)}
                  </td>
                ),
              };
              return (
                <tr key={rad.kontogrupp} data-kontogrupp={rad.kontogrupp} data-se-over={varfor}>
                  <th scope="row">
                    {rad.namn}
                    <span className="tabell__underrubrik">{rad.typ === 'intakt' ? 'intäkt' : 'kostnad'}</span>
                  </th>
                  {red ? <BudgetkolumnCeller red={red} kontogrupp={rad.kontogrupp} /> : null}
                  {kolumner.map((kolumn) => (
                    <Fragment key={kolumn}>{radceller[kolumn]}</Fragment>
                  ))}
                </tr>
              );
            })}
            {/* A kontogrupp the internbudget names that the forecast has no row for: its budget, and nothing else. */}
            {red?.berakning.rader
              .filter((budgetrad) => !visat.rader.some((rad) => rad.kontogrupp === budgetrad.kontogrupp))
              .map((budgetrad) => (
                <tr key={budgetrad.kontogrupp} data-kontogrupp={budgetrad.kontogrupp}>
                  <th scope="row">{budgetrad.namn}</th>
                  <BudgetkolumnCeller red={red} kontogrupp={budgetrad.kontogrupp} />
                  {kolumner.map((kolumn) => (
                    <td key={kolumn} className="tal">
                      –
                    </td>
                  ))}
                </tr>
              ))}
          </tbody>
          <tfoot>
            <tr data-testid="nettorad">
              <th scope="row">
                Nettokostnad
                <span className="tabell__underrubrik">kostnader − intäkter</span>
              </th>
              {red ? <BudgetkolumnNetto red={red} /> : null}
              {kolumner.map((kolumn) => (
                <Fragment key={kolumn}>{nettoceller[kolumn]}</Fragment>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>

      {red ? <BudgetkontrollerNedan red={red} /> : null}

      {redigerbar ? (
        <div className="knappar">
          <button type="button" className="knapp--sekundar" onClick={() => taForslaget()} data-testid="ta-forslag-alla">
            Använd förslaget på alla rader
          </button>
        </div>
      ) : null}

      <PersonalOchInvesteringar
        underlag={underlag}
        inmatning={tillagg}
        berakning={tillaggsberakning}
        enhet={enhet}
        redigerbar={redigerbar}
        onAndra={setTillagg}
      />

      <div className="falt falt--bred prognosrutnat__kommentar">
        <label htmlFor={`${id}-kommentar`}>
          Kommentar{' '}
          <span className={kommentarKravs ? 'prognosrutnat__kravs' : 'svag'}>
            {kommentarKravs ? '(krävs för att klarmarkera)' : '(frivillig)'}
          </span>
        </label>
        {kommentarKravs ? (
          <p id={kommentarHjalp} className="falt__hjalp prognosrutnat__kravs" data-testid="kommentar-kravs">
            Avvikelsen mot budget ({formatKr(visat.netto.avvikelseOre ?? 0)}) passerar stadens gräns på{' '}
            {formatKr(underlag.troskel.beloppOre)} eller {String(underlag.troskel.procent).replace('.', ',')} % av budgeten. Förklara den
            här; kommentaren följer med i nämndens rapport.
          </p>
        ) : null}
        {redigerbar ? (
          <textarea
            id={`${id}-kommentar`}
            rows={3}
            maxLength={4000}
            value={inmatning.kommentar}
            onChange={(event) => {
              setInmatning((tidigare) => ({ ...tidigare, kommentar: event.target.value }));
              if (fel.kommentar) setFel((tidigare) => utan(tidigare, 'kommentar'));
            }}
            aria-required={kommentarKravs || undefined}
            aria-invalid={fel.kommentar ? true : undefined}
            aria-describedby={
              [fel.kommentar ? `${id}-kommentar-fel` : undefined, kommentarKravs ? kommentarHjalp : undefined].filter(Boolean).join(' ') ||
              undefined
            }
            data-testid="prognos-kommentar"
          />
        ) : (
          <p id={`${id}-kommentar`}>{inmatning.kommentar || 'Ingen kommentar.'}</p>
        )}
        {fel.kommentar ? (
          <p id={`${id}-kommentar-fel`} className="falt__fel" data-testid="kommentar-fel">
            {fel.kommentar}
          </p>
        ) : null}
      </div>

      <Sparstatus lage={lage} />

      {redigerbar ? (
        <div className="knappar">
          <button
            type="button"
            className="knapp--sekundar"
            aria-disabled={sparar || undefined}
            onClick={() => void spara(false)}
            data-testid="spara-utkast"
          >
            Spara utkast
          </button>
          <button type="button" aria-disabled={sparar || undefined} onClick={() => void spara(true)} data-testid="klarmarkera">
            Klarmarkera
          </button>
        </div>
      ) : (
        <p data-testid="ej-redigerbar">
          {status === 'godkand'
            ? 'Prognosen är godkänd och kan inte ändras om den inte skickas tillbaka.'
            : 'Omgången är stängd, så prognosen kan inte ändras.'}
        </p>
      )}

      {konflikt ? (
        <Konfliktvy
          underlag={underlag}
          min={visat}
          minKommentar={inmatning.kommentar}
          deras={konflikt.lage}
          enhet={enhet}
          sparar={sparar}
          onTaDeras={() => taDeras(konflikt.lage)}
          onBehallMin={() => void spara(konflikt.klarmarkerad, konflikt.lage.etag)}
        />
      ) : null}
    </div>
  );
}

function utan(fel: Cellfel, namn: keyof Cellfel): Cellfel {
  const kvar = { ...fel };
  delete kvar[namn];
  return kvar;
}

/** The server's refusal beside the cells it names (`rader[i]` is the grid's row i as sent); the rest for the whole grid. */
function serverfel(orsak: unknown, koder: readonly KontogruppKod[]): Cellfel {
  if (!(orsak instanceof ApiFel)) return { formular: orsak instanceof Error ? orsak.message : 'Prognosen kunde inte sparas.' };
  const fel: Cellfel = {};
  const lagg = (namn: keyof Cellfel, text: string) => {
    const mening = `${text.charAt(0).toLocaleUpperCase('sv')}${text.slice(1)}`.replace(/([^.!?])$/, '$1.');
    fel[namn] = fel[namn] ? `${fel[namn]} ${mening}` : mening;
  };
  for (const { field, message } of orsak.faltfel) {
    const rad = /^rader\[(\d+)\]/.exec(field);
    const kod = rad ? koder[Number(rad[1])] : undefined;
    if (kod) lagg(kod, message);
    else if (field === 'kommentar') lagg('kommentar', orsak.detalj ?? message);
    else lagg('formular', [orsak.titel, orsak.detalj].filter(Boolean).join(': '));
  }
  if (Object.keys(fel).length === 0) fel.formular = [orsak.titel, orsak.detalj].filter(Boolean).join(': ');
  return fel;
}
