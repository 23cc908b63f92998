import { KONTOGRUPPER, type KontogruppKod } from '@tertial/contracts/kontogrupper';
import { addOre, type Ore } from '@tertial/contracts/money';
import type { OrganisationNiva, OrganisationNode } from '@tertial/contracts/organisation';
import { summeraRader } from '@tertial/contracts/prognos';

import { parentsFirst } from '../organisation/organisation-tree.js';
import { krText } from './belopp.js';
import { arHeltOre, avvisat, godkant, type Fel, type Validerat } from './validering.js';

/** One line of an internbudget: what an ansvar gets on a kontogrupp. Revenue and cost are both positive. */
export interface Internbudgetrad {
  readonly ansvar: string;
  readonly kontogrupp: KontogruppKod;
  readonly beloppOre: Ore;
}

export interface InternbudgetUnderlag {
  /** The nämnd's kod in the organisation tree. */
  readonly namnd: string;
  /** The nämnd's frame from KF: the net cost it may spend. */
  readonly ramOre: Ore;
  /** The organisation; the whole city or just this nämnd's subtree. */
  readonly organisation: readonly OrganisationNode[];
  readonly rader: readonly Internbudgetrad[];
}

export interface Nodbudget {
  readonly kod: string;
  readonly namn: string;
  readonly niva: OrganisationNiva;
  readonly foralderKod: string | null;
  readonly intakterOre: Ore;
  readonly kostnaderOre: Ore;
  /** Cost minus revenue: what is distributed to this node and everything below it. */
  readonly nettokostnadOre: Ore;
  /** The node's amounts per kontogrupp, in the order of `KONTOGRUPPER`; groups without budget left out. */
  readonly kontogrupper: readonly { readonly kontogrupp: KontogruppKod; readonly beloppOre: Ore }[];
}

export interface Internbudget {
  readonly namnd: string;
  readonly ramOre: Ore;
  /** The net distributed at the nämnd, the sum over all its ansvar. */
  readonly fordelatOre: Ore;
  /** Frame minus distributed net: kept visible at the nämnd, never lost; zero or more. */
  readonly ofordelatOre: Ore;
  /** The nämnd and every node below it, parents first. */
  readonly noder: readonly Nodbudget[];
}

/**
 * Distributes a nämnd's frame down its tree: each row lands on its ansvar (an enhet) and is rolled up
 * through avdelning and förvaltning to the nämnd. What the rows leave of the frame is `ofordelatOre`.
 * A distribution whose net exceeds the frame is refused, like every other problem, so nothing is stored.
 * The frame is only checked once every row is sound, so the amount it is exceeded by is the true one.
 */
export function fordelaInternbudget(
  underlag: InternbudgetUnderlag,
  // Reading a decided internbudget: a later tilläggsbudget (a deficit carried over) may have cut the frame below it,
  // which is shown as a negative ofördelat rather than refused.
  { lasning = false }: { lasning?: boolean } = {},
): Validerat<Internbudget> {
  const organisation = new Map(underlag.organisation.map((node) => [node.kod, node]));
  const namnd = organisation.get(underlag.namnd);
  if (!namnd || namnd.niva !== 'namnd') {
    return avvisat([{ field: 'namnd', message: `${underlag.namnd} är ingen nämnd i organisationen` }]);
  }
  const fel = [...valideraRam(underlag.ramOre), ...valideraRader(underlag.rader, namnd, organisation)];
  if (fel.length > 0) return avvisat(fel);

  const fordelatOre = summeraRader(underlag.rader).nettokostnadOre;
  const ofordelatOre = addOre(underlag.ramOre, -fordelatOre);
  if (ofordelatOre < 0 && !lasning) {
    return avvisat([
      {
        field: 'rader',
        message: `internbudgeten överskrider ramen med ${krText(-ofordelatOre)}: ${namnd.namn} har fördelat netto ${krText(fordelatOre)} av ramen ${krText(underlag.ramOre)}`,
      },
    ]);
  }
  const raderPerNod = raderUppITradet(underlag.rader, organisation);
  const noder = parentsFirst(deltradUnder(namnd, underlag.organisation)).map((node) => nodbudget(node, raderPerNod.get(node.kod) ?? []));
  return godkant({ namnd: namnd.kod, ramOre: underlag.ramOre, fordelatOre, ofordelatOre, noder });
}

const NIVANAMN: Record<OrganisationNiva, string> = {
  stad: 'stad',
  namnd: 'nämnd',
  forvaltning: 'förvaltning',
  avdelning: 'avdelning',
  enhet: 'enhet',
};

function deltradUnder(rot: OrganisationNode, organisation: readonly OrganisationNode[]): OrganisationNode[] {
  const barn = new Map<string, OrganisationNode[]>();
  for (const node of organisation) {
    if (node.foralderKod === null) continue;
    const syskon = barn.get(node.foralderKod);
    if (syskon) syskon.push(node);
    else barn.set(node.foralderKod, [node]);
  }
  const deltrad: OrganisationNode[] = [];
  const kvar = [rot];
  for (let node = kvar.pop(); node; node = kvar.pop()) {
    deltrad.push(node);
    kvar.push(...(barn.get(node.kod) ?? []));
  }
  return deltrad;
}

