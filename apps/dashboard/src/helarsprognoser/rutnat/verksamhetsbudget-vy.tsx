import type { VerksamhetsbudgetDto } from '@tertial/contracts/dto';
import type { KontogruppKod } from '@tertial/contracts/kontogrupper';
import { tolkaArsarbetare } from '@tertial/contracts/prognos';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';

import { ApiFel } from '../../api/api-fel.js';
import { formatForandring } from '@tertial/diagram/belopp';
import { formatTidpunkt } from '../../format/tidpunkt.js';
import { beloppSomVisning, type Inmatningsenhet } from './belopp-inmatning.js';
import { nastaCell } from './cellnavigering.js';
import { formatArsarbetare } from './personal-och-investeringar.js';
import { NyareVerksamhetsbudget, useSparaVerksamhetsbudget } from './use-prognosrutnat.js';
import {
  berakna,
  budgetbegaran,
  budgetinmatningFran,
  bytPeriodisering,
  MANADER,
  PERIODISERINGSNAMN,
  type Budgetberakning,
  type Budgetinmatning,
  type Periodisering,
} from './verksamhetsbudget-rutnat.js';

/**
 * The chef's verksamhetsbudget being edited in the forecast grid: the ansvar's internbudget spread over kontogrupper
 * (and months, by hand), with what is typed, its check against the internbudget and its save. The grid draws its
 * columns (`Budgetkolumner…`) in its own rows, and the controls below (`Budgetkontroller`).
 */
export interface Budgetredigering {
  readonly id: string;
  readonly budget: VerksamhetsbudgetDto;
  readonly enhet: Inmatningsenhet;
  readonly inmatning: Budgetinmatning;
  readonly berakning: Budgetberakning;
  readonly manuellt: boolean;
  readonly sparar: boolean;
  readonly arsarbetare: string;
  readonly fel: string;
  readonly status: string;
  /** Counts the refusals the chef should be taken to: each moves focus to the message. */
  readonly felFokus: number;
  andraAr(kod: KontogruppKod, text: string): void;
  andraManad(kod: KontogruppKod, manad: number, text: string): void;
  bytPeriodisering(periodisering: Periodisering): void;
  andraArsarbetare(text: string): void;
  tangent(event: KeyboardEvent<HTMLInputElement>, rad: number, kolumn: number): void;
  cellRef(rad: number, kolumn: number): (falt: HTMLInputElement | null) => void;
  spara(): Promise<void>;
}

const INGEN: Budgetinmatning = { periodisering: 'foregaende-ar', ar: {}, manader: {} };

/**
 * The state of the verksamhetsbudget as the chef edits it; the figures typed are kept when a save is refused. Null
 * when there is none to edit (the nämnd has no internbudget for the ansvar yet, or it could not be fetched).
 */
