import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import type { forlangOmgangRequestSchema, oppnaOmgangRequestSchema, PrognosomgangDto } from '@tertial/contracts/dto';
import { prognosomgangAndrad } from '@tertial/contracts/events';
import { periodensSistaManad, PROGNOSTILLFALLEN, type Prognostillfalle } from '@tertial/contracts/prognos';
import { addToOutbox, avvisa, avvisaVid, loggaAndring, OrganisationReplica, OutboxRelay, type Principal } from '@tertial/service-kit';
import type { z } from 'zod';

import { AteroppnatAnsvar } from '../helarsprognoser/helarsprognos.entity.js';
import { UppslagCache } from '../helarsprognoser/uppslag-cache.js';
import { arOppnatIgen, hinderForForlangning, hinderForStangning, ingenSadanOmgang, provaOppning } from './omgangsregler.js';
import { Prognosomgang } from './prognosomgang.entity.js';

type Andring = 'oppnad' | 'forlangd' | 'stangd';

/** The ekonomidirektör's rounds: each change is audited and published as `prognosomgang-andrad` in its transaction. */
@Injectable()
export class OmgangarService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(OrganisationReplica) private readonly organisation: OrganisationReplica,
    @Inject(OutboxRelay) private readonly outbox: OutboxRelay,
    @Inject(UppslagCache) private readonly uppslag: UppslagCache,
  ) {}

  /** Every round, newest first, each closed one with the ansvar opened again since it closed. */
  async lista(): Promise<PrognosomgangDto[]> {
    const em = this.orm.em.fork();
    const omgangar = await em.find(Prognosomgang, {});
    const stangda = omgangar.filter((omgang) => omgang.status === 'stangd');
    const ateroppnade = stangda.length
      ? await em.find(AteroppnatAnsvar, { $or: stangda.map(({ ar, tillfalle }) => ({ ar, tillfalle })) }, { orderBy: { ansvar: 'asc' } })
      : [];
    return omgangar
      .sort((a, b) => b.ar - a.ar || PROGNOSTILLFALLEN.indexOf(a.tillfalle) - PROGNOSTILLFALLEN.indexOf(b.tillfalle))
      .map((omgang) =>
        omgangDto(
          omgang,
          ateroppnade.filter((rad) => rad.ar === omgang.ar && rad.tillfalle === omgang.tillfalle && arOppnatIgen(omgang, rad.ateroppnadAt)),
        ),
      );
  }

  /** Opens a round, or reopens a closed one, with a deadline (and for a månadsprognos its nämnder). */
  async oppna(request: z.output<typeof oppnaOmgangRequestSchema>, principal: Principal, correlationId: string): Promise<PrognosomgangDto> {
    const nu = new Date();
    const kandaNamnder = new Set((await this.organisation.allNodes()).filter((node) => node.niva === 'namnd').map((node) => node.kod));
    const provat = provaOppning({
      tillfalle: request.tillfalle,
      deadline: new Date(request.deadline),
      namnder: request.namnder,
      kandaNamnder,
      nu,
    });
    if (!provat.ok) avvisa(provat.hinder);
    return this.andra(request.ar, request.tillfalle, 'oppnad', principal, correlationId, async (em, omgang) => {
      const data = {
        typ: provat.typ,
        namnder: provat.namnder,
        status: 'oppen' as const,
        deadline: new Date(request.deadline),
        oppnadAt: nu,
        stangdAt: null,
      };
      if (omgang) return Object.assign(omgang, data, { andring: omgang.andring + 1 });
      return em.create(Prognosomgang, { ar: request.ar, tillfalle: request.tillfalle, ...data, andring: 1 });
    });
  }

  /** Moves an open round's deadline later. */
  async forlang(
    ar: number,
    tillfalle: Prognostillfalle,
    request: z.output<typeof forlangOmgangRequestSchema>,
    principal: Principal,
    correlationId: string,
  ): Promise<PrognosomgangDto> {
    return this.andra(ar, tillfalle, 'forlangd', principal, correlationId, async (_em, omgang) => {
      if (!omgang) return avvisa(ingenSadanOmgang(ar, tillfalle));
      const deadline = new Date(request.deadline);
      avvisaVid(hinderForForlangning(omgang, deadline, new Date()));
      return Object.assign(omgang, { deadline, andring: omgang.andring + 1 });
    });
  }

  /** Closes a round: every forecast in it is locked until the round, or one ansvar, is reopened. */
  async stang(ar: number, tillfalle: Prognostillfalle, principal: Principal, correlationId: string): Promise<PrognosomgangDto> {
    return this.andra(ar, tillfalle, 'stangd', principal, correlationId, async (_em, omgang) => {
      if (!omgang) return avvisa(ingenSadanOmgang(ar, tillfalle));
      avvisaVid(hinderForStangning(omgang));
      return Object.assign(omgang, { status: 'stangd' as const, stangdAt: new Date(), andring: omgang.andring + 1 });
    });
  }

  private async andra(
    ar: number,
    tillfalle: Prognostillfalle,
    andring: Andring,
    principal: Principal,
    correlationId: string,
    gor: (em: EntityManager, omgang: Prognosomgang | null) => Promise<Prognosomgang>,
  ): Promise<PrognosomgangDto> {
    const dto = await this.orm.em.fork().transactional(async (em) => {
      const omgang = await em.findOne(Prognosomgang, { ar, tillfalle });
      const fore = omgang ? omgangDto(omgang) : null;
      const efter = omgangDto(await gor(em, omgang));
      addToOutbox(
        em,
        prognosomgangAndrad,
        {
          ar,
          tillfalle,
          typ: efter.typ,
          status: efter.status,
          deadline: efter.deadline,
          utfallTomManad: efter.utfallTomManad,
          namnder: efter.namnder,
          andring: efter.andring,
          andradAt: new Date().toISOString(),
        },
        { producer: 'forecast', correlationId },
      );
      loggaAndring(
        em,
        { tjanst: 'forecast', principal, correlationId },
        { handling: `omgang.${andring}`, objekt: { typ: 'omgang', id: `${ar}-${tillfalle}` }, fore, efter },
      );
      this.uppslag.glomOmgang(ar, tillfalle);
      return efter;
    });
    this.uppslag.glomOmgang(ar, tillfalle);
    this.outbox.wake();
    return dto;
  }
}

/** A round as the API shows it; a change of the round itself leaves no ansvar reopened (`ateroppnade` empty). */
export function omgangDto(omgang: Prognosomgang, ateroppnade: readonly AteroppnatAnsvar[] = []): PrognosomgangDto {
  return {
    ar: omgang.ar,
    tillfalle: omgang.tillfalle,
    typ: omgang.typ,
    status: omgang.status,
    deadline: omgang.deadline.toISOString(),
    utfallTomManad: periodensSistaManad(omgang.tillfalle),
    namnder: omgang.namnder ?? null,
    andring: omgang.andring,
    oppnadAt: omgang.oppnadAt.toISOString(),
    stangdAt: omgang.stangdAt?.toISOString() ?? null,
    ateroppnadeAnsvar: ateroppnade.map((rad) => ({ ansvar: rad.ansvar, skal: rad.skal, ateroppnadAt: rad.ateroppnadAt.toISOString() })),
  };
}
