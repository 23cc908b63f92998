import { randomUUID } from 'node:crypto';

import type { EntityManager } from '@mikro-orm/core';
import type { ServiceName } from '@tertial/contracts/services';

import type { Principal } from '../auth/principal.js';
import { dbJson, dbTid, direkt } from '../database/direkt.js';
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

/** `loggaAndring` in plain SQL, written at once in the caller's transaction (see `direkt`): the same row. */
export async function skrivAndring(
  em: EntityManager,
  vem: { tjanst: ServiceName; principal: Principal; correlationId: string },
  andring: Andring,
): Promise<void> {
  await direkt(em)
    .insertInto('andringslogg')
    .values({
      id: randomUUID(),
      tidpunkt: dbTid(em, new Date()),
      tjanst: vem.tjanst,
      anvandare: vem.principal.id,
      anvandar_namn: vem.principal.namn,
      roller: vem.principal.roller.join(','),
      handling: andring.handling,
      objekt_typ: andring.objekt.typ,
      objekt_id: andring.objekt.id,
      fore: dbJson(andring.fore ?? null),
      efter: dbJson(andring.efter ?? null),
      correlation_id: vem.correlationId,
    })
    .execute();
}
