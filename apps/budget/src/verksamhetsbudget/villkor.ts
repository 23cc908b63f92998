/** What stops a save of a verksamhetsbudget: the version the chef started from is missing (428) or stale (412). */
export interface Villkorshinder {
  readonly status: 412 | 428;
  readonly title: string;
  readonly detail: string;
}

/** The ETag of an ansvar's verksamhetsbudget: `"standard"` while the chef has saved none, else when it was saved. */
export function verksamhetsbudgetEtag(sparadAt: Date | null | undefined): string {
  return sparadAt ? `"vb-${sparadAt.getTime()}"` : '"standard"';
}

/**
 * `If-Match` against the saved budget (`sparadAt`, null while there is none). The first save may go without it;
 * after that it must name the current version, so that no chef's (or deputy's) budget is overwritten unseen.
 * `*` only matches when nothing is saved yet.
 */
export function provaVerksamhetsbudgetIfMatch(ifMatch: string | undefined, sparadAt: Date | null): Villkorshinder | null {
  const aktuell = verksamhetsbudgetEtag(sparadAt);
  const villkor = ifMatch?.trim();
  if (!villkor || villkor === '*') {
    if (!sparadAt) return null;
    return {
      status: 428,
      title: 'If-Match saknas',
      detail: `Ange versionen du utgår från i If-Match (aktuell: ${aktuell}), så att ingen annans ändring skrivs över.`,
    };
  }
  if (
    villkor
      .split(',')
      .map((tagg) => tagg.trim())
      .includes(aktuell)
  )
    return null;
  return {
    status: 412,
    title: 'Någon har sparat en nyare version',
    detail: `Verksamhetsbudgeten har ändrats sedan du hämtade den: aktuell är ${aktuell}, du utgick från ${villkor}.`,
  };
}
