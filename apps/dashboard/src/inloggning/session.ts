import { ErrorResponse, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';

import { INLOGGNING_KLAR, sakerAtervandning } from './adresser.js';
import { anvandareFran, lasClaims, type Anvandare } from './jwt.js';
import { hamtaKonfiguration, InloggningsFel, type Oidc } from './oidc-konfiguration.js';

/** Why the user is signed out: shown on the sign-in page. */
export type Utloggningsorsak = 'utgangen' | 'utloggad' | 'avvisad';

export interface Inloggningslage {
  /** False until the stored session has been read, which needs /konfiguration.json first. */
  readonly klar: boolean;
  readonly anvandare: Anvandare | undefined;
  readonly orsak: Utloggningsorsak | undefined;
}

/** oidc-client-ts raises "expiring" this long before expiry, and the token is renewed then. */
const FORNYA_FORE_S = 60;
/** A request never leaves with a token that has less than this left: it is renewed first. */
const MARGINAL_S = 30;
/** Across the provider's logout round trip, so the sign-in page can say the user signed out. Per tab. */
const UTLOGGAD = 'tertial:utloggad';
/** One renewal at a time across the browser's tabs, which share the session and its refresh token. */
const FORNYELSELAS = 'tertial:fornya-inloggning';

let lage: Inloggningslage = { klar: false, anvandare: undefined, orsak: undefined };
let anvandaren: User | null = null;
const lyssnare = new Set<() => void>();
let hanterare: Promise<{ um: UserManager; oidc: Oidc }> | undefined;
let pagaendeFornyelse: Promise<User | null> | undefined;

function satt(user: User | null, orsak?: Utloggningsorsak): void {
  anvandaren = user;
  const anvandare = user ? anvandareFran(lasClaims(user.access_token) ?? {}, user.profile) : undefined;
  lage = { klar: true, anvandare, orsak: user ? undefined : orsak };
  for (const notifiera of lyssnare) notifiera();
}

/**
 * The provider's client, made once /konfiguration.json has said which provider: authorization code with PKCE,
 * the user (tokens and ID token claims) in localStorage so every tab of the browser shares the session, and
 * renewal with the refresh token before the access token expires. A failure is tried again on next use.
 */
function klient(): Promise<{ um: UserManager; oidc: Oidc }> {
  hanterare ??= hamtaKonfiguration().then((oidc) => {
    const um = new UserManager({
      authority: oidc.issuer,
      client_id: oidc.clientId,
      scope: oidc.scope,
      redirect_uri: `${window.location.origin}${INLOGGNING_KLAR}`,
      post_logout_redirect_uri: `${window.location.origin}/`,
      ...(oidc.resource ? { resource: oidc.resource, extraTokenParams: { resource: oidc.resource } } : {}),
      userStore: new WebStorageStateStore({ store: window.localStorage }),
      stateStore: new WebStorageStateStore({ store: window.localStorage }),
      // Renewed here instead, under a lock shared by the tabs (see fornya).
      automaticSilentRenew: false,
      accessTokenExpiringNotificationTimeInSeconds: FORNYA_FORE_S,
    });
    um.events.addUserLoaded((user) => satt(user));
    um.events.addAccessTokenExpiring(() => {
      if (anvandaren) void fornya(anvandaren.access_token);
    });
    um.events.addAccessTokenExpired(() => {
      if (anvandaren && !anvandaren.refresh_token) void avsluta('utgangen');
    });
    // Another tab signed in, renewed or signed out: follow it (this tab's expiry timers are set again too).
    window.addEventListener('storage', (event) => {
      if (event.storageArea !== window.localStorage || (event.key !== null && !event.key.startsWith('oidc.user:'))) return;
      void um.getUser(true).then((user) => {
        if (!user && anvandaren) satt(null, 'utloggad');
      });
    });
    return { um, oidc };
  });
  hanterare.catch(() => {
    hanterare = undefined;
  });
  return hanterare;
}

/** Reads the stored session (another tab's sign-in counts): a token about to expire is renewed first. */
async function starta(): Promise<void> {
  const utloggad = sessionStorage.getItem(UTLOGGAD) === '1';
  sessionStorage.removeItem(UTLOGGAD);
  try {
    const { um } = await klient();
    void um.clearStaleState();
    const user = await um.getUser();
    if (user && (user.expires_in ?? Infinity) <= FORNYA_FORE_S) {
      if (user.refresh_token) await fornya(user.access_token);
      else await um.removeUser();
    } else if (user) {
      await um.getUser(true);
    }
  } catch (fel) {
    // The sign-in page shows; "Logga in" asks again and says what is wrong.
    console.warn('Kunde inte läsa inloggningen', fel);
  }
  if (!lage.klar) satt(anvandaren, utloggad ? 'utloggad' : undefined);
}

let startad = false;

export function prenumerera(notifiera: () => void): () => void {
  if (!startad) {
    startad = true;
    void starta();
  }
  lyssnare.add(notifiera);
  return () => lyssnare.delete(notifiera);
}

export function inloggningslage(): Inloggningslage {
  return lage;
}

/** Forgets the session, in every tab. */
async function avsluta(orsak: Utloggningsorsak): Promise<void> {
  satt(null, orsak);
  await (await klient()).um.removeUser();
}

/** `navigator.locks` where the browser has it, so two tabs never spend the same refresh token. */
function medLas<T>(arbete: () => Promise<T>): Promise<T> {
  return typeof navigator !== 'undefined' && navigator.locks ? (navigator.locks.request(FORNYELSELAS, arbete) as Promise<T>) : arbete();
}

/**
 * Renews the access token `gammal` with the refresh token, once however many callers find it old. Under the
 * lock, the stored user is read again: when another tab has renewed meanwhile its tokens are simply taken.
 * A failed renewal signs out.
 */
function fornya(gammal: string): Promise<User | null> {
  pagaendeFornyelse ??= medLas(async () => {
    const { um, oidc } = await klient();
    const lagrad = await um.getUser();
    if (!lagrad) {
      if (anvandaren) satt(null, 'utgangen');
      return null;
    }
    if (lagrad.access_token !== gammal) return um.getUser(true);
    try {
      return await um.signinSilent(oidc.resource ? { resource: oidc.resource } : {});
    } catch (fel) {
      console.warn('Kunde inte förnya inloggningen', fel);
      await avsluta('utgangen');
      return null;
    }
  }).finally(() => {
    pagaendeFornyelse = undefined;
  });
  return pagaendeFornyelse;
}

/**
 * A valid access token for an API call: renewed first when it is about to expire. Undefined when signed out,
 * and then the app shows the sign-in page.
 */
export async function atkomsttoken(): Promise<string | undefined> {
  const user = anvandaren;
  if (!user) return undefined;
  if ((user.expires_in ?? Infinity) > MARGINAL_S) return user.access_token;
  if (user.refresh_token) return (await fornya(user.access_token))?.access_token;
  if (!user.expired) return user.access_token;
  await avsluta('utgangen');
  return undefined;
}

/** An API answered 401 to this token: it is no good, so sign out unless a newer token has already replaced it. */
export function tokenetAvvisades(token: string): void {
  if (anvandaren?.access_token === token) void avsluta('avvisad');
}

/** Sends the browser to the provider's sign-in (code flow with PKCE), remembering the page the user wanted. */
export async function startaInloggning(atervandTill: string): Promise<void> {
  const { um } = await klient();
  try {
    await um.signinRedirect({ state: sakerAtervandning(atervandTill) });
  } catch (fel) {
    throw somInloggningsfel(fel);
  }
}

function somInloggningsfel(fel: unknown): InloggningsFel {
  if (fel instanceof InloggningsFel) return fel;
  if (fel instanceof ErrorResponse) {
    if (fel.error === 'access_denied') return new InloggningsFel('Inloggningen avbröts.');
    return new InloggningsFel(`Identitetsleverantören kunde inte logga in dig: ${fel.error_description ?? fel.error ?? 'okänt fel'}.`);
  }
  if (fel instanceof TypeError) return new InloggningsFel('Identitetsleverantören svarar inte. Kontrollera nätverket och försök igen.');
  const orsak = fel instanceof Error ? ` (${fel.message})` : '';
  return new InloggningsFel(`Inloggningen kunde inte slutföras${orsak}. Logga in igen.`);
}

let pagaendeAterkomst: { search: string; klar: Promise<string> } | undefined;

/**
 * At the redirect URI: checks the answer and exchanges the code (oidc-client-ts), and signs in. Resolves to
 * the path the user wanted. Once per answer, since its state is used up (React's StrictMode runs effects twice).
 */
export function slutforInloggning(search: string): Promise<string> {
  if (pagaendeAterkomst?.search !== search) {
    pagaendeAterkomst = {
      search,
      klar: (async () => {
        const { um } = await klient();
        try {
          const user = await um.signinRedirectCallback(`${window.location.origin}${INLOGGNING_KLAR}${search}`);
          return sakerAtervandning(typeof user.state === 'string' ? user.state : '/');
        } catch (fel) {
          // Back to an answer already used, while signed in: nothing to do.
          if (anvandaren && !new URLSearchParams(search).has('error')) return '/';
          throw somInloggningsfel(fel);
        }
      })(),
    };
  }
  return pagaendeAterkomst.klar;
}

/**
 * Forgets the session (in every tab), then ends the provider's session too, which sends the browser back to
 * the start page; without an end_session_endpoint the sign-in page shows at once.
 */
export async function loggaUt(): Promise<void> {
  try {
    const { um } = await klient();
    sessionStorage.setItem(UTLOGGAD, '1');
    await um.signoutRedirect();
  } catch (fel) {
    console.warn('Kunde inte logga ut hos identitetsleverantören', fel);
    sessionStorage.removeItem(UTLOGGAD);
    await avsluta('utloggad').catch(() => satt(null, 'utloggad'));
  }
}
