import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import type {
  granskaHelarsprognosRequestSchema,
  Granskningsbeslut,
  HelarsprognosDto,
  lamnaHelarsprognosRequestSchema,
  oppnaOmgangRequestSchema,
  PrognosomgangDto,
} from '@tertial/contracts/dto';
import { helarsprognosLamnad } from '@tertial/contracts/events';
import { periodensSlut, type Prognostillfalle } from '@tertial/contracts/prognos';
import {
  addToOutbox,
  avvisa,
  avvisaVid,
  loggaAndring,
  OmfangService,
  OrganisationReplica,
  OutboxRelay,
  ProblemException,
  type Principal,
} from '@tertial/service-kit';
import type { z } from 'zod';

import { Helarsprognos, Prognosomgang } from './helarsprognos.entity.js';
import {
  hinderForLamning,
  ingenSadanOmgang,
  nastaVersion,
  omgangInteOppen,
  oppnadOmgang,
  prognosrader,
  provaBeslut,
  provaLasning,
  senastePerAnsvar,
  stangdOmgang,
} from './helarsprognosregler.js';

@Injectable()
export class HelarsprognoserService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(OrganisationReplica) private readonly organisation: OrganisationReplica,
    @Inject(OutboxRelay) private readonly outbox: OutboxRelay,
    @Inject(OmfangService) private readonly omfang: OmfangService,
  ) {}

  /**
   * Validates and stores a chef's helårsprognos for one of their own ansvar as the next version for its
   * ansvar, year and tillfälle, with its event and audit record, in one transaction. The round must be open.
   * Nothing is stored when anything is wrong.
   */
  async lamna(
    request: z.output<typeof lamnaHelarsprognosRequestSchema>,
    principal: Principal,
    correlationId: string,
  ): Promise<HelarsprognosDto> {
    const { ansvar, ar, tillfalle } = request;
    // Access first: whether the ansvar exists is not looked up for someone who may not submit for it.
    const egetAnsvar = (await this.omfang.for(principal)).arEget(ansvar);
    const ansvarFinns = egetAnsvar && (await this.organisation.findAnsvar(ansvar, periodensSlut(ar, tillfalle))) !== undefined;
    avvisaVid(hinderForLamning({ ansvar, ar, tillfalle, egetAnsvar, ansvarFinns }));
    const { rader, summa } = prognosrader(request.rader);
    try {
      const saved = await this.orm.em.fork().transactional(async (em) => {
        const omgang = await em.findOne(Prognosomgang, { ar, tillfalle });
        avvisaVid(omgangInteOppen(omgang?.status ?? null, ar, tillfalle));
        const latest = await em.findOne(
          Helarsprognos,
          { ansvar: request.ansvar, ar: request.ar, tillfalle: request.tillfalle },
          { orderBy: { version: 'desc' } },
        );
        const prognos = em.create(Helarsprognos, {
          id: randomUUID(),
          ansvar: request.ansvar,
          ar: request.ar,
          tillfalle: request.tillfalle,
          version: nastaVersion(latest?.version),
          rader,
          ...summa,
          kommentar: request.kommentar ?? null,
          lamnadAt: new Date(),
          lamnadAvId: principal.id,
          lamnadAvNamn: principal.namn,
          status: 'inlamnad',
          granskadAvId: null,
          granskadAvNamn: null,
          granskadAt: null,
          granskningskommentar: null,
          correlationId,
        });
        addToOutbox(
          em,
          helarsprognosLamnad,
          {
            prognosId: prognos.id,
            ansvar: prognos.ansvar,
            ar: prognos.ar,
            tillfalle: prognos.tillfalle,
            version: prognos.version,
            rader,
            kommentar: prognos.kommentar ?? null,
            lamnadAt: prognos.lamnadAt.toISOString(),
          },
          { producer: 'forecast', correlationId },
        );
        loggaAndring(
          em,
          { tjanst: 'forecast', principal, correlationId },
          {
            handling: 'helarsprognos.lamnad',
            objekt: { typ: 'ansvar', id: prognos.ansvar },
            fore: latest ? toDto(latest) : null,
            efter: toDto(prognos),
          },
        );
        return prognos;
      });
      this.outbox.wake();
      return toDto(saved);
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new ProblemException(409, 'Samtidig ändring', 'En annan prognos för samma ansvar lämnades samtidigt. Försök igen.');
      }
      throw error;
    }
  }

  /** The current (latest) version per ansvar for a year and tillfälle, within what the person sees; optionally one ansvar. */
  async aktuella(ar: number, tillfalle: Prognostillfalle, principal: Principal, ansvar?: string): Promise<HelarsprognosDto[]> {
    const omfang = await this.omfang.for(principal);
    if (ansvar) omfang.kravSer(ansvar);
    const synliga = omfang.synligaAnsvar();
    const all = await this.orm.em
      .fork()
      .find(
        Helarsprognos,
        { ar, tillfalle, ...(ansvar ? { ansvar } : synliga ? { ansvar: { $in: [...synliga] } } : {}) },
        { orderBy: { ansvar: 'asc', version: 'desc' } },
      );
    return senastePerAnsvar(all).map(toDto);
  }

  async hamta(id: string, principal: Principal): Promise<HelarsprognosDto> {
    const omfang = await this.omfang.for(principal);
    const prognos = await this.orm.em.fork().findOne(Helarsprognos, { id });
    const provat = provaLasning(id, prognos && omfang.ser(prognos.ansvar) ? prognos : null, omfang.alla);
    if (!provat.ok) avvisa(provat.hinder);
    return toDto(provat.varde);
  }

  /**
   * The förvaltningsekonom approves (`godkand`) or sends back (`aterskickad`, with a comment) the current
   * version of a forecast in their förvaltning. Only the latest version can be decided on.
   */
  async granska(
    id: string,
    beslut: Granskningsbeslut,
    request: z.output<typeof granskaHelarsprognosRequestSchema>,
    principal: Principal,
    correlationId: string,
  ): Promise<HelarsprognosDto> {
    const omfang = await this.omfang.for(principal);
    const result = await this.orm.em.fork().transactional(async (em) => {
      const found = await em.findOne(Helarsprognos, { id });
      // Nothing more is read about a forecast the person may not see.
      const synlig = found && omfang.ser(found.ansvar) ? found : null;
      const senaste = synlig
        ? await em.findOne(
            Helarsprognos,
            { ansvar: synlig.ansvar, ar: synlig.ar, tillfalle: synlig.tillfalle },
            { orderBy: { version: 'desc' } },
          )
        : null;
      const omgang = synlig ? await em.findOne(Prognosomgang, { ar: synlig.ar, tillfalle: synlig.tillfalle }) : null;
      const provat = provaBeslut({ beslut, kommentar: request.kommentar, prognos: synlig, senaste, omgang: omgang?.status ?? null });
      if (!provat.ok) avvisa(provat.hinder);
      const prognos = provat.varde;
      const fore = toDto(prognos);
      prognos.status = beslut;
      prognos.granskadAvId = principal.id;
      prognos.granskadAvNamn = principal.namn;
      prognos.granskadAt = new Date();
      prognos.granskningskommentar = request.kommentar ?? null;
      loggaAndring(
        em,
        { tjanst: 'forecast', principal, correlationId },
        {
          handling: beslut === 'godkand' ? 'helarsprognos.godkand' : 'helarsprognos.aterskickad',
          objekt: { typ: 'ansvar', id: prognos.ansvar },
          fore,
          efter: toDto(prognos),
        },
      );
      return prognos;
    });
    return toDto(result);
  }

  async omgangar(): Promise<PrognosomgangDto[]> {
    return (await this.orm.em.fork().find(Prognosomgang, {}, { orderBy: { ar: 'desc', tillfalle: 'asc' } })).map(omgangDto);
  }

  /** Opens (or reopens) a round; the ekonomidirektör's decision, audited. */
  async oppnaOmgang(
    { ar, tillfalle }: z.output<typeof oppnaOmgangRequestSchema>,
    principal: Principal,
    correlationId: string,
  ): Promise<PrognosomgangDto> {
    return this.orm.em.fork().transactional(async (em) => {
      const omgang = await em.findOne(Prognosomgang, { ar, tillfalle });
      const fore = omgang ? omgangDto(omgang) : null;
      const oppen = omgang
        ? Object.assign(omgang, oppnadOmgang(new Date()))
        : em.create(Prognosomgang, { ar, tillfalle, ...oppnadOmgang(new Date()) });
      loggaAndring(
        em,
        { tjanst: 'forecast', principal, correlationId },
        { handling: 'omgang.oppnad', objekt: { typ: 'omgang', id: `${ar}-${tillfalle}` }, fore, efter: omgangDto(oppen) },
      );
      return omgangDto(oppen);
    });
  }

  /** Closes a round: no more forecasts or decisions on them until it is reopened. */
  async stangOmgang(ar: number, tillfalle: Prognostillfalle, principal: Principal, correlationId: string): Promise<PrognosomgangDto> {
    return this.orm.em.fork().transactional(async (em) => {
      const omgang = await em.findOne(Prognosomgang, { ar, tillfalle });
      if (!omgang) return avvisa(ingenSadanOmgang(ar, tillfalle));
      const fore = omgangDto(omgang);
      Object.assign(omgang, stangdOmgang(new Date()));
      loggaAndring(
        em,
        { tjanst: 'forecast', principal, correlationId },
        { handling: 'omgang.stangd', objekt: { typ: 'omgang', id: `${ar}-${tillfalle}` }, fore, efter: omgangDto(omgang) },
      );
      return omgangDto(omgang);
    });
  }
}

