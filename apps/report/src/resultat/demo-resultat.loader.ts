import { setTimeout as sleep } from 'node:timers/promises';

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { FinansradKod, ResultatTillfalle, RurRegler } from '@tertial/contracts/dto';
import type { Principal } from '@tertial/service-kit';

import { AnsvarBudget } from '../uppfoljning/uppfoljning.entity.js';
import { BalanskravHistorik, Finansrad } from './resultat.entity.js';
import { ResultatService } from './resultat.service.js';

const DEMO: Principal = { id: 'demo', namn: 'Demodata', roller: ['ekonomidirektor'], org: [], utgarMs: Number.MAX_SAFE_INTEGER };
const CORRELATION = 'demo-resultat';
const MNKR = 100_000_000;

/**
 * The demo city's balanskrav as published for 2021–2024 (mnkr are whole kronor here): good years reserve to RUR,
 * 2022 holds an unrealised loss on securities that 2023 reverses, 2023 is a deficit that 2024 restores in part.
 */
export const DEMO_BALANSKRAV_CSV = `ar;arets_resultat;samtliga_realisationsvinster;realisationsvinster_undantag;realisationsforluster_undantag;orealiserade_forluster_vardepapper;aterforing_orealiserade_forluster;till_rur;fran_rur;balanskravsresultat
2021;412 300 000;-38 100 000;0;0;0;0;-120 000 000;0;254 200 000
2022;287 600 000;-12 400 000;0;0;25 000 000;0;-60 000 000;0;240 200 000
2023;-95 200 000;-4 300 000;0;0;0;-25 000 000;0;60 000 000;-64 500 000
2024;30 100 000;-6 200 000;0;0;0;0;0;0;23 900 000
`;

/**
 * RUR before 2021, the law's shares, and the skatteunderlag's growth since 2012, so each year from 2021 has its own
 * ten-year average: 2023, 2025 and 2026 grew less than theirs (4,06, 4,08 and 3,91 %), so the reserve could be used.
 */
export const DEMO_RUR_REGLER: RurRegler = {
  ingaendeSaldoOre: 150 * MNKR,
  andelPositivtEgetKapitalBasispunkter: 100,
  andelNegativtEgetKapitalBasispunkter: 200,
  egetKapitalNegativt: false,
  skatteunderlagUtveckling: [340, 360, 330, 460, 500, 450, 360, 320, 210, 530, 520, 380, 450, 360, 330].map((basispunkter, index) => ({
    ar: 2012 + index,
    basispunkter,
  })),
};

/**
 * The finance function's lines as shares of the nämnder's net cost, chosen so the result is about 2 % of skatter och
 * bidrag before the elimination: taking out the nämnder's internränta (about 150 mnkr) raises the shown result by that.
 */
export function demoFinansrader(nettokostnadOre: number): Record<FinansradKod, number> {
  const avrunda = (ore: number) => Math.round(ore / (MNKR / 10)) * (MNKR / 10);
  const pensioner = avrunda(nettokostnadOre * 0.03);
  const avskrivningar = avrunda(nettokostnadOre * 0.04);
  const finansiellaIntakter = avrunda(nettokostnadOre * 0.006);
  const finansiellaKostnader = avrunda(nettokostnadOre * 0.009);
  const skatterOchBidrag = (nettokostnadOre + pensioner + avskrivningar - finansiellaIntakter + finansiellaKostnader) / 0.98;
  return {
    skatteintakter: avrunda(skatterOchBidrag * 0.77),
    'generella-statsbidrag': avrunda(skatterOchBidrag * 0.23),
    pensioner,
    avskrivningar,
    'finansiella-intakter': finansiellaIntakter,
    'finansiella-kostnader': finansiellaKostnader,
  };
}

