import type { HelarsprognosDto, UppfoljningNod } from '@tertial/contracts/dto';

/** A klarmarkerad forecast waiting for the förvaltningsekonom, with its ansvar's figures from the roll-up. */
export interface Kopost {
  readonly prognos: HelarsprognosDto;
  /** The ansvar's node in the roll-up; undefined while the report service has not yet heard of it. */
  readonly nod: UppfoljningNod | undefined;
  /** Budget − prognos (net cost, positive a surplus); null without the ansvar's budget. */
  readonly avvikelseOre: number | null;
}

/**
 * The förvaltningsekonom's queue: the klarmarkerade forecasts, the largest deviation from budget (either way) first,
 * those whose budget is not known yet last, then by ansvar code. The avvikelse is the ansvar's budget (from the
 * roll-up) minus the forecast's own net cost, so it is the figure of the version being decided on even when the
 * roll-up has not caught up with it yet.
 */
export function granskningsko(prognoser: readonly HelarsprognosDto[], ansvarsnoder: readonly UppfoljningNod[]): Kopost[] {
  const noder = new Map(ansvarsnoder.map((nod) => [nod.kod, nod]));
  return prognoser
    .filter((prognos) => prognos.status === 'klarmarkerad')
    .map((prognos) => {
      const nod = noder.get(prognos.ansvar);
      return { prognos, nod, avvikelseOre: nod ? nod.budgetOre - prognos.nettokostnadOre : null };
    })
    .sort(
      (a, b) =>
        (a.avvikelseOre === null ? 1 : 0) - (b.avvikelseOre === null ? 1 : 0) ||
        Math.abs(b.avvikelseOre ?? 0) - Math.abs(a.avvikelseOre ?? 0) ||
        a.prognos.ansvar.localeCompare(b.prognos.ansvar, 'sv'),
    );
}

/** The ansvar (leaves) among nodes fetched while walking a part of the tree. */
export function ansvarsnoder(noder: Iterable<UppfoljningNod>): UppfoljningNod[] {
  return [...noder].filter((nod) => nod.niva === 'enhet');
}

/** A comment for sending a forecast back: required, and at most what the service keeps. */
export function tolkaAtersandning(text: string): { ok: true; kommentar: string } | { ok: false; fel: string } {
  const kommentar = text.trim();
  if (kommentar === '') return { ok: false, fel: 'Skriv varför prognosen skickas tillbaka, så vet chefen vad som ska ändras.' };
  if (kommentar.length > 2000) return { ok: false, fel: `Kommentaren får vara högst 2 000 tecken (nu ${kommentar.length}).` };
  return { ok: true, kommentar };
}
