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
 * Each request's scope, from the tree of today; the tree is read again at most every two seconds, and only when it
 * may have changed: a source that tells (the replica) says when; one that does not is read again every two seconds.
 * A new day reads it again too.
 */
@Injectable()
export class OmfangService {
  private cache: { at: number; dag: string; index: Promise<Organisationsindex>; andrad: boolean } | undefined;
  private readonly sagerTill: boolean;

  constructor(@Inject(ORGANISATION_KALLA) private readonly kalla: OrganisationKalla) {
    const andrad$ = this.kalla.andrad$;
    this.sagerTill = andrad$ !== undefined;
    andrad$?.subscribe(() => {
      if (this.cache) this.cache.andrad = true;
    });
  }

  async for(principal: Principal): Promise<Omfang> {
    const now = Date.now();
    const dag = new Date(now).toISOString().slice(0, 10);
    const inaktuell = !this.cache || this.cache.dag !== dag || ((this.cache.andrad || !this.sagerTill) && now - this.cache.at > CACHE_MS);
    if (inaktuell) {
      const index = this.kalla.noder().then((noder) => new Organisationsindex(noder));
      const cache = { at: now, dag, index, andrad: false };
      this.cache = cache;
      index.catch(() => {
        if (this.cache === cache) this.cache = undefined;
      });
    }
    return Omfang.for(principal, await this.cache!.index);
  }
}
