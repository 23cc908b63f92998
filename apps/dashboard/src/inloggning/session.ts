import {
  anvandareISession,
  auktoriseringsUrl,
  fornyelse,
  INLOGGNING_KLAR,
  kodFranAterkomst,
  kodutbyte,
  sakerAtervandning,
  sessionFranTokensvar,
  utloggningsUrl,
  type Session,
} from './auktorisering.js';
import type { Anvandare } from './jwt.js';
import { hamtaOidc, InloggningsFel, type Oidc } from './oidc-konfiguration.js';
import { kodutmaning, slumpstrang } from './pkce.js';
import { lasSession, noteraUtloggning, sparaSession, sparaVantande, taUtloggning, taVantande } from './session-lagring.js';

/** Why the user is signed out: shown on the sign-in page. */
export type Utloggningsorsak = 'utgangen' | 'utloggad' | 'avvisad';

export interface Inloggningslage {
  readonly session: Session | undefined;
  readonly anvandare: Anvandare | undefined;
  readonly orsak: Utloggningsorsak | undefined;
}

/** Renew this long before expiry, so a request never leaves with a token that dies on the way. */
const MARGINAL_MS = 30_000;
/** setTimeout's longest delay; a token living longer is simply looked at again then. */
const LANGSTA_TIMER_MS = 2_147_483_647;

let lage: Inloggningslage | undefined;
const lyssnare = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;
let pagaendeFornyelse: Promise<Session | undefined> | undefined;

/** The page's session: in memory, and in sessionStorage so a reload keeps it. Read lazily, as specs have no window. */
function aktuellt(): Inloggningslage {
  if (!lage) {
    const session = lasSession(sessionStorage, Date.now());
    lage = { session, anvandare: session && anvandareISession(session), orsak: taUtloggning(sessionStorage) ? 'utloggad' : undefined };
    planera(session);
  }
  return lage;
}

function satt(session: Session | undefined, orsak?: Utloggningsorsak): void {
  sparaSession(sessionStorage, session);
  lage = { session, anvandare: session && anvandareISession(session), orsak: session ? undefined : orsak };
  planera(session);
  for (const notifiera of lyssnare) notifiera();
}

/** Renews the token shortly before it expires, or, without a refresh token, signs out when it has. */
function planera(session: Session | undefined): void {
  clearTimeout(timer);
  if (!session) return;
  const kvar = session.utgar - Date.now() - (session.uppdateringstoken ? MARGINAL_MS : 0);
  timer = setTimeout(
    () => {
      if (lage?.session !== session) return;
      if (session.uppdateringstoken) void fornya(session);
      else if (session.utgar <= Date.now()) satt(undefined, 'utgangen');
      else planera(session);
    },
    Math.min(Math.max(kvar, 0), LANGSTA_TIMER_MS),
  );
}

export function prenumerera(notifiera: () => void): () => void {
  lyssnare.add(notifiera);
  return () => lyssnare.delete(notifiera);
}

export function inloggningslage(): Inloggningslage {
  return aktuellt();
}

/**
 * A valid access token for an API call: renewed first when it is about to expire. Undefined when signed out,
 * and then the app shows the sign-in page.
 */
export async function atkomsttoken(): Promise<string | undefined> {
  const { session } = aktuellt();
  if (!session) return undefined;
  if (session.utgar - Date.now() > MARGINAL_MS) return session.atkomsttoken;
  if (session.uppdateringstoken) return (await fornya(session))?.atkomsttoken;
  if (session.utgar > Date.now()) return session.atkomsttoken;
  satt(undefined, 'utgangen');
  return undefined;
}

/** An API answered 401 to this token: it is no good, so sign out unless a newer token has already replaced it. */
export function tokenetAvvisades(token: string): void {
  if (aktuellt().session?.atkomsttoken === token) satt(undefined, 'avvisad');
}