function omgangDto(omgang: Prognosomgang): PrognosomgangDto {
  return {
    ar: omgang.ar,
    tillfalle: omgang.tillfalle,
    status: omgang.status,
    oppnadAt: omgang.oppnadAt.toISOString(),
    stangdAt: omgang.stangdAt?.toISOString() ?? null,
  };
}

function toDto(prognos: Helarsprognos): HelarsprognosDto {
  return {
    id: prognos.id,
    ansvar: prognos.ansvar,
    ar: prognos.ar,
    tillfalle: prognos.tillfalle,
    version: prognos.version,
    rader: prognos.rader,
    intakterOre: prognos.intakterOre,
    kostnaderOre: prognos.kostnaderOre,
    nettokostnadOre: prognos.nettokostnadOre,
    kommentar: prognos.kommentar ?? null,
    lamnadAt: prognos.lamnadAt.toISOString(),
    lamnadAv: prognos.lamnadAvId ? { id: prognos.lamnadAvId, namn: prognos.lamnadAvNamn ?? prognos.lamnadAvId } : null,
    status: prognos.status ?? 'inlamnad',
    granskning:
      prognos.granskadAvId && prognos.granskadAt
        ? {
            av: { id: prognos.granskadAvId, namn: prognos.granskadAvNamn ?? prognos.granskadAvId },
            at: prognos.granskadAt.toISOString(),
            kommentar: prognos.granskningskommentar ?? null,
          }
        : null,
  };
}
