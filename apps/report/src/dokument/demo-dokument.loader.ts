import { setTimeout as sleep } from 'node:timers/promises';

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { KONCERNBOLAG, type Rapporttyp } from '@tertial/contracts/dto';
import { demoForraAret, demoStad } from '@tertial/demo-city';
import type { Principal } from '@tertial/service-kit';

import { BolagSiffror } from '../koncern/koncern.entity.js';
import { RapportMal, RapportMalbedomning } from '../maluppfyllelse/maluppfyllelse.entity.js';
import { BokslutNamnd, Finansrad } from '../resultat/resultat.entity.js';
import { Resultatoverforing } from '../resultatoverforing/resultatoverforing.entity.js';
import { Prognosomgang } from '../uppfoljning/uppfoljning.entity.js';
import { DokumentService } from './dokument.service.js';
import { DEMO_TEXTER } from './demo-texter.js';
import { Rapportversion } from './rapportversion.entity.js';

const DEMO: Principal = { id: 'demo', namn: 'Demodata', roller: ['ekonomidirektor'], org: [], utgarMs: Number.MAX_SAFE_INTEGER };
const CORRELATION = 'demo-dokument';
/** How often, and how many times, to look whether the data a demo report waits for has arrived: 30 minutes in all. */
const VANTA_MS = 2_000;
const FORSOK = 900;
/** What the årsredovisning waits for beyond the bokslut (the goals' helår assessments, the companies' year) at most. */
const EXTRA_FORSOK = 60;

/**
 * The demo city's reports, so a newcomer (and kommunfullmäktige's members, who read only fixed versions) finds
 * documents with figures and texts: the closed year's årsredovisning, written, put up for stadsrevisionen's audit
 * and fixed as version 1 once its bokslut, KF's resultatöverföring, the finance lines, the goals' helår assessments
 * and the companies' year have reached this service; and the demo year's delårsrapport april as an open draft with
 * its texts once the April round has closed (to edit, fix or export). Each once: a report with a version of anyone
 * else's, or a fixed one, is left alone; the demo's own unfinished one (a start stopped half-way) is finished.
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
    void this.arsredovisningen().catch((error: unknown) =>
      this.logger.error(`demostadens årsredovisning kunde inte fastställas: ${String(error)}`),
    );
    void this.delarsrapportenApril().catch((error: unknown) =>
      this.logger.error(`demostadens delårsrapport april kunde inte skrivas: ${String(error)}`),
    );
  }

  onApplicationShutdown(): void {
    this.stoppad = true;
  }

  async arsredovisningen(): Promise<void> {
    const { ar } = demoForraAret(demoStad());
    const version = await this.egetUtkast('arsredovisning', ar);
    if (version === null) return;
    if (!(await this.vanta(() => this.aretArStangt(ar), FORSOK))) return;
    // The goals' and the companies' figures come from other services' demo loads: waited for a while, not for ever.
    if (!(await this.vanta(() => this.aretsMalOchBolag(ar), EXTRA_FORSOK)))
      this.logger.warn(`demostadens årsredovisning ${ar} fastställs utan målbedömningarna eller bolagens år`);
    const v = await this.skriv('arsredovisning', ar, version);
    if (v.status !== 'granskning') await this.dokument.tillGranskning('arsredovisning', ar, v.version, DEMO, CORRELATION);
    const fast = await this.dokument.faststall('arsredovisning', ar, v.version, DEMO, CORRELATION);
    this.logger.log(
      `demostadens årsredovisning ${ar} granskad och fastställd som version ${fast.version} (${fast.hash?.slice(0, 16) ?? ''})`,
    );
  }

  async delarsrapportenApril(): Promise<void> {
    const { ar } = demoStad();
    const version = await this.egetUtkast('delarsrapport-april', ar);
    if (version === null) return;
    const stangd = async () => (await this.orm.em.fork().count(Prognosomgang, { ar, tillfalle: 'april', status: 'stangd' })) > 0;
    if (!(await this.vanta(stangd, FORSOK))) return;
    const v = await this.skriv('delarsrapport-april', ar, version);
    this.logger.log(`demostadens delårsrapport april ${ar} skriven som utkast, version ${v.version}`);
  }

  /**
   * The demo's version to work on: 0 for a new one, the number of its own unfinished one, null when the report is
   * someone else's or already fixed (left alone).
   */
  private async egetUtkast(rapport: Rapporttyp, ar: number): Promise<number | null> {
    const versioner = await this.orm.em.fork().find(Rapportversion, { rapport, ar }, { orderBy: { version: 'asc' } });
    if (versioner.length === 0) return 0;
    const [forsta] = versioner;
    return versioner.length === 1 && forsta!.skapadAv === DEMO.id && forsta!.status !== 'faststalld' ? forsta!.version : null;
  }

  /** Drafts (when `version` is 0) and writes the demo texts the version lacks; a text someone changed is kept. */
  private async skriv(rapport: Rapporttyp, ar: number, version: number) {
    const utkast =
      version === 0
        ? await this.dokument.skapaUtkast(rapport, ar, DEMO, CORRELATION)
        : await this.orm.em.fork().findOneOrFail(Rapportversion, { rapport, ar, version });
    const texter = (await this.orm.em.fork().findOneOrFail(Rapportversion, { rapport, ar, version: utkast.version })).texter;
    for (const [sektion, text] of Object.entries(DEMO_TEXTER[rapport](ar)))
      if (!texter[sektion]?.length) await this.dokument.andraText(rapport, ar, utkast.version, sektion, text, DEMO, CORRELATION);
    return utkast;
  }

  private async vanta(klart: () => Promise<boolean>, forsok: number): Promise<boolean> {
    for (let i = 0; i < forsok; i += 1) {
      if (this.stoppad) return false;
      if (await klart()) return true;
      await sleep(VANTA_MS);
    }
    return false;
  }

  /** True once every nämnd's bokslut, the decided resultatöverföring and the bokslut's finance lines are here. */
  private async aretArStangt(ar: number): Promise<boolean> {
    const em = this.orm.em.fork();
    const [bokslut, overforing, finansrader] = await Promise.all([
      em.find(BokslutNamnd, { ar }),
      em.count(Resultatoverforing, { ar }),
      em.count(Finansrad, { ar, tillfalle: 'bokslut' }),
    ]);
    const helt = bokslut.length > 0 && bokslut.length >= Math.max(...bokslut.map((b) => b.antalNamnder));
    return helt && overforing > 0 && finansrader > 0;
  }

  /** True once the goals' helår assessments and each company's budget, forecasts and twelve months are here. */
  private async aretsMalOchBolag(ar: number): Promise<boolean> {
    const em = this.orm.em.fork();
    const [mal, bedomningar, bolag, demoarets] = await Promise.all([
      em.count(RapportMal, { beslutadFran: { $lte: `${ar}-12-31` } }),
      em.find(RapportMalbedomning, { ar, tillfalle: 'helar' }),
      em.find(BolagSiffror, { ar }),
      em.count(BolagSiffror, { ar: ar + 1, kalla: 'budget' }),
    ]);
    const beslutade = bedomningar.filter((b) => b.beslut).length;
    const tolvManader = bolag.filter((b) => b.kalla === 'utfall' && (b.data.manader ?? []).some((m) => m.manad === 12)).length;
    // The companies' demo (npm start's) brings both years; without it (a stack of the tests) there is no year to wait for.
    const bolagen = demoarets < KONCERNBOLAG.length || (bolag.length >= 4 * KONCERNBOLAG.length && tolvManader >= KONCERNBOLAG.length);
    return mal > 0 && beslutade >= mal && bolagen;
  }
}
