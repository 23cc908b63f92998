import type { AnyRouter } from '@tanstack/react-router';

import { medSokparametrar } from './sidor.js';

/**
 * Navigation for code outside React's tree (and the pages' small helpers), on the app's one TanStack router.
 * Set once by router.tsx; kept apart from it so the pages need not import the route tree.
 */
let router: AnyRouter | undefined;

/** Set when the reader goes to another page, so its heading can take focus once it is drawn. */
let fokusBegard = false;

export function kopplaRouter(nyRouter: AnyRouter): void {
  router = nyRouter;
  // Links, back and forward alike: a change of page (not of query string) moves focus to the new heading.
  nyRouter.subscribe('onBeforeNavigate', ({ fromLocation, pathChanged }) => {
    if (fromLocation && pathChanged) fokusBegard = true;
  });
}

/**
 * Goes to a URL of the dashboard without reloading it. A new page starts at the top; `ersatt` replaces the
 * current history entry instead of adding one, for choices the back button should not step through one by one.
 */
export function navigera(url: string, { ersatt = false }: { ersatt?: boolean } = {}): void {
  const aktuell = `${window.location.pathname}${window.location.search}${window.location.hash}`;
  if (url === aktuell || !router) return;
  const nySokvag = new URL(url, window.location.href).pathname !== window.location.pathname;
  void router.navigate({ href: url, replace: ersatt, resetScroll: nySokvag });
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
