import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import type { verksamhetsbudgetRequestSchema, VerksamhetsbudgetDto } from '@tertial/contracts/dto';
import {
  verksamhetsbudgetUppdaterad,
  type AnsvarsbudgetUppdateradPayload,
  type VerksamhetsbudgetUppdateradPayload,
} from '@tertial/contracts/events';
import type { KontogruppKod } from '@tertial/contracts/kontogrupper';
import { namndSokare, organisationVid, type OrganisationNode } from '@tertial/contracts/organisation';
import { arsarbetare } from '@tertial/contracts/prognos';
import { addToOutbox, loggaAndring, OutboxRelay, ProblemException, type Principal } from '@tertial/service-kit';
import type { z } from 'zod';

import { beslutadeVersioner } from '../budget/beslutade-versioner.js';
import { ellerProblem } from '../budget/ellerproblem.js';
import { ansvarsbudgetar } from '../budget/budgethandelser.js';
import type { Budgetversion } from '../budget/budgetversioner.js';
import { OrganisationService } from '../organisation/organisation.service.js';
import { UtfallService } from '../utfall/utfall.service.js';
import { budgeteradeArsarbetare } from './arsarbetare.js';
import { arsbelopp, gallandeVerksamhetsbudget, nettokostnad, provaVerksamhetsbudget } from './periodisering.js';
import { Verksamhetsbudget } from './verksamhetsbudget.entity.js';

type Internbudgetversion = Extract<Budgetversion, { typ: 'internbudget' }>;

const saknas = (detalj: string, field: string) => new ProblemException(404, 'Hittades inte', detalj, [{ field, message: detalj }]);

/**
 * The chefs' verksamhetsbudgetar: read beside the internbudget, saved when they add up, and published (with the
 * standard spread for every ansvar without one) whenever an internbudget is decided.
 */
