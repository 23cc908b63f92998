/** The city's clock, whatever the reader's computer is set to. */
const TIDSZON = 'Europe/Stockholm';

const tidpunktformat = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: TIDSZON });

/** An ISO timestamp as Swedes write it, in Swedish time: `2026-08-31 14:05`. */
export function formatTidpunkt(iso: string): string {
  const tidpunkt = new Date(iso);
  if (Number.isNaN(tidpunkt.getTime())) throw new RangeError(`ogiltig tidpunkt ${iso}`);
  return tidpunktformat.format(tidpunkt);
}

const datumformat = new Intl.DateTimeFormat('sv-SE', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: TIDSZON });

/** The date in Sweden at a moment, `YYYY-MM-DD`: the API's form and the one Swedes write. */
export function datumISverige(tidpunkt: Date): string {
  return datumformat.format(tidpunkt);
}

/** Whether text is a real calendar date written `YYYY-MM-DD` (not 2026-02-30). */
export function arDatum(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const tidpunkt = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(tidpunkt.getTime()) && tidpunkt.toISOString().startsWith(text);
}

const MANADER = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** A month's Swedish name, 1 = `januari`. */
export function manadsnamn(manad: number): string {
  return MANADER[manad - 1] ?? `månad ${manad}`;
}
