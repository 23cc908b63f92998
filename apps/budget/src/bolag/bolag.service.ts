import { randomUUID } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import {
  KONCERNBOLAG,
  type Bolagsbudget,
  type Bolagskod,
  type UtfallImportResultat,
  bolagsbudgetRequestSchema,
} from '@tertial/contracts/dto';
import { bolagsbudgetUppdaterad, bolagsutfallUppdaterat } from '@tertial/contracts/events';
import type { Sie4Result } from '@tertial/sie4';
import { addToOutbox, arBolagetsEkonom, kravBolag, loggaAndring, OutboxRelay, type Principal } from '@tertial/service-kit';
import type { z } from 'zod';

import { sammanstall } from '../utfall/utfall-sammanstallning.js';
import { basKonto, basradForKonto, kontrolleraBolagsfil, summeraBolagsutfall } from './bas-mappning.js';
import { UtfallImport } from '../utfall/utfall.entity.js';
import { BolagsbudgetRad, Bolagsutfall } from './bolag.entity.js';

export interface BolagsimportOptions {
  filnamn: string;
  dryRun: boolean;
  correlationId: string;
  principal: Principal;
}

/**
 * The wholly owned companies' budgets (from their affärsplaner) and their utfall, read from their own BAS ledgers
 * through the same SIE 4 import as the city's and mapped by account class.
 */
@Injectable()
export class BolagService {
  private readonly logger = new Logger(BolagService.name);

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(OutboxRelay) private readonly outbox: OutboxRelay,
  ) {}

  /** The budgets of a year the person answers for: every company's for the ekonomidirektör, their own for an ekonomichef. */
  async budgetar(ar: number, principal: Principal): Promise<Bolagsbudget[]> {
    const rader = await this.orm.em.fork().find(BolagsbudgetRad, { ar }, { orderBy: { bolag: 'asc' } });
    return rader.map((rad) => rad.budget).filter((budget) => arBolagetsEkonom(principal, budget.bolag));
  }

  async sparaBudget(
    bolag: Bolagskod,
    ar: number,
    request: z.output<typeof bolagsbudgetRequestSchema>,
    principal: Principal,
    correlationId: string,
  ): Promise<Bolagsbudget> {
    kravBolag(principal, bolag);
    let sparad: Bolagsbudget | undefined;
    await this.orm.em.fork().transactional(async (em) => {
      const fore = await em.findOne(BolagsbudgetRad, { bolag, ar });
      const budget: Bolagsbudget = {
        bolag,
        ar,
        intakterOre: request.intakter,
        kostnaderOre: request.kostnader,
        resultatEfterFinansiellaPosterOre: request.resultatEfterFinansiellaPoster,
        investeringarOre: request.investeringar,
        kommentar: request.kommentar,
        version: (fore?.budget.version ?? 0) + 1,
        andradAv: principal.namn,
        andradAt: new Date().toISOString(),
      };
      loggaAndring(
        em,
        { tjanst: 'budget', principal, correlationId },
        {
          handling: 'bolagsbudget.sparad',
          objekt: { typ: 'bolagsbudget', id: `${bolag}-${ar}` },
          fore: fore?.budget ?? null,
          efter: budget,
        },
      );
      await em.upsert(BolagsbudgetRad, { bolag, ar, budget });
      addToOutbox(em, bolagsbudgetUppdaterad, budget, { producer: 'budget', correlationId });
      sparad = budget;
    });
    this.outbox.wake();
    return sparad!;
  }

  /**
   * A company's SIE file: checked (BAS accounts, a calendar räkenskapsår), then, unless a dry run or refused, the
   * months it covers replace the company's utfall of those months, and the company's year to date goes out as
   * one event. Ansvar objects in the file are ignored: a company is followed up as a whole.
   */
  async importeraUtfall(bolag: Bolagskod, result: Sie4Result, options: BolagsimportOptions): Promise<UtfallImportResultat> {
    const fel = kontrolleraBolagsfil(result);
    const namn = KONCERNBOLAG.find((b) => b.kod === bolag)!.namn;
    const underlag = { filnamn: options.filnamn, format: 'SIE4' as const, fel, mappning: [], kontonamn: new Map<number, string>() };
    const svar = (status: UtfallImportResultat['status'], importId: string | null): UtfallImportResultat => ({
      ...sammanstall(result, { ...underlag, status, importId }),
      antalAnsvar: 0,
      antalUtfallsrader: result.utfall.filter((rad) => basradFor(rad.konto) !== undefined).length,
      bolag: { kod: bolag, namn },
    });
    if (!result.ok || fel.length > 0) return svar('avvisad', null);
    if (options.dryRun) return svar('provkord', null);
    const importId = randomUUID();
    await this.orm.em.fork().transactional(async (em) => {
      const perioder = result.perioder.map(({ ar, manad }) => ({ ar, manad }));
      const summor = new Map<string, { ar: number; manad: number; konto: number; beloppOre: number }>();
      for (const rad of result.utfall) {
        const konto = basKonto(rad.konto)!;
        if (basradForKonto(konto) === undefined) continue;
        const nyckel = `${rad.ar}:${rad.manad}:${konto}`;
        const summa = summor.get(nyckel) ?? { ar: rad.ar, manad: rad.manad, konto, beloppOre: 0 };
        summa.beloppOre += rad.beloppOre;
        summor.set(nyckel, summa);
      }
      for (const { ar, manad } of perioder) await em.nativeDelete(Bolagsutfall, { bolag, ar, manad });
      for (const summa of summor.values()) em.create(Bolagsutfall, { bolag, ...summa });
      em.create(UtfallImport, {
        id: importId,
        filnamn: options.filnamn,
        format: 'SIE4',
        kodning: result.encoding,
        perioder,
        antalRader: summor.size,
        importeradAt: new Date(),
      });
      await em.flush();
      for (const { ar, manad } of perioder)
        loggaAndring(
          em,
          { tjanst: 'budget', principal: options.principal, correlationId: options.correlationId },
          {
            handling: 'bolagsutfall.importerat',
            objekt: { typ: 'bolagsutfall', id: `${bolag}-${ar}-${String(manad).padStart(2, '0')}` },
            fore: null,
            efter: { importId, filnamn: options.filnamn },
          },
        );
      for (const ar of new Set(perioder.map((period) => period.ar))) {
        const rader = await (em as SqlEntityManager).execute<{ manad: number; konto: number; belopp_ore: string | number }[]>(
          'select manad, konto, belopp_ore from bolagsutfall where bolag = ? and ar = ?',
          [bolag, ar],
        );
        const manader = summeraBolagsutfall(
          rader.map((r) => ({ manad: Number(r.manad), konto: Number(r.konto), beloppOre: Number(r.belopp_ore) })),
        );
        addToOutbox(
          em,
          bolagsutfallUppdaterat,
          { bolag, ar, importId, manader },
          { producer: 'budget', correlationId: options.correlationId },
        );
      }
    });
    this.outbox.wake();
    this.logger.log(`bolagets utfall importerat för ${bolag} från ${options.filnamn}`);
    return svar('importerad', importId);
  }
}

function basradFor(text: string) {
  const konto = basKonto(text);
  return konto === undefined ? undefined : basradForKonto(konto);
}
