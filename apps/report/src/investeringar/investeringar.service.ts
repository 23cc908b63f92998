import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import type { InvesteringsprojektDto } from '@tertial/contracts/dto';

import { arSenastaTillstand } from '../senaste-tillstand/senaste-tillstand.js';
import { Investeringsprojekt } from './investeringsprojekt.entity.js';

/** The investment plan's projects, kept as the budget service publishes them, for the reports' investment tables. */
@Injectable()
export class InvesteringarService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** Keeps a project as the latest event says, by when it occurred (`arSenastaTillstand`). */
  async registrera(em: EntityManager, projekt: InvesteringsprojektDto, occurredAt: string): Promise<void> {
    if (!(await arSenastaTillstand(em, 'investeringsprojekt', projekt.id, occurredAt))) return;
    await em.upsert(Investeringsprojekt, {
      id: projekt.id,
      namnd: projekt.namnd,
      namn: projekt.namn,
      ar: projekt.ar.map((a) => ({ ar: a.ar, budgetOre: a.budgetOre, utfallOre: a.utfallOre ?? null, prognosOre: a.prognosOre ?? null })),
      uppdateradAt: new Date(),
    });
  }

  /** Every project with money in the year, by nämnd and name. */
  async aret(
    ar: number,
  ): Promise<{ namnd: string; projekt: string; budgetOre: number; utfallOre: number | null; prognosOre: number | null }[]> {
    const projekt = await this.orm.em.fork().findAll(Investeringsprojekt, { orderBy: { namnd: 'asc', namn: 'asc' } });
    return projekt.flatMap((p) =>
      p.ar
        .filter((a) => a.ar === ar)
        .map((a) => ({
          namnd: p.namnd,
          projekt: p.namn,
          budgetOre: a.budgetOre,
          utfallOre: a.utfallOre ?? null,
          prognosOre: a.prognosOre ?? null,
        })),
    );
  }
}
