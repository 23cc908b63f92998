import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

import type { EntityManager } from '@mikro-orm/core';
import type { budgetbeslutRequestSchema, internbudgetRequestSchema, resursfordelningRequestSchema } from '@tertial/contracts/dto';
import { ansvarsbudgetUppdaterad, namndramUppdaterad } from '@tertial/contracts/events';
import { namndSokare, organisationVid, type OrganisationNode } from '@tertial/contracts/organisation';
import { demoStad } from '@tertial/demo-city';
import { addToOutbox, avvisaVid, loggaAndring, OutboxRelay, ProblemException, type Principal } from '@tertial/service-kit';
import type { z } from 'zod';

import { OrganisationService } from '../organisation/organisation.service.js';
import { UtfallService } from '../utfall/utfall.service.js';
import { VerksamhetsbudgetService } from '../verksamhetsbudget/verksamhetsbudget.service.js';
import { BudgetversionRad, Resursfordelningsunderlag } from './budget.entity.js';
import { beslutadeVersioner } from './beslutade-versioner.js';
import { okandaNamnder } from './budgetbeslut.js';
import { ansvarsbudgetar, namndramar } from './budgethandelser.js';
import { gallandeBudget, jamforVersioner, type Budgetversion } from './budgetversioner.js';
import { demoBudget } from './demo-budget.js';
import { fordelaInternbudget } from './internbudget.js';
import { foreslaResultatoverforing } from './resultatoverforing.js';
import { beraknaResursfordelning, type ResursfordelningUnderlag } from './resursfordelning.js';
import { ellerProblem } from './ellerproblem.js';

