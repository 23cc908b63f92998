import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  helarsprognosLamnad,
  lamnaHelarsprognosRequestSchema,
  periodensSlut,
  summeraRader,
  type HelarsprognosDto,
  type Prognostillfalle,
} from '@tertial/contracts';
import { addToOutbox, OrganisationReplica, OutboxRelay, parseRequest, ProblemException } from '@tertial/service-kit';

import { Helarsprognos } from './helarsprognos.entity.js';

@Injectable()
export class HelarsprognoserService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(OrganisationReplica) private readonly organisation: OrganisationReplica,
    @Inject(OutboxRelay) private readonly outbox: OutboxRelay,
  ) {}

  /**
   * Validates and stores a chef's helårsprognos as the next version for its ansvar, year and tillfälle,
   * with its event, in one transaction. Nothing is stored when anything is wrong.
   */
  async lamna(body: unknown, correlationId: string): Promise<HelarsprognosDto> {
    const request = parseRequest(lamnaHelarsprognosRequestSchema, body, 'Ogiltig helårsprognos');
    if (!(await this.organisation.findAnsvar(request.ansvar, periodensSlut(request.ar, request.tillfalle)))) {
      throw new ProblemException(422, 'Okänt ansvar', `Ansvaret ${request.ansvar} finns inte i organisationen per ${periodensSlut(request.ar, request.tillfalle)}.`, [
        { field: 'ansvar', message: 'okänt ansvar' },
      ]);
    }
    const rader = request.rader.map((rad) => ({ kontogrupp: rad.kontogrupp, beloppOre: rad.belopp }));
    const summa = summeraRader(rader);
    try {
      const saved = await this.orm.em.fork().transactional(async (em) => {
        const latest = await em.findOne(
          Helarsprognos,
          { ansvar: request.ansvar, ar: request.ar, tillfalle: request.tillfalle },
          { orderBy: { version: 'desc' }, fields: ['version'] },
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

  /** The current (latest) version per ansvar for a year and tillfälle, optionally for one ansvar. */
  async aktuella(ar: number, tillfalle: Prognostillfalle, ansvar?: string): Promise<HelarsprognosDto[]> {
    const all = await this.orm.em.fork().find(
      Helarsprognos,
      { ar, tillfalle, ...(ansvar ? { ansvar } : {}) },
      { orderBy: { ansvar: 'asc', version: 'desc' } },
    );
    const latest = new Map<string, Helarsprognos>();
    for (const prognos of all) if (!latest.has(prognos.ansvar)) latest.set(prognos.ansvar, prognos);
    return [...latest.values()].map(toDto);
  }

  async hamta(id: string): Promise<HelarsprognosDto> {
    const prognos = await this.orm.em.fork().findOne(Helarsprognos, { id });
    if (!prognos) throw new ProblemException(404, 'Hittades inte', `Ingen helårsprognos med id ${id}.`, [{ field: 'id', message: 'okänt id' }]);
    return toDto(prognos);
  }
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
  };
}
