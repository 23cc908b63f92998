import { randomUUID } from 'node:crypto';

import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { MAX_MAL_PER_NAMND_OCH_AR, skapaMalRequestSchema, type MalDto } from '@tertial/contracts';
import { loggaAndring, OmfangService, OrganisationReplica, parseRequest, ProblemException, type Principal } from '@tertial/service-kit';

import { DEMO_MAL } from './demo-mal.js';
import { Mal } from './mal.entity.js';

@Injectable()
export class MalService implements OnApplicationBootstrap {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(OrganisationReplica) private readonly organisation: OrganisationReplica,
    @Inject(OmfangService) private readonly omfang: OmfangService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const em = this.orm.em.fork();
    if ((await em.count(Mal)) > 0) return;
    for (const mal of DEMO_MAL) {
      const request = skapaMalRequestSchema.parse(mal);
      em.create(Mal, {
        id: randomUUID(),
        namndKod: request.namnd,
        ar: request.ar,
        text: request.text,
        nyckeltal: request.nyckeltal ?? null,
        skapadAt: new Date(),
      });
    }
    await em.flush();
  }

  async skapa(body: unknown, principal: Principal, correlationId: string): Promise<MalDto> {
    const request = parseRequest(skapaMalRequestSchema, body, 'Ogiltigt mål');
    (await this.omfang.for(principal)).kravSer(request.namnd);
    const namnd = (await this.organisation.allNodes()).find((node) => node.kod === request.namnd && node.niva === 'namnd');
    if (!namnd)
      throw new ProblemException(422, 'Okänd nämnd', `Nämnden ${request.namnd} finns inte i organisationen.`, [
        { field: 'namnd', message: 'okänd nämnd' },
      ]);
    const mal = await this.orm.em.fork().transactional(async (em) => {
      const count = await em.count(Mal, { namndKod: request.namnd, ar: request.ar });
      if (count >= MAX_MAL_PER_NAMND_OCH_AR) {
        throw new ProblemException(
          409,
          'För många mål',
          `${namnd.namn} har redan ${count} mål för ${request.ar}; KF ger högst ${MAX_MAL_PER_NAMND_OCH_AR}.`,
          [{ field: 'namnd', message: `högst ${MAX_MAL_PER_NAMND_OCH_AR} mål per år` }],
        );
      }
      const mal = em.create(Mal, {
        id: randomUUID(),
        namndKod: request.namnd,
        ar: request.ar,
        text: request.text,
        nyckeltal: request.nyckeltal ?? null,
        skapadAt: new Date(),
      });
      loggaAndring(
        em,
        { tjanst: 'goals', principal, correlationId },
        { handling: 'mal.skapat', objekt: { typ: 'namnd', id: request.namnd }, fore: null, efter: toDto(mal) },
      );
      return mal;
    });
    return toDto(mal);
  }

  async lista(filter: { namnd?: string | undefined; ar?: number | undefined }, principal: Principal): Promise<MalDto[]> {
    const omfang = await this.omfang.for(principal);
    if (filter.namnd) omfang.kravNamnd(filter.namnd);
    const mal = await this.orm.em
      .fork()
      .find(
        Mal,
        { ...(filter.namnd ? { namndKod: filter.namnd } : {}), ...(filter.ar ? { ar: filter.ar } : {}) },
        { orderBy: { namndKod: 'asc', skapadAt: 'asc' } },
      );
    return mal.filter((m) => omfang.serDelAv(m.namndKod)).map(toDto);
  }
}

function toDto(mal: Mal): MalDto {
  return { id: mal.id, namnd: mal.namndKod, ar: mal.ar, text: mal.text, nyckeltal: mal.nyckeltal ?? null };
}
