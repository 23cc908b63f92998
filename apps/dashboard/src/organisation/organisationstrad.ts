import { ORGANISATION_NIVAER, type OrganisationNiva, type OrganisationNode } from '@tertial/contracts/organisation';

/** A node of the organisation with its place in the tree. */
export interface Tradnod {
  readonly kod: string;
  readonly namn: string;
  readonly niva: OrganisationNiva;
  readonly chef: OrganisationNode['chef'];
  readonly foralder: Tradnod | null;
  /** Sorted: by level, then by name as Swedes sort (å, ä, ö last; "Enhet 2" before "Enhet 10"). */
  readonly barn: readonly Tradnod[];
  /** 1 for a root. */
  readonly djup: number;
  /** The ansvar (enheter) in the node's subtree; an enhet counts itself. */
  readonly antalAnsvar: number;
}

export interface Organisationstrad {
  readonly rotter: readonly Tradnod[];
  readonly noder: ReadonlyMap<string, Tradnod>;
  readonly antalAnsvar: number;
  /** Different chefer over all ansvar. */
  readonly antalChefer: number;
  readonly antalNamnder: number;
}

export const NIVANAMN: Record<OrganisationNiva, string> = {
  stad: 'stad',
  namnd: 'nämnd',
  forvaltning: 'förvaltning',
  avdelning: 'avdelning',
  enhet: 'enhet',
};

const namnordning = new Intl.Collator('sv', { numeric: true, sensitivity: 'base' });

function jamfor(a: Pick<OrganisationNode, 'kod' | 'namn' | 'niva'>, b: Pick<OrganisationNode, 'kod' | 'namn' | 'niva'>): number {
  return (
    ORGANISATION_NIVAER.indexOf(a.niva) - ORGANISATION_NIVAER.indexOf(b.niva) ||
    namnordning.compare(a.namn, b.namn) ||
    a.kod.localeCompare(b.kod)
  );
}

interface ByggNod {
  kod: string;
  namn: string;
  niva: OrganisationNiva;
  chef: OrganisationNode['chef'];
  foralder: ByggNod | null;
  barn: ByggNod[];
  djup: number;
  antalAnsvar: number;
}

/**
 * Builds the tree from the API's flat list. A node whose parent is missing from the list becomes a root
 * rather than disappearing, and so do the nodes of a cycle: whatever the list holds is shown somewhere.
 */
export function byggTrad(lista: readonly OrganisationNode[]): Organisationstrad {
  const sorterad = [...lista].sort(jamfor);
  const perKod = new Map<string, OrganisationNode>();
  for (const node of sorterad) if (!perKod.has(node.kod)) perKod.set(node.kod, node);

  const barnTill = new Map<string, OrganisationNode[]>();
  const rotnoder: OrganisationNode[] = [];
  for (const node of perKod.values()) {
    if (node.foralderKod !== null && node.foralderKod !== node.kod && perKod.has(node.foralderKod)) {
      const syskon = barnTill.get(node.foralderKod);
      if (syskon) syskon.push(node);
      else barnTill.set(node.foralderKod, [node]);
    } else {
      rotnoder.push(node);
    }
  }

  const noder = new Map<string, ByggNod>();
  const rotter: ByggNod[] = [];
  const lagTill = (rot: OrganisationNode) => {
    const byggd = skapa(rot, null);
    rotter.push(byggd);
    // Iteratively: a deep or degenerate tree must not overflow the stack.
    const kvar: ByggNod[] = [byggd];
    for (let nod = kvar.pop(); nod; nod = kvar.pop()) {
      for (const barn of barnTill.get(nod.kod) ?? []) {
        if (noder.has(barn.kod)) continue;
        const byggtBarn = skapa(barn, nod);
        nod.barn.push(byggtBarn);
        kvar.push(byggtBarn);
      }
    }
  };
  const skapa = (node: OrganisationNode, foralder: ByggNod | null): ByggNod => {
    const byggd: ByggNod = {
      kod: node.kod,
      namn: node.namn,
      niva: node.niva,
      chef: node.chef,
      foralder,
      barn: [],
      djup: (foralder?.djup ?? 0) + 1,
      antalAnsvar: 0,
    };
    noder.set(node.kod, byggd);
    return byggd;
  };

  for (const rot of rotnoder) lagTill(rot);
  // Nodes of a cycle have a parent in the list yet are reachable from no root.
  for (const node of perKod.values()) if (!noder.has(node.kod)) lagTill(node);

  // Counted from the leaves up: children were created after their parent, so walk creation order backwards.
  const iOrdning = [...noder.values()];
  for (let index = iOrdning.length - 1; index >= 0; index -= 1) {
    const nod = iOrdning[index]!;
    if (nod.niva === 'enhet') nod.antalAnsvar += 1;
    if (nod.foralder) nod.foralder.antalAnsvar += nod.antalAnsvar;
  }
  rotter.sort(jamfor);

  const chefer = new Set<string>();
  let antalNamnder = 0;
  for (const nod of iOrdning) {
    if (nod.niva === 'enhet' && nod.chef) chefer.add(nod.chef.anvandarId);
    if (nod.niva === 'namnd') antalNamnder += 1;
  }
  return {
    rotter,
    noder,
    antalAnsvar: rotter.reduce((summa, rot) => summa + rot.antalAnsvar, 0),
    antalChefer: chefer.size,
    antalNamnder,
  };
}

