import { ROLLER, TOKEN_CLAIMS, type Roll } from '@tertial/contracts/access';

import { franBase64url } from './base64url.js';

export type Claims = Readonly<Record<string, unknown>>;

/**
 * A JWT's claims, read but not verified: the services verify every token they receive, and the dashboard reads
 * them only to show who is signed in and to know when the token expires. Undefined for anything not a JWT.
 */
export function lasClaims(jwt: string): Claims | undefined {
  const [, payload] = jwt.split('.');
  if (payload === undefined) return undefined;
  try {
    const claims: unknown = JSON.parse(franBase64url(payload));
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? (claims as Claims) : undefined;
  } catch {
    return undefined;
  }
}

/** Who is signed in, as the access token says. */
export interface Anvandare {
  readonly namn: string;
  /** Only roles Tertial knows; an unknown one gives no access in the dashboard either. */
  readonly roller: readonly Roll[];
  /** The organisation nodes the person answers for; empty for those who see the whole city. */
  readonly organisation: readonly string[];
}

function textlista(varde: unknown): string[] {
  if (typeof varde === 'string') return varde === '' ? [] : [varde];
  return Array.isArray(varde) ? varde.filter((del): del is string => typeof del === 'string') : [];
}

function text(varde: unknown): string | undefined {
  return typeof varde === 'string' && varde.trim() !== '' ? varde.trim() : undefined;
}

/** The user from the access token's claims; the name falls back to the ID token's when the access token lacks one. */
export function anvandareFran(atkomst: Claims, id: Claims = {}): Anvandare {
  const roller = textlista(atkomst[TOKEN_CLAIMS.roller]);
  return {
    namn:
      text(atkomst[TOKEN_CLAIMS.namn]) ??
      text(id[TOKEN_CLAIMS.namn]) ??
      text(id['preferred_username']) ??
      text(atkomst['sub']) ??
      'Okänd användare',
    roller: ROLLER.filter((roll) => roller.includes(roll)),
    organisation: textlista(atkomst[TOKEN_CLAIMS.organisation]),
  };
}