export function useBudgetredigering(
  budget: VerksamhetsbudgetDto | null,
  enhet: Inmatningsenhet,
  onMeddelande: (text: string) => void,
): Budgetredigering | null {
  const id = useId();
  const sparaBudget = useSparaVerksamhetsbudget(budget?.ansvar ?? '', budget?.ar ?? 0);
  const [inmatning, setInmatning] = useState<Budgetinmatning>(() => (budget ? budgetinmatningFran(budget, enhet) : INGEN));
  const [inmatningsenhet, setInmatningsenhet] = useState(enhet);
  const [sparar, setSparar] = useState(false);
  // The chef's own budgeted årsarbetare; empty means estimated from the personnel costs.
  const [arsarbetare, setArsarbetare] = useState(budget?.arsarbetareKalla === 'chef' ? formatArsarbetare(budget.arsarbetare) : '');
  const [fel, setFel] = useState('');
  const [status, setStatus] = useState('');
  const celler = useRef(new Map<string, HTMLInputElement>());
  const [felFokus, setFelFokus] = useState(0);

  // The unit is the page's: switching reads the budget again in the new unit.
  if (inmatningsenhet !== enhet) {
    if (budget) setInmatning(budgetinmatningFran(budget, enhet));
    setInmatningsenhet(enhet);
  }
  const berakning = useMemo(() => (budget ? berakna(budget, inmatning, enhet) : null), [budget, inmatning, enhet]);
  const manuellt = inmatning.periodisering === 'manuellt';
  if (!budget || !berakning) return null;

  return {
    id,
    budget,
    enhet,
    inmatning,
    berakning,
    manuellt,
    sparar,
    arsarbetare,
    fel,
    status,
    felFokus,
    andraAr: (kod, text) => setInmatning((tidigare) => ({ ...tidigare, ar: { ...tidigare.ar, [kod]: text } })),
    andraManad: (kod, manad, text) =>
      setInmatning((tidigare) => {
        const manader = [...(tidigare.manader[kod] ?? Array.from({ length: 12 }, () => ''))];
        manader[manad] = text;
        return { ...tidigare, manader: { ...tidigare.manader, [kod]: manader } };
      }),
    bytPeriodisering: (periodisering) => setInmatning((tidigare) => bytPeriodisering(tidigare, periodisering, enhet)),
    andraArsarbetare: setArsarbetare,
    tangent(event, rad, kolumn) {
      const falt = event.currentTarget;
      const mal = nastaCell(
        { rad, kolumn },
        event,
        { rader: berakning.rader.length, kolumner: manuellt ? 12 : 1 },
        { start: falt.selectionStart ?? 0, slut: falt.selectionEnd ?? 0, langd: falt.value.length },
      );
      if (!mal) return;
      event.preventDefault();
      celler.current.get(`${mal.rad}-${mal.kolumn}`)?.focus();
    },
    cellRef: (rad, kolumn) => (falt) => {
      if (falt) celler.current.set(`${rad}-${kolumn}`, falt);
      else celler.current.delete(`${rad}-${kolumn}`);
    },
    async spara() {
      if (sparar) return;
      const begaran = budgetbegaran(berakning, inmatning.periodisering);
      if (!begaran.ok) {
        setFel(begaran.fel);
        setFelFokus((antal) => antal + 1);
        return;
      }
      const antal = arsarbetare.trim() === '' ? null : tolkaArsarbetare(arsarbetare.trim());
      if (antal === undefined) {
        setFel('Skriv budgeterade årsarbetare med högst en decimal, till exempel 12,5, eller lämna fältet tomt.');
        setFelFokus((antal) => antal + 1);
        return;
      }
      setSparar(true);
      setFel('');
      setStatus('Sparar…');
      try {
        const sparad = await sparaBudget({ ...begaran.begaran, arsarbetare: antal === null ? null : antal / 10 }, budget.etag);
        setStatus(`Sparad ${sparad.sparad ? formatTidpunkt(sparad.sparad.at) : ''}.`);
        onMeddelande(`Verksamhetsbudgeten för ${budget.ansvar} är sparad.`);
      } catch (orsak) {
        setStatus('Ej sparad.');
        // A budget that does not add up is the budget service's 422, which names the difference.
        setFel(
          orsak instanceof NyareVerksamhetsbudget
            ? `Någon har sparat en nyare version${orsak.aktuell.sparad ? ` (${orsak.aktuell.sparad.av.namn}, ${formatTidpunkt(orsak.aktuell.sparad.at)})` : ''}. Dina siffror står kvar här: spara igen för att ersätta den, eller ladda om sidan för att se den.`
            : orsak instanceof ApiFel
              ? `${orsak.titel}${orsak.detalj || orsak.faltfel.length > 0 ? `: ${orsak.detalj ?? orsak.faltfel.map((falt) => falt.message).join(' ')}` : ''}.`
              : String(orsak),
        );
      } finally {
        setSparar(false);
      }
    },
  };
}

/** The budget's column headings in the grid: the internbudget, then the chef's year (or its twelve months and the year). */
export function BudgetkolumnRubriker({ red }: { red: Budgetredigering }) {
  return (
    <>
      <th scope="col" className="tal prognosrutnat__budgetkolumn">
        Internbudget
      </th>
      {red.manuellt
        ? MANADER.map((manad) => (
            <th key={manad} scope="col" className="tal prognosrutnat__budgetkolumn">
              {manad}
            </th>
          ))
        : null}
      <th scope="col" className="tal prognosrutnat__budgetkolumn">
        {red.manuellt ? 'Din budget, året' : 'Din budget för året'}
      </th>
    </>
  );
}

