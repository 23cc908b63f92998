/** The city's clock, whatever the reader's computer is set to. */
const TIDSZON = 'Europe/Stockholm';

const tidpunktformat = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: TIDSZON });

/** An ISO timestamp as Swedes write it, in Swedish time: `2026-08-31 14:05`. */
export function formatTidpunkt(iso: string): string {
  const tidpunkt = new Date(iso);
  if (Number.isNaN(tidpunkt.getTime())) throw new RangeError(`ogiltig tidpunkt ${iso}`);
  return tidpunktformat.format(tidpunkt);
}
