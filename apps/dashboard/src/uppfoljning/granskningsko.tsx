import type { HelarsprognosDto } from '@tertial/contracts/dto';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

import { ApiFel } from '../api/api-fel.js';
import { formatAntalAv } from '../format/antal.js';
import { formatBeloppUtanEnhet, type Beloppsenhet } from '@tertial/diagram/belopp';
import { formatTidpunkt } from '../format/tidpunkt.js';
import { Felmeddelande, Laddar, Tomt } from '../sida/meddelanden.js';
import type { Urval } from '../urval/urval.js';
import { granskningsko, tolkaAtersandning, type Kopost } from './ko.js';
import { InaktuellPrognos, useBesluta, useKounderlag, type Beslut } from './use-uppfoljning.js';

/** The queue shows this many at a time; the reader asks for more. */
const PER_SIDA = 10;
/** An ansvar's forecast is a few million kronor: in tkr its deviation reads to the thousand, where mnkr would round most to 0,1. */
const KOENHET: Beloppsenhet = 'tkr';

const STATUS: Record<HelarsprognosDto['status'], string> = {
  utkast: 'utkast',
  klarmarkerad: 'klarmarkerad',
  godkand: 'godkänd',
  aterskickad: 'återsänd',
};

interface Props {
  urval: Urval;
  /** The förvaltningar (or other nodes) whose forecasts the person decides on. */
  koder: readonly string[];
  /** The round is open: decisions can be made. */
  oppen: boolean;
}

/**
 * The förvaltningsekonom's queue: the klarmarkerade forecasts of their förvaltning, the largest deviation from budget
 * first, each with the chef's comment, to approve or send back with a comment. A decision names the state it was
 * made on (`If-Match`), so one made on a forecast someone changed meanwhile is refused and said so.
 */
