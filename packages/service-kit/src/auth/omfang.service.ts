import { Inject, Injectable } from '@nestjs/common';
import type { OrganisationNode } from '@tertial/contracts/organisation';

import { Omfang, Organisationsindex } from './omfang.js';
import type { Principal } from './principal.js';

/** Where a service reads the organisation tree of today: its replica, or (in budget) its own master data. */
export interface OrganisationKalla {
  noder(): Promise<OrganisationNode[]>;
}
export const ORGANISATION_KALLA = Symbol('ORGANISATION_KALLA');

const CACHE_MS = 2_000;

/** Each request's scope, from the tree of today; the tree is read at most every two seconds. */
@Injectable()
export class OmfangService {
  private cache: { at: number; index: Promise<Organisationsindex> } | undefined;

  constructor(@Inject(ORGANISATION_KALLA) private readonly kalla: OrganisationKalla) {}

  async for(principal: Principal): Promise<Omfang> {
    const now = Date.now();
    if (!this.cache || now - this.cache.at > CACHE_MS) {
      const index = this.kalla.noder().then((noder) => new Organisationsindex(noder));
      this.cache = { at: now, index };
      index.catch(() => (this.cache = undefined));
    }
    return Omfang.for(principal, await this.cache.index);
  }
}