@Injectable()
export class VerksamhetsbudgetService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(OrganisationService) private readonly organisation: OrganisationService,
    @Inject(UtfallService) private readonly utfall: UtfallService,
    @Inject(OutboxRelay) private readonly outbox: OutboxRelay,
  ) {}

  async hamta(ansvar: string, ar: number): Promise<VerksamhetsbudgetDto> {
    const { underlag, namnd } = await this.underlag(ansvar, ar);
    const sparad = await this.orm.em.fork().findOne(Verksamhetsbudget, { ansvar, ar });
    const galler = gallandeVerksamhetsbudget(underlag, sparad?.rader);
    const personal = budgeteradeArsarbetare(galler.rader, sparad?.arsarbetareTiondelar);
    return {
      ansvar,
      ar,
      namnd,
      kalla: galler.kalla,
      periodisering: galler.kalla === 'chef' ? (sparad?.periodisering ?? null) : null,
      internbudget: underlag.internbudget.map((rad) => ({ ...rad })),
      rader: galler.rader.map((rad) => ({ kontogrupp: rad.kontogrupp, manader: [...rad.manader] })),
      nettokostnadOre: nettokostnad(galler.rader.map((rad) => ({ kontogrupp: rad.kontogrupp, beloppOre: arsbelopp(rad.manader) }))),
      internbudgetOre: nettokostnad(underlag.internbudget),
      inaktuell:
        sparad && galler.inaktuellDifferensOre !== null
          ? { sparadAt: sparad.sparadAt.toISOString(), differensOre: galler.inaktuellDifferensOre }
          : null,
      sparad: sparad ? { av: { id: sparad.sparadAvId, namn: sparad.sparadAvNamn }, at: sparad.sparadAt.toISOString() } : null,
      arsarbetare: arsarbetare(personal.tiondelar),
      arsarbetareKalla: personal.kalla,
    };
  }

  /** Saves the chef's verksamhetsbudget if it adds up to the internbudget; otherwise 422 naming the difference. */
  async spara(
    ansvar: string,
    ar: number,
    request: z.output<typeof verksamhetsbudgetRequestSchema>,
    principal: Principal,
    correlationId: string,
  ): Promise<VerksamhetsbudgetDto> {
    const { underlag, version, namnd } = await this.underlag(ansvar, ar);
    const forslag =
      request.periodisering === 'manuellt'
        ? { periodisering: 'manuellt' as const, rader: request.rader.map((rad) => ({ kontogrupp: rad.kontogrupp, manader: rad.manader })) }
        : {
            periodisering: request.periodisering,
            rader: request.rader.map((rad) => ({ kontogrupp: rad.kontogrupp, beloppOre: rad.belopp })),
          };
    const berakning = ellerProblem(provaVerksamhetsbudget(forslag, underlag), 'Verksamhetsbudgeten går inte ihop med internbudgeten');
    await this.orm.em.fork().transactional(async (em) => {
      const fore = await em.findOne(Verksamhetsbudget, { ansvar, ar });
      // Without `arsarbetare` the chef's earlier figure stays; null clears it (then they are estimated).
      const arsarbetareTiondelar = request.arsarbetare === undefined ? (fore?.arsarbetareTiondelar ?? null) : request.arsarbetare;
      const efter = {
        ansvar,
        ar,
        periodisering: request.periodisering,
        rader: berakning.rader,
        versionId: version.id,
        arsarbetareTiondelar,
        sparadAvId: principal.id,
        sparadAvNamn: principal.namn,
        sparadAt: new Date(),
      };
      loggaAndring(
        em,
        { tjanst: 'budget', principal, correlationId },
        { handling: 'verksamhetsbudget.sparad', objekt: { typ: 'ansvar', id: ansvar }, fore: fore?.rader ?? null, efter: berakning.rader },
      );
      await em.upsert(Verksamhetsbudget, efter);
      addToOutbox(
        em,
        verksamhetsbudgetUppdaterad,
        {
          ar,
          namnd,
          ansvar,
          kalla: 'chef' as const,
          versionId: version.id,
          rader: berakning.rader.map((rad) => ({ kontogrupp: rad.kontogrupp, manader: [...rad.manader] })),
          arsarbetareTiondelar: budgeteradeArsarbetare(berakning.rader, arsarbetareTiondelar).tiondelar,
        },
        { producer: 'budget', correlationId },
      );
    });
    this.outbox.wake();
    return this.hamta(ansvar, ar);
  }

  /**
   * The events for every ansvar of a newly decided internbudget: the chef's budget where it still adds up,
   * else the standard spread. Loads what it needs first; `publicera` then adds them in the deciding transaction.
   */
  async forbered(
    version: Internbudgetversion,
    organisation: readonly OrganisationNode[],
  ): Promise<(em: EntityManager, correlationId: string) => void> {
    const budgetar = ansvarsbudgetar(version, organisation);
    const ansvarLista = budgetar.map((budget) => budget.ansvar);
    const [monster, sparade] = await Promise.all([
      this.utfall.manadsmonster(version.ar - 1, ansvarLista),
      this.orm.em.fork().find(Verksamhetsbudget, { ar: version.ar, ansvar: { $in: ansvarLista } }),
    ]);
    const sparadPer = new Map(sparade.map((rad) => [rad.ansvar, rad]));
    const payloads = budgetar.map((budget) => handelse(budget, monster.get(budget.ansvar), sparadPer.get(budget.ansvar)));
    return (em, correlationId) => {
      for (const payload of payloads) addToOutbox(em, verksamhetsbudgetUppdaterad, payload, { producer: 'budget', correlationId });
    };
  }

  /** The ansvar's internbudget (from the nämnd's latest internbudget) and last year's pattern. */
  private async underlag(ansvar: string, ar: number) {
    const organisation = organisationVid(await this.organisation.versioner(), `${ar}-01-01`);
    const nod = organisation.find((n) => n.kod === ansvar);
    if (!nod || nod.niva !== 'enhet') throw saknas(`Ansvaret ${ansvar} finns inte ${ar}.`, 'ansvar');
    const namnd = namndSokare(organisation)(ansvar)?.kod;
    const version = (await beslutadeVersioner(this.orm.em.fork(), ar))
      .filter((v): v is Internbudgetversion => v.typ === 'internbudget' && v.namnd === namnd)
      .at(-1);
    if (!namnd || !version) throw saknas(`Ingen internbudget för ${ansvar} ${ar}.`, 'ar');
    const budget = ansvarsbudgetar(version, organisation).find((b) => b.ansvar === ansvar);
    const monster = (await this.utfall.manadsmonster(ar - 1, [ansvar])).get(ansvar);
    return {
      namnd,
      version,
      underlag: { internbudget: budget?.rader ?? [], foregaendeAr: monster ?? new Map<KontogruppKod, number[]>() },
    };
  }
}

function handelse(
  budget: AnsvarsbudgetUppdateradPayload,
  monster: ReadonlyMap<KontogruppKod, number[]> | undefined,
  sparad: Pick<Verksamhetsbudget, 'rader' | 'arsarbetareTiondelar'> | undefined,
): VerksamhetsbudgetUppdateradPayload {
  const galler = gallandeVerksamhetsbudget({ internbudget: budget.rader, foregaendeAr: monster ?? new Map() }, sparad?.rader);
  return {
    ar: budget.ar,
    namnd: budget.namnd,
    ansvar: budget.ansvar,
    kalla: galler.kalla,
    versionId: budget.versionId,
    rader: galler.rader.map((rad) => ({ kontogrupp: rad.kontogrupp, manader: [...rad.manader] })),
    arsarbetareTiondelar: budgeteradeArsarbetare(galler.rader, sparad?.arsarbetareTiondelar).tiondelar,
  };
}
