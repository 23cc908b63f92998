import type { Roll } from '@tertial/contracts/access';
import { demoAnvandare, hamtaToken } from '@tertial/identity';
import { inject } from 'vitest';

import { DEMO } from './demo.js';

const tokens = new Map<string, Promise<{ accessToken: string; expiresAt: number }>>();

/**
 * An access token for a demo user of the local provider the tests run (see global-setup), signed in the way
 * the command line does; one per user and issuer, kept until shortly before it expires. In a test file the
 * issuer comes from the stack; global-setup passes it.
 */
export async function token(anvandare: string, issuer: string = inject('stack').oidcIssuer): Promise<string> {
  const key = `${issuer} ${anvandare}`;
  const cached = tokens.get(key);
  if (cached) {
    const { accessToken, expiresAt } = await cached;
    if (expiresAt - Date.now() > 60_000) return accessToken;
  }
  const pending = hamtaToken({ issuer, anvandare });
  tokens.set(key, pending);
  pending.catch(() => tokens.delete(key));
  return (await pending).accessToken;
}

/** The Authorization header of a demo user's token. */
export async function bearer(anvandare: string, issuer?: string): Promise<{ authorization: string }> {
  return { authorization: `Bearer ${await token(anvandare, issuer)}` };
}

const CHEFER = new Map(
  DEMO.organisation.flatMap((node) => (node.niva === 'enhet' && node.chef ? [[node.kod, node.chef.anvandarId] as const] : [])),
);

/** The demo chef (user id) of an ansvar: the one who may submit its forecast. */
export function chefFor(ansvar: string): string {
  const chef = CHEFER.get(ansvar);
  if (!chef) throw new Error(`ansvar ${ansvar} har ingen chef i demostaden`);
  return chef;
}

/** One demo user per role, each working in socialnämnden (SN) where the role has a part of the tree. */
export const ANVANDARE: Record<Roll, string> = {
  chef: demoAnvandare().find((a) => a.roll === 'chef' && a.org.every((kod) => /^\d+$/.test(kod)))!.id,
  forvaltningsekonom: 'ekonom-sn',
  processledare: 'processledare-sn',
  ekonomidirektor: 'ekonomidirektor',
  fullmaktige: 'kf-ledamot',
  stadsrevisionen: 'revisor',
  bolagsekonom: 'ekonomichef-hbghem',
};
