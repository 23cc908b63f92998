import type { VerksamhetsbudgetDto } from '@tertial/contracts/dto';
import type { KontogruppKod } from '@tertial/contracts/kontogrupper';
import { tolkaArsarbetare } from '@tertial/contracts/prognos';
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';

import { ApiFel } from '../../api/api-fel.js';
import { formatForandring } from '@tertial/diagram/belopp';
import { formatTidpunkt } from '../../format/tidpunkt.js';
import { Felmeddelande, Laddar } from '../../sida/meddelanden.js';
import { beloppSomVisning, type Inmatningsenhet } from './belopp-inmatning.js';
import { nastaCell } from './cellnavigering.js';
import { formatArsarbetare } from './personal-och-investeringar.js';
import { NyareVerksamhetsbudget, useSparaVerksamhetsbudget, useVerksamhetsbudget } from './use-prognosrutnat.js';
import {
  berakna,
  budgetbegaran,
  budgetinmatningFran,
  bytPeriodisering,
  MANADER,
  PERIODISERINGSNAMN,
  type Budgetinmatning,
  type Periodisering,
} from './verksamhetsbudget-rutnat.js';

interface Props {
  ansvar: string;
  ar: number;
  enhet: Inmatningsenhet;
  onMeddelande: (text: string) => void;
}

/** The chef's verksamhetsbudget: the ansvar's internbudget spread over kontogrupper and months. */
export function Verksamhetsbudget({ ansvar, ar, enhet, onMeddelande }: Props) {
  const budget = useVerksamhetsbudget(ansvar, ar);
  if (budget.isPending) return <Laddar>Hämtar verksamhetsbudgeten…</Laddar>;
  if (budget.isError) {
    if (budget.error instanceof ApiFel && budget.error.status === 404)
      return (
        <p data-testid="ingen-verksamhetsbudget">
          Nämnden har ingen internbudget för {ansvar} år {ar} ännu.
        </p>
      );
    return (
      <Felmeddelande
        rubrik="Det gick inte att hämta verksamhetsbudgeten"
        fel={budget.error}
        onForsokIgen={() => void budget.refetch()}
        niva={3}
      />
    );
  }
  return <Budgetformular key={`${ansvar}-${ar}-${enhet}`} budget={budget.data} enhet={enhet} onMeddelande={onMeddelande} />;
}

