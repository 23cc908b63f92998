/** Base64url without padding (RFC 4648 §5), as PKCE and JWTs use it. */
export function base64url(bytes: Uint8Array): string {
  let binar = '';
  for (const byte of bytes) binar += String.fromCharCode(byte);
  return btoa(binar).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes base64url to text as UTF-8, so names with å, ä and ö come out whole. Throws on invalid input. */
export function franBase64url(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binar = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binar, (tecken) => tecken.charCodeAt(0)));
}
