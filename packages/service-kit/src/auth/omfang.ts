import type { OrganisationNode } from '@tertial/contracts/organisation';

import { ingenBehorighet } from './auth.guard.js';
import { harRoll, type Principal } from './principal.js';

/** The tree of today looked up by kod, parent and chef: built once per reading of the tree, shared by every request. */
export class Organisationsindex {
  /** One index per tree: a tree from the organisation copy is shared, unchanged, until the organisation changes. */
  private static readonly avTrad = new WeakMap<readonly OrganisationNode[], Organisationsindex>();

  /** The index of a tree, built the first time it is asked for. The tree must not change afterwards. */
  static av(tree: readonly OrganisationNode[]): Organisationsindex {
    let index = Organisationsindex.avTrad.get(tree);
    if (!index) {
      index = new Organisationsindex(tree);
      Organisationsindex.avTrad.set(tree, index);
    }
    return index;
  }

  readonly byKod: ReadonlyMap<string, OrganisationNode>;
  readonly barn: ReadonlyMap<string, readonly string[]>;
  /** The ansvar (leaves) each chef is named chef of in the organisation. */
  readonly chefensAnsvar: ReadonlyMap<string, readonly string[]>;

  constructor(tree: readonly OrganisationNode[]) {
    this.byKod = new Map(tree.map((node) => [node.kod, node]));
    const barn = new Map<string, string[]>();
    const chefensAnsvar = new Map<string, string[]>();
    for (const node of tree) {
      if (node.foralderKod) (barn.get(node.foralderKod) ?? barn.set(node.foralderKod, []).get(node.foralderKod)!).push(node.kod);
      if (node.niva === 'enhet' && node.chef)
        (chefensAnsvar.get(node.chef.anvandarId) ?? chefensAnsvar.set(node.chef.anvandarId, []).get(node.chef.anvandarId)!).push(node.kod);
    }
    this.barn = barn;
    this.chefensAnsvar = chefensAnsvar;
  }
}

/**
 * What part of the organisation a person sees: everything (the ekonomidirektör), or the nodes they answer
 * for and everything below them. A chef also answers for every ansvar the organisation names them chef of.
 */
export class Omfang {
  private constructor(
    readonly alla: boolean,
    private readonly noder: ReadonlySet<string>,
    /** The ansvar that are the person's own (they are its chef): whose forecasts they may change. */
    private readonly egna: ReadonlySet<string>,
    private readonly trad: ReadonlyMap<string, OrganisationNode>,
  ) {}

  static for(principal: Principal, tree: Organisationsindex | readonly OrganisationNode[]): Omfang {
    const index = tree instanceof Organisationsindex ? tree : Organisationsindex.av(tree);
    if (harRoll(principal, 'ekonomidirektor', 'stadsrevisionen')) return new Omfang(true, new Set(), new Set(), index.byKod);
    const rotter = new Set(principal.org.filter((kod) => index.byKod.has(kod)));
    const egna = new Set<string>();
    if (harRoll(principal, 'chef')) {
      for (const kod of index.chefensAnsvar.get(principal.id) ?? []) {
        rotter.add(kod);
        egna.add(kod);
      }
      for (const kod of principal.org) if (index.byKod.get(kod)?.niva === 'enhet') egna.add(kod);
    }
    const noder = new Set<string>();
    const stack = [...rotter];
    while (stack.length > 0) {
      const kod = stack.pop()!;
      if (noder.has(kod)) continue;
      noder.add(kod);
      for (const barn of index.barn.get(kod) ?? []) stack.push(barn);
    }
    return new Omfang(false, noder, egna, index.byKod);
  }

  /** Whether the whole of a node is in view (it lies in the person's part of the tree). */
  ser(kod: string): boolean {
    return this.alla || this.noder.has(kod);
  }

  /** Whether any part of a node is in view, e.g. the nämnd of a chef's ansvar. */
  serDelAv(kod: string): boolean {
    if (this.alla || this.noder.has(kod)) return true;
    for (const synlig of this.noder) {
      for (let node = this.trad.get(synlig); node; node = node.foralderKod ? this.trad.get(node.foralderKod) : undefined) {
        if (node.kod === kod) return true;
      }
    }
    return false;
  }

  arEget(ansvar: string): boolean {
    return this.egna.has(ansvar);
  }

  /** The visible ansvar (leaves), or undefined for everything. */
  synligaAnsvar(): Set<string> | undefined {
    if (this.alla) return undefined;
    return new Set([...this.noder].filter((kod) => this.trad.get(kod)?.niva === 'enhet'));
  }

  /** Refuses (403, the same as for anything else refused) unless the node is in view. */
  kravSer(kod: string): void {
    if (!this.ser(kod)) throw ingenBehorighet();
  }

  kravSerDelAv(kod: string): void {
    if (!this.serDelAv(kod)) throw ingenBehorighet();
  }

  /** Refuses unless the kod is a nämnd the person works in (for a nämnd's budget, plan and goals). */
  kravNamnd(kod: string): void {
    if (this.alla) return;
    if (this.trad.get(kod)?.niva !== 'namnd' || !this.serDelAv(kod)) throw ingenBehorighet();
  }

  kravEget(ansvar: string): void {
    if (!this.arEget(ansvar)) throw ingenBehorighet();
  }
}