function Budgetformular({
  budget,
  enhet,
  onMeddelande,
}: {
  budget: VerksamhetsbudgetDto;
  enhet: Inmatningsenhet;
  onMeddelande: (text: string) => void;
}) {
  const id = useId();
  const spara = useSparaVerksamhetsbudget(budget.ansvar, budget.ar);
  const [inmatning, setInmatning] = useState<Budgetinmatning>(() => budgetinmatningFran(budget, enhet));
  const [sparar, setSparar] = useState(false);
  // The chef's own budgeted årsarbetare; empty means estimated from the personnel costs.
  const [arsarbetare, setArsarbetare] = useState(budget.arsarbetareKalla === 'chef' ? formatArsarbetare(budget.arsarbetare) : '');
  const [fel, setFel] = useState('');
  const [status, setStatus] = useState('');
  const celler = useRef(new Map<string, HTMLInputElement>());
  const felruta = useRef<HTMLDivElement>(null);
  const berakning = useMemo(() => berakna(budget, inmatning, enhet), [budget, inmatning, enhet]);
  const manuellt = inmatning.periodisering === 'manuellt';
  const kolumner = manuellt ? 12 : 1;
  const visa = (ore: number) => beloppSomVisning(ore, enhet);
  const decimaler = enhet === 'tkr' ? 1 : 0;

  function tangent(event: KeyboardEvent<HTMLInputElement>, rad: number, kolumn: number) {
    const falt = event.currentTarget;
    const mal = nastaCell(
      { rad, kolumn },
      event,
      { rader: berakning.rader.length, kolumner },
      {
        start: falt.selectionStart ?? 0,
        slut: falt.selectionEnd ?? 0,
        langd: falt.value.length,
      },
    );
    if (!mal) return;
    event.preventDefault();
    celler.current.get(`${mal.rad}-${mal.kolumn}`)?.focus();
  }

  function cellRef(rad: number, kolumn: number) {
    return (falt: HTMLInputElement | null) => {
      if (falt) celler.current.set(`${rad}-${kolumn}`, falt);
      else celler.current.delete(`${rad}-${kolumn}`);
    };
  }

  function andraAr(kod: KontogruppKod, text: string) {
    setInmatning((tidigare) => ({ ...tidigare, ar: { ...tidigare.ar, [kod]: text } }));
  }

  function andraManad(kod: KontogruppKod, manad: number, text: string) {
    setInmatning((tidigare) => {
      const manader = [...(tidigare.manader[kod] ?? Array.from({ length: 12 }, () => ''))];
      manader[manad] = text;
      return { ...tidigare, manader: { ...tidigare.manader, [kod]: manader } };
    });
  }

  async function skicka() {
    if (sparar) return;
    const begaran = budgetbegaran(berakning, inmatning.periodisering);
    if (!begaran.ok) {
      setFel(begaran.fel);
      felruta.current?.focus();
      return;
    }
    const antal = arsarbetare.trim() === '' ? null : tolkaArsarbetare(arsarbetare.trim());
    if (antal === undefined) {
      setFel('Skriv budgeterade årsarbetare med högst en decimal, till exempel 12,5, eller lämna fältet tomt.');
      felruta.current?.focus();
      return;
    }
    setSparar(true);
    setFel('');
    setStatus('Sparar…');
    try {
      const sparad = await spara({ ...begaran.begaran, arsarbetare: antal === null ? null : antal / 10 }, budget.etag);
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
  }

  const differens = berakning.differensOre;
  const differensText =
    differens === null
      ? 'Rätta beloppen för att se differensen.'
      : differens === 0
        ? 'Går jämnt ut mot internbudgeten.'
        : `${formatForandring(differens, enhet, decimaler)} ${enhet} mot internbudgeten: ${differens > 0 ? 'för mycket kostnad' : 'kostnad kvar att fördela'}.`;

  return (
    <div className="verksamhetsbudget" data-testid="verksamhetsbudget">
      <p className="falt__hjalp">
        {budget.kalla === 'chef' && budget.sparad
          ? `Din egen, sparad ${formatTidpunkt(budget.sparad.at)} av ${budget.sparad.av.namn}.`
          : 'Du har ingen egen ännu: internbudgeten är fördelad efter föregående års mönster.'}
        {budget.inaktuell
          ? ` Din sparade budget går inte längre ihop med internbudgeten (${formatForandring(budget.inaktuell.differensOre, enhet, decimaler)} ${enhet}).`
          : ''}
      </p>
      <div className="falt">
        <label htmlFor={`${id}-periodisering`}>Periodisering</label>
        <select
          id={`${id}-periodisering`}
          value={inmatning.periodisering}
          onChange={(event) => {
            const periodisering = (Object.keys(PERIODISERINGSNAMN) as Periodisering[]).find((kandidat) => kandidat === event.target.value);
            if (periodisering) setInmatning((tidigare) => bytPeriodisering(tidigare, periodisering, enhet));
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
          value={arsarbetare}
          placeholder={formatArsarbetare(budget.arsarbetare)}
          onChange={(event) => setArsarbetare(event.target.value)}
          aria-describedby={`${id}-arsarbetare-hjalp`}
          data-testid="budgeterade-arsarbetare"
        />
      </div>

      {fel ? (
        <div
          ref={felruta}
          tabIndex={-1}
          id={`${id}-fel`}
          className="meddelande meddelande--fel"
          role="alert"
          data-testid="verksamhetsbudget-fel"
        >
          <p>{fel}</p>
        </div>
      ) : null}

      <div className="tabell-ram verksamhetsbudget__ram" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="tabell tabell--bred" data-testid="verksamhetsbudget-tabell">
          <caption id={`${id}-caption`}>
            Verksamhetsbudget {budget.ar} per kontogrupp{manuellt ? ' och månad' : ''}, {enhet}
          </caption>
          <thead>
            <tr>
              <th scope="col">Kontogrupp</th>
              <th scope="col" className="tal">
                Internbudget
              </th>
              {manuellt
                ? MANADER.map((manad) => (
                    <th key={manad} scope="col" className="tal">
                      {manad}
                    </th>
                  ))
                : null}
              <th scope="col" className="tal">
                {manuellt ? 'Året' : 'Din budget för året'}
              </th>
            </tr>
          </thead>
          <tbody>
            {berakning.rader.map((rad, radIndex) => (
              <tr key={rad.kontogrupp} data-kontogrupp={rad.kontogrupp}>
                <th scope="row">{rad.namn}</th>
                <td className="tal">{visa(rad.internbudgetOre)}</td>
                {manuellt ? (
                  <>
                    {MANADER.map((manad, manadIndex) => {
                      const tolkat = rad.manader[manadIndex];
                      const cellfel = tolkat && !tolkat.ok ? tolkat.fel : undefined;
                      return (
                        <td key={manad} className="tal">
                          <input
                            ref={cellRef(radIndex, manadIndex)}
                            type="text"
                            inputMode="decimal"
                            autoComplete="off"
                            className="belopp verksamhetsbudget__manad"
                            aria-label={`${rad.namn}, ${manad} i ${enhet}`}
                            aria-invalid={cellfel ? true : undefined}
                            aria-describedby={cellfel ? `${id}-${rad.kontogrupp}-fel` : undefined}
                            value={inmatning.manader[rad.kontogrupp]?.[manadIndex] ?? ''}
                            onChange={(event) => andraManad(rad.kontogrupp, manadIndex, event.target.value)}
                            onFocus={(event) => event.currentTarget.select()}
                            onKeyDown={(event) => tangent(event, radIndex, manadIndex)}
                          />
                        </td>
                      );
                    })}
                    <td className="tal">
                      {rad.arOre === null ? '–' : visa(rad.arOre)}
                      {rad.fel ? (
                        <span id={`${id}-${rad.kontogrupp}-fel`} className="falt__fel tabell__underrubrik">
                          {rad.fel}
                        </span>
                      ) : null}
                    </td>
                  </>
                ) : (
                  <td className="tal">
                    <input
                      ref={cellRef(radIndex, 0)}
                      type="text"
                      inputMode="decimal"
                      autoComplete="off"
                      className="belopp prognosrutnat__inmatning"
                      aria-label={`${rad.namn}, din budget för året i ${enhet}`}
                      aria-invalid={rad.fel ? true : undefined}
                      aria-describedby={rad.fel ? `${id}-${rad.kontogrupp}-fel` : undefined}
                      value={inmatning.ar[rad.kontogrupp] ?? ''}
                      onChange={(event) => andraAr(rad.kontogrupp, event.target.value)}
                      onFocus={(event) => event.currentTarget.select()}
                      onKeyDown={(event) => tangent(event, radIndex, 0)}
                    />
                    {rad.fel ? (
                      <span id={`${id}-${rad.kontogrupp}-fel`} className="falt__fel prognosrutnat__fel">
                        {rad.fel}
                      </span>
                    ) : null}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Nettokostnad</th>
              <td className="tal">{visa(berakning.internbudgetOre)}</td>
              {manuellt ? <td colSpan={12} /> : null}
              <td className="tal">{berakning.nettokostnadOre === null ? '–' : visa(berakning.nettokostnadOre)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className={differens ? 'prognosrutnat__kravs' : undefined} data-testid="verksamhetsbudget-differens" id={`${id}-differens`}>
        {differensText}
      </p>
      <div className="knappar">
        <button
          type="button"
          aria-disabled={sparar || undefined}
          aria-describedby={`${id}-differens`}
          onClick={() => void skicka()}
          data-testid="spara-verksamhetsbudget"
        >
          Spara verksamhetsbudget
        </button>
        <p role="status" className="sparstatus" data-testid="verksamhetsbudget-status">
          {status}
        </p>
      </div>
    </div>
  );
}