/** The budget's cells of one kontogrupp's row; a kontogrupp the budget does not hold has none to type. */
export function BudgetkolumnCeller({ red, kontogrupp }: { red: Budgetredigering; kontogrupp: KontogruppKod }) {
  const radIndex = red.berakning.rader.findIndex((rad) => rad.kontogrupp === kontogrupp);
  const rad = red.berakning.rader[radIndex];
  const visa = (ore: number) => beloppSomVisning(ore, red.enhet);
  if (!rad) {
    return (
      <>
        <td className="tal prognosrutnat__budgetkolumn">–</td>
        {red.manuellt ? <td colSpan={12} className="prognosrutnat__budgetkolumn" /> : null}
        <td className="tal prognosrutnat__budgetkolumn">–</td>
      </>
    );
  }
  const felId = `${red.id}-${rad.kontogrupp}-budgetfel`;
  return (
    <>
      <td className="tal prognosrutnat__budgetkolumn">{visa(rad.internbudgetOre)}</td>
      {red.manuellt ? (
        <>
          {MANADER.map((manad, manadIndex) => {
            const tolkat = rad.manader[manadIndex];
            const cellfel = tolkat && !tolkat.ok ? tolkat.fel : undefined;
            return (
              <td key={manad} className="tal prognosrutnat__budgetkolumn">
                <input
                  ref={red.cellRef(radIndex, manadIndex)}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  className="belopp verksamhetsbudget__manad"
                  aria-label={`${rad.namn}, budget ${manad} i ${red.enhet}`}
                  aria-invalid={cellfel ? true : undefined}
                  aria-describedby={cellfel ? felId : undefined}
                  value={red.inmatning.manader[rad.kontogrupp]?.[manadIndex] ?? ''}
                  onChange={(event) => red.andraManad(rad.kontogrupp, manadIndex, event.target.value)}
                  onFocus={(event) => event.currentTarget.select()}
                  onKeyDown={(event) => red.tangent(event, radIndex, manadIndex)}
                  data-budget-kontogrupp={rad.kontogrupp}
                />
              </td>
            );
          })}
          <td className="tal prognosrutnat__budgetkolumn">
            {rad.arOre === null ? '–' : visa(rad.arOre)}
            {rad.fel ? (
              <span id={felId} className="falt__fel tabell__underrubrik">
                {rad.fel}
              </span>
            ) : null}
          </td>
        </>
      ) : (
        <td className="tal prognosrutnat__budgetkolumn">
          <input
            ref={red.cellRef(radIndex, 0)}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            className="belopp prognosrutnat__inmatning"
            aria-label={`${rad.namn}, din budget för året i ${red.enhet}`}
            aria-invalid={rad.fel ? true : undefined}
            aria-describedby={rad.fel ? felId : undefined}
            value={red.inmatning.ar[rad.kontogrupp] ?? ''}
            onChange={(event) => red.andraAr(rad.kontogrupp, event.target.value)}
            onFocus={(event) => event.currentTarget.select()}
            onKeyDown={(event) => red.tangent(event, radIndex, 0)}
            data-budget-kontogrupp={rad.kontogrupp}
          />
          {rad.fel ? (
            <span id={felId} className="falt__fel prognosrutnat__fel">
              {rad.fel}
            </span>
          ) : null}
        </td>
      )}
    </>
  );
}

/** The budget's cells of the net row: the internbudget and what is typed, net. */
export function BudgetkolumnNetto({ red }: { red: Budgetredigering }) {
  const visa = (ore: number) => beloppSomVisning(ore, red.enhet);
  return (
    <>
      <td className="tal prognosrutnat__budgetkolumn">{visa(red.berakning.internbudgetOre)}</td>
      {red.manuellt ? <td colSpan={12} className="prognosrutnat__budgetkolumn" /> : null}
      <td className="tal prognosrutnat__budgetkolumn" data-testid="verksamhetsbudget-netto">
        {red.berakning.nettokostnadOre === null ? '–' : visa(red.berakning.nettokostnadOre)}
      </td>
    </>
  );
}

/**
 * Above the grid while the budget is edited in it: where the budget comes from, its periodisering and budgeted
 * årsarbetare. Below it: the difference against the internbudget, a refusal, and the save.
 */
