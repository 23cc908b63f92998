import { randomUUID } from 'node:crypto';

import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { skapaMalRequestSchema, type MalDto } from '@tertial/contracts/dto';
import { avvisaVid, loggaAndring, OmfangService, OrganisationReplica, type Principal } from '@tertial/service-kit';
import type { z } from 'zod';

import { DEMO_MAL } from './demo-mal.js';
import { Mal } from './mal.entity.js';
import { forMangaMal, hinderForNyttMal } from './malregler.js';

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

  async skapa(request: z.output<typeof skapaMalRequestSchema>, principal: Principal, correlationId: string): Promise<MalDto> {
    // Access first: whether the nämnd exists is not looked up for someone who may not add its mål.
    const serNamnden = (await this.omfang.for(principal)).ser(request.namnd);
    const namnd = serNamnden
      ? (await this.organisation.allNodes()).find((node) => node.kod === request.namnd && node.niva === 'namnd')
      : undefined;
    avvisaVid(hinderForNyttMal({ namnd: request.namnd, serNamnden, arNamnd: namnd !== undefined }));
    const namndnamn = namnd?.namn ?? request.namnd;
    const mal = await this.orm.em.fork().transactional(async (em) => {
      avvisaVid(forMangaMal(namndnamn, request.ar, await em.count(Mal, { namndKod: request.namnd, ar: request.ar })));
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