/** The nämnder to choose between, sorted by name. */
export function namnderI(lista: readonly OrganisationNode[]): { kod: string; namn: string }[] {
  return lista
    .filter((node) => node.niva === 'namnd')
    .sort(jamfor)
    .map(({ kod, namn }) => ({ kod, namn }));
}

// --- Searching ---------------------------------------------------------------------------------------

/** Beyond this many hits the list stops growing: nobody reads 3,000 rows, and the tree stays fast. */
export const MAX_TRAFFAR = 100;

export interface Sokresultat {
  /** The search as compared: trimmed, lower case, single spaces. */
  readonly fraga: string;
  /** Every node that matches, also those beyond the cap. */
  readonly antalTraffar: number;
  /** The matches shown, at most the cap, in the tree's order. */
  readonly traffar: ReadonlySet<string>;
  /** The ancestors of the matches shown: opened, and showing only the children on the way to a match. */
  readonly pavag: ReadonlySet<string>;
}

export function normaliseraSokning(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');
}

/** A node matches on its name or its chef's (anywhere in them), or on its code (from the start: 141 finds 14105). */
export function matchar(nod: Pick<Tradnod, 'kod' | 'namn' | 'chef'>, fraga: string): boolean {
  return (
    nod.namn.toLocaleLowerCase('sv').includes(fraga) ||
    nod.kod.toLocaleLowerCase('sv').startsWith(fraga) ||
    (nod.chef !== null && nod.chef.namn.toLocaleLowerCase('sv').includes(fraga))
  );
}

/** The matches of a search and the paths to them; null for an empty search, which shows the whole tree. */
export function sokITradet(trad: Organisationstrad, text: string, max = MAX_TRAFFAR): Sokresultat | null {
  const fraga = normaliseraSokning(text);
  if (fraga === '') return null;

  const traffar = new Set<string>();
  const pavag = new Set<string>();
  let antalTraffar = 0;
  // Pre-order, so the first hits are those highest up and first in the tree, as the reader scans it.
  const kvar: Tradnod[] = [...trad.rotter].reverse();
  for (let nod = kvar.pop(); nod; nod = kvar.pop()) {
    if (matchar(nod, fraga)) {
      antalTraffar += 1;
      if (traffar.size < max) {
        traffar.add(nod.kod);
        for (let upp = nod.foralder; upp && !pavag.has(upp.kod); upp = upp.foralder) pavag.add(upp.kod);
      }
    }
    for (let index = nod.barn.length - 1; index >= 0; index -= 1) kvar.push(nod.barn[index]!);
  }
  return { fraga, antalTraffar, traffar, pavag };
}

/** The children shown under a node: all of them, or during a search on the way to a match only those leading there. */
export function synligaBarn(nod: Tradnod, sok: Sokresultat | null): readonly Tradnod[] {
  if (!sok || !sok.pavag.has(nod.kod)) return nod.barn;
  return nod.barn.filter((barn) => sok.pavag.has(barn.kod) || sok.traffar.has(barn.kod));
}

