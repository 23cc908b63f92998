import {
  createContext,
  memo,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useRef,
  useId,
  useState,
  useSyncExternalStore,
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';

import { formatAntal } from '../format/antal.js';
import {
  delaVidTraff,
  NIVANAMN,
  synligaBarn,
  synligaNoder,
  synligaRotter,
  tangenthandling,
  type Organisationstrad,
  type Sokresultat,
  type Tradnod,
} from './organisationstrad.js';

interface Lage {
  /** What the reader has opened while browsing, kept while they search. */
  readonly oppnaVidBladdring: ReadonlySet<string>;
  /** What they have opened or closed during the current search; forgotten when the search changes. */
  readonly oppnaVidSok: { readonly sok: Sokresultat; readonly oppna: ReadonlySet<string> } | null;
  /** The row that had focus last. */
  readonly fokus: string | null;
  /** The one row reached with Tab: the focused one, or the first on screen when that one is hidden. */
  readonly tabbstopp: string | undefined;
}

function oppnaNoder(lage: Lage, sok: Sokresultat | null): ReadonlySet<string> {
  if (!sok) return lage.oppnaVidBladdring;
  return lage.oppnaVidSok?.sok === sok ? lage.oppnaVidSok.oppna : sok.pavag;
}

/**
 * The tree's state outside React's props, so that a row re-renders only when its own part changes: opening a
 * node or moving focus redraws one or two rows, not the thousand on screen.
 */
class Tradlage {
  private lage: Lage;
  private readonly lyssnare = new Set<() => void>();

  constructor(lage: Lage) {
    this.lage = lage;
  }

  readonly hamta = (): Lage => this.lage;

  readonly prenumerera = (lyssnare: () => void): (() => void) => {
    this.lyssnare.add(lyssnare);
    return () => this.lyssnare.delete(lyssnare);
  };

  andra(andring: Partial<Lage>): void {
    this.lage = { ...this.lage, ...andring };
    for (const lyssnare of this.lyssnare) lyssnare();
  }

  sattOppen(kod: string, oppen: boolean, sok: Sokresultat | null): void {
    const nya = new Set(oppnaNoder(this.lage, sok));
    if (oppen) nya.add(kod);
    else nya.delete(kod);
    this.andra(sok ? { oppnaVidSok: { sok, oppna: nya } } : { oppnaVidBladdring: nya });
  }
}

const TradKontext = createContext<Tradlage | null>(null);

function useTradlage(): Tradlage {
  const lage = useContext(TradKontext);
  if (!lage) throw new Error('en rad i trädet ritas utanför trädet');
  return lage;
}

/** A text with the part that matches the search marked; `franBorjan` for a code, which matches from its start only. */
function Markerad({ text, fraga, franBorjan = false }: { text: string; fraga: string | undefined; franBorjan?: boolean }) {
  const delar = fraga ? delaVidTraff(text, fraga) : null;
  if (!delar || (franBorjan && delar.fore !== '')) return <>{text}</>;
  return (
    <>
      {delar.fore}
      <mark>{delar.traff}</mark>
      {delar.efter}
    </>
  );
}

interface RadProps {
  nod: Tradnod;
  posinset: number;
  setsize: number;
  sok: Sokresultat | null;
}

const Rad = memo(function Rad({ nod, posinset, setsize, sok }: RadProps) {
  const lage = useTradlage();
  const kod = nod.kod;
  const oppnad = useSyncExternalStore(lage.prenumerera, () => oppnaNoder(lage.hamta(), sok).has(kod));
  const tabbstopp = useSyncExternalStore(lage.prenumerera, () => lage.hamta().tabbstopp === kod);
  const barn = synligaBarn(nod, sok);
  const harBarn = barn.length > 0;
  const oppen = harBarn && oppnad;
  const fraga = sok?.fraga;
  // Named by the row's words, with a space between each part: "Hemtjänst Norr ansvar 14105 chef Anna Berg",
  // "Socialnämnden nämnd 396 ansvar". What is seen and what is said are the same words (WCAG 2.5.3).
  const id = useId();
  const delar = nod.niva === 'enhet' ? ['namn', 'kod', 'chef'] : ['namn', 'niva', 'antal'];

  return (
    <>
      <li
        role="treeitem"
        className="trad__nod"
        aria-labelledby={delar.map((del) => `${id}-${del}`).join(' ')}
        aria-expanded={harBarn ? oppen : undefined}
        aria-level={nod.djup}
        aria-posinset={posinset}
        aria-setsize={setsize}
        // A single-select tree whose selection follows focus (WAI-ARIA APG): the row Tab comes back to is the
        // selected one, the only one with aria-selected.
        aria-selected={tabbstopp || undefined}
        tabIndex={tabbstopp ? 0 : -1}
        data-kod={kod}
        data-niva={nod.niva}
      >
        <div className="trad__rad" style={{ '--djup': nod.djup - 1 } as CSSProperties} data-traff={sok?.traffar.has(kod) ? '' : undefined}>
          <span className="trad__pil" aria-hidden="true" data-visas={harBarn ? (oppen ? 'oppen' : 'stangd') : 'ingen'} />
          <span className="trad__innehall">
            <span className="trad__namn" id={`${id}-namn`}>
              <Markerad text={nod.namn} fraga={fraga} />
            </span>
            {/* Spaces between the parts, which the flex layout does not show: the row's text reads as its name. */}{' '}
            {nod.niva === 'enhet' ? (
              <>
                <span className="trad__detalj" id={`${id}-kod`}>
                  ansvar{' '}
                  <span className="trad__kod">
                    <Markerad text={kod} fraga={fraga} franBorjan />
                  </span>
                </span>{' '}
                {nod.chef ? (
                  <span className="trad__detalj" id={`${id}-chef`}>
                    chef <Markerad text={nod.chef.namn} fraga={fraga} />
                  </span>
                ) : (
                  <span className="trad__detalj trad__detalj--saknas" id={`${id}-chef`}>
                    chef saknas
                  </span>
                )}
              </>
            ) : (
              <>
                <span className="trad__niva" id={`${id}-niva`}>
                  {NIVANAMN[nod.niva]}
                </span>{' '}
                <span className="trad__antal" id={`${id}-antal`}>
                  {formatAntal(nod.antalAnsvar)} ansvar
                </span>
              </>
            )}
          </span>
        </div>
      </li>
      {/*
       * Children follow their parent as siblings, placed by aria-level, -setsize and -posinset: an item then
       * holds only its own row, and what it is called is all that it shows. They are drawn only when open:
       * the city's 3,000 ansvar are never all on the page at once.
       */}
      {oppen ? <Gren noder={barn} sok={sok} /> : null}
    </>
  );
});

function Gren({ noder, sok }: { noder: readonly Tradnod[]; sok: Sokresultat | null }) {
  return noder.map((nod, index) => <Rad key={nod.kod} nod={nod} posinset={index + 1} setsize={noder.length} sok={sok} />);
}

interface Props {
  trad: Organisationstrad;
  /** The current search, or null to browse the whole tree. */
  sok: Sokresultat | null;
  /** The tree's accessible name. */
  etikett: string;
}

/**
 * The organisation as a WAI-ARIA tree view: one Tab stop, arrow keys to move, open and close, Home and End,
 * Enter and Space, and type-ahead on the first letter. While searching, the paths to the hits are open; what
 * the reader opens then is forgotten when the search is cleared, and the tree is as they left it.
 */
export function OrganisationstradVy({ trad, sok, etikett: tradetsEtikett }: Props) {
  const [lage] = useState(
    () =>
      new Tradlage({ oppnaVidBladdring: new Set(trad.rotter.map((rot) => rot.kod)), oppnaVidSok: null, fokus: null, tabbstopp: undefined }),
  );
  const tillstand = useSyncExternalStore(lage.prenumerera, lage.hamta);
  const oppna = oppnaNoder(tillstand, sok);
  const tradet = useRef<HTMLUListElement>(null);

  const synliga = useMemo(() => synligaNoder(trad, oppna, sok), [trad, oppna, sok]);
  const fokus = tillstand.fokus;
  const tabbstopp = useMemo(() => (fokus !== null && synliga.some((nod) => nod.kod === fokus) ? fokus : synliga[0]?.kod), [fokus, synliga]);

  // Before paint, so there is never a moment without a Tab stop.
  useLayoutEffect(() => {
    if (lage.hamta().tabbstopp !== tabbstopp) lage.andra({ tabbstopp });
  }, [lage, tabbstopp]);

  const radFor = useCallback(
    (element: EventTarget): Tradnod | undefined => {
      const kod = (element as HTMLElement).closest<HTMLElement>('[role="treeitem"]')?.dataset.kod;
      return kod === undefined ? undefined : trad.noder.get(kod);
    },
    [trad],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const nod = radFor(event.target);
    if (!nod) return;
    const handling = tangenthandling(event.key, nod, synliga, oppna, sok);
    if (!handling) return;
    event.preventDefault();
    if (handling.typ === 'fokus') {
      // Every row on screen is in the DOM, so the target is there to focus now.
      tradet.current?.querySelector<HTMLElement>(`[data-kod="${CSS.escape(handling.kod)}"]`)?.focus();
    } else {
      lage.sattOppen(handling.kod, handling.typ === 'oppna', sok);
    }
  };

  // A click on a row opens or closes it, as Enter does; the click also focuses the row (it has a tabindex).
  const onClick = (event: MouseEvent<HTMLUListElement>) => {
    const nod = radFor(event.target);
    if (!nod) return;
    const handling = tangenthandling('Enter', nod, synliga, oppna, sok);
    if (handling && handling.typ !== 'fokus') lage.sattOppen(handling.kod, handling.typ === 'oppna', sok);
  };

  // Whatever moved focus (a click, Tab, the keys above), the Tab stop follows it.
  const onFocus = (event: FocusEvent<HTMLUListElement>) => {
    const nod = radFor(event.target);
    if (nod && event.target === event.target.closest('[role="treeitem"]')) lage.andra({ fokus: nod.kod, tabbstopp: nod.kod });
  };

  return (
    <TradKontext.Provider value={lage}>
      <ul
        ref={tradet}
        role="tree"
        aria-label={tradetsEtikett}
        className="trad"
        onKeyDown={onKeyDown}
        onClick={onClick}
        onFocus={onFocus}
        data-testid="organisationstrad"
      >
        <Gren noder={synligaRotter(trad, sok)} sok={sok} />
      </ul>
    </TradKontext.Provider>
  );
}
