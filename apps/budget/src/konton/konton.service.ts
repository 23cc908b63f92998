import { randomUUID } from 'node:crypto';

import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { KONTOGRUPPER, type KontogruppKod } from '@tertial/contracts/kontogrupper';
import { kontoplanUppdaterad } from '@tertial/contracts/events';
import {
  arInterntKonto,
  kontogruppForKonto,
  overlappandeIntervall,
  STANDARD_INTERNA_KONTON,
  STANDARD_KONTOGRUPPER,
  valideraKontogruppsmappning,
  type InterntKontointervall,
  type KontogruppIntervall,
} from '@tertial/contracts/kontoplan';
import { demoKontoplan } from '@tertial/demo-city';
import { addToOutbox, loggaAndring, OutboxRelay, ProblemException, type Principal } from '@tertial/service-kit';

import { InterntKontointervallRad, Konto, KontogruppIntervallRad } from './konto.entity.js';

export interface KontoMedGrupp {
  konto: number;
  namn: string;
  kontogrupp: KontogruppKod | null;
  /** The kontoplan marks the account internal: eliminated at city level. */
  intern: boolean;
}

@Injectable()
export class KontonService implements OnApplicationBootstrap {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(OutboxRelay) private readonly outbox: OutboxRelay,
  ) {}

  /**
   * A new city starts with Kommun-Bas's standard mapping, the demo ledger's accounts and the standard internal
   * accounts, which are published so the report service eliminates the same ones.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.sadda().catch((error: unknown) => {
      // Two replicas started together: the other one seeded the tables first.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
    });
    this.outbox.wake();
  }

  private async sadda(): Promise<void> {
    await this.orm.em.fork().transactional(async (em) => {
      if ((await em.count(KontogruppIntervallRad)) === 0) for (const rad of STANDARD_KONTOGRUPPER) em.create(KontogruppIntervallRad, rad);
      if ((await em.count(Konto)) === 0) for (const konto of demoKontoplan()) em.create(Konto, konto);
      if ((await em.count(InterntKontointervallRad)) === 0) {
        for (const rad of STANDARD_INTERNA_KONTON) em.create(InterntKontointervallRad, rad);
        publiceraInterna(em, [...STANDARD_INTERNA_KONTON], 'standard', randomUUID());
      }
    });
  }

  async interna(em: EntityManager = this.orm.em.fork()): Promise<InterntKontointervall[]> {
    const rader = await em.find(InterntKontointervallRad, {}, { orderBy: { fran: 'asc' } });
    return rader.map(({ fran, till, namn }) => ({ fran, till, namn }));
  }

  /**
   * Replaces the kontoplan's internal accounts whole (an empty table: none is internal); overlapping ranges are
   * refused and nothing changes. Published in the same transaction, so report eliminates what the kontoplan says.
   */
  async ersattInterna(tabell: InterntKontointervall[], principal: Principal, correlationId: string): Promise<InterntKontointervall[]> {
    const problem = overlappandeIntervall(tabell);
    if (problem.length > 0)
      throw new ProblemException(
        422,
        'De interna kontona kunde inte sparas',
        problem.join('; '),
        problem.map((message) => ({ field: 'intervall', message })),
      );
    await this.orm.em.fork().transactional(async (em) => {
      const fore = await this.interna(em);
      await em.nativeDelete(InterntKontointervallRad, {});
      // The rows read above are still managed: a new row with the same key would become an update of the deleted one.
      em.clear();
      for (const rad of tabell) em.create(InterntKontointervallRad, rad);
      loggaAndring(
        em,
        { tjanst: 'budget', principal, correlationId },
        { handling: 'kontoplan.interna-konton', objekt: { typ: 'kontoplan', id: 'interna' }, fore, efter: tabell },
      );
      publiceraInterna(em, tabell, principal.namn, correlationId);
    });
    this.outbox.wake();
    return this.interna();
  }

  async mappning(): Promise<KontogruppIntervall[]> {
    const rader = await this.orm.em.fork().find(KontogruppIntervallRad, {}, { orderBy: { fran: 'asc' } });
    return rader.map(({ fran, till, kontogrupp }) => ({ fran, till, kontogrupp }));
  }

  /** Replaces the mapping table whole; overlapping ranges are refused and nothing changes. */
  async ersattMappning(tabell: KontogruppIntervall[], principal: Principal, correlationId: string): Promise<KontogruppIntervall[]> {
    const problem = valideraKontogruppsmappning(tabell);
    if (problem.length > 0)
      throw new ProblemException(
        400,
        'Ogiltig kontogruppstabell',
        problem.join('; '),
        problem.map((message) => ({ field: '(body)', message })),
      );
    await this.orm.em.fork().transactional(async (em) => {
      const fore = (await em.find(KontogruppIntervallRad, {})).map(({ fran, till, kontogrupp }) => ({ fran, till, kontogrupp }));
      loggaAndring(
        em,
        { tjanst: 'budget', principal, correlationId },
        { handling: 'kontogrupper.mappning', objekt: { typ: 'kontoplan', id: 'kontogrupper' }, fore, efter: tabell },
      );
      await em.nativeDelete(KontogruppIntervallRad, {});
      for (const rad of tabell) em.create(KontogruppIntervallRad, rad);
    });
    return this.mappning();
  }

  async konton(): Promise<KontoMedGrupp[]> {
    const [konton, tabell, interna] = await Promise.all([
      this.orm.em.fork().find(Konto, {}, { orderBy: { konto: 'asc' } }),
      this.mappning(),
      this.interna(),
    ]);
    return konton.map(({ konto, namn }) => ({
      konto,
      namn,
      kontogrupp: kontogruppForKonto(konto, tabell) ?? null,
      intern: arInterntKonto(konto, interna),
    }));
  }

  /**
   * Adds accounts a ledger file names (#KONTO) that the chart does not have yet, in the import's transaction
   * and in the audit trail; names of known ones are kept.
   */
  async laggTillKonton(
    em: EntityManager,
    konton: readonly { konto: number; namn: string }[],
    vem: { principal: Principal; correlationId: string },
  ): Promise<void> {
    const kanda = new Set((await em.find(Konto, {}, { fields: ['konto'] })).map((konto) => konto.konto));
    const nya = konton.filter((konto) => !kanda.has(konto.konto));
    for (const konto of nya) em.create(Konto, konto);
    if (nya.length > 0)
      loggaAndring(
        em,
        { tjanst: 'budget', ...vem },
        { handling: 'konton.tillagda', objekt: { typ: 'kontoplan', id: 'konton' }, fore: null, efter: nya },
      );
  }

  kontogrupper() {
    return KONTOGRUPPER;
  }
}

function publiceraInterna(em: EntityManager, interna: InterntKontointervall[], andradAv: string, correlationId: string): void {
  addToOutbox(em, kontoplanUppdaterad, { interna, andradAt: new Date().toISOString(), andradAv }, { producer: 'budget', correlationId });
}
