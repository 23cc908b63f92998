import { kontogruppTyp, type KontogruppKod } from '@tertial/contracts/kontogrupper';
import type { Ore } from '@tertial/contracts/money';

import { avvisat, godkant, type Fel, type Validerat } from '../budget/validering.js';

/** Twelve amounts, January to December. */
export type Manadsbelopp = readonly Ore[];

/** How a chef spreads a kontogrupp's year over the months. */
export const PERIODISERINGAR = ['jamnt', 'foregaende-ar', 'manuellt'] as const;
export type Periodisering = (typeof PERIODISERINGAR)[number];

export interface Verksamhetsbudgetrad {
  readonly kontogrupp: KontogruppKod;
  readonly manader: Manadsbelopp;
}

/** Net cost of amounts per kontogrupp shown positive: cost minus revenue. */
export function nettokostnad(rader: readonly { kontogrupp: KontogruppKod; beloppOre: Ore }[]): Ore {
  return rader.reduce((summa, rad) => summa + (kontogruppTyp(rad.kontogrupp) === 'intakt' ? -rad.beloppOre : rad.beloppOre), 0);
}

/** A year's amount in twelve equal parts, exact: the öre that do not divide go one each to the first months. */
export function fordelaJamnt(arsbeloppOre: Ore): Manadsbelopp {
  return fordelaEfterVikter(
    arsbeloppOre,
    Array.from({ length: 12 }, () => 1),
  );
}

/**
 * A year's amount over twelve months in proportion to `monster` (e.g. last year's utfall per month), exact to
 * the öre by the largest remainder: the parts always add up to the amount. A pattern with nothing in it (or a
 * negative sum) is no pattern, and the amount is spread evenly. Computed in BigInt: amount × weight can pass 2^53.
 */
export function fordelaEfterMonster(arsbeloppOre: Ore, monster: readonly Ore[]): Manadsbelopp {
  const vikter = monster.map((belopp) => Math.max(0, belopp));
  return vikter.reduce((a, b) => a + b, 0) > 0 ? fordelaEfterVikter(arsbeloppOre, vikter) : fordelaJamnt(arsbeloppOre);
}

function fordelaEfterVikter(arsbeloppOre: Ore, vikter: readonly number[]): Manadsbelopp {
  const tecken = arsbeloppOre < 0 ? -1n : 1n;
  const belopp = BigInt(Math.abs(arsbeloppOre));
  const w = vikter.map((vikt) => BigInt(vikt));
  const summa = w.reduce((a, b) => a + b, 0n);
  const delar = w.map((vikt) => (belopp * vikt) / summa);
  const rester = w.map((vikt, index) => ({ index, rest: (belopp * vikt) % summa }));
  let kvar = belopp - delar.reduce((a, b) => a + b, 0n);
  // Largest remainder first; ties to the earlier month, so the result is the same every time.
  for (const { index } of rester.sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1))) {
    if (kvar === 0n) break;
    delar[index] = delar[index]! + 1n;
    kvar -= 1n;
  }
  return delar.map((del) => Number(del * tecken));
}

export interface VerksamhetsbudgetUnderlag {
  /** The ansvar's internbudget per kontogrupp (shown amounts, revenue and cost both positive). */
  readonly internbudget: readonly { kontogrupp: KontogruppKod; beloppOre: Ore }[];
  /** Last year's utfall per kontogrupp and month (twelve amounts), where there was any. */
  readonly foregaendeAr: ReadonlyMap<KontogruppKod, Manadsbelopp>;
}

/**
 * The verksamhetsbudget an ansvar has when its chef has made none: each kontogrupp of the internbudget spread by
 * its own pattern in last year's utfall, or evenly where last year had none.
 */
export function standardVerksamhetsbudget({ internbudget, foregaendeAr }: VerksamhetsbudgetUnderlag): Verksamhetsbudgetrad[] {
  return internbudget.map((rad) => {
    const monster = foregaendeAr.get(rad.kontogrupp);
    return { kontogrupp: rad.kontogrupp, manader: monster ? fordelaEfterMonster(rad.beloppOre, monster) : fordelaJamnt(rad.beloppOre) };
  });
}

/** What the chef sends: a year's amount per kontogrupp to be spread, or twelve months per kontogrupp by hand. */
export type Verksamhetsbudgetforslag =
  | { readonly periodisering: 'jamnt' | 'foregaende-ar'; readonly rader: readonly { kontogrupp: KontogruppKod; beloppOre: Ore }[] }
  | { readonly periodisering: 'manuellt'; readonly rader: readonly Verksamhetsbudgetrad[] };

