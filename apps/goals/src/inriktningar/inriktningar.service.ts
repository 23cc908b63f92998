import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import {
  andraInriktningRequestSchema,
  arKoncernbolag,
  skapaInriktningRequestSchema,
  type InriktningDto,
  type Inriktningsniva,
} from '@tertial/contracts/dto';
import { inriktningUppdaterad } from '@tertial/contracts/events';
import { addToOutbox, avvisa, avvisaVid, harRoll, loggaAndring, OutboxRelay, ProblemException, type Principal } from '@tertial/service-kit';
import type { z } from 'zod';

import { MalService } from '../mal/mal.service.js';
import { hinderForNyttMal, inaktuellVersion } from '../mal/malregler.js';
import { Nyckeltal } from '../nyckeltal/nyckeltal.entity.js';
import { okantNyckeltal } from '../nyckeltal/nyckeltalregler.js';
import { Inriktning } from './inriktning.entity.js';

export function inriktningDto(i: Inriktning): InriktningDto {
  return {
    id: i.id,
    niva: i.niva,
    namnd: i.namndKod ?? null,
    rubrik: i.rubrik,
    text: i.text,
    mandatperiod: { franAr: i.franAr, tillAr: i.tillAr },
    nyckeltal: i.nyckeltal,
    beslut: { datum: i.beslut.datum, paragraf: i.beslut.paragraf ?? null },
    version: i.version,
    andradAv: { id: i.andradAvId, namn: i.andradAvNamn },
    andradAt: i.andradAt.toISOString(),
  };
}

/** The inriktningar KF sets for the mandate period: the city's (the ekonomidirektör records them), each nämnd's and bolag's. */
@Injectable()
export class InriktningarService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(MalService) private readonly mal: MalService,
    @Inject(OutboxRelay) private readonly outbox: OutboxRelay,
  ) {}

  async lista(filter: { namnd?: string | undefined; niva?: Inriktningsniva | undefined }, principal: Principal): Promise<InriktningDto[]> {
    const far = await this.mal.lasratt(principal);
    if (filter.namnd && !far(filter.namnd)) avvisa({ status: 403 });
    const alla = await this.orm.em
      .fork()
      .find(
        Inriktning,
        { ...(filter.namnd ? { namndKod: filter.namnd } : {}), ...(filter.niva ? { niva: filter.niva } : {}) },
        { orderBy: { niva: 'desc', namndKod: 'asc', rubrik: 'asc' } },
      );
    return alla.filter((i) => !i.namndKod || far(i.namndKod)).map(inriktningDto);
  }

  async skapa(request: z.output<typeof skapaInriktningRequestSchema>, principal: Principal, correlationId: string): Promise<InriktningDto> {
    await this.behorig(principal, request.niva, request.namnd ?? null);
    const inriktning = await this.orm.em.fork().transactional(async (em) => {
      await this.nyckeltalFinns(em, request.nyckeltal);
      const ny = em.create(Inriktning, {
        id: randomUUID(),
        niva: request.niva,
        namndKod: request.namnd ?? null,
        rubrik: request.rubrik,
        text: request.text,
        franAr: request.mandatperiod.franAr,
        tillAr: request.mandatperiod.tillAr,
        nyckeltal: request.nyckeltal,
        beslut: { datum: request.beslut.datum, paragraf: request.beslut.paragraf ?? null },
        version: 1,
        andradAvId: principal.id,
        andradAvNamn: principal.namn,
        andradAt: new Date(),
      });
      this.publicera(em, ny, null, principal, correlationId);
      return ny;
    });
    this.outbox.wake();
    return inriktningDto(inriktning);
  }

  async andra(
    id: string,
    request: z.output<typeof andraInriktningRequestSchema>,
    principal: Principal,
    correlationId: string,
  ): Promise<InriktningDto> {
    // Access before the transaction: it reads the organisation replica, which on SQLite (one connection, held by the
    // transaction) would wait for the transaction to end, and the transaction for it.
    const forst = await this.orm.em.fork().findOne(Inriktning, { id });
    if (forst) await this.behorig(principal, forst.niva, forst.namndKod ?? null);
    const inriktning = await this.orm.em.fork().transactional(async (em) => {
      const inriktning = await em.findOne(Inriktning, { id });
      if (!inriktning)
        throw new ProblemException(404, 'Inriktningen finns inte', `Inriktningen ${id} finns inte.`, [
          { field: 'id', message: 'okänd inriktning' },
        ]);
      avvisaVid(inaktuellVersion(inriktning.version, request.version, 'aktivt'));
      await this.nyckeltalFinns(em, request.nyckeltal);
      const fore = inriktningDto(inriktning);
      const andrade = await em.nativeUpdate(Inriktning, { id, version: request.version }, { version: request.version + 1 });
      avvisaVid(andrade === 1 ? null : inaktuellVersion(request.version + 1, request.version, 'aktivt'));
      em.assign(inriktning, {
        rubrik: request.rubrik,
        text: request.text,
        franAr: request.mandatperiod.franAr,
        tillAr: request.mandatperiod.tillAr,
        nyckeltal: request.nyckeltal,
        beslut: { datum: request.beslut.datum, paragraf: request.beslut.paragraf ?? null },
        version: request.version + 1,
        andradAvId: principal.id,
        andradAvNamn: principal.namn,
        andradAt: new Date(),
      });
      this.publicera(em, inriktning, fore, principal, correlationId);
      return inriktning;
    });
    this.outbox.wake();
    return inriktningDto(inriktning);
  }

  private async behorig(principal: Principal, niva: Inriktningsniva, namnd: string | null): Promise<void> {
    if (niva === 'stad') {
      if (!harRoll(principal, 'ekonomidirektor')) avvisa({ status: 403 });
      return;
    }
    const ratt = await this.mal.skrivratt(principal, namnd!);
    avvisaVid(hinderForNyttMal({ namnd: namnd!, serNamnden: ratt.far, arNamnd: ratt.finns }));
    if ((niva === 'bolag') !== arKoncernbolag(namnd!))
      avvisa({
        status: 422,
        title: 'Fel nivå',
        detail: `${namnd} är ${niva === 'bolag' ? 'en nämnd' : 'ett bolag'}.`,
        fel: [{ field: 'niva', message: 'stämmer inte med namnd' }],
      });
  }

  private publicera(em: EntityManager, inriktning: Inriktning, fore: InriktningDto | null, principal: Principal, correlationId: string) {
    const efter = inriktningDto(inriktning);
    addToOutbox(em, inriktningUppdaterad, efter, { producer: 'goals', correlationId });
    loggaAndring(
      em,
      { tjanst: 'goals', principal, correlationId },
      { handling: fore ? 'inriktning.andrad' : 'inriktning.skapad', objekt: { typ: 'inriktning', id: inriktning.id }, fore, efter },
    );
  }

  private async nyckeltalFinns(em: EntityManager, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const finns = new Set((await em.find(Nyckeltal, { id: { $in: [...ids] } })).map((n) => n.id));
    ids.forEach((id, i) => {
      if (!finns.has(id)) avvisa(okantNyckeltal(`nyckeltal[${i}]`, id));
    });
  }
}
