import { setTimeout as sleep } from 'node:timers/promises';

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { Textblock } from '@tertial/contracts/dto';
import { demoForraAret, demoStad } from '@tertial/demo-city';
import type { Principal } from '@tertial/service-kit';

import { BokslutNamnd, Finansrad } from '../resultat/resultat.entity.js';
import { Resultatoverforing } from '../resultatoverforing/resultatoverforing.entity.js';
import { DokumentService } from './dokument.service.js';
import { Rapportversion } from './rapportversion.entity.js';

const DEMO: Principal = { id: 'demo', namn: 'Demodata', roller: ['ekonomidirektor'], org: [], utgarMs: Number.MAX_SAFE_INTEGER };
const CORRELATION = 'demo-dokument';
const TEXT = (ar: number): Textblock[] => [
  {
    typ: 'stycke',
    text: `Demostadens årsredovisning ${ar}: siffrorna kommer ur bokslutet, resultaträkningen, balanskravsutredningen och kommunfullmäktiges beslut om resultatöverföring.`,
  },
];

/**
 * The demo city's closed year as a fixed årsredovisning, so a newcomer (and kommunfullmäktige's members, who read
 * only fixed versions) finds a report with figures. It waits until the year's bokslut, KF's resultatöverföring and
 * the finance function's lines have reached this service, then drafts version 1, puts it up for stadsrevisionen's
 * audit and fixes it, once: a year with a version of anyone else's, or a fixed one, is left alone.
 */
@Injectable()
export class DemoDokumentLoader implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DemoDokumentLoader.name);
  private stoppad = false;

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(DokumentService) private readonly dokument: DokumentService,
  ) {}

  onApplicationBootstrap(): void {
    if (process.env.TERTIAL_REPORT_DEMO === 'nej') return;
    void this.ladda().catch((error: unknown) => this.logger.error(`demostadens årsredovisning kunde inte fastställas: ${String(error)}`));
  }

  onApplicationShutdown(): void {
    this.stoppad = true;
  }

  async ladda(): Promise<void> {
    const { ar } = demoForraAret(demoStad());
    const versioner = await this.orm.em.fork().find(Rapportversion, { rapport: 'arsredovisning', ar }, { orderBy: { version: 'asc' } });
    // Someone else's version, or one already fixed, is left alone; the demo's own draft (a start stopped half-way) is fixed.
    const egetUtkast = versioner.length === 1 && versioner[0]!.skapadAv === DEMO.id && versioner[0]!.status !== 'faststalld';
    if (versioner.length > 0 && !egetUtkast) return;
    if (!(await this.vantaPaAret(ar))) return;
    const version = egetUtkast ? versioner[0]!.version : (await this.dokument.skapaUtkast('arsredovisning', ar, DEMO, CORRELATION)).version;
    if (!egetUtkast || versioner[0]!.status === 'utkast') {
      await this.dokument.andraText('arsredovisning', ar, version, 'vasentliga-handelser', TEXT(ar), DEMO, CORRELATION);
      // As in the city: stadsrevisionen audits the årsredovisning before kommunfullmäktige fixes it.
      await this.dokument.tillGranskning('arsredovisning', ar, version, DEMO, CORRELATION);
    }
    const fast = await this.dokument.faststall('arsredovisning', ar, version, DEMO, CORRELATION);
    this.logger.log(`demostadens årsredovisning ${ar} fastställd som version ${fast.version} (${fast.hash?.slice(0, 16) ?? ''})`);
  }

  /** True once every nämnd's bokslut, the decided resultatöverföring and the bokslut's finance lines are here. */
  private async vantaPaAret(ar: number): Promise<boolean> {
    for (let forsok = 0; forsok < 900; forsok += 1) {
      if (this.stoppad) return false;
      const em = this.orm.em.fork();
      const [bokslut, overforing, finansrader] = await Promise.all([
        em.find(BokslutNamnd, { ar }),
        em.count(Resultatoverforing, { ar }),
        em.count(Finansrad, { ar, tillfalle: 'bokslut' }),
      ]);
      const helt = bokslut.length > 0 && bokslut.length >= Math.max(...bokslut.map((b) => b.antalNamnder));
      if (helt && overforing > 0 && finansrader > 0) return true;
      await sleep(2_000);
    }
    return false;
  }
}
