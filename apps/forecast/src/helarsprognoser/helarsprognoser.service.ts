import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import {
  granskaHelarsprognosRequestSchema,
  helarsprognosLamnad,
  lamnaHelarsprognosRequestSchema,
  oppnaOmgangRequestSchema,
  periodensSlut,
  summeraRader,
  type HelarsprognosDto,
  type PrognosomgangDto,
  type Prognostillfalle,
} from '@tertial/contracts';
import {
  addToOutbox,
  loggaAndring,
  ingenBehorighet,
  OmfangService,
  OrganisationReplica,
  OutboxRelay,
  parseRequest,
  ProblemException,
  type Principal,
} from '@tertial/service-kit';

import { Helarsprognos, Prognosomgang } from './helarsprognos.entity.js';

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
  async lamna(body: unknown, principal: Principal, correlationId: string): Promise<HelarsprognosDto> {
    const request = parseRequest(lamnaHelarsprognosRequestSchema, body, 'Ogiltig helårsprognos');
    // Access first: whether the ansvar exists is not told to someone who may not submit for it.
    (await this.omfang.for(principal)).kravEget(request.ansvar);
    if (!(await this.organisation.findAnsvar(request.ansvar, periodensSlut(request.ar, request.tillfalle)))) {
      throw new ProblemException(
        422,
        'Okänt ansvar',
        `Ansvaret ${request.ansvar} finns inte i organisationen per ${periodensSlut(request.ar, request.tillfalle)}.`,
        [{ field: 'ansvar', message: 'okänt ansvar' }],
      );
    }
    const rader = request.rader.map((rad) => ({ kontogrupp: rad.kontogrupp, beloppOre: rad.belopp }));
    const summa = summeraRader(rader);
    try {
      const saved = await this.orm.em.fork().transactional(async (em) => {
        await kravOppenOmgang(em, request.ar, request.tillfalle);
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
          version: (latest?.version ?? 0) + 1,
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
    const latest = new Map<string, Helarsprognos>();
    for (const prognos of all) if (!latest.has(prognos.ansvar)) latest.set(prognos.ansvar, prognos);
    return [...latest.values()].map(toDto);
  }

  async hamta(id: string, principal: Principal): Promise<HelarsprognosDto> {
    const omfang = await this.omfang.for(principal);
    const prognos = await this.orm.em.fork().findOne(Helarsprognos, { id });
    // The same refusal for "no such forecast" and "not yours": a refusal reveals nothing.
    if (!prognos || !omfang.ser(prognos.ansvar)) {
      if (omfang.alla)
        throw new ProblemException(404, 'Hittades inte', `Ingen helårsprognos med id ${id}.`, [{ field: 'id', message: 'okänt id' }]);
      throw ingenBehorighet();
    }
    return toDto(prognos);
  }

  /**
   * The förvaltningsekonom approves (`godkand`) or sends back (`aterskickad`, with a comment) the current
   * version of a forecast in their förvaltning. Only the latest version can be decided on.
   */
  async granska(
    id: string,
    beslut: 'godkand' | 'aterskickad',
    body: unknown,
    principal: Principal,
    correlationId: string,
  ): Promise<HelarsprognosDto> {
    const request = parseRequest(granskaHelarsprognosRequestSchema, body ?? {}, 'Ogiltigt beslut');
    const omfang = await this.omfang.for(principal);
    const result = await this.orm.em.fork().transactional(async (em) => {
      const prognos = await em.findOne(Helarsprognos, { id });
      if (!prognos || !omfang.ser(prognos.ansvar)) throw ingenBehorighet();
      if (beslut === 'aterskickad' && !request.kommentar) {
        throw new ProblemException(400, 'Kommentar saknas', 'Skriv varför prognosen skickas tillbaka.', [
          { field: 'kommentar', message: 'krävs när prognosen skickas tillbaka' },
        ]);
      }
      const senaste = await em.findOne(
        Helarsprognos,
        { ansvar: prognos.ansvar, ar: prognos.ar, tillfalle: prognos.tillfalle },
        { orderBy: { version: 'desc' } },
      );
      if (senaste?.id !== prognos.id) {
        throw new ProblemException(
          409,
          'Inte den senaste versionen',
          `Ansvaret har en senare version (${senaste?.version}); besluta om den.`,
          [{ field: 'id', message: 'inte den senaste versionen' }],
        );
      }
      await kravOppenOmgang(em, prognos.ar, prognos.tillfalle);
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
  async oppnaOmgang(body: unknown, principal: Principal, correlationId: string): Promise<PrognosomgangDto> {
    const { ar, tillfalle } = parseRequest(oppnaOmgangRequestSchema, body, 'Ogiltig prognosomgång');
    return this.orm.em.fork().transactional(async (em) => {
      const omgang = await em.findOne(Prognosomgang, { ar, tillfalle });
      const fore = omgang ? omgangDto(omgang) : null;
      const oppen = omgang ?? em.create(Prognosomgang, { ar, tillfalle, status: 'oppen', oppnadAt: new Date(), stangdAt: null });
      if (omgang) Object.assign(omgang, { status: 'oppen', oppnadAt: new Date(), stangdAt: null });
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
      if (!omgang)
        throw new ProblemException(404, 'Hittades inte', `Ingen prognosomgång ${tillfalle} ${ar}.`, [
          { field: 'tillfalle', message: 'ingen sådan omgång' },
        ]);
      const fore = omgangDto(omgang);
      omgang.status = 'stangd';
      omgang.stangdAt = new Date();
      loggaAndring(
        em,
        { tjanst: 'forecast', principal, correlationId },
        { handling: 'omgang.stangd', objekt: { typ: 'omgang', id: `${ar}-${tillfalle}` }, fore, efter: omgangDto(omgang) },
      );
      return omgangDto(omgang);
    });
  }
}

async function kravOppenOmgang(em: EntityManager, ar: number, tillfalle: Prognostillfalle): Promise<void> {
  const omgang = await em.findOne(Prognosomgang, { ar, tillfalle });
  if (omgang?.status !== 'oppen') {
    throw new ProblemException(
      409,
      'Prognosomgången är inte öppen',
      `Prognosomgången ${tillfalle} ${ar} är ${omgang ? 'stängd' : 'inte öppnad'}.`,
      [{ field: 'tillfalle', message: 'omgången är inte öppen' }],
    );
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