/** How each round's forecast of a line differs from the budget, and where the forecast comes from. */
const PROGNOS: Record<'april' | 'augusti' | 'bokslut', { faktor: Partial<Record<FinansradKod, number>>; kalla: (ar: number) => string }> = {
  april: {
    faktor: { skatteintakter: 1.004, 'generella-statsbidrag': 1.001, pensioner: 1.02, 'finansiella-kostnader': 0.97 },
    kalla: (ar) => `SKR:s skatteunderlagsprognos ${ar}-04-24 (cirkulär ${String(ar).slice(2)}:12)`,
  },
  augusti: {
    faktor: {
      skatteintakter: 1.009,
      'generella-statsbidrag': 1.001,
      pensioner: 1.03,
      'finansiella-kostnader': 0.95,
      'finansiella-intakter': 1.04,
    },
    kalla: (ar) => `SKR:s skatteunderlagsprognos ${ar}-08-21 (cirkulär ${String(ar).slice(2)}:31)`,
  },
  bokslut: {
    faktor: {
      skatteintakter: 1.011,
      'generella-statsbidrag': 1.001,
      pensioner: 1.035,
      'finansiella-kostnader': 0.94,
      'finansiella-intakter': 1.05,
    },
    kalla: (ar) => `Slutavräkning enligt SKR ${ar + 1}-02-12; pensioner enligt KPA:s prognos`,
  },
};

/**
 * Loads the demo city's result at the first start: the balanskrav history 2021–2024 (through the same import as a
 * file), the RUR rules, and the finance function's budget and forecasts for 2025 and 2026, sized from the nämnder's
 * budgets once the budget service's events have arrived.
 */
@Injectable()
export class DemoResultatLoader implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DemoResultatLoader.name);
  private stoppad = false;

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(ResultatService) private readonly resultat: ResultatService,
  ) {}

  onApplicationBootstrap(): void {
    if (process.env.TERTIAL_REPORT_DEMO === 'nej') return;
    void this.ladda().catch((error: unknown) => this.logger.error(`demodata för stadens resultat kunde inte laddas: ${String(error)}`));
  }

  onApplicationShutdown(): void {
    this.stoppad = true;
  }

  async ladda(): Promise<void> {
    if ((await this.orm.em.fork().count(BalanskravHistorik)) === 0) {
      await this.resultat.sattRegler(DEMO_RUR_REGLER, DEMO, CORRELATION);
      const import_ = await this.resultat.importeraHistorik(DEMO_BALANSKRAV_CSV, {
        filnamn: 'balanskrav-2021-2024.csv',
        dryRun: false,
        principal: DEMO,
        correlationId: CORRELATION,
      });
      if (import_.status !== 'importerad') throw new Error(import_.fel.map((fel) => `rad ${fel.rad}: ${fel.meddelande}`).join('; '));
    }
    if ((await this.orm.em.fork().count(Finansrad)) > 0) return;
    const netto = await this.vantaPaBudget(2026);
    if (netto === null) return;
    // 2025's nämnder cost a little less; its closed year comes from the budget service's bokslut.
    for (const [ar, nettokostnad] of [
      [2025, Math.round(netto * 0.965)],
      [2026, netto],
    ] as const) {
      const budget = demoFinansrader(nettokostnad);
      const tillfallen: ResultatTillfalle[] = ar === 2025 ? ['budget', 'april', 'augusti', 'bokslut'] : ['budget', 'april', 'augusti'];
      for (const tillfalle of tillfallen) {
        const prognos = tillfalle === 'budget' ? null : PROGNOS[tillfalle];
        const rader = (Object.entries(budget) as [FinansradKod, number][]).map(([rad, belopp]) => ({
          rad,
          beloppOre: Math.round(belopp * (prognos?.faktor[rad] ?? 1)),
          kalla: prognos ? prognos.kalla(ar) : `KF:s budget ${ar}, KF ${ar - 1}-06-16 § 118`,
        }));
        await this.resultat.sattFinansrader(ar, tillfalle, { rader }, DEMO, CORRELATION);
      }
    }
    this.logger.log('demodata för stadens resultat: balanskrav 2021–2024, RUR, finansfunktionens rader 2025 och 2026');
  }

  /** The nämnder's budgeted net cost once the budget service's events have settled (the count stops growing). */
  private async vantaPaBudget(ar: number): Promise<number | null> {
    // Unchanged over five looks two seconds apart: the demo's budget events come in bursts.
    let forra = -1;
    let lika = 0;
    for (let forsok = 0; forsok < 900; forsok += 1) {
      if (this.stoppad) return null;
      const antal = await this.orm.em.fork().count(AnsvarBudget, { ar });
      lika = antal > 0 && antal === forra ? lika + 1 : 0;
      if (lika >= 5)
        return (await this.orm.em.fork().find(AnsvarBudget, { ar })).reduce((summa, budget) => summa + budget.nettokostnadOre, 0);
      forra = antal;
      await sleep(2_000);
    }
    return null;
  }
}
