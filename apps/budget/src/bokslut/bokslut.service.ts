import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type {
  ArsbokslutDto,
  BokslutDto,
  OverforingsreglerDto,
  overforingsreglerRequestSchema,
  resultatoverforingBeslutRequestSchema,
  ResultatoverforingBeslutDto,
} from '@tertial/contracts/dto';
import { bokslutFaststallt, resultatoverforingBeslutad } from '@tertial/contracts/events';
import { kontogruppForKonto } from '@tertial/contracts/kontoplan';
import { addOre } from '@tertial/contracts/money';
import { namndSokare, organisationVid } from '@tertial/contracts/organisation';
import { demoForraAret, demoStad } from '@tertial/demo-city';
import { addToOutbox, loggaAndring, OutboxRelay, ProblemException, type Principal } from '@tertial/service-kit';
import type { z } from 'zod';

import { BudgetversionRad } from '../budget/budget.entity.js';
import { BudgetService } from '../budget/budget.service.js';
import { gallandeBudget } from '../budget/budgetversioner.js';
import { ellerProblem } from '../budget/ellerproblem.js';
import { KontonService } from '../konton/konton.service.js';
import { OrganisationService } from '../organisation/organisation.service.js';
import { UtfallService } from '../utfall/utfall.service.js';
import { bokslutPerNamnd, type Arsrad } from './bokslut.js';
import { Bokslut, OverforingsreglerRad, ResultatoverforingBeslut } from './bokslut.entity.js';
import { foreslaEnligtRegler, STANDARDREGLER, valideraBeslut, valideraRegler, type Overforingsregler } from './overforingsregler.js';

const REGLER_ID = 'stad';
const DEMO: Principal = { id: 'demo-data', namn: 'Demodata', roller: ['ekonomidirektor'], org: [], utgarMs: Number.MAX_SAFE_INTEGER };

