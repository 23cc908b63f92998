/** Where the provider sends the browser back with the code; registered for the dashboard's client. */
export const INLOGGNING_KLAR = '/inloggning/klar';
export const INLOGGNING = '/inloggning';

/**
 * A path of this dashboard to return to after signing in; anything else (another origin, `//host`, the
 * sign-in pages themselves) becomes the start page, so the return address cannot send anyone elsewhere.
 */
export function sakerAtervandning(till: string | null | undefined): string {
  if (!till || !till.startsWith('/') || till.startsWith('//') || till.includes('\\')) return '/';
  const sokvag = till.split(/[?#]/, 1)[0] ?? '/';
  if (sokvag === INLOGGNING || sokvag.startsWith(`${INLOGGNING}/`)) return '/';
  return till;
}

/** Where to return after signing in, seen from the current address: the sign-in page's `till`, or the page itself. */
export function atervandningFranAdress(pathname: string, search: string): string {
  if (pathname === INLOGGNING) return sakerAtervandning(new URLSearchParams(search).get('till'));
  return sakerAtervandning(`${pathname}${search}`);
}

/** The sign-in page's address, remembering the page the visitor wanted. */
export function inloggningsadress(atervandTill: string): string {
  const till = sakerAtervandning(atervandTill);
  return till === '/' ? INLOGGNING : `${INLOGGNING}?${new URLSearchParams({ till }).toString()}`;
}
