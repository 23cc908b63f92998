/** The dashboard's pages, in the order the main menu lists them. */
export const SIDOR = [
  { nyckel: 'helarsprognos', sokvag: '/', namn: 'Stadens prognos' },
  { nyckel: 'helarsprognoser', sokvag: '/prognoser', namn: 'Helårsprognoser' },
  { nyckel: 'mal', sokvag: '/mal', namn: 'Mål' },
  { nyckel: 'organisation', sokvag: '/organisation', namn: 'Organisation' },
  { nyckel: 'budget', sokvag: '/budget', namn: 'Budget' },
  { nyckel: 'utfall-import', sokvag: '/utfall/import', namn: 'Importera utfall' },
  { nyckel: 'investeringar', sokvag: '/investeringar', namn: 'Investeringar' },
  { nyckel: 'rapporter', sokvag: '/rapporter', namn: 'Rapporter' },
] as const;

export type Sida = (typeof SIDOR)[number];
export type Sidnyckel = Sida['nyckel'];

/** The page a path shows, a trailing slash or not; undefined for a path the dashboard does not know. */
export function sidaFor(sokvag: string): Sida | undefined {
  const utanSnedstreck = sokvag.replace(/\/+$/, '') || '/';
  return SIDOR.find((sida) => sida.sokvag === utanSnedstreck);
}

/** A query string with some parameters set (or, given null, removed), keeping the others in their order. */
export function medSokparametrar(search: string, andringar: Readonly<Record<string, string | null>>): string {
  const parametrar = new URLSearchParams(search);
  for (const [namn, varde] of Object.entries(andringar)) {
    if (varde === null) parametrar.delete(namn);
    else parametrar.set(namn, varde);
  }
  const text = parametrar.toString();
  return text === '' ? '' : `?${text}`;
}

interface Klick {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
}

/**
 * A plain click with the main button, which the dashboard answers itself. With a modifier key the reader asks
 * the browser for a new tab or window, and gets one.
 */
export function arVanligtKlick(klick: Klick): boolean {
  return !klick.defaultPrevented && klick.button === 0 && !klick.metaKey && !klick.ctrlKey && !klick.shiftKey && !klick.altKey;
}
