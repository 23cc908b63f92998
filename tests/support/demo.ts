import { demoStad } from '@tertial/demo-city';

/** The demo city the budget service loads: the tests work with its real ansvar and nämnder. */
export const DEMO = demoStad();
export const ALLA_ANSVAR = DEMO.organisation.filter((node) => node.niva === 'enhet');
export const ANTAL_NAMNDER = DEMO.organisation.filter((node) => node.niva === 'namnd').length;

/** The ansvar of a nämnd, in code order; the demo city names avdelningar `<nämnd>-A<n>`. */
export function ansvarI(namnd: string): string[] {
  return ALLA_ANSVAR.filter((node) => node.foralderKod?.startsWith(`${namnd}-A`)).map((node) => node.kod);
}
