import type { InternbudgetDto, NodbudgetDto } from '@tertial/contracts/dto';
import { ORGANISATION_NIVAER } from '@tertial/contracts/organisation';

export interface Internbudgetrad {
  readonly nod: NodbudgetDto;
  /** 0 for the nämnd, 1 for a förvaltning, and so on: how far the row is indented. */
  readonly djup: number;
}

const namnordning = new Intl.Collator('sv', { numeric: true, sensitivity: 'base' });

/**
 * The internbudget's nodes as table rows: the nämnd first, then each förvaltning with its avdelningar (and, when
 * asked for, their enheter) beneath it, siblings by name. Nodes whose parent is not in the answer are kept at the top level.
 */
export function internbudgetrader(internbudget: InternbudgetDto, { medEnheter }: { medEnheter: boolean }): Internbudgetrad[] {
  const noder = internbudget.noder.filter((nod) => medEnheter || nod.niva !== 'enhet');
  const koder = new Set(noder.map((nod) => nod.kod));
  const barnTill = new Map<string | null, NodbudgetDto[]>();
  for (const nod of noder) {
    const foralder = nod.foralderKod !== null && koder.has(nod.foralderKod) ? nod.foralderKod : null;
    const syskon = barnTill.get(foralder);
    if (syskon) syskon.push(nod);
    else barnTill.set(foralder, [nod]);
  }
  const ordning = (a: NodbudgetDto, b: NodbudgetDto) =>
    ORGANISATION_NIVAER.indexOf(a.niva) - ORGANISATION_NIVAER.indexOf(b.niva) || namnordning.compare(a.namn, b.namn);
  for (const syskon of barnTill.values()) syskon.sort(ordning);

  const rader: Internbudgetrad[] = [];
  const besokta = new Set<string>();
  const kvar: Internbudgetrad[] = [...(barnTill.get(null) ?? [])].reverse().map((nod) => ({ nod, djup: 0 }));
  for (let rad = kvar.pop(); rad; rad = kvar.pop()) {
    if (besokta.has(rad.nod.kod)) continue;
    besokta.add(rad.nod.kod);
    rader.push(rad);
    const barn = barnTill.get(rad.nod.kod) ?? [];
    for (let index = barn.length - 1; index >= 0; index -= 1) kvar.push({ nod: barn[index]!, djup: rad.djup + 1 });
  }
  return rader;
}

/** A node of the internbudget with the nodes under it, for a table whose rows expand. */
export interface Internbudgetnod {
  readonly nod: NodbudgetDto;
  readonly barn: Internbudgetnod[];
}

/**
 * The rows of {@link internbudgetrader} as a tree again, leaving out the nämnd itself (the table's total):
 * its förvaltningar are the top rows.
 */
export function internbudgettrad(internbudget: InternbudgetDto): Internbudgetnod[] {
  const rotter: Internbudgetnod[] = [];
  const perKod = new Map<string, Internbudgetnod>();
  // The rows come parents first, so a node's parent, when in the tree, is already placed.
  for (const { nod } of internbudgetrader(internbudget, { medEnheter: true })) {
    if (nod.kod === internbudget.namnd) continue;
    const post: Internbudgetnod = { nod, barn: [] };
    perKod.set(nod.kod, post);
    const foralder = nod.foralderKod === null ? undefined : perKod.get(nod.foralderKod);
    (foralder ? foralder.barn : rotter).push(post);
  }
  return rotter;
}