/** The node itself and its parents up to the city. */
function medForaldrar(kod: string, organisation: ReadonlyMap<string, OrganisationNode>): OrganisationNode[] {
  const kedja: OrganisationNode[] = [];
  for (
    let node = organisation.get(kod);
    node && kedja.length <= 10;
    node = node.foralderKod === null ? undefined : organisation.get(node.foralderKod)
  ) {
    kedja.push(node);
  }
  return kedja;
}

/** Each row filed under its ansvar and every node above it, so each node sums only its own rows. */
function raderUppITradet(
  rader: readonly Internbudgetrad[],
  organisation: ReadonlyMap<string, OrganisationNode>,
): Map<string, Internbudgetrad[]> {
  const perNod = new Map<string, Internbudgetrad[]>();
  for (const rad of rader) {
    for (const node of medForaldrar(rad.ansvar, organisation)) {
      const rader = perNod.get(node.kod);
      if (rader) rader.push(rad);
      else perNod.set(node.kod, [rad]);
    }
  }
  return perNod;
}

function nodbudget(node: OrganisationNode, rader: readonly Internbudgetrad[]): Nodbudget {
  const { intakterOre, kostnaderOre, nettokostnadOre } = summeraRader(rader);
  const kontogrupper = KONTOGRUPPER.map(({ kod }) => ({
    kontogrupp: kod,
    beloppOre: addOre(...rader.filter((rad) => rad.kontogrupp === kod).map((rad) => rad.beloppOre)),
  })).filter((grupp) => grupp.beloppOre !== 0);
  return {
    kod: node.kod,
    namn: node.namn,
    niva: node.niva,
    foralderKod: node.foralderKod,
    intakterOre,
    kostnaderOre,
    nettokostnadOre,
    kontogrupper,
  };
}

function valideraRam(ramOre: Ore): Fel[] {
  return arHeltOre(ramOre) && ramOre >= 0 ? [] : [{ field: 'ramOre', message: 'ramen ska vara ett belopp i hela öre, noll eller mer' }];
}

function valideraRader(
  rader: readonly Internbudgetrad[],
  namnd: OrganisationNode,
  organisation: ReadonlyMap<string, OrganisationNode>,
): Fel[] {
  const forsta = new Map<string, number>();
  return rader.flatMap((rad, index): Fel[] => {
    const fel: Fel[] = [];
    const ansvarsfel = ansvarFel(rad.ansvar, namnd, organisation);
    if (ansvarsfel) fel.push({ field: `rader[${index}].ansvar`, message: ansvarsfel });
    const grupp = KONTOGRUPPER.find((kandidat) => kandidat.kod === rad.kontogrupp);
    const gruppnamn = grupp?.namn.toLowerCase() ?? rad.kontogrupp;
    if (!grupp) fel.push({ field: `rader[${index}].kontogrupp`, message: `okänd kontogrupp "${rad.kontogrupp}" för ansvar ${rad.ansvar}` });
    const nyckel = `${rad.ansvar}\u0000${rad.kontogrupp}`;
    const dubblett = forsta.get(nyckel);
    if (dubblett !== undefined)
      fel.push({ field: `rader[${index}]`, message: `ansvar ${rad.ansvar} har redan en rad för ${gruppnamn} (rader[${dubblett}])` });
    else forsta.set(nyckel, index);
    if (!arHeltOre(rad.beloppOre))
      fel.push({ field: `rader[${index}].beloppOre`, message: `beloppet för ansvar ${rad.ansvar}, ${gruppnamn}, ska vara i hela öre` });
    else if (rad.beloppOre < 0) {
      fel.push({
        field: `rader[${index}].beloppOre`,
        message: `beloppet för ansvar ${rad.ansvar}, ${gruppnamn}, får inte vara negativt (${krText(rad.beloppOre)}); intäkter och kostnader anges båda positiva`,
      });
    }
    return fel;
  });
}

/** Why a code cannot carry this nämnd's budget, or undefined when it can. */
function ansvarFel(kod: string, namnd: OrganisationNode, organisation: ReadonlyMap<string, OrganisationNode>): string | undefined {
  const kedja = medForaldrar(kod, organisation);
  const node = kedja[0];
  if (!node) return `ansvaret ${kod} finns inte i organisationen`;
  if (!kedja.includes(namnd)) {
    const annan = kedja.find((kandidat) => kandidat.niva === 'namnd');
    return `ansvaret ${kod} (${node.namn}) hör till ${annan?.namn ?? 'en annan del av organisationen'}, inte ${namnd.namn}`;
  }
  if (node.niva !== 'enhet') return `${kod} (${node.namn}) är en ${NIVANAMN[node.niva]}, inte ett ansvar; budget läggs på enheter`;
  return undefined;
}