export function BudgetkontrollerOvan({ red }: { red: Budgetredigering }) {
  const { id, budget, enhet } = red;
  const decimaler = enhet === 'tkr' ? 1 : 0;
  return (
    <div className="verksamhetsbudget" data-testid="verksamhetsbudget">
      <p className="falt__hjalp">
        {budget.kalla === 'chef' && budget.sparad
          ? `Din egen verksamhetsbudget, sparad ${formatTidpunkt(budget.sparad.at)} av ${budget.sparad.av.namn}.`
          : 'Du har ingen egen verksamhetsbudget ännu: internbudgeten är fördelad efter föregående års mönster.'}
        {budget.inaktuell
          ? ` Din sparade budget går inte längre ihop med internbudgeten (${formatForandring(budget.inaktuell.differensOre, enhet, decimaler)} ${enhet}).`
          : ''}
      </p>
      <div className="verksamhetsbudget__falt">
        <div className="falt">
          <label htmlFor={`${id}-periodisering`}>Periodisering</label>
          <select
            id={`${id}-periodisering`}
            value={red.inmatning.periodisering}
            onChange={(event) => {
              const periodisering = (Object.keys(PERIODISERINGSNAMN) as Periodisering[]).find(
                (kandidat) => kandidat === event.target.value,
              );
              if (periodisering) red.bytPeriodisering(periodisering);
            }}
            data-testid="periodisering"
          >
            {(Object.keys(PERIODISERINGSNAMN) as Periodisering[]).map((periodisering) => (
              <option key={periodisering} value={periodisering}>
                {PERIODISERINGSNAMN[periodisering]}
              </option>
            ))}
          </select>
        </div>
        <div className="falt">
          <label htmlFor={`${id}-arsarbetare`}>Budgeterade årsarbetare</label>
          <p className="falt__hjalp" id={`${id}-arsarbetare-hjalp`}>
            {budget.arsarbetareKalla === 'chef'
              ? `Ditt eget antal. Töm fältet för att räkna från personalkostnaderna.`
              : `Beräknat från personalkostnaderna: ${formatArsarbetare(budget.arsarbetare)}. Skriv ett eget antal om du vill.`}
          </p>
          <input
            id={`${id}-arsarbetare`}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            className="belopp"
            value={red.arsarbetare}
            placeholder={formatArsarbetare(budget.arsarbetare)}
            onChange={(event) => red.andraArsarbetare(event.target.value)}
            aria-describedby={`${id}-arsarbetare-hjalp`}
            data-testid="budgeterade-arsarbetare"
          />
        </div>
      </div>
    </div>
  );
}

export function BudgetkontrollerNedan({ red }: { red: Budgetredigering }) {
  const { id, enhet, felFokus } = red;
  const felruta = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (felFokus > 0) felruta.current?.focus();
  }, [felFokus]);
  const decimaler = enhet === 'tkr' ? 1 : 0;
  const differens = red.berakning.differensOre;
  const differensText =
    differens === null
      ? 'Rätta budgetbeloppen för att se differensen.'
      : differens === 0
        ? 'Går jämnt ut mot internbudgeten.'
        : `${formatForandring(differens, enhet, decimaler)} ${enhet} mot internbudgeten: ${differens > 0 ? 'för mycket kostnad' : 'kostnad kvar att fördela'}.`;
  return (
    <div className="verksamhetsbudget verksamhetsbudget--nedan" data-testid="verksamhetsbudget-spara">
      {red.fel ? (
        <div
          ref={felruta}
          tabIndex={-1}
          id={`${id}-fel`}
          className="meddelande meddelande--fel"
          role="alert"
          data-testid="verksamhetsbudget-fel"
        >
          <p>{red.fel}</p>
        </div>
      ) : null}
      <p className={differens ? 'prognosrutnat__kravs' : undefined} data-testid="verksamhetsbudget-differens" id={`${id}-differens`}>
        {differensText}
      </p>
      <div className="knappar">
        <button
          type="button"
          aria-disabled={red.sparar || undefined}
          aria-describedby={`${id}-differens`}
          onClick={() => void red.spara()}
          data-testid="spara-verksamhetsbudget"
        >
          Spara verksamhetsbudget
        </button>
        <p role="status" className="sparstatus" data-testid="verksamhetsbudget-status">
          {red.status}
        </p>
      </div>
    </div>
  );
}
