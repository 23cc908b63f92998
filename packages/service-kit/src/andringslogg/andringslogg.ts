import { randomUUID } from 'node:crypto';

import type { EntityManager } from '@mikro-orm/core';
import type { ServiceName } from '@tertial/contracts/services';

import type { Principal } from '../auth/principal.js';
import { dbJson, dbTid, sqlDirekt } from '../database/direkt.js';
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
  await sqlDirekt(em, SKRIV_ANDRING, [
    randomUUID(),
    dbTid(em, new Date()),
    vem.tjanst,
    vem.principal.id,
    vem.principal.namn,
    vem.principal.roller.join(','),
    andring.handling,
    andring.objekt.typ,
    andring.objekt.id,
    dbJson(andring.fore ?? null),
    dbJson(andring.efter ?? null),
    vem.correlationId,
  ]);
}

const SKRIV_ANDRING =
  'insert into "andringslogg" ("id", "tidpunkt", "tjanst", "anvandare", "anvandar_namn", "roller", "handling", "objekt_typ", ' +
  '"objekt_id", "fore", "efter", "correlation_id") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
