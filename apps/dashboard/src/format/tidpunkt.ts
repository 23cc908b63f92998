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

// --- A deadline typed on a Swedish clock -----------------------------------------------------------------

const delformat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIDSZON,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** The date and the time of day (`HH:MM`) a Swedish clock shows at a moment: what a date and a time field hold. */
export function datumOchTidISverige(tidpunkt: Date): { datum: string; tid: string } {
  const delar = Object.fromEntries(delformat.formatToParts(tidpunkt).map((del) => [del.type, del.value]));
  return { datum: `${delar.year}-${delar.month}-${delar.day}`, tid: `${delar.hour}:${delar.minute}` };
}

/** Sweden is one hour ahead of UTC in winter (CET) and two in summer (CEST). */
const SVENSKA_FORSKJUTNINGAR_H = [2, 1] as const;

/**
 * A date (`YYYY-MM-DD`) and time of day (`HH:MM`) on a Swedish clock as the ISO timestamp with offset the API takes:
 * `2026-09-15`, `16:00` gives `2026-09-15T16:00:00+02:00`. Undefined for text that is not a date and a time, and for
 * the hour the clock skips when summer time starts; in the hour repeated when it ends, the first (summer time) wins.
 */
export function svenskTidSomIso(datum: string, tid: string): string | undefined {
  const klocka = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/.exec(tid);
  if (!arDatum(datum) || !klocka) return undefined;
  const hhmm = `${klocka[1]}:${klocka[2]}`;
  const somUtc = Date.parse(`${datum}T${hhmm}:00Z`);
  for (const timmar of SVENSKA_FORSKJUTNINGAR_H) {
    const kandidat = new Date(somUtc - timmar * 3600_000);
    const visar = datumOchTidISverige(kandidat);
    if (visar.datum === datum && visar.tid === hhmm) return `${datum}T${hhmm}:00+0${timmar}:00`;
  }
  return undefined;
}
