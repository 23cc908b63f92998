import { base64url } from './base64url.js';

/** 32 random bytes as base64url: 43 characters, for the code verifier, state and nonce alike (RFC 7636 §4.1). */
export function slumpstrang(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The S256 code challenge: base64url of the verifier's SHA-256 (RFC 7636 §4.2). */
export async function kodutmaning(kodverifierare: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(kodverifierare));
  return base64url(new Uint8Array(hash));
}
