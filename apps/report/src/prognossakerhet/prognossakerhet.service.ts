import { Inject, Injectable, Logger } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import type { PrognossakerhetDto } from '@tertial/contracts/dto';
import type { BokslutFaststalltPayload, PrognosomgangAndradPayload } from '@tertial/contracts/events';
import { PROGNOSTILLFALLEN, type Prognostillfalle } from '@tertial/contracts/prognos';
import { demoForraAret, demoStad } from '@tertial/demo-city';

import { NamndRam } from '../prognos-totaler/jamforelse.entity.js';
import { PrognosTotalerService } from '../prognos-totaler/prognos-totaler.service.js';
import { UppfoljningService } from '../uppfoljning/uppfoljning.service.js';
import { Prognosomgang } from '../uppfoljning/uppfoljning.entity.js';
import { NamndBokslut, Omgangsprognos } from './prognossakerhet.entity.js';
import { arBokslutetHelt, prognossakerhet, type Omgangsprognos as Prognosrad } from './prognossakerhet.js';

@Injectable()
export class PrognossakerhetService {
  private readonly logger = new Logger(PrognossakerhetService.name);

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(PrognosTotalerService) private readonly totaler: PrognosTotalerService,
    @Inject(UppfoljningService) uppfoljning: UppfoljningService,
  ) {
    // After the round's change has committed: the totals read it in their own transaction.
    uppfoljning.omgangStangd$.subscribe((omgang) => {
      this.behallOmgang(omgang).catch((error: unknown) =>
        this.logger.error(`prognosen vid stängningen av ${omgang.tillfalle} ${omgang.ar} kunde inte sparas: ${String(error)}`),
      );
    });
  }

  /** Keeps each nämnd's forecast and frame as the round closed (a månadsprognos: its nämnder only). */
  async behallOmgang(omgang: Pick<PrognosomgangAndradPayload, 'ar' | 'tillfalle' | 'namnder' | 'andradAt'>): Promise<void> {
    const totaler = await this.totaler.totaler(omgang.ar, omgang.tillfalle);
    const namnder = totaler.namnder.filter((n) => n.budgetOre !== null && (omgang.namnder === null || omgang.namnder.includes(n.kod)));
    await this.orm.em.fork().transactional(async (em) => {
      await em.nativeDelete(Omgangsprognos, { ar: omgang.ar, tillfalle: omgang.tillfalle });
      for (const n of namnder) {
        em.create(Omgangsprognos, {
          ar: omgang.ar,
          tillfalle: omgang.tillfalle,
          namnd: n.kod,
          namn: n.namn,
          budgetOre: n.budgetOre!,
          // The whole helårsprognos (the budget standing for an ansvar without a forecast), as the roll-up and the reports.
          prognosOre: n.helarsprognosOre ?? n.nettokostnadOre,
          antalLamnade: n.antalLamnade,
          antalAnsvar: n.antalAnsvar,
          stangdAt: new Date(omgang.andradAt),
        });
      }
    });
    this.logger.log(`prognosen vid stängningen av ${omgang.tillfalle} ${omgang.ar} sparad för ${namnder.length} nämnder`);
  }

  /**
   * Keeps a nämnd's closed year. The demo city's closed year (closed by the demo data) brings its April and August
   * forecasts per nämnd as those rounds closed: the demo has no per-ansvar forecasts for that year.
   */
  async registreraBokslut(em: EntityManager, bokslut: BokslutFaststalltPayload): Promise<void> {
    await em.upsert(NamndBokslut, {
      ar: bokslut.ar,
      namnd: bokslut.namnd,
      nettokostnadOre: bokslut.nettokostnadOre,
      antalNamnder: bokslut.antalNamnder,
      faststalltAt: new Date(bokslut.faststalltAt),
    });
    const stad = demoStad();
    const forra = demoForraAret(stad);
    if (bokslut.faststalltAv !== 'Demodata' || bokslut.ar !== forra.ar) return;
    if ((await em.count(Omgangsprognos, { ar: forra.ar, namnd: bokslut.namnd })) > 0) return;
    const namn = stad.organisation.find((n) => n.kod === bokslut.namnd)?.namn ?? bokslut.namnd;
    const ram = forra.ramar.find((r) => r.namnd === bokslut.namnd);
    if (!ram) return;
    for (const { tillfalle, namnder } of forra.prognoser) {
      const prognos = namnder.find((n) => n.namnd === bokslut.namnd)!;
      em.create(Omgangsprognos, {
        ar: forra.ar,
        tillfalle,
        namnd: bokslut.namnd,
        namn,
        budgetOre: ram.nettoOre,
        prognosOre: prognos.nettoOre,
        antalLamnade: 1,
        antalAnsvar: 1,
        stangdAt: new Date(`${forra.ar}-${tillfalle === 'april' ? '05-20' : '09-18'}T15:00:00Z`),
      });
    }
  }

  /**
   * A year's prognossäkerhet per round: the closed rounds from what was kept at their close, an open round from its
   * current forecasts; against the bokslut once the year is closed (its budget: the nämnd's frame as the report
   * service last heard it).
   */
  async prognossakerhet(ar: number): Promise<PrognossakerhetDto> {
    const em = this.orm.em.fork();
    const [behallna, omgangar, bokslut, ramar] = await Promise.all([
      em.find(Omgangsprognos, { ar }),
      em.find(Prognosomgang, { ar }),
      em.find(NamndBokslut, { ar }),
      em.find(NamndRam, { ar }),
    ]);
    const ramAv = new Map(ramar.map((r) => [r.namnd, r.ramOre]));
    // The year counts as closed once every nämnd of its close has arrived (each event says how many there are): a
    // city row from some nämnders bokslut beside every nämnd's forecast would be a deviation of nothing real.
    const bokslutet = arBokslutetHelt(bokslut)
      ? bokslut.map((b) => ({ namnd: b.namnd, budgetOre: ramAv.get(b.namnd) ?? 0, nettokostnadOre: b.nettokostnadOre }))
      : null;
    const tillfallen = new Set<Prognostillfalle>([...behallna.map((b) => b.tillfalle), ...omgangar.map((o) => o.tillfalle)]);
    const resultat: PrognossakerhetDto['omgangar'] = [];
    for (const tillfalle of PROGNOSTILLFALLEN.filter((t) => tillfallen.has(t))) {
      const omgang = omgangar.find((o) => o.tillfalle === tillfalle);
      const kept = behallna.filter((b) => b.tillfalle === tillfalle);
      let rader: Prognosrad[];
      let stangdAt: string | null;
      if (kept.length > 0 && (!omgang || omgang.status === 'stangd')) {
        rader = kept.map((b) => ({ namnd: b.namnd, namn: b.namn, budgetOre: b.budgetOre, prognosOre: b.prognosOre }));
        stangdAt = kept[0]!.stangdAt.toISOString();
      } else {
        const totaler = await this.totaler.totaler(ar, tillfalle);
        rader = totaler.namnder
          .filter((n) => n.budgetOre !== null && n.antalLamnade > 0 && (!omgang?.namnder || omgang.namnder.includes(n.kod)))
          .map((n) => ({ namnd: n.kod, namn: n.namn, budgetOre: n.budgetOre!, prognosOre: n.helarsprognosOre ?? n.nettokostnadOre }));
        stangdAt = null;
      }
      rader.sort((a, b) => b.budgetOre - a.budgetOre || a.namnd.localeCompare(b.namnd));
      resultat.push({ tillfalle, stangdAt, ...prognossakerhet(rader, bokslutet) });
    }
    return { ar, bokslutFaststallt: bokslutet !== null, omgangar: resultat };
  }
}
