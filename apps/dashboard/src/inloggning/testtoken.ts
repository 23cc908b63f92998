import { base64url } from './base64url.js';

/** An unsigned JWT with these claims, for specs: the dashboard never verifies signatures, the services do. */
export function testtoken(claims: Record<string, unknown>): string {
  const del = (varde: unknown) => base64url(new TextEncoder().encode(JSON.stringify(varde)));
  return `${del({ alg: 'RS256', typ: 'at+jwt' })}.${del(claims)}.c2lnbmF0dXI`;
}