@Injectable()
export class BokslutService implements OnApplicationBootstrap {
  private readonly logger = new Logger(BokslutService.name);

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(BudgetService) private readonly budget: BudgetService,
    @Inject(UtfallService) private readonly utfall: UtfallService,
    @Inject(KontonService) private readonly konton: KontonService,
    @Inject(OrganisationService) private readonly organisation: OrganisationService,
    @Inject(OutboxRelay) private readonly outbox: OutboxRelay,
  ) {}

  /**
   * The demo city's year before the demo year, closed: KF's frames, the bokslut of its twelve months of utfall, the
   * city's rules and KF's resultatöverföring into the demo year. Only beside the demo budget, and only once.
   */
  async onApplicationBootstrap(): Promise<void> {
    // A database from before the demo had its previous year (an organisation from the demo year only) keeps going without it.
    await this.lasInDemoForraAret().catch((error: unknown) =>
      this.logger.warn(`demostadens föregående år lästes inte in: ${String(error)}`),
    );
  }

  private async lasInDemoForraAret(): Promise<void> {
    const stad = demoStad();
    const forra = demoForraAret(stad);
    const em = this.orm.em.fork();
    if (!(await em.findOne(BudgetversionRad, { id: `kf-${stad.ar}` }))) return;
    if ((await em.count(BudgetversionRad, { ar: forra.ar })) > 0 || (await em.count(Bokslut, {})) > 0) return;
    const started = performance.now();
    await this.budget.beslutaBudget(
      {
        typ: 'kf-beslut',
        ar: forra.ar,
        namn: `KF:s budget ${forra.ar}`,
        beslutad: `${forra.ar - 1}-06-19`,
        ramar: forra.ramar.map((r) => ({ namnd: r.namnd, belopp: r.nettoOre })),
      },
      DEMO,
      'demo-data',
    );
    // The demo's year is closed from its ledger summed per ansvar and account (about 48 000 rows), not from 570 000
    // monthly rows in the utfall table: those would take half a minute to store at every first start, and would spread
    // the demo year's budgets by their months. An import into the closed year is refused all the same.
    const summor = new Map<string, Arsrad>();
    for (const rad of forra.utfall()) {
      const nyckel = `${rad.ansvar}:${rad.konto}`;
      const summa = summor.get(nyckel);
      summor.set(nyckel, { ansvar: rad.ansvar, konto: rad.konto, beloppOre: (summa?.beloppOre ?? 0) + rad.beloppOre });
    }
    await this.stang(forra.ar, DEMO, 'demo-data', { nu: new Date(`${stad.ar}-02-14T09:00:00Z`), arsrader: [...summor.values()] });
    await this.sparaRegler(
      {
        ...STANDARDREGLER,
        namndundantag: [
          {
            namnd: 'VALN',
            overskottAndel: '0',
            underskottAndel: '0',
            skal: 'valåren ger tillfälliga över- och underskott som inte ska följa med',
          },
        ],
      },
      DEMO,
      'demo-data',
    );
    const { forslag } = await this.arsbokslut(forra.ar);
    await this.besluta(
      forra.ar,
      {
        beslutad: forra.resultatoverforingBeslutad,
        namnder: forslag.namnder.map((n) =>
          // KF carries only half of socialnämndens deficit: placements rose for reasons the nämnd could not steer.
          n.namnd === 'SN' && n.overforingOre < 0
            ? {
                namnd: n.namnd,
                belopp: Math.round(n.overforingOre / 200) * 100,
                motivering: 'Särskilda skäl: kostnaderna för placeringar ökade av skäl nämnden inte kunnat påverka; hälften förs över.',
              }
            : { namnd: n.namnd, belopp: n.overforingOre },
        ),
      },
      DEMO,
      'demo-data',
    );
    this.logger.log(`demostadens ${forra.ar} stängt: bokslut och resultatöverföring på ${Math.round(performance.now() - started)} ms`);
  }

  /**
   * Closes a year: every nämnd with a frame gets its bokslut from the year's utfall (per ansvar and account, the
   * ledger's sign), published as `budget.bokslut-faststallt`, and the utfall of the year is frozen. Closing twice,
   * a year without a budget or without December's utfall, or utfall on an ansvar outside every nämnd is refused.
   */
  async stang(
    ar: number,
    principal: Principal,
    correlationId: string,
    { nu = new Date(), arsrader }: { nu?: Date; arsrader?: readonly Arsrad[] } = {},
  ): Promise<BokslutDto> {
    const em = this.orm.em.fork();
    const tidigare = await em.findOne(Bokslut, { ar });
    if (tidigare) throw arStangt(tidigare);
    const galler = gallandeBudget(await this.budget.versioner(ar), ar);
    if (!galler.ok || galler.varde.namnder.length === 0)
      throw new ProblemException(422, 'Året kan inte stängas', `${ar} har ingen budget att stänga mot.`, [
        { field: 'ar', message: `ingen budget för ${ar}` },
      ]);
    const sql = em as SqlEntityManager;
    const [december] = arsrader
      ? [{ antal: 1 }]
      : await sql.execute<{ antal: number | string }[]>('select count(*) as antal from utfall where ar = ? and manad = 12', [ar]);
    if (Number(december?.antal ?? 0) === 0)
      throw new ProblemException(422, 'Året kan inte stängas', `Utfallet för december ${ar} saknas; importera det innan året stängs.`, [
        { field: 'ar', message: `inget utfall för december ${ar}` },
      ]);
    const [mappning, versioner, rader] = await Promise.all([
      this.konton.mappning(),
      this.organisation.versioner(),
      arsrader ??
        sql
          .execute<{ ansvar: string; konto: number; belopp: number | string }[]>(
            'select ansvar, konto, sum(belopp_ore) as belopp from utfall where ar = ? group by ansvar, konto',
            [ar],
          )
          .then((rader) => rader.map((r) => ({ ansvar: r.ansvar, konto: Number(r.konto), beloppOre: Number(r.belopp) }))),
    ]);
    const namndAv = namndSokare(organisationVid(versioner, `${ar}-12-31`));
    const ramar = galler.varde.namnder;
    const { namnder, utanNamnd } = bokslutPerNamnd(
      ramar.map((r) => r.namnd),
      rader,
      (ansvar) => namndAv(ansvar)?.kod,
      (konto) => kontogruppForKonto(konto, mappning),
    );
    if (utanNamnd.length > 0)
      throw new ProblemException(
        422,
        'Året kan inte stängas',
        `Utfall på ansvar som ingen nämnd med budget ${ar} äger: ${utanNamnd.slice(0, 20).join(', ')}.`,
        utanNamnd.slice(0, 100).map((ansvar) => ({ field: 'ansvar', message: `${ansvar} hör inte till någon nämnd med ram` })),
      );
    const bokslut = {
      ar,
      faststalltAt: nu,
      faststalltAv: principal.namn,
      namnder: namnder.map((n) => ({
        namnd: n.namnd,
        budgetOre: ramar.find((r) => r.namnd === n.namnd)!.ramOre,
        nettokostnadOre: n.nettokostnadOre,
      })),
    };
    try {
      await em.transactional(async (tx) => {
        tx.create(Bokslut, bokslut);
        loggaAndring(
          tx,
          { tjanst: 'budget', principal, correlationId },
          {
            handling: 'bokslut.faststallt',
            objekt: { typ: 'bokslut', id: String(ar) },
            fore: null,
            efter: { ar, namnder: bokslut.namnder },
          },
        );
        for (const n of namnder) {
          addToOutbox(
            tx,
            bokslutFaststallt,
            {
              ar,
              namnd: n.namnd,
              antalNamnder: namnder.length,
              faststalltAt: nu.toISOString(),
              faststalltAv: principal.namn,
              rader: n.rader,
              nettokostnadOre: n.nettokostnadOre,
            },
            { producer: 'budget', correlationId },
          );
        }
      });
    } catch (error) {
      // Two closings raced: the other one stored the year first.
      if (error instanceof UniqueConstraintViolationException) throw arStangt((await this.orm.em.fork().findOne(Bokslut, { ar }))!);
      throw error;
    }
    this.outbox.wake();
    this.logger.log(`bokslut ${ar} fastställt av ${principal.namn}: ${namnder.length} nämnder`);
    return bokslutDto(bokslut);
  }

  async regler(): Promise<OverforingsreglerDto> {
    const rad = await this.orm.em.fork().findOne(OverforingsreglerRad, { id: REGLER_ID });
    const regler = rad?.regler ?? STANDARDREGLER;
    return {
      ...regler,
      namndundantag: [...regler.namndundantag],
      andradAt: rad?.andradAt.toISOString() ?? null,
      andradAv: rad?.andradAv ?? null,
    };
  }

  /** Replaces the city's rules; rules naming an unknown nämnd or a share outside 0–100 % are refused whole. */
  async sparaRegler(request: z.output<typeof overforingsreglerRequestSchema>, principal: Principal, correlationId: string) {
    const regler: Overforingsregler = {
      overskottAndel: request.overskottAndel,
      overskottTakProcentAvBudget: request.overskottTakProcentAvBudget,
      underskottAndel: request.underskottAndel,
      namndundantag: request.namndundantag,
    };
    const namnder = new Set((await this.organisation.versioner()).filter((n) => n.niva === 'namnd').map((n) => n.kod));
    const fel = valideraRegler(regler, namnder);
    if (fel.length > 0)
      throw new ProblemException(422, 'Ogiltiga regler för resultatöverföring', fel.map((f) => f.message).join('; '), fel);
    await this.orm.em.fork().transactional(async (em) => {
      const fore = await em.findOne(OverforingsreglerRad, { id: REGLER_ID });
      loggaAndring(
        em,
        { tjanst: 'budget', principal, correlationId },
        {
          handling: 'resultatoverforing.regler',
          objekt: { typ: 'overforingsregler', id: REGLER_ID },
          fore: fore?.regler ?? null,
          efter: regler,
        },
      );
      await em.upsert(OverforingsreglerRad, { id: REGLER_ID, regler, andradAt: new Date(), andradAv: principal.namn });
    });
    return this.regler();
  }

  /**
   * A year's year-end: the bokslut if the year is closed, the resultatöverföring the city's rules propose (from the
   * bokslut, or before closing from the utfall so far) and KF's decision if made.
   */
  async arsbokslut(ar: number): Promise<ArsbokslutDto> {
    const em = this.orm.em.fork();
    const [bokslut, beslut, regler, versioner, nastaVersioner] = await Promise.all([
      em.findOne(Bokslut, { ar }),
      em.findOne(ResultatoverforingBeslut, { ar }),
      this.regler(),
      this.budget.versioner(ar),
      this.budget.versioner(ar + 1),
    ]);
    const galler = ellerProblem(gallandeBudget(versioner, ar), 'Budgeten går inte att läsa');
    const utfallPerNamnd = new Map<string, number>();
    if (bokslut) {
      for (const n of bokslut.namnder) utfallPerNamnd.set(n.namnd, n.nettokostnadOre);
    } else {
      const namndAv = namndSokare(organisationVid(await this.organisation.versioner(), `${ar}-12-31`));
      for (const [ansvar, belopp] of await this.utfall.nettoPerAnsvar(ar)) {
        const namnd = namndAv(ansvar)?.kod;
        if (namnd) utfallPerNamnd.set(namnd, addOre(utfallPerNamnd.get(namnd) ?? 0, belopp));
      }
    }
    const nasta = gallandeBudget(nastaVersioner, ar + 1);
    const nastaRam = new Map(nasta.ok ? nasta.varde.namnder.map((r) => [r.namnd, r.ramOre]) : []);
    // Once decided, next year's frame already holds the carry-over: shown as it was before.
    const beslutat = new Map(beslut?.namnder.map((n) => [n.namnd, n.beslutOre]) ?? []);
    const forslag = ellerProblem(
      foreslaEnligtRegler(
        (
          bokslut?.namnder.map((n) => ({ namnd: n.namnd, budgetOre: n.budgetOre })) ??
          galler.namnder.map((r) => ({ namnd: r.namnd, budgetOre: r.ramOre }))
        ).map((r) => ({
          ...r,
          utfallOre: utfallPerNamnd.get(r.namnd) ?? 0,
          nastaArsRamOre: nastaRam.has(r.namnd) ? addOre(nastaRam.get(r.namnd)!, -(beslutat.get(r.namnd) ?? 0)) : null,
        })),
        regler,
      ),
      'Resultatöverföringen går inte att föreslå',
    );
    return {
      ar,
      bokslut: bokslut ? bokslutDto(bokslut) : null,
      regler,
      forslag: {
        ...forslag,
        regel: {
          overskottAndel: regler.overskottAndel,
          overskottTakProcentAvBudget: regler.overskottTakProcentAvBudget,
          underskottAndel: regler.underskottAndel,
        },
        namnder: [...forslag.namnder],
      },
      beslut: beslut ? beslutDto(beslut) : null,
    };
  }

  /**
   * Records KF's decision on a closed year's resultatöverföring and carries the decided amounts into next year's
   * frames as a tilläggsbudget (with its `budget.namndram-uppdaterad` events), in one transaction. Refused: a year not
   * closed or already decided (409), a nämnd without a result, a changed amount without motivering, or a next year
   * without frames for the nämnder (422).
   */
  async besluta(
    ar: number,
    request: z.output<typeof resultatoverforingBeslutRequestSchema>,
    principal: Principal,
    correlationId: string,
  ): Promise<ResultatoverforingBeslutDto> {
    const em = this.orm.em.fork();
    const bokslut = await em.findOne(Bokslut, { ar });
    if (!bokslut)
      throw new ProblemException(
        409,
        'Året är inte stängt',
        `Bokslutet för ${ar} är inte fastställt; stäng året innan KF:s beslut registreras.`,
        [{ field: 'ar', message: `${ar} är inte stängt` }],
      );
    const tidigare = await em.findOne(ResultatoverforingBeslut, { ar });
    if (tidigare) throw redanBeslutad(tidigare);
    const { forslag } = await this.arsbokslut(ar);
    const rader = ellerProblem(
      valideraBeslut(
        request.namnder.map((n) => ({ namnd: n.namnd, beloppOre: n.belopp, motivering: n.motivering })),
        forslag,
      ),
      'Resultatöverföringen kan inte beslutas',
    );
    const namnder = rader.map((r) => ({
      namnd: r.namnd,
      forslagOre: r.forslagOre,
      beslutOre: r.beloppOre,
      motivering: r.motivering?.trim() || null,
    }));
    const andringar = namnder.filter((n) => n.beslutOre !== 0).map((n) => ({ namnd: n.namnd, belopp: n.beslutOre }));
    const spara = (tx: EntityManager, budgetversion: string) => {
      tx.create(ResultatoverforingBeslut, { ar, beslutad: request.beslutad, beslutadAv: principal.namn, budgetversion, namnder });
      // The report service's årsredovisning shows the decision per nämnd: it travels with the decision, in its transaction.
      addToOutbox(
        tx,
        resultatoverforingBeslutad,
        { ar, beslutad: request.beslutad, beslutadAv: principal.namn, budgetversion, namnder },
        { producer: 'budget', correlationId },
      );
      loggaAndring(
        tx,
        { tjanst: 'budget', principal, correlationId },
        {
          handling: 'resultatoverforing.beslutad',
          objekt: { typ: 'bokslut', id: String(ar) },
          fore: null,
          efter: { ar, beslutad: request.beslutad, budgetversion, namnder },
        },
      );
    };
    try {
      if (andringar.length === 0) {
        await em.transactional(async (tx) => spara(tx, 'ingen'));
      } else {
        await this.budget.beslutaBudget(
          { typ: 'tillaggsbudget', ar: ar + 1, namn: `Resultatöverföring från ${ar}`, beslutad: request.beslutad, andringar },
          principal,
          correlationId,
          (tx, version) => spara(tx, version.id),
        );
      }
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException)
        throw redanBeslutad((await this.orm.em.fork().findOne(ResultatoverforingBeslut, { ar }))!);
      throw error;
    }
    this.outbox.wake();
    return beslutDto((await this.orm.em.fork().findOne(ResultatoverforingBeslut, { ar }))!);
  }
}

