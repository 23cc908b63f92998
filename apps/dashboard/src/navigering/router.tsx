import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
  type ParsedLocation,
} from '@tanstack/react-router';

import { INLOGGNING, INLOGGNING_KLAR, inloggningsadress, sakerAtervandning } from '../inloggning/adresser.js';
import { InloggningKlarSida } from '../inloggning/inloggning-klar-sida.js';
import { InloggningSida } from '../inloggning/inloggning-sida.js';
import type { Inloggningslage } from '../inloggning/session.js';
import { Laddar } from '../sida/meddelanden.js';
import { sidorFor } from './behorighet.js';
import { kopplaRouter } from './plats.js';
import { SidanSaknas } from './sidan-saknas.js';
import { SIDOR, type Sidnyckel } from './sidor.js';
import { IngenBehorighetFel, SidanKundeInteVisas, Skal } from './skal.js';

export interface RouterKontext {
  readonly inloggning: Inloggningslage;
}

/**
 * Every address except the sign-in pages needs someone signed in: the others go to the sign-in page, which
 * remembers where they were going; someone signed in who comes to the sign-in page goes on to that page.
 */
const rot = createRootRouteWithContext<RouterKontext>()({
  component: Skal,
  notFoundComponent: SidanSaknas,
  beforeLoad: ({ context, location }) => {
    if (location.pathname === INLOGGNING_KLAR) return;
    // `throw: true`: redirect() throws the redirect itself, TanStack Router's documented alternative to `throw redirect()`.
    if (!context.inloggning.anvandare) {
      if (location.pathname !== INLOGGNING)
        redirect({ href: inloggningsadress(`${location.pathname}${location.searchStr}`), replace: true, throw: true });
    } else if (location.pathname === INLOGGNING) {
      redirect({ href: sakerAtervandning(new URLSearchParams(location.searchStr).get('till')), replace: true, throw: true });
    }
  },
});

const inloggning = createRoute({ getParentRoute: () => rot, path: INLOGGNING, component: InloggningSida });

const inloggningKlar = createRoute({ getParentRoute: () => rot, path: INLOGGNING_KLAR, component: InloggningKlarSida });

/**
 * A page the role has use for is loaded; `/` of a role without the city's totals goes to the role's first page;
 * any other page shows "Ingen behörighet" without fetching the page's code.
 */
function behorighet(nyckel: Sidnyckel) {
  return ({ context, location }: { context: RouterKontext; location: ParsedLocation }) => {
    const sidor = sidorFor(context.inloggning.anvandare?.roller ?? []);
    if (sidor.some((sida) => sida.nyckel === nyckel)) return;
    if (location.pathname === '/' && sidor[0]) redirect({ to: sidor[0].sokvag, replace: true, throw: true });
    else throw new IngenBehorighetFel(sidor[0]);
  };
}

const sokvag = (nyckel: Sidnyckel) => SIDOR.find((sida) => sida.nyckel === nyckel)!.sokvag;

