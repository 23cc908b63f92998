import { HttpException, Inject, Injectable } from '@nestjs/common';
import { MikroORM, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
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
import { provaVerksamhetsbudgetIfMatch, verksamhetsbudgetEtag, type Villkorshinder } from './villkor.js';

type Internbudgetversion = Extract<Budgetversion, { typ: 'internbudget' }>;

/** Ends a save's transaction on a failed condition; the answer is made after the rollback. */
class Avbruten extends Error {
  constructor(readonly hinder: Villkorshinder) {
    super(hinder.title);
  }
}

/** What a save that lost a race is told: the version it started from is no longer the current one. */
const inaktuell = (sparadAt: Date | null): Villkorshinder => ({
  status: 412,
  title: 'Någon har sparat en nyare version',
  detail: `Verksamhetsbudgeten sparades av någon annan medan din sparades (du utgick från ${verksamhetsbudgetEtag(sparadAt)}).`,
});

/** 412 and 428 as problem+json naming `If-Match`; a 412 carries the current budget and its ETag, as the forecast's does. */
function villkorFel(hinder: Villkorshinder, aktuell: VerksamhetsbudgetDto): HttpException {
  return new HttpException(
    {
      type: `https://tertial.se/problem/${hinder.status}`,
      title: hinder.title,
      status: hinder.status,
      detail: hinder.detail,
      errors: [{ field: 'If-Match', message: hinder.status === 412 ? 'inaktuell version' : 'saknas' }],
      ...(hinder.status === 412 ? { aktuell, etag: aktuell.etag } : {}),
    },
    hinder.status,
  );
}

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
      etag: verksamhetsbudgetEtag(sparad?.sparadAt),
    };
  }

  /**
   * Saves the chef's verksamhetsbudget if it adds up to the internbudget (otherwise 422 naming the difference) and
   * `ifMatch` names the version saved now (428 without it over a saved one, 412 with an older one, the current in the
   * body). The write itself is conditional, so two saves from the same version cannot both land.
   */
  async spara(
    ansvar: string,
    ar: number,
    request: z.output<typeof verksamhetsbudgetRequestSchema>,
    ifMatch: string | undefined,
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
    try {
      await this.orm.em.fork().transactional(async (em) => {
        const fore = await em.findOne(Verksamhetsbudget, { ansvar, ar });
        const villkorshinder = provaVerksamhetsbudgetIfMatch(ifMatch, fore?.sparadAt ?? null);
        if (villkorshinder) throw new Avbruten(villkorshinder);
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
          {
            handling: 'verksamhetsbudget.sparad',
            objekt: { typ: 'ansvar', id: ansvar },
            fore: fore?.rader ?? null,
            efter: berakning.rader,
          },
        );
        if (fore) {
          // Take the version just read, or learn that a save landed in between (then no row has that time).
          const antal = await em.nativeUpdate(Verksamhetsbudget, { ansvar, ar, sparadAt: fore.sparadAt }, { sparadAt: efter.sparadAt });
          if (antal !== 1) throw new Avbruten(inaktuell(fore.sparadAt));
          em.assign(fore, efter);
        } else {
          // An insert: of two first saves at once, the second meets the first's row.
          em.persist(em.create(Verksamhetsbudget, efter));
        }
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
    } catch (error) {
      // Answered once the transaction is rolled back, with the budget as it stands.
      if (error instanceof Avbruten) throw villkorFel(error.hinder, await this.hamta(ansvar, ar));
      if (error instanceof UniqueConstraintViolationException) throw villkorFel(inaktuell(null), await this.hamta(ansvar, ar));
      throw error;
    }
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
