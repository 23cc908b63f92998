import type { Session, VantandeInloggning } from './auktorisering.js';

/**
 * sessionStorage, not localStorage: the token lives as long as the tab and is not shared with other tabs or
 * left behind when the browser closes. Typed structurally so specs can pass a Map-backed stand-in.
 */
export type Lagring = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const SESSION = 'tertial:session';
const VANTANDE = 'tertial:inloggning';
const UTLOGGAD = 'tertial:utloggad';

function lasJson(lagring: Lagring, nyckel: string): Record<string, unknown> | undefined {
  try {
    const varde: unknown = JSON.parse(lagring.getItem(nyckel) ?? 'null');
    return typeof varde === 'object' && varde !== null ? (varde as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const valfriText = (varde: unknown) => (typeof varde === 'string' && varde !== '' ? varde : undefined);

/** The stored session, if any and still usable: unexpired, or expired with a refresh token to renew it. */
export function lasSession(lagring: Lagring, nu: number): Session | undefined {
  const data = lasJson(lagring, SESSION);
  if (!data || typeof data['atkomsttoken'] !== 'string' || typeof data['utgar'] !== 'number') return undefined;
  const session: Session = {
    atkomsttoken: data['atkomsttoken'],
    uppdateringstoken: valfriText(data['uppdateringstoken']),
    idToken: valfriText(data['idToken']),
    utgar: data['utgar'],
  };
  if (session.utgar <= nu && !session.uppdateringstoken) {
    lagring.removeItem(SESSION);
    return undefined;
  }
  return session;
}

export function sparaSession(lagring: Lagring, session: Session | undefined): void {
  if (session) lagring.setItem(SESSION, JSON.stringify(session));
  else lagring.removeItem(SESSION);
}

export function sparaVantande(lagring: Lagring, vantande: VantandeInloggning): void {
  lagring.setItem(VANTANDE, JSON.stringify(vantande));
}

/** The sign-in this tab started, taken out so its state and verifier can be used once only. */
export function taVantande(lagring: Lagring): VantandeInloggning | undefined {
  const data = lasJson(lagring, VANTANDE);
  lagring.removeItem(VANTANDE);
  if (!data) return undefined;
  const { state, nonce, kodverifierare, atervandTill } = data;
  if (typeof state !== 'string' || typeof nonce !== 'string' || typeof kodverifierare !== 'string' || typeof atervandTill !== 'string')
    return undefined;
  return { state, nonce, kodverifierare, atervandTill };
}

/** A note across the provider's logout round trip, so the sign-in page can say the user signed out. */
export function noteraUtloggning(lagring: Lagring): void {
  lagring.setItem(UTLOGGAD, '1');
}

export function taUtloggning(lagring: Lagring): boolean {
  const utloggad = lagring.getItem(UTLOGGAD) === '1';
  lagring.removeItem(UTLOGGAD);
  return utloggad;
}
