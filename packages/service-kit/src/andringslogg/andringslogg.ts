import { randomUUID } from 'node:crypto';

import type { EntityManager } from '@mikro-orm/core';
import type { ServiceName } from '@tertial/contracts/services';

import type { Principal } from '../auth/principal.js';
import { AndringsloggPost } from './andringslogg-post.entity.js';

export interface Andring {
  readonly handling: string;
  readonly objekt: { readonly typ: string; readonly id: string };
  readonly fore: unknown;
  readonly efter: unknown;
}

/** Records a change in the ändringslogg, in the transaction that makes the change (so never one without the other). */
export function loggaAndring(
  em: EntityManager,
  vem: { tjanst: ServiceName; principal: Principal; correlationId: string },
  andring: Andring,
): void {
  em.create(AndringsloggPost, {
    id: randomUUID(),
    tidpunkt: new Date(),
    tjanst: vem.tjanst,
    anvandare: vem.principal.id,
    anvandarNamn: vem.principal.namn,
    roller: vem.principal.roller.join(','),
    handling: andring.handling,
    objektTyp: andring.objekt.typ,
    objektId: andring.objekt.id,
    fore: andring.fore ?? null,
    efter: andring.efter ?? null,
    correlationId: vem.correlationId,
  });
}
