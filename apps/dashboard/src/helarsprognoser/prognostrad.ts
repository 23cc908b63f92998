import type { HelarsprognosDto } from '@tertial/contracts/dto';
import { addOre, type Ore } from '@tertial/contracts/money';
import type { OrganisationNiva, OrganisationNode } from '@tertial/contracts/organisation';

import type { Ansvarsrad } from './helarsprognoser.js';

/** Status of an ansvar's forecast, with `saknas` for one not submitted. */
export type Prognosstatus = HelarsprognosDto['status'] | 'saknas';

interface Belopp {
  /** The ansvar's budget (its internbudget's net), or the sum of those known below a group; null when none is. */
  readonly budgetOre: Ore | null;
  /** The forecast's net cost, or the sum of those submitted below a group; null when none is. */
  readonly prognosOre: Ore | null;
  /** Budget − prognos: for an ansvar when both are known; for a group when every ansvar below has both. */
  readonly avvikelseOre: Ore | null;
}

export type Prognosrad =
  | (Belopp & { readonly typ: 'ansvar'; readonly kod: string; readonly rad: Ansvarsrad })
  | (Belopp & {
      readonly typ: 'grupp';
      readonly kod: string;
      readonly namn: string;
      readonly niva: OrganisationNiva;
      readonly underrader: Prognosrad[];
      readonly antalAnsvar: number;
      readonly antal: Readonly<Record<Prognosstatus, number>>;
    });

/** An ansvar's row: its budget where the reader may see it, its forecast, and the deviation between them. */
export function ansvarsradMedBudget(rad: Ansvarsrad, budget: ReadonlyMap<string, Ore>): Prognosrad {
  const budgetOre = budget.get(rad.ansvar.kod) ?? null;
  const prognosOre = rad.prognos?.nettokostnadOre ?? null;
  return {
    typ: 'ansvar',
    kod: rad.ansvar.kod,
    rad,
    budgetOre,
    prognosOre,
    avvikelseOre: budgetOre !== null && prognosOre !== null ? addOre(budgetOre, -prognosOre) : null,
  };
}

function summaAv(belopp: readonly (Ore | null)[]): Ore | null {
  const kanda = belopp.filter((ore): ore is Ore => ore !== null);
  return kanda.length === 0 ? null : addOre(...kanda);
}

function ansvarUnder(rad: Prognosrad): Extract<Prognosrad, { typ: 'ansvar' }>[] {
  return rad.typ === 'ansvar' ? [rad] : rad.underrader.flatMap(ansvarUnder);
}

function grupp(nod: OrganisationNode, underrader: Prognosrad[]): Prognosrad {
  const ansvar = underrader.flatMap(ansvarUnder);
  const antal: Record<Prognosstatus, number> = { utkast: 0, klarmarkerad: 0, godkand: 0, aterskickad: 0, saknas: 0 };
  for (const { rad } of ansvar) antal[rad.prognos?.status ?? 'saknas'] += 1;
  const allaKanda = ansvar.every((rad) => rad.avvikelseOre !== null);
  return {
    typ: 'grupp',
    kod: nod.kod,
    namn: nod.namn,
    niva: nod.niva,
    underrader,
    antalAnsvar: ansvar.length,
    antal,
    budgetOre: summaAv(ansvar.map((rad) => rad.budgetOre)),
    prognosOre: summaAv(ansvar.map((rad) => rad.prognosOre)),
    avvikelseOre: allaKanda ? summaAv(ansvar.map((rad) => rad.avvikelseOre)) : null,
  };
}

/**
 * The ansvar a person follows, grouped under the organisation above them (avdelning, förvaltning, nämnd…) with
 * the sums of each group, so a förvaltningsekonom reads a page of avdelningar instead of thousands of rows and
 * opens the one to look into. Levels that all rows share (the reader's own nämnd and förvaltning) are left
 * out: the top rows are the first level where the rows part. An ansvar whose parents are unknown stays at the top.
 */
export function prognostrad(
  rader: readonly Ansvarsrad[],
  organisation: readonly OrganisationNode[],
  budget: ReadonlyMap<string, Ore>,
): Prognosrad[] {
  const perKod = new Map(organisation.map((nod) => [nod.kod, nod]));
  const foralder = (kod: string | null) => (kod === null ? undefined : perKod.get(kod));
  const djup = (nod: OrganisationNode): number => {
    let antal = 0;
    for (let upp = foralder(nod.foralderKod); upp; upp = foralder(upp.foralderKod)) antal += 1;
    return antal;
  };

  // Every known node above an ansvar is a group; the rows of each are filled deepest first, so a group is complete when built.
  const grupper = new Map<string, OrganisationNode>();
  for (const rad of rader) {
    for (let nod = foralder(rad.ansvar.foralderKod); nod && !grupper.has(nod.kod); nod = foralder(nod.foralderKod))
      grupper.set(nod.kod, nod);
  }
  const barn = new Map<string, Prognosrad[]>([...grupper.keys()].map((kod) => [kod, []]));
  const rotter: Prognosrad[] = [];
  const lagg = (foralderKod: string | null, rad: Prognosrad) => {
    const lista = foralderKod === null ? undefined : barn.get(foralderKod);
    (lista ?? rotter).push(rad);
  };

  for (const rad of rader) lagg(rad.ansvar.foralderKod, ansvarsradMedBudget(rad, budget));
  for (const nod of [...grupper.values()].sort((a, b) => djup(b) - djup(a))) {
    lagg(nod.foralderKod, grupp(nod, (barn.get(nod.kod) ?? []).sort(iKodordning)));
  }

  let topp = rotter.sort(iKodordning);
  while (topp.length === 1 && topp[0]?.typ === 'grupp') topp = topp[0].underrader;
  return topp;
}

/** Groups in code order, ansvar too (the reader may sort otherwise in the table). */
function iKodordning(a: Prognosrad, b: Prognosrad): number {
  return a.kod.localeCompare(b.kod, 'sv', { numeric: true });
}
