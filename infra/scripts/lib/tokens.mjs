// Access tokens for the scripts, from the local demo provider: signed in as a demo user the way the command
// line does (authorization code with PKCE), once per user and kept until shortly before they expire.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '../../..');

/** `token(anvandare)` for the issuer: cached per user, one sign-in at a time per user. */
export function tokenSource(issuer) {
  const cache = new Map();
  let identity;
  return async function token(anvandare) {
    const cached = cache.get(anvandare);
    if (cached) {
      const { expiresAt, accessToken } = await cached;
      if (expiresAt - Date.now() > 60_000) return accessToken;
    }
    identity ??= import(pathToFileURL(join(root, 'packages/identity/dist/index.js')).href);
    const { hamtaToken } = await identity;
    const pending = hamtaToken({ issuer, anvandare });
    cache.set(anvandare, pending);
    pending.catch(() => cache.delete(anvandare));
    return (await pending).accessToken;
  };
}

/** The Authorization header of a user's token. */
export async function bearer(token, anvandare) {
  return { authorization: `Bearer ${await token(anvandare)}` };
}
