import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import { KONTOGRUPPER, type KontogruppKod } from '@tertial/contracts/kontogrupper';
import {
  kontogruppForKonto,
  STANDARD_KONTOGRUPPER,
  valideraKontogruppsmappning,
  type KontogruppIntervall,
} from '@tertial/contracts/kontoplan';
import { demoKontoplan } from '@tertial/demo-city';
import { ProblemException, loggaAndring, type Principal } from '@tertial/service-kit';

import { Konto, KontogruppIntervallRad } from './konto.entity.js';

export interface KontoMedGrupp {
  konto: number;
  namn: string;
  kontogrupp: KontogruppKod | null;
}

@Injectable()
export class KontonService implements OnApplicationBootstrap {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** A new city starts with Kommun-Bas's standard mapping and the demo ledger's accounts. */
  async onApplicationBootstrap(): Promise<void> {
    const em = this.orm.em.fork();
    if ((await em.count(KontogruppIntervallRad)) === 0) for (const rad of STANDARD_KONTOGRUPPER) em.create(KontogruppIntervallRad, rad);
    if ((await em.count(Konto)) === 0) for (const konto of demoKontoplan()) em.create(Konto, konto);
    await em.flush();
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
    const [konton, tabell] = await Promise.all([this.orm.em.fork().find(Konto, {}, { orderBy: { konto: 'asc' } }), this.mappning()]);
    return konton.map(({ konto, namn }) => ({ konto, namn, kontogrupp: kontogruppForKonto(konto, tabell) ?? null }));
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