async function tokenanrop(oidc: Oidc, body: URLSearchParams): Promise<unknown> {
  let svar: Response;
  try {
    svar = await fetch(oidc.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
    });
  } catch {
    throw new InloggningsFel('Identitetsleverantören svarar inte. Kontrollera nätverket och försök igen.');
  }
  const data: unknown = await svar.json().catch(() => undefined);
  if (!svar.ok) {
    const fel = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
    const beskrivning =
      typeof fel['error_description'] === 'string'
        ? fel['error_description']
        : typeof fel['error'] === 'string'
          ? fel['error']
          : `status ${svar.status}`;
    throw new InloggningsFel(`Identitetsleverantören gav ingen token: ${beskrivning}.`);
  }
  return data;
}

/** One renewal at a time, however many requests find the token old at once. A failed renewal signs out. */
function fornya(session: Session): Promise<Session | undefined> {
  pagaendeFornyelse ??= (async () => {
    try {
      const oidc = await hamtaOidc();
      const ny = sessionFranTokensvar(await tokenanrop(oidc, fornyelse(oidc, session.uppdateringstoken ?? '')), Date.now(), oidc, {
        tidigare: session,
      });
      if (lage?.session === session) satt(ny);
      return ny;
    } catch (fel) {
      console.warn('Kunde inte förnya inloggningen', fel);
      if (lage?.session === session) satt(undefined, 'utgangen');
      return undefined;
    } finally {
      pagaendeFornyelse = undefined;
    }
  })();
  return pagaendeFornyelse;
}

const redirectUri = () => `${window.location.origin}${INLOGGNING_KLAR}`;

/** Sends the browser to the provider's sign-in with a fresh PKCE verifier, state and nonce, remembered in this tab. */
export async function startaInloggning(atervandTill: string): Promise<void> {
  const oidc = await hamtaOidc();
  const vantande = {
    state: slumpstrang(),
    nonce: slumpstrang(),
    kodverifierare: slumpstrang(),
    atervandTill: sakerAtervandning(atervandTill),
  };
  sparaVantande(sessionStorage, vantande);
  window.location.assign(auktoriseringsUrl(oidc, vantande, await kodutmaning(vantande.kodverifierare), redirectUri()));
}

let pagaendeAterkomst: { search: string; klar: Promise<string> } | undefined;

/**
 * At the redirect URI: checks the answer, exchanges the code and signs in. Resolves to the path the user wanted.
 * Once per answer, since the pending sign-in is used up (React's StrictMode runs effects twice).
 */
export function slutforInloggning(search: string): Promise<string> {
  if (pagaendeAterkomst?.search !== search) {
    pagaendeAterkomst = {
      search,
      klar: (async () => {
        const vantande = taVantande(sessionStorage);
        // Back to an answer already used, while signed in: nothing to do.
        if (!vantande && aktuellt().session) return '/';
        const oidc = await hamtaOidc();
        const kod = kodFranAterkomst(search, vantande, oidc);
        // kodFranAterkomst has thrown unless there was a pending sign-in.
        const { nonce, kodverifierare, atervandTill } = vantande!;
        const session = sessionFranTokensvar(
          await tokenanrop(oidc, kodutbyte(oidc, kod, kodverifierare, redirectUri())),
          Date.now(),
          oidc,
          { nonce },
        );
        satt(session);
        return atervandTill;
      })(),
    };
  }
  return pagaendeAterkomst.klar;
}

/**
 * Forgets the tokens in memory and storage, then ends the provider's session too, which sends the browser back
 * to the start page; without an end_session_endpoint the sign-in page shows at once.
 */
export async function loggaUt(): Promise<void> {
  const idToken = aktuellt().session?.idToken;
  sparaSession(sessionStorage, undefined);
  const url = await hamtaOidc().then(
    (oidc) => utloggningsUrl(oidc, idToken, `${window.location.origin}/`),
    () => undefined,
  );
  if (url) {
    noteraUtloggning(sessionStorage);
    window.location.assign(url);
  } else {
    satt(undefined, 'utloggad');
  }
}
