import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import { jamforelsegruppSchema, type Jamforelsegrupp, type KoladaImportResultat, type KoladaJamforelseDto } from '@tertial/contracts/dto';
import { koladaJamforelseUppdaterad } from '@tertial/contracts/events';
import { addToOutbox, loggaAndring, OutboxRelay, ProblemException, type Principal } from '@tertial/service-kit';
import type { z } from 'zod';

import { GOALS_CONFIG, type GoalsConfig } from '../goals-config.js';
import { InstallningarService } from '../installningar/installningar.service.js';
import { Nyckeltal } from '../nyckeltal/nyckeltal.entity.js';
import { lagraMatvarden, publiceraSerie, tal } from '../nyckeltal/nyckeltal.service.js';
import { lasKoladaFil, type KoladaPunkt } from './kolada-fil.js';
import { KoladaVarde } from './kolada-varde.entity.js';

/** Imports Kolada's published values: the city's own become measurements, every municipality's are kept for comparison. */
@Injectable()
export class KoladaService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(OutboxRelay) private readonly outbox: OutboxRelay,
    @Inject(InstallningarService) private readonly installningar: InstallningarService,
    @Inject(GOALS_CONFIG) private readonly config: GoalsConfig,
  ) {}

  async importera(
    text: string,
    { filnamn, dryRun, principal, correlationId }: { filnamn: string; dryRun: boolean; principal: Principal; correlationId: string },
  ): Promise<KoladaImportResultat> {
    const fil = lasKoladaFil(text);
    const em0 = this.orm.em.fork();
    const grupp = await this.installningar.jamforelsegrupp(em0);
    const egen = this.config.kommunkod;
    const kpier = [...new Set(fil.punkter.map((p) => p.kpi))].sort();
    const nyckeltal = kpier.length > 0 ? await em0.find(Nyckeltal, { koladaKpi: { $in: kpier } }) : [];
    const perKpi = new Map(nyckeltal.map((n) => [n.koladaKpi!, n]));
    const egna = fil.punkter.filter((p) => p.kommun === egen);
    const andra = fil.punkter.filter((p) => p.kommun !== egen);
    const iGruppen = new Set(grupp.kommuner.map((k) => k.kod));
    const resultat: KoladaImportResultat = {
      status: fil.fel.length > 0 ? 'avvisad' : dryRun ? 'provkord' : 'importerad',
      filnamn,
      sidor: fil.sidor,
      varden: fil.punkter.length,
      saknade: fil.punkter.filter((p) => p.varde === null).length,
      egenKommun: egen,
      egnaVarden: kpier
        .filter((kpi) => egna.some((p) => p.kpi === kpi))
        .map((kpi) => ({
          kpi,
          nyckeltal: perKpi.get(kpi)?.id ?? null,
          namn: perKpi.get(kpi)?.namn ?? null,
          antal: egna.filter((p) => p.kpi === kpi).length,
        })),
      jamforelser: kpier
        .filter((kpi) => andra.some((p) => p.kpi === kpi))
        .map((kpi) => {
          const punkter = andra.filter((p) => p.kpi === kpi);
          return { kpi, kommuner: [...new Set(punkter.map((p) => p.kommun))].sort(), antal: punkter.length };
        }),
      utanforGruppen: [...new Set(andra.map((p) => p.kommun))].filter((k) => !iGruppen.has(k)).sort(),
      fel: [...fil.fel],
      importId: null,
    };
    if (resultat.status !== 'importerad') return resultat;

    const importId = randomUUID();
    await em0.transactional(async (em) => {
      const nu = new Date();
      await this.lagraJamforelser(em, fil.punkter, importId, nu);
      for (const n of nyckeltal) {
        const varden = egna.filter((p) => p.kpi === n.koladaKpi);
        const ny = varden.map((p) => ({ period: String(p.ar), kon: p.kon, varde: p.varde, status: p.status, kalla: 'kolada' as const }));
        if (await lagraMatvarden(em, n.id, ny, nu)) {
          await em.flush();
          await publiceraSerie(em, n, { correlationId });
        }
      }
      await em.flush();
      for (const kpi of kpier)
        addToOutbox(em, koladaJamforelseUppdaterad, await this.jamforelseI(em, kpi, grupp), { producer: 'goals', correlationId });
      loggaAndring(
        em,
        { tjanst: 'goals', principal, correlationId },
        {
          handling: 'kolada.importerad',
          objekt: { typ: 'kolada-import', id: importId },
          fore: null,
          efter: { ...resultat, fel: [], importId },
        },
      );
    });
    this.outbox.wake();
    return { ...resultat, importId };
  }

  async kpier(): Promise<string[]> {
    const rader = await this.orm.em.fork().find(KoladaVarde, {}, { fields: ['kpi'], orderBy: { kpi: 'asc' } });
    return [...new Set(rader.map((r) => r.kpi))];
  }

  async jamforelse(kpi: string): Promise<KoladaJamforelseDto> {
    const em = this.orm.em.fork();
    if ((await em.count(KoladaVarde, { kpi })) === 0)
      throw new ProblemException(404, 'Ingen jämförelse', `Inga värden från Kolada för ${kpi} har importerats.`, [
        { field: 'kpi', message: 'okänt Kolada-nyckeltal' },
      ]);
    return this.jamforelseI(em, kpi, await this.installningar.jamforelsegrupp(em));
  }

  async grupp(): Promise<Jamforelsegrupp> {
    return this.installningar.jamforelsegrupp();
  }

  /** The city chose another comparison group: stored, and every KPI's comparison published again with it. */
  async sparaGrupp(grupp: z.output<typeof jamforelsegruppSchema>, principal: Principal, correlationId: string): Promise<Jamforelsegrupp> {
    await this.orm.em.fork().transactional(async (em) => {
      const fore = await this.installningar.spara(em, 'grupp', grupp, principal);
      const kpier = [...new Set((await em.find(KoladaVarde, {}, { fields: ['kpi'] })).map((r) => r.kpi))];
      for (const kpi of kpier)
        addToOutbox(em, koladaJamforelseUppdaterad, await this.jamforelseI(em, kpi, grupp), { producer: 'goals', correlationId });
      loggaAndring(
        em,
        { tjanst: 'goals', principal, correlationId },
        { handling: 'jamforelsegrupp.andrad', objekt: { typ: 'installning', id: 'kolada-jamforelsegrupp' }, fore, efter: grupp },
      );
    });
    this.outbox.wake();
    return grupp;
  }

  async lagraJamforelser(em: EntityManager, punkter: readonly Omit<KoladaPunkt, 'sokvag'>[], importId: string, nu: Date): Promise<void> {
    for (let i = 0; i < punkter.length; i += 500) {
      await em.upsertMany(
        KoladaVarde,
        punkter.slice(i, i + 500).map((p) => ({
          kpi: p.kpi,
          kommun: p.kommun,
          ar: p.ar,
          kon: p.kon,
          varde: p.varde,
          status: p.status,
          importId,
          importeradAt: nu,
        })),
        { onConflictFields: ['kpi', 'kommun', 'ar', 'kon'], onConflictAction: 'merge', disableIdentityMap: true },
      );
    }
  }

  /** The city's and the comparison group's values of one KPI. */
  async jamforelseI(em: EntityManager, kpi: string, grupp: Jamforelsegrupp): Promise<KoladaJamforelseDto> {
    const egen = this.config.kommunkod;
    const kommuner = [egen, ...grupp.kommuner.map((k) => k.kod).filter((k) => k !== egen)];
    const varden = await em.find(KoladaVarde, { kpi, kommun: { $in: kommuner } }, { orderBy: { kommun: 'asc', ar: 'asc', kon: 'asc' } });
    return {
      kpi,
      egenKommun: egen,
      jamforelsegrupp: grupp.kommuner.map((k) => ({ kod: k.kod, namn: k.namn })),
      varden: varden.map((v) => ({ kommun: v.kommun, ar: v.ar, kon: v.kon, varde: tal(v.varde), status: v.status ?? null })),
    };
  }
}
