import { useCallback, useMemo } from 'react';

import { navigera } from '../navigering/plats.js';
import { useSearch } from '../navigering/use-plats.js';
import { lasUrval, skrivUrval, type Urval } from './urval.js';

/**
 * The year and tillfälle the user is looking at, kept in the URL's query string so a view can be bookmarked
 * and shared, and the back button steps back through earlier choices.
 */
export function useUrval(): [Urval, (urval: Urval) => void] {
  const search = useSearch();
  const urval = useMemo(() => lasUrval(search, new Date()), [search]);

  const valjUrval = useCallback((nytt: Urval) => {
    const nySearch = skrivUrval(window.location.search, nytt);
    if (nySearch === window.location.search) return;
    navigera(`${window.location.pathname}${nySearch}${window.location.hash}`);
  }, []);

  return [urval, valjUrval];
}