@Injectable()
export class BudgetService implements OnApplicationBootstrap {
  private readonly logger = new Logger(BudgetService.name);

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(OrganisationService) private readonly organisation: OrganisationService,
    @Inject(UtfallService) private readonly utfall: UtfallService,
    @Inject(OutboxRelay) private readonly outbox: OutboxRelay,
    @Inject(VerksamhetsbudgetService) private readonly verksamhetsbudgetar: VerksamhetsbudgetService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const em = this.orm.em.fork();
    if ((await em.count(BudgetversionRad)) > 0) return;
    const { versioner, underlag } = demoBudget(demoStad());
    const organisation = demoStad().organisation;
    const verksamhetsbudgetar = await Promise.all(
      versioner
        .filter((v): v is Extract<Budgetversion, { typ: 'internbudget' }> => v.typ === 'internbudget')
        .map((v) => this.verksamhetsbudgetar.forbered(v, organisationVid(organisation, `${v.ar}-01-01`))),
    );
    await em.transactional(async (tx) => {
      for (const version of versioner) tx.create(BudgetversionRad, rad(version));
      for (const u of underlag) tx.create(Resursfordelningsunderlag, { namnd: u.namnd, ar: u.ar, underlag: u });
      for (const ar of new Set(versioner.map((v) => v.ar))) {
        const arets = versioner.filter((v) => v.ar === ar);
        publishBudgetEvents(tx, arets, ar, arets, organisation, 'demo-data');
      }
      for (const publicera of verksamhetsbudgetar) publicera(tx, 'demo-data');
    });
    this.outbox.wake();
    this.logger.log(`demostadens budget inläst: ${versioner.length} versioner`);
  }

  async versioner(ar: number): Promise<Budgetversion[]> {
    return beslutadeVersioner(this.orm.em.fork(), ar);
  }

  async jamforelse(ar: number) {
    return ellerProblem(jamforVersioner(await this.versioner(ar), ar), 'Budgetversionerna går inte att jämföra');
  }

  /** The nämnder that have inputs for the year's resursfördelning, in code order. */
  async namnderMedResursfordelning(ar: number): Promise<string[]> {
    const underlag = await this.orm.em.fork().find(Resursfordelningsunderlag, { ar }, { fields: ['namnd'], orderBy: { namnd: 'asc' } });
    return underlag.map((rad) => rad.namnd);
  }

  async resursfordelning(namnd: string, ar: number) {
    const underlag = await this.orm.em.fork().findOne(Resursfordelningsunderlag, { namnd, ar });
    if (!underlag)
      throw new ProblemException(404, 'Hittades inte', `Inget underlag för resursfördelning för ${namnd} ${ar}.`, [
        { field: 'ar', message: 'inget underlag för året' },
      ]);
    return ellerProblem(beraknaResursfordelning(underlag.underlag), 'Resursfördelningen går inte att beräkna');
  }

  /** Computes the frame from new inputs and keeps them; inputs that do not compute are refused whole. */
  async sparaResursfordelning(request: z.output<typeof resursfordelningRequestSchema>, principal: Principal, correlationId: string) {
    const underlag: ResursfordelningUnderlag = {
      namnd: request.namnd,
      ar: request.ar,
      foregaendeArsTilldelningOre: request.foregaendeArsTilldelning,
      tillfalligaSatsningar: request.tillfalligaSatsningar.map((post) => ({ text: post.text, beloppOre: post.belopp })),
      befolkning: request.befolkning,
      demografi: request.demografi.map((rad) => ({
        verksamhetsomrade: rad.verksamhetsomrade,
        aldersband: rad.aldersband,
        prisPerInvanareOre: rad.prisPerInvanare,
      })),
      upprakning: request.upprakning,
      ovrigaJusteringar: request.ovrigaJusteringar.map((post) => ({ text: post.text, beloppOre: post.belopp })),
    };
    const resultat = ellerProblem(beraknaResursfordelning(underlag), 'Resursfördelningen går inte att beräkna');
    await this.orm.em.fork().transactional(async (em) => {
      const fore = await em.findOne(Resursfordelningsunderlag, { namnd: underlag.namnd, ar: underlag.ar });
      loggaAndring(
        em,
        { tjanst: 'budget', principal, correlationId },
        {
          handling: 'resursfordelning.sparad',
          objekt: { typ: 'namnd', id: underlag.namnd },
          fore: fore?.underlag ?? null,
          efter: underlag,
        },
      );
      await em.upsert(Resursfordelningsunderlag, { namnd: underlag.namnd, ar: underlag.ar, underlag });
    });
    return resultat;
  }

  /** A nämnd's current internbudget against its current frame, node by node, with what is not yet distributed. */
  async internbudget(namnd: string, ar: number) {
    const versioner = await this.versioner(ar);
    const galler = ellerProblem(gallandeBudget(versioner, ar), 'Budgeten går inte att läsa');
    const ram = galler.namnder.find((r) => r.namnd === namnd);
    if (!ram)
      throw new ProblemException(404, 'Hittades inte', `${namnd} har ingen ram för ${ar}.`, [{ field: 'namnd', message: 'ingen ram' }]);
    const senaste = versioner
      .filter((v): v is Extract<Budgetversion, { typ: 'internbudget' }> => v.typ === 'internbudget' && v.namnd === namnd)
      .at(-1);
    const organisation = organisationVid(await this.organisation.versioner(), `${ar}-01-01`);
    return ellerProblem(
      fordelaInternbudget({ namnd, ramOre: ram.ramOre, organisation, rader: senaste?.rader ?? [] }, { lasning: true }),
      'Internbudgeten går inte att fördela',
    );
  }

  /**
   * Each nämnd's result for the year (current frame minus the net cost in the imported utfall) and the
   * carry-over into next year's frame that Helsingborg's rule proposes. Before the year is closed, the utfall
   * is the year so far, and the proposal says so by its numbers.
   */
  async resultatoverforing(ar: number) {
    const galler = ellerProblem(gallandeBudget(await this.versioner(ar), ar), 'Budgeten går inte att läsa');
    const [netto, versioner, nastaAr] = await Promise.all([
      this.utfall.nettoPerAnsvar(ar),
      this.organisation.versioner(),
      this.orm.em.fork().find(Resursfordelningsunderlag, { ar: ar + 1 }),
    ]);
    const namndAv = namndSokare(organisationVid(versioner, `${ar}-12-31`));
    const utfallPerNamnd = new Map<string, number>();
    for (const [ansvar, belopp] of netto) {
      const namnd = namndAv(ansvar)?.kod;
      if (namnd) utfallPerNamnd.set(namnd, (utfallPerNamnd.get(namnd) ?? 0) + belopp);
    }
    const nastaRam = new Map(
      nastaAr.flatMap((u) => {
        const beraknad = beraknaResursfordelning(u.underlag);
        return beraknad.ok ? [[u.namnd, beraknad.varde.steg.at(-1)!.summaOre] as const] : [];
      }),
    );
    return ellerProblem(
      foreslaResultatoverforing(
        galler.namnder.map((ram) => ({
          namnd: ram.namnd,
          budgetOre: ram.ramOre,
          utfallOre: utfallPerNamnd.get(ram.namnd) ?? 0,
          nastaArsRamOre: nastaRam.get(ram.namnd) ?? null,
        })),
      ),
      'Resultatöverföringen går inte att föreslå',
    );
  }

  /**
   * Records KF's decision on frames or a tilläggsbudget as a new version beside the others. It must leave the
   * year's budget readable (e.g. no two KF decisions on one day, no tilläggsbudget for a nämnd without a frame)
   * and name only nämnder of the organisation; otherwise nothing is stored.
   */
  async beslutaBudget(
    request: z.output<typeof budgetbeslutRequestSchema>,
    principal: Principal,
    correlationId: string,
    // What else the decision stores, in its transaction (the resultatöverföring decision that the version carries).
    iSammaTransaktion?: (em: EntityManager, version: Budgetversion) => void,
  ) {
    const namnder = new Set(
      organisationVid(await this.organisation.versioner(), `${request.ar}-01-01`)
        .filter((n) => n.niva === 'namnd')
        .map((n) => n.kod),
    );
    const belopp = (request.typ === 'kf-beslut' ? request.ramar : request.andringar).map((rad) => ({
      namnd: rad.namnd,
      beloppOre: rad.belopp,
    }));
    avvisaVid(okandaNamnder(request.typ, belopp, namnder));
    const huvud = { id: `${request.typ}-${request.ar}-${randomUUID()}`, ar: request.ar, namn: request.namn, beslutad: request.beslutad };
    const version: Budgetversion =
      request.typ === 'kf-beslut' ? { ...huvud, typ: 'kf-beslut', ramar: belopp } : { ...huvud, typ: 'tillaggsbudget', andringar: belopp };
    const tidigare = await this.versioner(request.ar);
    const versioner = [...tidigare, version];
    const efter = ellerProblem(gallandeBudget(versioner, request.ar), 'Budgetbeslutet kan inte tas emot');
    const fore = gallandeBudget(tidigare, request.ar);
    const ramFore = new Map(fore.ok ? fore.varde.namnder.map((r) => [r.namnd, r.ramOre]) : []);
    const ramEfter = new Map(efter.namnder.map((r) => [r.namnd, r.ramOre]));
    await this.orm.em.fork().transactional(async (em) => {
      em.create(BudgetversionRad, rad(version));
      // Per nämnd the decision touches: its frame before and after, and the decision itself.
      for (const { namnd, beloppOre } of belopp) {
        loggaAndring(
          em,
          { tjanst: 'budget', principal, correlationId },
          {
            handling: `budget.${version.typ}`,
            objekt: { typ: 'namnd', id: namnd },
            fore: ramFore.has(namnd) ? { ar: request.ar, ramOre: ramFore.get(namnd) } : null,
            efter: {
              ar: request.ar,
              ramOre: ramEfter.get(namnd) ?? null,
              beslut: { id: version.id, typ: version.typ, namn: version.namn, beslutad: version.beslutad, beloppOre },
            },
          },
        );
      }
      publishBudgetEvents(em, versioner, request.ar, [version], [], correlationId);
      iSammaTransaktion?.(em, version);
    });
    this.outbox.wake();
    return version;
  }

  /** Decides a new internbudget for a nämnd; one that exceeds the frame or names a foreign ansvar is refused whole. */
  async beslutaInternbudget(request: z.output<typeof internbudgetRequestSchema>, principal: Principal, correlationId: string) {
    const versioner = await this.versioner(request.ar);
    const galler = ellerProblem(gallandeBudget(versioner, request.ar), 'Budgeten går inte att läsa');
    const ram = galler.namnder.find((r) => r.namnd === request.namnd);
    if (!ram)
      throw new ProblemException(422, 'Ingen ram', `${request.namnd} har ingen ram för ${request.ar}.`, [
        { field: 'namnd', message: 'ingen ram för året' },
      ]);
    const rader = request.rader.map((r) => ({ ansvar: r.ansvar, kontogrupp: r.kontogrupp, beloppOre: r.belopp }));
    const organisation = organisationVid(await this.organisation.versioner(), `${request.ar}-01-01`);
    const resultat = ellerProblem(
      fordelaInternbudget({ namnd: request.namnd, ramOre: ram.ramOre, organisation, rader }),
      'Internbudgeten kan inte beslutas',
    );
    const version: Budgetversion = {
      id: `internbudget-${request.namnd}-${request.ar}-${randomUUID()}`,
      typ: 'internbudget',
      ar: request.ar,
      namn: request.namn,
      beslutad: request.beslutad,
      namnd: request.namnd,
      rader,
    };
    const organisationsversioner = await this.organisation.versioner();
    const verksamhetsbudgetar = await this.verksamhetsbudgetar.forbered(version, organisation);
    await this.orm.em.fork().transactional(async (em) => {
      em.create(BudgetversionRad, rad(version));
      const tidigare = versioner.filter((v) => v.typ === 'internbudget' && v.namnd === request.namnd).at(-1) ?? null;
      loggaAndring(
        em,
        { tjanst: 'budget', principal, correlationId },
        { handling: 'budget.internbudget', objekt: { typ: 'namnd', id: request.namnd }, fore: tidigare, efter: version },
      );
      publishBudgetEvents(em, [...versioner, version], request.ar, [version], organisationsversioner, correlationId);
      verksamhetsbudgetar(em, correlationId);
    });
    this.outbox.wake();
    return resultat;
  }
}

/** The events of new budget versions, in the transaction that stores them: new frames, and each ansvar's budget. */
function publishBudgetEvents(
  em: EntityManager,
  versioner: readonly Budgetversion[],
  ar: number,
  nya: readonly Budgetversion[],
  organisation: readonly OrganisationNode[],
  correlationId: string,
): void {
  const origin = { producer: 'budget', correlationId } as const;
  for (const ram of namndramar(versioner, ar, nya)) addToOutbox(em, namndramUppdaterad, ram, origin);
  for (const version of nya) {
    if (version.typ !== 'internbudget') continue;
    for (const budget of ansvarsbudgetar(version, organisation)) addToOutbox(em, ansvarsbudgetUppdaterad, budget, origin);
  }
}

function rad(version: Budgetversion) {
  return { id: version.id, ar: version.ar, typ: version.typ, beslutad: version.beslutad, version };
}
