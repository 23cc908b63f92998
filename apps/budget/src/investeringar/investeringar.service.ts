import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { investeringsprojektRequestSchema } from '@tertial/contracts/dto';
import { investeringsprojektUppdaterat } from '@tertial/contracts/events';
import { demoStad } from '@tertial/demo-city';
import { addToOutbox, loggaAndring, OutboxRelay, ProblemException, type Principal } from '@tertial/service-kit';
import type { z } from 'zod';

import { ellerProblem } from '../budget/ellerproblem.js';
import { InvesteringsprojektRad } from './investeringar.entity.js';
import { summeraInvesteringsplan, valideraInvesteringsplan, type Investeringsprojekt } from './investeringsplan.js';

@Injectable()
export class InvesteringarService implements OnApplicationBootstrap {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(OutboxRelay) private readonly outbox: OutboxRelay,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const em = this.orm.em.fork();
    if ((await em.count(InvesteringsprojektRad)) > 0) return;
    await em.transactional(async (tx) => {
      for (const projekt of demoStad().investeringar) {
        tx.create(InvesteringsprojektRad, { id: projekt.id, namnd: projekt.namnd, projekt });
        addToOutbox(
          tx,
          investeringsprojektUppdaterat,
          { ...projekt, ar: [...projekt.ar] },
          { producer: 'budget', correlationId: 'demo-data' },
        );
      }
    });
    this.outbox.wake();
  }

  /** The plan of a nämnd (or the whole city) for the seven years from `forstaAr`, with its summary. */
  async plan(namnd: string | undefined, forstaAr: number) {
    const rader = await this.orm.em.fork().find(InvesteringsprojektRad, namnd ? { namnd } : {}, { orderBy: { id: 'asc' } });
    const projekt = rader.map((r) => r.projekt);
    return {
      projekt,
      sammanstallning: ellerProblem(summeraInvesteringsplan({ forstaAr, projekt }), 'Investeringsplanen går inte att summera'),
    };
  }

  /** Stores a project (new or changed); a project over 3 mnkr without motive, or over 15 mnkr without assessment, is refused. */
  async spara(
    id: string,
    request: z.output<typeof investeringsprojektRequestSchema>,
    forstaAr: number,
    principal: Principal,
    correlationId: string,
  ): Promise<Investeringsprojekt> {
    const projekt: Investeringsprojekt = {
      id,
      namnd: request.namnd,
      namn: request.namn,
      motiv: request.motiv ?? null,
      hallbarhet: request.hallbarhet ?? null,
      ar: request.ar.map((ar) => ({ ar: ar.ar, budgetOre: ar.budget, utfallOre: ar.utfall ?? null, prognosOre: ar.prognos ?? null })),
    };
    const fel = valideraInvesteringsplan({ forstaAr, projekt: [projekt] });
    if (fel.length > 0)
      throw new ProblemException(
        422,
        'Projektet uppfyller inte investeringsreglerna',
        fel.map((f) => f.message).join('; '),
        fel.map((f) => ({ field: f.field, message: f.message })),
      );
    await this.orm.em.fork().transactional(async (em) => {
      const fore = await em.findOne(InvesteringsprojektRad, { id });
      loggaAndring(
        em,
        { tjanst: 'budget', principal, correlationId },
        { handling: 'investeringsprojekt.sparat', objekt: { typ: 'projekt', id }, fore: fore?.projekt ?? null, efter: projekt },
      );
      await em.upsert(InvesteringsprojektRad, { id, namnd: projekt.namnd, projekt });
      addToOutbox(em, investeringsprojektUppdaterat, { ...projekt, ar: [...projekt.ar] }, { producer: 'budget', correlationId });
    });
    this.outbox.wake();
    return projekt;
  }
}
