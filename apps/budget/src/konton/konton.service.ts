import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import {
  KONTOGRUPPER,
  kontogruppForKonto,
  kontogruppIntervallSchema,
  STANDARD_KONTOGRUPPER,
  valideraKontogruppsmappning,
  type KontogruppIntervall,
  type KontogruppKod,
} from '@tertial/contracts';
import { demoKontoplan } from '@tertial/demo-city';
import { parseRequest, ProblemException, granska, type Principal } from '@tertial/service-kit';
import { z } from 'zod';

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
  async ersattMappning(body: unknown, principal: Principal, correlationId: string): Promise<KontogruppIntervall[]> {
    const tabell = parseRequest(z.array(kontogruppIntervallSchema).min(1, 'tabellen får inte vara tom'), body, 'Ogiltig kontogruppstabell');
    const problem = valideraKontogruppsmappning(tabell);
    if (problem.length > 0) throw new ProblemException(400, 'Ogiltig kontogruppstabell', problem.join('; '), problem.map((message) => ({ field: '(body)', message })));
    const fore = await this.mappning();
    await this.orm.em.fork().transactional(async (em) => {
      granska(em, { tjanst: 'budget', principal, correlationId }, { handling: 'kontogrupper.mappning', objekt: { typ: 'kontoplan', id: 'kontogrupper' }, fore, efter: tabell });
      await em.nativeDelete(KontogruppIntervallRad, {});
      for (const rad of tabell) em.create(KontogruppIntervallRad, rad);
    });
    return this.mappning();
  }

  async konton(): Promise<KontoMedGrupp[]> {
    const [konton, tabell] = await Promise.all([this.orm.em.fork().find(Konto, {}, { orderBy: { konto: 'asc' } }), this.mappning()]);
    return konton.map(({ konto, namn }) => ({ konto, namn, kontogrupp: kontogruppForKonto(konto, tabell) ?? null }));
  }

  /** Adds accounts a ledger file names (#KONTO) that the chart does not have yet; names of known ones are kept. */
  async laggTillKonton(konton: readonly { konto: number; namn: string }[]): Promise<void> {
    const em = this.orm.em.fork();
    const kanda = new Set((await em.find(Konto, {}, { fields: ['konto'] })).map((konto) => konto.konto));
    for (const konto of konton) if (!kanda.has(konto.konto)) em.create(Konto, konto);
    await em.flush();
  }

  kontogrupper() {
    return KONTOGRUPPER;
  }
}
