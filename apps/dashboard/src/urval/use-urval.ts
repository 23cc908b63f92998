import { useCallback, useMemo, useSyncExternalStore } from 'react';

import { lasUrval, skrivUrval, type Urval } from './urval.js';

/** Fired on window after pushState, which itself fires nothing. */
const URVAL_ANDRAT = 'tertial:urval-andrat';

function prenumerera(notifiera: () => void): () => void {
  window.addEventListener('popstate', notifiera);
  window.addEventListener(URVAL_ANDRAT, notifiera);
  return () => {
    window.removeEventListener('popstate', notifiera);
    window.removeEventListener(URVAL_ANDRAT, notifiera);
  };
}

function lasSearch(): string {
  return window.location.search;
}

/**
 * The year and tillfälle the user is looking at, kept in the URL's query string so a view can be bookmarked
 * and shared, and the back button steps back through earlier choices.
 */
export function useUrval(): [Urval, (urval: Urval) => void] {
  const search = useSyncExternalStore(prenumerera, lasSearch);
  const urval = useMemo(() => lasUrval(search, new Date()), [search]);

  const valjUrval = useCallback((nytt: Urval) => {
    const nySearch = skrivUrval(window.location.search, nytt);
    if (nySearch === window.location.search) return;
    window.history.pushState(null, '', `${window.location.pathname}${nySearch}${window.location.hash}`);
    window.dispatchEvent(new Event(URVAL_ANDRAT));
  }, []);

  return [urval, valjUrval];
}