/** Each page's code is a chunk of its own, fetched when the page is first visited. */
const sidor = [
  createRoute({
    getParentRoute: () => rot,
    path: sokvag('helarsprognos'),
    beforeLoad: behorighet('helarsprognos'),
    component: lazyRouteComponent(() => import('../prognos-totaler/prognos-totaler-sida.js'), 'PrognosTotalerSida'),
  }),
  createRoute({
    getParentRoute: () => rot,
    path: sokvag('helarsprognoser'),
    beforeLoad: behorighet('helarsprognoser'),
    component: lazyRouteComponent(() => import('../helarsprognoser/helarsprognoser-sida.js'), 'HelarsprognoserSida'),
  }),
  createRoute({
    getParentRoute: () => rot,
    path: sokvag('uppfoljning'),
    beforeLoad: behorighet('uppfoljning'),
    component: lazyRouteComponent(() => import('../uppfoljning/uppfoljning-sida.js'), 'UppfoljningSida'),
  }),
  createRoute({
    getParentRoute: () => rot,
    path: sokvag('mal'),
    beforeLoad: behorighet('mal'),
    component: lazyRouteComponent(() => import('../mal/mal-sida.js'), 'MalSida'),
  }),
  createRoute({
    getParentRoute: () => rot,
    path: sokvag('organisation'),
    beforeLoad: behorighet('organisation'),
    component: lazyRouteComponent(() => import('../organisation/organisation-sida.js'), 'OrganisationSida'),
  }),
  createRoute({
    getParentRoute: () => rot,
    path: sokvag('budget'),
    beforeLoad: behorighet('budget'),
    component: lazyRouteComponent(() => import('../budget/budget-sida.js'), 'BudgetSida'),
  }),
  createRoute({
    getParentRoute: () => rot,
    path: sokvag('utfall-import'),
    beforeLoad: behorighet('utfall-import'),
    component: lazyRouteComponent(() => import('../utfall-import/utfall-import-sida.js'), 'UtfallImportSida'),
  }),
  createRoute({
    getParentRoute: () => rot,
    path: sokvag('investeringar'),
    beforeLoad: behorighet('investeringar'),
    component: lazyRouteComponent(() => import('../investeringar/investeringar-sida.js'), 'InvesteringarSida'),
  }),
  createRoute({
    getParentRoute: () => rot,
    path: sokvag('koncern'),
    beforeLoad: behorighet('koncern'),
    component: lazyRouteComponent(() => import('../koncern/koncern-sida.js'), 'KoncernSida'),
  }),
  createRoute({
    getParentRoute: () => rot,
    path: sokvag('bolagsprognos'),
    beforeLoad: behorighet('bolagsprognos'),
    component: lazyRouteComponent(() => import('../koncern/bolagsprognos-sida.js'), 'BolagsprognosSida'),
  }),
  createRoute({
    getParentRoute: () => rot,
    path: sokvag('resultat'),
    beforeLoad: behorighet('resultat'),
    component: lazyRouteComponent(() => import('../resultat/resultat-sida.js'), 'ResultatSida'),
  }),
  createRoute({
    getParentRoute: () => rot,
    path: sokvag('rapporter'),
    beforeLoad: behorighet('rapporter'),
    component: lazyRouteComponent(() => import('../rapporter/rapporter-sida.js'), 'RapporterSida'),
  }),
  createRoute({
    getParentRoute: () => rot,
    path: sokvag('bokslut'),
    beforeLoad: behorighet('bokslut'),
    component: lazyRouteComponent(() => import('../bokslut/bokslut-sida.js'), 'BokslutSida'),
  }),
  createRoute({
    getParentRoute: () => rot,
    path: sokvag('prognossakerhet'),
    beforeLoad: behorighet('prognossakerhet'),
    component: lazyRouteComponent(() => import('../bokslut/prognossakerhet-sida.js'), 'PrognossakerhetSida'),
  }),
] as const;

/** The query string as plain text parameters, in their order, exactly as the addresses have always been written. */
function lasSokparametrar(search: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(search));
}
/** A parameter's value as text: the addresses' own are text already; anything else the way TanStack's default writes it. */
function somText(varde: unknown): string {
  if (typeof varde === 'string') return varde;
  if (typeof varde === 'number' || typeof varde === 'boolean' || typeof varde === 'bigint') return String(varde);
  return JSON.stringify(varde);
}
function skrivSokparametrar(parametrar: Record<string, unknown>): string {
  const text = new URLSearchParams(
    Object.entries(parametrar).flatMap(([namn, varde]) => (varde === undefined || varde === null ? [] : [[namn, somText(varde)]])),
  ).toString();
  return text === '' ? '' : `?${text}`;
}

export const router = createRouter({
  routeTree: rot.addChildren([inloggning, inloggningKlar, ...sidor]),
  context: { inloggning: undefined! },
  parseSearch: lasSokparametrar,
  stringifySearch: skrivSokparametrar,
  defaultErrorComponent: SidanKundeInteVisas,
  defaultPendingComponent: () => <Laddar>Hämtar sidan…</Laddar>,
});

kopplaRouter(router);

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
