import { atkomsttoken, tokenetAvvisades } from '../inloggning/session.js';
import { ApiFel } from './api-fel.js';

/**
 * fetch for Tertial's API: sends the signed-in user's access token. A 401 means the token is no good any more,
 * so the user is signed out and the app shows the sign-in page; the response is still returned to the caller.
 * Without a token it does not ask at all. Network errors reach the caller as fetch's own.
 */
export async function anropaApi(url: string, init: RequestInit = {}): Promise<Response> {
  const token = await atkomsttoken();
  if (!token) throw new ApiFel(401, 'Du är inte inloggad', 'Logga in för att fortsätta.');
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  const svar = await fetch(url, { ...init, headers });
  if (svar.status === 401) tokenetAvvisades(token);
  return svar;
}
