import { medSokparametrar } from './sidor.js';

/** Fired on window after pushState and replaceState, which themselves fire nothing. */
const PLATS_ANDRAD = 'tertial:plats-andrad';

let senasteSokvag = window.location.pathname;
/** Set when the reader goes to another page, so its heading can take focus once it is drawn. */
let fokusBegard = false;

function noteraSidbyte(): void {
  if (window.location.pathname === senasteSokvag) return;
  senasteSokvag = window.location.pathname;
  fokusBegard = true;
}

// Back and forward between pages move focus to the heading too; set before React renders the new page.
window.addEventListener('popstate', noteraSidbyte);

export function prenumereraPaPlats(notifiera: () => void): () => void {
  window.addEventListener('popstate', notifiera);
  window.addEventListener(PLATS_ANDRAD, notifiera);
  return () => {
    window.removeEventListener('popstate', notifiera);
    window.removeEventListener(PLATS_ANDRAD, notifiera);
  };
}

/**
 * Goes to a URL of the dashboard without reloading it. A new page starts at the top; `ersatt` replaces the
 * current history entry instead of adding one, for choices the back button should not step through one by one.
 */
export function navigera(url: string, { ersatt = false }: { ersatt?: boolean } = {}): void {
  const aktuell = `${window.location.pathname}${window.location.search}${window.location.hash}`;
  if (url === aktuell) return;
  if (ersatt) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  if (window.location.pathname !== senasteSokvag) {
    noteraSidbyte();
    window.scrollTo(0, 0);
  }
  window.dispatchEvent(new Event(PLATS_ANDRAD));
}

/** Sets (or with null removes) parameters of the current page's query string. */
export function andraSokparametrar(andringar: Readonly<Record<string, string | null>>, alternativ: { ersatt?: boolean } = {}): void {
  const search = medSokparametrar(window.location.search, andringar);
  navigera(`${window.location.pathname}${search}${window.location.hash}`, alternativ);
}

/** Whether the page just drawn was reached by navigating, so its heading should take focus; asks only once. */
export function taFokusbegaran(): boolean {
  const begard = fokusBegard;
  fokusBegard = false;
  return begard;
}