export function synligaRotter(trad: Organisationstrad, sok: Sokresultat | null): readonly Tradnod[] {
  if (!sok) return trad.rotter;
  return trad.rotter.filter((rot) => sok.pavag.has(rot.kod) || sok.traffar.has(rot.kod));
}

/** Every node on screen, top to bottom: what the arrow keys move through. */
export function synligaNoder(trad: Organisationstrad, oppna: ReadonlySet<string>, sok: Sokresultat | null): Tradnod[] {
  const synliga: Tradnod[] = [];
  const kvar: Tradnod[] = [...synligaRotter(trad, sok)].reverse();
  for (let nod = kvar.pop(); nod; nod = kvar.pop()) {
    synliga.push(nod);
    if (!oppna.has(nod.kod)) continue;
    const barn = synligaBarn(nod, sok);
    for (let index = barn.length - 1; index >= 0; index -= 1) kvar.push(barn[index]!);
  }
  return synliga;
}

/** A text split around the first occurrence of the search, so the match can be marked. */
export function delaVidTraff(text: string, fraga: string): { fore: string; traff: string; efter: string } | null {
  if (fraga === '') return null;
  const gemener = text.toLocaleLowerCase('sv');
  // Lower case of a letter may change the length (İ); then marking by position would be off, so mark nothing.
  if (gemener.length !== text.length) return null;
  const start = gemener.indexOf(fraga);
  if (start < 0) return null;
  return { fore: text.slice(0, start), traff: text.slice(start, start + fraga.length), efter: text.slice(start + fraga.length) };
}

// --- The keyboard ----------------------------------------------------------------------------------

export type Tradhandling =
  | { readonly typ: 'fokus'; readonly kod: string }
  | { readonly typ: 'oppna'; readonly kod: string }
  | { readonly typ: 'stang'; readonly kod: string };

/**
 * What a key does in the tree, as the WAI-ARIA tree view pattern has it: up and down through the rows on
 * screen, right opens a closed node or steps into an open one, left closes an open node or steps out to the
 * parent, Home and End to the first and last row, Enter and Space open and close, and a letter moves to the
 * next row whose name begins with it. Undefined for a key the tree leaves to the browser.
 */
export function tangenthandling(
  tangent: string,
  nod: Tradnod,
  synliga: readonly Tradnod[],
  oppna: ReadonlySet<string>,
  sok: Sokresultat | null,
): Tradhandling | undefined {
  const index = synliga.findIndex((kandidat) => kandidat.kod === nod.kod);
  const harBarn = synligaBarn(nod, sok).length > 0;
  const oppen = harBarn && oppna.has(nod.kod);
  const fokus = (mal: Tradnod | undefined): Tradhandling | undefined => (mal ? { typ: 'fokus', kod: mal.kod } : undefined);

  switch (tangent) {
    case 'ArrowDown':
      return fokus(synliga[index + 1]);
    case 'ArrowUp':
      return fokus(index > 0 ? synliga[index - 1] : undefined);
    case 'ArrowRight':
      if (!harBarn) return undefined;
      return oppen ? fokus(synliga[index + 1]) : { typ: 'oppna', kod: nod.kod };
    case 'ArrowLeft':
      if (oppen) return { typ: 'stang', kod: nod.kod };
      return fokus(nod.foralder ?? undefined);
    case 'Home':
      return fokus(synliga[0]);
    case 'End':
      return fokus(synliga.at(-1));
    case 'Enter':
    case ' ':
      if (!harBarn) return undefined;
      return { typ: oppen ? 'stang' : 'oppna', kod: nod.kod };
    default:
      return tangent.length === 1 && tangent.trim() !== '' ? fokus(nastaMedBokstav(tangent, index, synliga)) : undefined;
  }
}

function nastaMedBokstav(tecken: string, fran: number, synliga: readonly Tradnod[]): Tradnod | undefined {
  const bokstav = tecken.toLocaleLowerCase('sv');
  for (let steg = 1; steg <= synliga.length; steg += 1) {
    const kandidat = synliga[(fran + steg) % synliga.length]!;
    if (kandidat.namn.toLocaleLowerCase('sv').startsWith(bokstav)) return kandidat;
  }
  return undefined;
}