function arStangt(bokslut: Bokslut): ProblemException {
  return new ProblemException(
    409,
    'Året är redan stängt',
    `Bokslutet för ${bokslut.ar} fastställdes ${bokslut.faststalltAt.toISOString().slice(0, 10)} av ${bokslut.faststalltAv}; ett år stängs bara en gång.`,
    [{ field: 'ar', message: `${bokslut.ar} är redan stängt` }],
  );
}

function redanBeslutad(beslut: ResultatoverforingBeslut): ProblemException {
  return new ProblemException(
    409,
    'Resultatöverföringen är redan beslutad',
    `KF:s beslut om resultatöverföring för ${beslut.ar} registrerades ${beslut.beslutad}; ändringar därefter görs som en tilläggsbudget.`,
    [{ field: 'ar', message: `${beslut.ar} är redan beslutat` }],
  );
}

function bokslutDto(bokslut: Pick<Bokslut, 'ar' | 'faststalltAt' | 'faststalltAv' | 'namnder'>): BokslutDto {
  return {
    ar: bokslut.ar,
    faststalltAt: bokslut.faststalltAt.toISOString(),
    faststalltAv: bokslut.faststalltAv,
    antalNamnder: bokslut.namnder.length,
    namnder: bokslut.namnder,
    nettokostnadOre: addOre(0, ...bokslut.namnder.map((n) => n.nettokostnadOre)),
  };
}

function beslutDto(beslut: ResultatoverforingBeslut): ResultatoverforingBeslutDto {
  return {
    ar: beslut.ar,
    beslutad: beslut.beslutad,
    beslutadAv: beslut.beslutadAv,
    budgetversion: beslut.budgetversion,
    namnder: beslut.namnder,
    beslutOre: addOre(0, ...beslut.namnder.map((n) => n.beslutOre)),
  };
}
