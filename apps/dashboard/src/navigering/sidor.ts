/** The dashboard's pages, in the order the main menu lists them. */
export const SIDOR = [
  { nyckel: 'helarsprognos', sokvag: '/', namn: 'Stadens prognos' },
  { nyckel: 'helarsprognoser', sokvag: '/prognoser', namn: 'Helårsprognoser' },
  { nyckel: 'uppfoljning', sokvag: '/uppfoljning', namn: 'Uppföljning' },
  { nyckel: 'mal', sokvag: '/mal', namn: 'Mål' },
  { nyckel: 'organisation', sokvag: '/organisation', namn: 'Organisation' },
  { nyckel: 'budget', sokvag: '/budget', namn: 'Budget' },
  { nyckel: 'utfall-import', sokvag: '/utfall/import', namn: 'Importera utfall' },
  { nyckel: 'investeringar', sokvag: '/investeringar', namn: 'Investeringar' },
  { nyckel: 'koncern', sokvag: '/koncern', namn: 'Koncernen' },
  { nyckel: 'bolagsprognos', sokvag: '/bolag', namn: 'Bolagets prognos' },
  { nyckel: 'resultat', sokvag: '/resultat', namn: 'Stadens resultat' },
  { nyckel: 'rapporter', sokvag: '/rapporter', namn: 'Rapporter' },
  { nyckel: 'bokslut', sokvag: '/bokslut', namn: 'Bokslut' },
  { nyckel: 'prognossakerhet', sokvag: '/prognossakerhet', namn: 'Prognossäkerhet' },
] as const;

export type Sida = (typeof SIDOR)[number];
export type Sidnyckel = Sida['nyckel'];

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