export function Granskningsko({ urval, koder, oppen }: Props) {
  const rubrikId = useId();
  const underlag = useKounderlag(urval, koder, true);
  const besluta = useBesluta(urval);
  const [antal, setAntal] = useState(PER_SIDA);
  const [meddelande, setMeddelande] = useState('');
  const [fel, setFel] = useState<{ ansvar: string; text: string; status: number }>();
  const rubrik = useRef<HTMLHeadingElement>(null);
  const felruta = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (fel) felruta.current?.focus();
  }, [fel]);

  const ko = underlag.data ? granskningsko(underlag.data.prognoser, underlag.data.ansvar) : [];
  const visas = ko.slice(0, antal);

  return (
    <section aria-labelledby={rubrikId} data-testid="granskningsko">
      <h2 id={rubrikId} ref={rubrik} tabIndex={-1}>
        Att granska
      </h2>
      <p className="svag">Klarmarkerade prognoser, störst avvikelse från budgeten först (överskott och underskott), nettokostnad i tkr.</p>
      <p className="visuellt-dold" role="status" aria-live="polite" data-testid="ko-meddelande">
        {meddelande}
      </p>
      {fel ? (
        <div className="meddelande meddelande--fel" role="alert" tabIndex={-1} ref={felruta} data-testid="ko-fel" data-status={fel.status}>
          <p>
            Prognosen för {fel.ansvar}: {fel.text}
          </p>
        </div>
      ) : null}
      {underlag.isPending ? (
        <Laddar>Hämtar prognoserna att granska…</Laddar>
      ) : underlag.isError ? (
        <Felmeddelande
          rubrik="Det gick inte att hämta prognoserna att granska"
          fel={underlag.error}
          onForsokIgen={() => void underlag.refetch()}
          niva={3}
        />
      ) : ko.length === 0 ? (
        <Tomt rubrik="Inga prognoser väntar på granskning." testId="ko-tom">
          När en chef klarmarkerar en prognos kommer den hit.
        </Tomt>
      ) : (
        <>
          <p>{formatAntalAv(ko.length, 'prognos', 'prognoser')} väntar.</p>
          <ol className="ko" data-testid="ko-lista">
            {visas.map((post, index) => (
              <Kokort
                key={post.prognos.ansvar}
                post={post}
                plats={index + 1}
                enhet={KOENHET}
                oppen={oppen}
                upptagen={besluta.isPending}
                onBeslut={(beslut, klar) => {
                  setFel(undefined);
                  besluta.mutate(beslut, {
                    onSuccess: (prognos) => {
                      setMeddelande(
                        beslut.beslut === 'godkann'
                          ? `Prognosen för ${prognos.ansvar} är godkänd.`
                          : `Prognosen för ${prognos.ansvar} är skickad tillbaka till chefen.`,
                      );
                      klar(true);
                      rubrik.current?.focus();
                    },
                    onError: (orsak) => {
                      setMeddelande('');
                      setFel({
                        ansvar: beslut.prognos.ansvar,
                        text: beslutsfel(orsak),
                        status: orsak instanceof ApiFel ? orsak.status : 0,
                      });
                      klar(false);
                    },
                  });
                }}
              />
            ))}
          </ol>
          {ko.length > visas.length ? (
            <button type="button" className="knapp--sekundar" onClick={() => setAntal(antal + PER_SIDA)} data-testid="ko-visa-fler">
              Visa {Math.min(PER_SIDA, ko.length - visas.length)} till (av {ko.length - visas.length} återstående)
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

interface KokortProps {
  post: Kopost;
  plats: number;
  enhet: Beloppsenhet;
  oppen: boolean;
  upptagen: boolean;
  /** Makes the decision; `klar` says whether it went through. */
  onBeslut: (beslut: Beslut, klar: (ok: boolean) => void) => void;
}

function Kokort({ post, plats, enhet, oppen, upptagen, onBeslut }: KokortProps) {
  const id = useId();
  const { prognos, nod, avvikelseOre } = post;
  const [skickarTillbaka, setSkickarTillbaka] = useState(false);
  const [kommentar, setKommentar] = useState('');
  const [faltfel, setFaltfel] = useState<string>();
  const textruta = useRef<HTMLTextAreaElement>(null);
  const tillbakaKnapp = useRef<HTMLButtonElement>(null);
  const aterFokus = useRef(false);

  useEffect(() => {
    if (skickarTillbaka) textruta.current?.focus();
    else if (aterFokus.current) tillbakaKnapp.current?.focus();
    aterFokus.current = false;
  }, [skickarTillbaka]);

  const namn = nod ? `${prognos.ansvar} ${nod.namn}` : prognos.ansvar;
  const d = enhet === 'mnkr' ? 1 : 0;
  const belopp = (ore: number) => `${formatBeloppUtanEnhet(ore, enhet, d)} ${enhet}`;

  const godkann = () => {
    if (upptagen) return;
    onBeslut({ prognos, beslut: 'godkann' }, () => undefined);
  };
  const skicka = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (upptagen) return;
    const tolkad = tolkaAtersandning(kommentar);
    if (!tolkad.ok) {
      setFaltfel(tolkad.fel);
      textruta.current?.focus();
      return;
    }
    setFaltfel(undefined);
    // A refused send-back keeps the form and what was written in it.
    onBeslut({ prognos, beslut: 'atersand', kommentar: tolkad.kommentar }, () => undefined);
  };
  const avbryt = () => {
    aterFokus.current = true;
    setFaltfel(undefined);
    setSkickarTillbaka(false);
  };
  // Escape anywhere in the form cancels it, as its Avbryt button does.
  const formular = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const element = formular.current;
    if (!skickarTillbaka || !element) return;
    const vidTangent = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      aterFokus.current = true;
      setFaltfel(undefined);
      setSkickarTillbaka(false);
    };
    element.addEventListener('keydown', vidTangent);
    return () => element.removeEventListener('keydown', vidTangent);
  }, [skickarTillbaka]);

  return (
    <li className="kokort" data-ansvar={prognos.ansvar} data-testid="ko-post">
      <h3 className="kokort__rubrik">
        <span className="visuellt-dold">{plats}. </span>
        {namn}
      </h3>
      <dl className="kokort__fakta">
        <div>
          <dt>Avvikelse</dt>
          <dd
            data-testid="ko-avvikelse"
            data-avvikelse={avvikelseOre === null ? 'okand' : avvikelseOre < 0 ? 'underskott' : avvikelseOre > 0 ? 'overskott' : 'noll'}
          >
            {avvikelseOre === null
              ? 'budget saknas ännu'
              : `${belopp(avvikelseOre)} ${avvikelseOre < 0 ? '(underskott)' : avvikelseOre > 0 ? '(överskott)' : ''}`.trim()}
          </dd>
        </div>
        <div>
          <dt>Prognos</dt>
          <dd>{belopp(prognos.nettokostnadOre)}</dd>
        </div>
        <div>
          <dt>Budget</dt>
          <dd>{nod ? belopp(nod.budgetOre) : '–'}</dd>
        </div>
        <div>
          <dt>Klarmarkerad av</dt>
          <dd>
            {prognos.andradAv?.namn ?? prognos.sparadAv?.namn ?? 'okänd'}, {formatTidpunkt(prognos.andradAt)}
          </dd>
        </div>
      </dl>
      <p className="kokort__kommentar">
        <span className="kokort__etikett">Kommentar:</span> {prognos.kommentar ?? <span className="svag">ingen kommentar</span>}
      </p>
      {!oppen ? (
        <p className="svag">Omgången är stängd; inga beslut kan fattas.</p>
      ) : skickarTillbaka ? (
        <form noValidate onSubmit={skicka} ref={formular} className="granskning" data-testid="atersand-formular">
          <div className="falt">
            <label htmlFor={`${id}-kommentar`}>Varför skickas prognosen för {prognos.ansvar} tillbaka?</label>
            <textarea
              ref={textruta}
              id={`${id}-kommentar`}
              rows={3}
              maxLength={2000}
              value={kommentar}
              onChange={(event) => setKommentar(event.target.value)}
              aria-invalid={faltfel ? true : undefined}
              aria-describedby={faltfel ? `${id}-fel` : undefined}
            />
            {faltfel ? (
              <p id={`${id}-fel`} className="falt__fel">
                {faltfel}
              </p>
            ) : null}
          </div>
          <div className="knappar">
            <button type="submit" aria-disabled={upptagen || undefined} data-testid="atersand-ja">
              Skicka tillbaka
            </button>
            <button type="button" className="knapp--sekundar" onClick={avbryt}>
              Avbryt
            </button>
          </div>
        </form>
      ) : (
        <div className="knappar knappar--tata">
          <button
            type="button"
            aria-disabled={upptagen || undefined}
            onClick={godkann}
            aria-label={`Godkänn prognosen för ${namn}`}
            data-testid="ko-godkann"
          >
            Godkänn
          </button>
          <button
            ref={tillbakaKnapp}
            type="button"
            className="knapp--sekundar"
            aria-disabled={upptagen || undefined}
            onClick={() => setSkickarTillbaka(true)}
            aria-label={`Återsänd prognosen för ${namn}`}
            data-testid="ko-atersand"
          >
            Återsänd
          </button>
        </div>
      )}
    </li>
  );
}

/** What went wrong with a decision, in the reader's words: a forecast changed meanwhile (412) most of all. */
export function beslutsfel(fel: Error): string {
  if (fel instanceof InaktuellPrognos) {
    const nu = fel.aktuell
      ? ` Den är nu ${STATUS[fel.aktuell.status]}${fel.aktuell.andradAv ? ` (ändrad av ${fel.aktuell.andradAv.namn})` : ''}.`
      : '';
    return `Någon har ändrat prognosen sedan listan hämtades, så beslutet gjordes inte.${nu} Listan hämtas på nytt.`;
  }
  if (fel instanceof ApiFel) {
    if (fel.status === 422) return `Beslutet kunde inte tas emot: ${fel.detalj ?? fel.titel}`;
    if (fel.status === 409) return `Beslutet går inte att fatta nu: ${fel.detalj ?? fel.titel}`;
    return fel.detalj ? `${fel.titel}: ${fel.detalj}` : fel.titel;
  }
  return 'Något gick fel. Försök igen.';
}
