import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { RapportDto, skapaRapportRequestSchema } from '@tertial/contracts/dto';
import { avvisa, loggaAndring, harRoll, type Principal } from '@tertial/service-kit';
import type { z } from 'zod';

import { PrognosTotalerService } from '../prognos-totaler/prognos-totaler.service.js';
import { Rapport } from './rapport.entity.js';
import { lasbaraStatusar, provaFaststallning, provaLasning } from './rapportregler.js';

@Injectable()
export class RapporterService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(PrognosTotalerService) private readonly totaler: PrognosTotalerService,
  ) {}

  /** The reports the person may read: the ekonomidirektör all of them, everyone else the fixed ones. */
  async lista(principal: Principal): Promise<RapportDto[]> {
    const rapporter = await this.orm.em
      .fork()
      .find(Rapport, { status: { $in: [...lasbaraStatusar(harRoll(principal, 'ekonomidirektor'))] } }, { orderBy: { skapadAt: 'desc' } });
    return rapporter.map(toDto);
  }

  /** One report; a draft is refused to anyone but the ekonomidirektör exactly as a report that does not exist. */
  async hamta(id: string, principal: Principal): Promise<RapportDto> {
    const provat = provaLasning(id, await this.orm.em.fork().findOne(Rapport, { id }), harRoll(principal, 'ekonomidirektor'));
    if (!provat.ok) avvisa(provat.hinder);
    return toDto(provat.varde);
  }

  async skapa(request: z.output<typeof skapaRapportRequestSchema>, principal: Principal, correlationId: string): Promise<RapportDto> {
    const innehall = await this.totaler.totaler(request.ar, request.tillfalle);
    const rapport = await this.orm.em.fork().transactional(async (em) => {
      const rapport = em.create(Rapport, {
        id: randomUUID(),
        ar: request.ar,
        tillfalle: request.tillfalle,
        titel: request.titel,
        status: 'utkast',
        innehall,
        skapadAt: new Date(),
        skapadAv: principal.id,
        faststalldAt: null,
        faststalldAv: null,
      });
      loggaAndring(
        em,
        { tjanst: 'report', principal, correlationId },
        {
          handling: 'rapport.skapad',
          objekt: { typ: 'rapport', id: rapport.id },
          fore: null,
          efter: { ...toDto(rapport), innehall: undefined },
        },
      );
      return rapport;
    });
    return toDto(rapport);
  }

  /** Fixes a draft: from now on it is what the council reads, and it never changes. */
  async faststall(id: string, principal: Principal, correlationId: string): Promise<RapportDto> {
    const rapport = await this.orm.em.fork().transactional(async (em) => {
      const provat = provaFaststallning(id, await em.findOne(Rapport, { id }));
      if (!provat.ok) avvisa(provat.hinder);
      const rapport = provat.varde;
      const fore = { ...toDto(rapport), innehall: undefined };
      rapport.status = 'faststalld';
      rapport.faststalldAt = new Date();
      rapport.faststalldAv = principal.id;
      loggaAndring(
        em,
        { tjanst: 'report', principal, correlationId },
        { handling: 'rapport.faststalld', objekt: { typ: 'rapport', id }, fore, efter: { ...toDto(rapport), innehall: undefined } },
      );
      return rapport;
    });
    return toDto(rapport);
  }
}

function toDto(rapport: Rapport): RapportDto {
  return {
    id: rapport.id,
    ar: rapport.ar,
    tillfalle: rapport.tillfalle,
    titel: rapport.titel,
    status: rapport.status,
    skapadAt: rapport.skapadAt.toISOString(),
    faststalldAt: rapport.faststalldAt?.toISOString() ?? null,
    innehall: rapport.innehall,
  };
}
