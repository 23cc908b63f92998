import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { Bolagskod, Bolagsprognos, bolagsprognosRequestSchema } from '@tertial/contracts/dto';
import { bolagsprognosAndrad } from '@tertial/contracts/events';
import type { Prognostillfalle } from '@tertial/contracts/prognos';
import { addToOutbox, arBolagetsEkonom, avvisaVid, kravBolag, loggaAndring, OutboxRelay, type Principal } from '@tertial/service-kit';
import type { z } from 'zod';

import { Prognosomgang } from '../omgangar/prognosomgang.entity.js';
import { BolagsprognosRad } from './bolagsprognos.entity.js';
import { hinderForBolagsprognos } from './bolagsprognosregler.js';

/** The wholly owned companies' full-year forecasts, one per company and round, entered by each company's ekonomichef. */
@Injectable()
export class BolagsprognoserService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(OutboxRelay) private readonly outbox: OutboxRelay,
  ) {}

  async lista(ar: number, principal: Principal): Promise<Bolagsprognos[]> {
    const rader = await this.orm.em.fork().find(BolagsprognosRad, { ar }, { orderBy: { bolag: 'asc', tillfalle: 'asc' } });
    return rader.map((rad) => rad.prognos).filter((prognos) => arBolagetsEkonom(principal, prognos.bolag));
  }

  async spara(
    bolag: Bolagskod,
    ar: number,
    tillfalle: Prognostillfalle,
    request: z.output<typeof bolagsprognosRequestSchema>,
    principal: Principal,
    correlationId: string,
  ): Promise<Bolagsprognos> {
    kravBolag(principal, bolag);
    let sparad: Bolagsprognos | undefined;
    await this.orm.em.fork().transactional(async (em) => {
      const omgang = await em.findOne(Prognosomgang, { ar, tillfalle });
      avvisaVid(hinderForBolagsprognos(tillfalle, omgang?.status));
      const fore = await em.findOne(BolagsprognosRad, { bolag, ar, tillfalle });
      const prognos: Bolagsprognos = {
        bolag,
        ar,
        tillfalle,
        intakterOre: request.intakter,
        kostnaderOre: request.kostnader,
        resultatEfterFinansiellaPosterOre: request.resultatEfterFinansiellaPoster,
        investeringarOre: request.investeringar,
        kommentar: request.kommentar,
        version: (fore?.prognos.version ?? 0) + 1,
        andradAv: principal.namn,
        andradAt: new Date().toISOString(),
      };
      loggaAndring(
        em,
        { tjanst: 'forecast', principal, correlationId },
        {
          handling: 'bolagsprognos.sparad',
          objekt: { typ: 'bolagsprognos', id: `${bolag}-${ar}-${tillfalle}` },
          fore: fore?.prognos ?? null,
          efter: prognos,
        },
      );
      await em.upsert(BolagsprognosRad, { bolag, ar, tillfalle, prognos });
      addToOutbox(em, bolagsprognosAndrad, prognos, { producer: 'forecast', correlationId });
      sparad = prognos;
    });
    this.outbox.wake();
    return sparad!;
  }
}
