import { Inject, Injectable } from '@nestjs/common';
import type { OrganisationNode } from '@tertial/contracts/organisation';
import type { Observable } from 'rxjs';

import { Omfang, Organisationsindex } from './omfang.js';
import type { Principal } from './principal.js';

/** Where a service reads the organisation tree of today: its replica, or (in budget) its own master data. */
export interface OrganisationKalla {
  noder(): Promise<OrganisationNode[]>;
  /** Emits after the tree changed, when the source can tell: the tree is then read again only after a change (or a new day). */
  readonly andrad$?: Observable<void>;
}
export const ORGANISATION_KALLA = Symbol('ORGANISATION_KALLA');

const CACHE_MS = 2_000;

/**
 * Each request's scope, from the tree of today; the tree is read again after it changed (a source that tells, such as
 * the replica) or at most every two seconds (one that does not), and on a new day.
 */
@Injectable()
export class OmfangService {
  private cache: { at: number; dag: string; index: Promise<Organisationsindex> } | undefined;
  private readonly sagerTill: boolean;

  constructor(@Inject(ORGANISATION_KALLA) private readonly kalla: OrganisationKalla) {
    const andrad$ = this.kalla.andrad$;
    this.sagerTill = andrad$ !== undefined;
    andrad$?.subscribe(() => (this.cache = undefined));
  }

  async for(principal: Principal): Promise<Omfang> {
    const now = Date.now();
    const dag = new Date(now).toISOString().slice(0, 10);
    if (!this.cache || this.cache.dag !== dag || (!this.sagerTill && now - this.cache.at > CACHE_MS)) {
      const index = this.kalla.noder().then((noder) => new Organisationsindex(noder));
      const cache = { at: now, dag, index };
      this.cache = cache;
      index.catch(() => {
        if (this.cache === cache) this.cache = undefined;
      });
    }
    return Omfang.for(principal, await this.cache.index);
  }
}
