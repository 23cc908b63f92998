import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { investeringsprojektRequestSchema } from '@tertial/contracts/dto';
import { investeringsprojektUppdaterat, type HelarsprognosAndradPayload } from '@tertial/contracts/events';
import { namndSokare } from '@tertial/contracts/organisation';
import { PROGNOSTILLFALLEN } from '@tertial/contracts/prognos';
import { demoForraAret, demoStad } from '@tertial/demo-city';
import { addToOutbox, loggaAndring, OutboxRelay, ProblemException, type Principal } from '@tertial/service-kit';
import type { EntityManager } from '@mikro-orm/core';
import type { z } from 'zod';

import { OrganisationService } from '../organisation/organisation.service.js';
import { ellerProblem } from '../budget/ellerproblem.js';
import { InvesteringsprojektRad } from './investeringar.entity.js';
import {
  medInvesteringsprognos,
  summeraInvesteringsplan,
  valideraInvesteringsplan,
  type Investeringsprojekt,
  type Projektar,
} from './investeringsplan.js';

/** A forecast counts in the investment follow-up once its chef has marked it ready, as in the roll-up. */
const RAKNAS = new Set(['klarmarkerad', 'godkand']);

@Injectable()
export class InvesteringarService implements OnApplicationBootstrap {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(OutboxRelay) private readonly outbox: OutboxRelay,
    @Inject(OrganisationService) private readonly organisation: OrganisationService,
  ) {}

  /**
   * The demo city's plan and the projects finished in the year before it, at the first start; the finished ones also
   * on a city loaded before they were part of the demo.
   */
  async onApplicationBootstrap(): Promise<void> {
    const em = this.orm.em.fork();
    const stad = demoStad();
    const finns = (await em.count(InvesteringsprojektRad)) > 0;
    const forra = demoForraAret(stad).investeringar;
    const forraFinns = new Set((await em.find(InvesteringsprojektRad, { id: { $in: forra.map((p) => p.id) } })).map((r) => r.id));
    const saknas = [...(finns ? [] : stad.investeringar), ...forra.filter((p) => !forraFinns.has(p.id))];
    if (saknas.length === 0) return;
    await em.transactional(async (tx) => {
      for (const projekt of saknas) {
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
    // A project finished before the plan's first year (the demo's closed year's) is the årsredovisning's, not the plan's.
    const projekt = rader.map((r) => r.projekt).filter((p) => p.ar.length === 0 || p.ar.some((rad) => rad.ar >= forstaAr));
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
    const ansvar = request.ansvar ?? null;
    if (ansvar) await this.kravAnsvarINamnd(ansvar, request.namnd, forstaAr);
    const tidigare = await this.orm.em.fork().findOne(InvesteringsprojektRad, { id });
    const projekt: Investeringsprojekt = {
      id,
      namnd: request.namnd,
      ansvar,
      namn: request.namn,
      motiv: request.motiv ?? null,
      hallbarhet: request.hallbarhet ?? null,
      ar: request.ar.map((ar) => ({
        ar: ar.ar,
        budgetOre: ar.budget,
        utfallOre: ar.utfall ?? null,
        prognosOre: ar.prognos ?? null,
        // A prognos left as a chef's forecast set it keeps its source; one typed in anew has none.
        prognosKalla: kallaOmOforandrad(
          tidigare?.projekt.ar.find((fore) => fore.ar === ar.ar),
          ar.prognos ?? null,
        ),
      })),
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

  /**
   * A chef's helårsprognos marked ready (or approved) sets the year's prognos of the projects their ansvar owns, in the
   * consumer's transaction; each changed project is published again. Older or foreign forecasts change nothing.
   */
  async tillampaPrognos(em: EntityManager, payload: HelarsprognosAndradPayload, correlationId: string): Promise<number> {
    if (!RAKNAS.has(payload.status) || !payload.investeringar?.length) return 0;
    const rader = await em.find(InvesteringsprojektRad, { id: { $in: payload.investeringar.map((rad) => rad.projekt) } });
    const perId = new Map(rader.map((rad) => [rad.id, rad]));
    const kalla = {
      ansvar: payload.ansvar,
      tillfalle: payload.tillfalle,
      ordning: PROGNOSTILLFALLEN.indexOf(payload.tillfalle),
      andring: payload.andring,
    };
    let andrade = 0;
    for (const { projekt: id, prognosOre } of payload.investeringar) {
      const rad = perId.get(id);
      const efter = rad ? medInvesteringsprognos(rad.projekt, { ar: payload.ar, prognosOre, kalla }) : null;
      if (!rad || !efter) continue;
      rad.projekt = efter;
      addToOutbox(em, investeringsprojektUppdaterat, { ...efter, ar: [...efter.ar] }, { producer: 'budget', correlationId });
      andrade += 1;
    }
    return andrade;
  }

  private async kravAnsvarINamnd(ansvar: string, namnd: string, ar: number): Promise<void> {
    const organisation = await this.organisation.vid(`${ar}-01-01`);
    const nod = organisation.find((kandidat) => kandidat.kod === ansvar);
    const dess = nod ? namndSokare(organisation)(ansvar)?.kod : undefined;
    if (nod?.niva === 'enhet' && dess === namnd) return;
    const message = nod ? `ansvaret ${ansvar} hör inte till nämnden ${namnd}` : `okänt ansvar ${ansvar}`;
    throw new ProblemException(422, 'Projektets ansvar finns inte i nämnden', message, [{ field: 'ansvar', message }]);
  }
}

function kallaOmOforandrad(fore: Projektar | undefined, prognosOre: number | null): Projektar['prognosKalla'] {
  return fore?.prognosKalla && fore.prognosOre === prognosOre ? fore.prognosKalla : null;
}
