import { ROLLER, type Roll } from '@tertial/contracts/access';
import type { JWTPayload } from 'jose';

/** The signed-in person a request acts for, read from a verified access token and nothing else. */
export interface Principal {
  /** The token's `sub`: the person's id at the identity provider (the organisation's chef id for a chef). */
  readonly id: string;
  readonly namn: string;
  readonly roller: readonly Roll[];
  /** Organisation node kods the person answers for (ansvar, avdelning, förvaltning or nämnd). */
  readonly org: readonly string[];
  /** When the token expires (ms since the epoch): long-lived answers such as event streams end then. */
  readonly utgarMs: number;
}

export interface ClaimNames {
  readonly roller: string;
  readonly organisation: string;
  readonly namn: string;
}

/** Reads the principal from verified claims; unknown roles are ignored, so a token grants only what it names. */
export function principalFranClaims(claims: JWTPayload, names: ClaimNames): Principal {
  const lista = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : [];
  const kanda = new Set<string>(ROLLER);
  return {
    id: String(claims.sub ?? ''),
    namn: typeof claims[names.namn] === 'string' ? (claims[names.namn] as string) : String(claims.sub ?? ''),
    roller: lista(claims[names.roller]).filter((roll): roll is Roll => kanda.has(roll)),
    org: lista(claims[names.organisation]),
    utgarMs: typeof claims.exp === 'number' ? claims.exp * 1000 : Date.now(),
  };
}

export function harRoll(principal: Principal, ...roller: Roll[]): boolean {
  return principal.roller.some((roll) => roller.includes(roll));
}
