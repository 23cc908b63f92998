import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import type { ResultatoverforingBeslutadPayload } from '@tertial/contracts/events';

import { Resultatoverforing } from './resultatoverforing.entity.js';

/** The decided resultatöverföring per year: kept as the budget service published it, read by the årsredovisning. */
@Injectable()
export class ResultatoverforingService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** A redelivery carries the same decision and replaces it with itself. */
  async registrera(em: EntityManager, beslut: ResultatoverforingBeslutadPayload): Promise<void> {
    await em.upsert(Resultatoverforing, { ...beslut, mottagenAt: new Date() });
  }

  async beslut(ar: number): Promise<Resultatoverforing | null> {
    return this.orm.em.fork().findOne(Resultatoverforing, { ar });
  }
}