export interface Verksamhetsbudgetberakning {
  readonly rader: Verksamhetsbudgetrad[];
  /** The net cost of the spread budget and of the internbudget, and the difference (spread − internbudget). */
  readonly nettokostnadOre: Ore;
  readonly internbudgetOre: Ore;
  readonly differensOre: Ore;
}

/** Spreads the chef's proposal and compares its net cost with the internbudget's; nothing is refused here. */
export function beraknaVerksamhetsbudget(
  forslag: Verksamhetsbudgetforslag,
  underlag: VerksamhetsbudgetUnderlag,
): Verksamhetsbudgetberakning {
  const rader: Verksamhetsbudgetrad[] =
    forslag.periodisering === 'manuellt'
      ? forslag.rader.map((rad) => ({ kontogrupp: rad.kontogrupp, manader: [...rad.manader] }))
      : forslag.rader.map((rad) => ({
          kontogrupp: rad.kontogrupp,
          manader:
            forslag.periodisering === 'foregaende-ar'
              ? fordelaEfterMonster(rad.beloppOre, underlag.foregaendeAr.get(rad.kontogrupp) ?? [])
              : fordelaJamnt(rad.beloppOre),
        }));
  const nettokostnadOre = nettokostnad(rader.map((rad) => ({ kontogrupp: rad.kontogrupp, beloppOre: arsbelopp(rad.manader) })));
  const internbudgetOre = nettokostnad(underlag.internbudget);
  return { rader, nettokostnadOre, internbudgetOre, differensOre: nettokostnadOre - internbudgetOre };
}

/**
 * The chef's verksamhetsbudget, refused unless it adds up to the internbudget to the öre (the difference is
 * named), and unless every kontogrupp appears once with twelve months.
 */
export function provaVerksamhetsbudget(
  forslag: Verksamhetsbudgetforslag,
  underlag: VerksamhetsbudgetUnderlag,
): Validerat<Verksamhetsbudgetberakning> {
  const fel: Fel[] = [];
  const sedda = new Set<KontogruppKod>();
  forslag.rader.forEach((rad, index) => {
    if (sedda.has(rad.kontogrupp))
      fel.push({ field: `rader[${index}].kontogrupp`, message: `${rad.kontogrupp} förekommer mer än en gång` });
    sedda.add(rad.kontogrupp);
    if (forslag.periodisering === 'manuellt' && 'manader' in rad && rad.manader.length !== 12)
      fel.push({ field: `rader[${index}].manader`, message: 'ska ha tolv månader' });
  });
  if (fel.length > 0) return avvisat(fel);
  const berakning = beraknaVerksamhetsbudget(forslag, underlag);
  if (berakning.differensOre !== 0)
    return avvisat([
      {
        field: 'rader',
        message: `verksamhetsbudgeten ska gå jämnt ut med internbudgeten: nettokostnaden ${kronor(berakning.nettokostnadOre)} mot internbudgetens ${kronor(berakning.internbudgetOre)}, en skillnad på ${kronor(berakning.differensOre)}`,
      },
    ]);
  return godkant(berakning);
}

export function arsbelopp(manader: Manadsbelopp): Ore {
  return manader.reduce((a, b) => a + b, 0);
}

function kronor(ore: Ore): string {
  const tecken = ore < 0 ? '−' : '';
  const abs = Math.abs(ore);
  const hela = Math.trunc(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${tecken}${hela},${String(abs % 100).padStart(2, '0')} kr`;
}

/** What applies to an ansvar: the chef's saved budget while it adds up to the internbudget, else the standard spread. */
export function gallandeVerksamhetsbudget(
  underlag: VerksamhetsbudgetUnderlag,
  sparad: readonly Verksamhetsbudgetrad[] | undefined,
): { kalla: 'chef' | 'standard'; rader: Verksamhetsbudgetrad[]; inaktuellDifferensOre: Ore | null } {
  if (sparad) {
    const differens =
      nettokostnad(sparad.map((rad) => ({ kontogrupp: rad.kontogrupp, beloppOre: arsbelopp(rad.manader) }))) -
      nettokostnad(underlag.internbudget);
    if (differens === 0) return { kalla: 'chef', rader: [...sparad], inaktuellDifferensOre: null };
    return { kalla: 'standard', rader: standardVerksamhetsbudget(underlag), inaktuellDifferensOre: differens };
  }
  return { kalla: 'standard', rader: standardVerksamhetsbudget(underlag), inaktuellDifferensOre: null };
}
