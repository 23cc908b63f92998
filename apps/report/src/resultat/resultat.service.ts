import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import {
  RESULTAT_TILLFALLEN,
  saknadeKallor,
  type BalanskravImportResultat,
  type BalanskravOversikt,
  type Balanskravsjusteringar,
  type BalanskravTillfalle,
  type Balanskravsutredning,
  type FinansraderInmatning,
  type InternaKonton,
  type ResultatradIntervall,
  type Resultatrakning,
  type ResultatTillfalle,
  type RurRegler,
  type Underskott,
} from '@tertial/contracts/dto';
import type { BokslutFaststalltPayload, KontoplanUppdateradPayload } from '@tertial/contracts/events';
import { STANDARD_INTERNA_KONTON, type InterntKontointervall } from '@tertial/contracts/kontoplan';
import { addOre, type Ore } from '@tertial/contracts/money';
import { namndSokare } from '@tertial/contracts/organisation';
import { loggaAndring, OrganisationReplica, ProblemException, type Principal } from '@tertial/service-kit';

import { NamndRam } from '../prognos-totaler/jamforelse.entity.js';
import { Omgangsprognos } from '../prognossakerhet/prognossakerhet.entity.js';
import { Prognosomgang } from '../uppfoljning/uppfoljning.entity.js';
import { lasBalanskravCsv } from './balanskrav-csv.js';
import {
  balanskravsresultat,
  farAnvandaRur,
  rurReglerFranLagrade,
  maxAvsattning,
  provaRurRorelse,
  resultatEfterJusteringar,
  rurSaldon,
  underskottFore,
  underskottshistorik,
  type BalanskravAr,
} from './balanskrav.js';
import {
  BalanskravHistorik,
  BalanskravJustering,
  BokslutNamnd,
  Finansrad,
  KontoplanInterna,
  ResultatradIntervallRad,
  RurReglerRad,
} from './resultat.entity.js';
import {
  internaDelar,
  laggIhopDelar,
  summeraEliminering,
  uppskattadEliminering,
  type Elimineringsmetod,
  type InternaDelar,
  type NamndensBelopp,
  type NamndensEliminering,
  type Underlag,
} from './eliminering.js';
import {
  laggTillFinansrader,
  radbeloppFranKonton,
  radbeloppFranNamnder,
  stallUpp,
  STANDARD_RESULTATRADER,
  valideraResultatrader,
  type Radbelopp,
} from './resultatrakning.js';

/** The law's shares until the city sets its own; no skatteunderlag growth, so the reserve may not be used. */
export const STANDARD_RUR_REGLER: RurRegler = {
  ingaendeSaldoOre: 0,
  andelPositivtEgetKapitalBasispunkter: 100,
  andelNegativtEgetKapitalBasispunkter: 200,
  egetKapitalNegativt: false,
  skatteunderlagUtveckling: [],
};

const NOLL_JUSTERINGAR: Balanskravsjusteringar = {
  samtligaRealisationsvinsterOre: 0,
  realisationsvinsterUndantagOre: 0,
  realisationsforlusterUndantagOre: 0,
  orealiseradeForlusterOre: 0,
  aterforingOrealiseradeForlusterOre: 0,
  tillRurOre: 0,
  franRurOre: 0,
};

const vem = (principal: Principal, correlationId: string) => ({ tjanst: 'report' as const, principal, correlationId });
const justeringarAv = (rad: Balanskravsjusteringar): Balanskravsjusteringar => ({
  samtligaRealisationsvinsterOre: rad.samtligaRealisationsvinsterOre,
  realisationsvinsterUndantagOre: rad.realisationsvinsterUndantagOre,
  realisationsforlusterUndantagOre: rad.realisationsforlusterUndantagOre,
  orealiseradeForlusterOre: rad.orealiseradeForlusterOre,
  aterforingOrealiseradeForlusterOre: rad.aterforingOrealiseradeForlusterOre,
  tillRurOre: rad.tillRurOre,
  franRurOre: rad.franRurOre,
});

interface Kolumn {
  tillfalle: ResultatTillfalle;
  finns: boolean;
  rader: Radbelopp;
  kallor: { rad: Finansrad['rad']; kalla: string }[];
  /** `konton`: the bokslut's own internal accounts; `andel`: estimated by a closed year's shares; `inget`: no closed year to go by. */
  eliminering: { metod: Elimineringsmetod; namnder: NamndensEliminering[] };
  /** Bokslut only: every nämnd's bokslut is in, but not the finance function's lines the result cannot do without. */
  saknarFinansrader?: boolean;
}

/** A bokslut counts only with these finance lines: without them the city's result is the nämnder's net cost, billions short. */
const BOKSLUTETS_FINANSRADER: readonly Finansrad['rad'][] = ['skatteintakter', 'generella-statsbidrag'];

/** What the balanskrav says while a closed year waits for its finance lines. */
const saknarFinansraderMeddelande = (ar: number, importerat: boolean) =>
  `${ar}: bokslutets finansrader (skatteintäkter och generella statsbidrag) saknas; bokslutet räknas inte i balanskravet förrän de är inlagda${importerat ? ', det importerade året används så länge' : ''}.`;

/** The table from accounts to rows, and the kontoplan's internal accounts. */
interface Kontotabeller {
  rader: ResultatradIntervall[];
  interna: InterntKontointervall[];
}

/** An earlier or the current year as the balanskrav sees it, with where it comes from. */
interface KandAr extends BalanskravAr {
  kalla: 'historik' | 'bokslut';
}

/** A number as a driver returns it: PostgreSQL gives sums of bigint as text. */
type Num = number | string;

/**
 * The city's result: the resultaträkning for the budget, each round and the bokslut (the nämnder's figures this
 * service already keeps, the finance function's own lines, and the closed year's accounts with internal ones
 * eliminated), and the balanskravsutredning with the RUR and the deficits of earlier years.
 */
@Injectable()
export class ResultatService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(OrganisationReplica) private readonly organisation: OrganisationReplica,
  ) {}

  async regler(em: EntityManager = this.orm.em.fork()): Promise<RurRegler> {
    const lagrade = (await em.findOne(RurReglerRad, { id: 1 }))?.regler;
    return lagrade ? rurReglerFranLagrade(lagrade) : STANDARD_RUR_REGLER;
  }

  async sattRegler(regler: RurRegler, principal: Principal, correlationId: string): Promise<RurRegler> {
    await this.orm.em.fork().transactional(async (em) => {
      const rad = await em.findOne(RurReglerRad, { id: 1 });
      const fore = rad?.regler ?? null;
      if (rad) Object.assign(rad, { regler, andradAv: principal.id, andradAt: new Date() });
      else em.create(RurReglerRad, { id: 1, regler, andradAv: principal.id, andradAt: new Date() });
      loggaAndring(em, vem(principal, correlationId), {
        handling: 'rur-regler.andrade',
        objekt: { typ: 'rur-regler', id: 'stad' },
        fore,
        efter: regler,
      });
    });
    return regler;
  }

  async resultatradTabell(em: EntityManager = this.orm.em.fork()): Promise<ResultatradIntervall[]> {
    const rader = await em.findAll(ResultatradIntervallRad, { orderBy: { fran: 'asc' } });
    if (rader.length === 0) return [...STANDARD_RESULTATRADER];
    return rader.map(({ fran, till, rad }) => ({ fran, till, rad }));
  }

  /** The kontoplan's internal accounts as last received from the budget service; the default until the first arrives. */
  async internaKonton(em: EntityManager = this.orm.em.fork()): Promise<InternaKonton> {
    const rad = await em.findOne(KontoplanInterna, { id: 1 });
    if (!rad) return { kalla: 'standard', andradAt: null, interna: [...STANDARD_INTERNA_KONTON] };
    return { kalla: 'kontoplan', andradAt: rad.andradAt.toISOString(), interna: rad.interna };
  }

  /** `budget.kontoplan-uppdaterad`: the whole table of internal accounts replaces the one kept; an older one is ignored. */
  async registreraKontoplan(em: EntityManager, payload: KontoplanUppdateradPayload): Promise<void> {
    const andradAt = new Date(payload.andradAt);
    const rad = await em.findOne(KontoplanInterna, { id: 1 });
    if (rad && rad.andradAt > andradAt) return;
    if (rad) Object.assign(rad, { interna: payload.interna, andradAt, andradAv: payload.andradAv });
    else em.create(KontoplanInterna, { id: 1, interna: payload.interna, andradAt, andradAv: payload.andradAv });
  }

  private async kontotabeller(em: EntityManager): Promise<Kontotabeller> {
    const rader = await this.resultatradTabell(em);
    return { rader, interna: (await this.internaKonton(em)).interna };
  }

  async sattResultatradTabell(
    tabell: ResultatradIntervall[],
    principal: Principal,
    correlationId: string,
  ): Promise<ResultatradIntervall[]> {
    const problem = valideraResultatrader(tabell);
    if (problem.length > 0)
      throw new ProblemException(
        422,
        'Tabellen kunde inte sparas',
        problem.join('; '),
        problem.map((message) => ({ field: 'intervall', message })),
      );
    await this.orm.em.fork().transactional(async (em) => {
      const fore = await this.resultatradTabell(em);
      await em.nativeDelete(ResultatradIntervallRad, {});
      // The rows read above are still managed: a new row with the same key would become an update of the deleted one.
      em.clear();
      for (const intervall of tabell) em.create(ResultatradIntervallRad, intervall);
      loggaAndring(em, vem(principal, correlationId), {
        handling: 'resultatrader.andrade',
        objekt: { typ: 'resultatrad-tabell', id: 'stad' },
        fore,
        efter: tabell,
      });
    });
    return this.resultatradTabell();
  }

  async finansrader(ar: number, tillfalle: ResultatTillfalle) {
    const rader = await this.orm.em.fork().find(Finansrad, { ar, tillfalle }, { orderBy: { rad: 'asc' } });
    return { ar, tillfalle, rader: rader.map(({ rad, beloppOre, kalla }) => ({ rad, beloppOre, kalla })) };
  }

  /** Replaces the finance function's lines of a year and tillfälle; lines not named are removed. */
  async sattFinansrader(
    ar: number,
    tillfalle: ResultatTillfalle,
    inmatning: FinansraderInmatning,
    principal: Principal,
    correlationId: string,
  ) {
    const dubbla = inmatning.rader.filter((rad, index) => inmatning.rader.findIndex((annan) => annan.rad === rad.rad) !== index);
    if (dubbla.length > 0)
      throw new ProblemException(
        422,
        'Raderna kunde inte sparas',
        `raden ${dubbla[0]!.rad} finns två gånger`,
        dubbla.map((rad) => ({ field: 'rader', message: `raden ${rad.rad} finns två gånger` })),
      );
    const utanKalla = saknadeKallor(tillfalle, inmatning.rader);
    if (utanKalla.length > 0)
      throw new ProblemException(
        400,
        'Ogiltiga rader',
        `En prognos av skatteintäkter och generella statsbidrag anger sin källa (${tillfalle} ${ar}).`,
        utanKalla,
      );
    await this.orm.em.fork().transactional(async (em) => {
      const fore = await em.find(Finansrad, { ar, tillfalle });
      await em.nativeDelete(Finansrad, { ar, tillfalle });
      // The rows read above are still managed: a new row with the same key would become an update of the deleted one.
      em.clear();
      for (const rad of inmatning.rader) em.create(Finansrad, { ar, tillfalle, ...rad, andradAv: principal.id, andradAt: new Date() });
      loggaAndring(em, vem(principal, correlationId), {
        handling: 'finansrader.andrade',
        objekt: { typ: 'finansrader', id: `${ar}:${tillfalle}` },
        fore: fore.map(({ rad, beloppOre, kalla }) => ({ rad, beloppOre, kalla })),
        efter: inmatning.rader,
      });
    });
    return this.finansrader(ar, tillfalle);
  }

  /** The closed year of one nämnd: its accounts summed over its ansvar. A redelivery replaces it with the same figures. */
  async registreraBokslut(em: EntityManager, payload: BokslutFaststalltPayload): Promise<void> {
    const perKonto = new Map<number, number>();
    for (const rad of payload.rader) perKonto.set(rad.konto, (perKonto.get(rad.konto) ?? 0) + rad.beloppOre);
    const konton = [...perKonto].sort(([a], [b]) => a - b).map(([konto, beloppOre]) => ({ konto, beloppOre }));
    await em.upsert(BokslutNamnd, {
      ar: payload.ar,
      namnd: payload.namnd,
      antalNamnder: payload.antalNamnder,
      konton,
      nettokostnadOre: payload.nettokostnadOre,
      faststalltAt: new Date(payload.faststalltAt),
    });
  }

  /**
   * Where each nämnd's internal share comes from for a year's budget and forecast columns: the year's own bokslut once
   * the nämnd is closed; else the year's utfall so far (its ansvar by the organisation at the year's end or today);
   * else the bokslut of the year before; else nothing.
   */
  private async elimineringsunderlag(
    em: EntityManager,
    ar: number,
    tabell: Kontotabeller,
  ): Promise<(namnd: string) => Underlag | undefined> {
    const underlag = new Map<string, Underlag>();
    for (const rad of await em.find(BokslutNamnd, { ar: ar - 1 }))
      underlag.set(rad.namnd, { ar: rad.ar, kalla: 'bokslut', delar: internaDelar(rad.konton, tabell.rader, tabell.interna) });
    // Plain rows, not entities: one per ansvar of the year (about 3,000 in the demo city), read on every column.
    const utfall = await (em as SqlEntityManager).execute<{ ansvar: string; i: Num; ii: Num; k: Num; ik: Num }[]>(
      'select ansvar, intakter_ore as i, interna_intakter_ore as ii, kostnader_ore as k, interna_kostnader_ore as ik from ansvar_utfall_intern where ar = ?',
      [ar],
    );
    if (utfall.length > 0) {
      const idag = new Date().toISOString().slice(0, 10);
      const namndAv = namndSokare(await this.organisation.tradVid(`${ar}-12-31` < idag ? `${ar}-12-31` : idag));
      const perNamnd = new Map<string, InternaDelar[]>();
      for (const rad of utfall) {
        const namnd = namndAv(rad.ansvar)?.kod;
        if (!namnd) continue;
        const delar = perNamnd.get(namnd) ?? [];
        delar.push({
          intakterOre: Number(rad.i),
          internaIntakterOre: Number(rad.ii),
          kostnaderOre: Number(rad.k),
          internaKostnaderOre: Number(rad.ik),
        });
        perNamnd.set(namnd, delar);
      }
      for (const [namnd, delar] of perNamnd) underlag.set(namnd, { ar, kalla: 'utfall', delar: laggIhopDelar(delar) });
    }
    for (const rad of await em.find(BokslutNamnd, { ar }))
      underlag.set(rad.namnd, { ar: rad.ar, kalla: 'bokslut', delar: internaDelar(rad.konton, tabell.rader, tabell.interna) });
    return (namnd) => underlag.get(namnd);
  }

  /** `underlag`: the year's elimination shares when the caller reads several columns of one year (read once). */
  private async kolumn(
    em: EntityManager,
    ar: number,
    tillfalle: ResultatTillfalle,
    tabell: Kontotabeller,
    underlag: () => Promise<(namnd: string) => Underlag | undefined> = () => this.elimineringsunderlag(em, ar, tabell),
  ): Promise<Kolumn> {
    const finansrader = await em.find(Finansrad, { ar, tillfalle });
    const kallor = finansrader.filter((rad) => rad.kalla !== '').map(({ rad, kalla }) => ({ rad, kalla }));
    if (tillfalle === 'bokslut') {
      const bokslut = await em.find(BokslutNamnd, { ar }, { orderBy: { namnd: 'asc' } });
      const allaNamnder = bokslut.length > 0 && bokslut.length >= Math.max(...bokslut.map((namnd) => namnd.antalNamnder));
      const finansraderna = BOKSLUTETS_FINANSRADER.every((kod) => finansrader.some((rad) => rad.rad === kod));
      const { rader } = radbeloppFranKonton(
        bokslut.flatMap((namnd) => namnd.konton),
        tabell.rader,
        tabell.interna,
      );
      const namnder = bokslut.map((namnd) => {
        const delar = internaDelar(namnd.konton, tabell.rader, tabell.interna);
        return {
          namnd: namnd.namnd,
          intakterOre: delar.internaIntakterOre,
          kostnaderOre: delar.internaKostnaderOre,
          underlagAr: ar,
          underlag: 'bokslut' as const,
        };
      });
      return {
        tillfalle,
        finns: allaNamnder && finansraderna,
        saknarFinansrader: allaNamnder && !finansraderna,
        rader: laggTillFinansrader(rader, finansrader),
        kallor,
        eliminering: { metod: 'konton', namnder },
      };
    }
    const andelar = await underlag();
    const elimineradeRader = (belopp: NamndensBelopp[]): { rader: Radbelopp; eliminering: Kolumn['eliminering'] } => {
      const namnder = uppskattadEliminering(belopp, andelar);
      const { intakterOre, kostnaderOre } = summeraEliminering(namnder);
      const intakter = addOre(0, ...belopp.map((rad) => ('intakterOre' in rad ? rad.intakterOre : 0)));
      const kostnader = addOre(0, ...belopp.map((rad) => ('intakterOre' in rad ? rad.kostnaderOre : rad.nettokostnadOre)));
      // A net column shows the nämnder's net cost as cost: internal revenue taken out of it raises the cost.
      const netto = belopp.some((rad) => 'nettokostnadOre' in rad);
      return {
        rader: netto
          ? radbeloppFranNamnder(0, addOre(kostnader, -kostnaderOre, intakterOre))
          : radbeloppFranNamnder(addOre(intakter, -intakterOre), addOre(kostnader, -kostnaderOre)),
        eliminering: { metod: namnder.some((rad) => rad.underlagAr !== null) ? 'andel' : 'inget', namnder },
      };
    };
    // Sums in the database: a column reads every ansvar of the year, and entities would cost far more time.
    const sql = em as SqlEntityManager;
    const budget = await sql.execute<{ namnd: string; antal: Num; intakter: Num | null; kostnader: Num | null }[]>(
      'select namnd, count(*) as antal, sum(intakter_ore) as intakter, sum(kostnader_ore) as kostnader from ansvar_budget where ar = ? group by namnd',
      [ar],
    );
    const perNamnd = new Map(
      budget.map((rad) => [
        rad.namnd,
        { namnd: rad.namnd, intakterOre: Number(rad.intakter ?? 0), kostnaderOre: Number(rad.kostnader ?? 0) },
      ]),
    );
    // A year without an internbudget per ansvar (one closed before the city used Tertial, like the demo's 2025) has
    // only the nämnder's frames and the forecasts kept at each round's close: net amounts, shown as cost.
    const utanAnsvar = budget.length === 0;
    if (tillfalle === 'budget') {
      const ramar = utanAnsvar ? await em.find(NamndRam, { ar }, { orderBy: { namnd: 'asc' } }) : [];
      const { rader, eliminering } = elimineradeRader(
        utanAnsvar ? ramar.map((ram) => ({ namnd: ram.namnd, nettokostnadOre: ram.ramOre })) : [...perNamnd.values()],
      );
      return {
        tillfalle,
        finns: !utanAnsvar || ramar.length > 0 || finansrader.length > 0,
        rader: laggTillFinansrader(rader, finansrader),
        kallor,
        eliminering,
      };
    }
    const omgang = await em.findOne(Prognosomgang, { ar, tillfalle });
    if (utanAnsvar) {
      const behallna = await em.find(Omgangsprognos, { ar, tillfalle }, { orderBy: { namnd: 'asc' } });
      const { rader, eliminering } = elimineradeRader(behallna.map((rad) => ({ namnd: rad.namnd, nettokostnadOre: rad.prognosOre })));
      return {
        tillfalle,
        finns: omgang !== null || behallna.length > 0 || finansrader.length > 0,
        rader: laggTillFinansrader(rader, finansrader),
        kallor,
        eliminering,
      };
    }
    // A round's column: each ansvar's counted forecast, or its budget where it has none yet, as the follow-up shows it:
    // the budget of every ansvar, with the forecast in place of the budget for those that have one. A forecast of an
    // ansvar without a budget row has no nämnd here: it counts, but nothing of it is eliminated.
    const prognos = await sql.execute<
      { namnd: string | null; intakter: Num | null; kostnader: Num | null; bort_intakter: Num | null; bort_kostnader: Num | null }[]
    >(
      `select b.namnd as namnd, sum(h.intakter_ore) as intakter, sum(h.kostnader_ore) as kostnader,
              sum(b.intakter_ore) as bort_intakter, sum(b.kostnader_ore) as bort_kostnader
       from ansvar_helarsprognos h left join ansvar_budget b on b.ansvar = h.ansvar and b.ar = h.ar
       where h.ar = ? and h.tillfalle = ? and h.status in ('klarmarkerad', 'godkand')
       group by b.namnd`,
      [ar, tillfalle],
    );
    for (const rad of prognos) {
      const namnd = rad.namnd ?? '';
      const fore = perNamnd.get(namnd) ?? { namnd, intakterOre: 0, kostnaderOre: 0 };
      perNamnd.set(namnd, {
        namnd,
        intakterOre: addOre(fore.intakterOre, Number(rad.intakter ?? 0), -Number(rad.bort_intakter ?? 0)),
        kostnaderOre: addOre(fore.kostnaderOre, Number(rad.kostnader ?? 0), -Number(rad.bort_kostnader ?? 0)),
      });
    }
    const { rader, eliminering } = elimineradeRader([...perNamnd.values()].sort((a, b) => a.namnd.localeCompare(b.namnd)));
    return {
      tillfalle,
      finns: omgang !== null || finansrader.length > 0,
      rader: laggTillFinansrader(rader, finansrader),
      kallor,
      eliminering: { ...eliminering, namnder: eliminering.namnder.filter((rad) => rad.namnd !== '') },
    };
  }

  /** The year's resultaträkning: every column (budget, each round, bokslut), or only those asked for, in that order. */
  async resultatrakning(ar: number, tillfallen: readonly ResultatTillfalle[] = RESULTAT_TILLFALLEN): Promise<Resultatrakning> {
    const em = this.orm.em.fork();
    const tabell = await this.kontotabeller(em);
    let andelar: Promise<(namnd: string) => Underlag | undefined> | undefined;
    const underlag = () => (andelar ??= this.elimineringsunderlag(em, ar, tabell));
    const kolumner = await Promise.all(tillfallen.map((tillfalle) => this.kolumn(em, ar, tillfalle, tabell, underlag)));
    const uppstallda = kolumner.map((kolumn) => stallUpp(kolumn.rader));
    return {
      ar,
      kolumner: kolumner.map(({ tillfalle, finns, kallor, eliminering }) => {
        const summa = summeraEliminering(eliminering.namnder);
        return {
          tillfalle,
          finns,
          kallor,
          elimineratOre: addOre(summa.intakterOre, summa.kostnaderOre),
          eliminering: { metod: eliminering.metod, ...summa, namnder: eliminering.namnder },
        };
      }),
      rader: uppstallda[0]!.map((rad, index) => ({
        kod: rad.kod,
        namn: rad.namn,
        summa: rad.summa,
        belopp: uppstallda.map((kolumn, k) => (kolumner[k]!.finns ? kolumn[index]!.beloppOre : null)),
      })),
    };
  }

  /**
   * Every year the balanskrav knows up to and including `tom`: imported years, replaced by a closed bokslut where there
   * is one. A bokslut still waiting for its finance lines stays out (an imported year of it stays in), and `ofullstandiga`
   * says so.
   */
  private async kandaAr(
    em: EntityManager,
    tom: number,
    tabell: Kontotabeller,
  ): Promise<{ ar: KandAr[]; meddelanden: string[]; ofullstandiga: { ar: number; meddelande: string }[] }> {
    const historik = await em.find(BalanskravHistorik, { ar: { $lte: tom } });
    const bokslutAr = [...new Set((await em.find(BokslutNamnd, { ar: { $lte: tom } })).map((rad) => rad.ar))];
    const ar = new Map<number, KandAr>();
    const meddelanden: string[] = [];
    const ofullstandiga: { ar: number; meddelande: string }[] = [];
    for (const rad of historik)
      ar.set(rad.ar, { ar: rad.ar, aretsResultatOre: rad.aretsResultatOre, ...justeringarAv(rad), kalla: 'historik' });
    for (const bokslutsar of bokslutAr) {
      const kolumn = await this.kolumn(em, bokslutsar, 'bokslut', tabell);
      if (kolumn.saknarFinansrader)
        ofullstandiga.push({ ar: bokslutsar, meddelande: saknarFinansraderMeddelande(bokslutsar, ar.has(bokslutsar)) });
      if (!kolumn.finns) continue;
      const aretsResultat = stallUpp(kolumn.rader).find((rad) => rad.kod === 'arets-resultat')!.beloppOre;
      const justering = await em.findOne(BalanskravJustering, { ar: bokslutsar, tillfalle: 'bokslut' });
      const tidigare = ar.get(bokslutsar);
      if (tidigare) meddelanden.push(`${bokslutsar}: Tertials fastställda bokslut används i stället för det importerade året.`);
      ar.set(bokslutsar, {
        ar: bokslutsar,
        aretsResultatOre: aretsResultat,
        ...(justering ? justeringarAv(justering) : tidigare ? justeringarAv(tidigare) : NOLL_JUSTERINGAR),
        kalla: 'bokslut',
      });
    }
    return { ar: [...ar.values()].sort((a, b) => a.ar - b.ar), meddelanden, ofullstandiga };
  }

  /** The year's figures for a tillfälle: a round's forecast, or the bokslut (Tertial's own or an imported year). */
  private async aretsSiffror(
    em: EntityManager,
    ar: number,
    tillfalle: BalanskravTillfalle,
    tabell: Kontotabeller,
    kanda: KandAr[],
  ): Promise<{ aret: BalanskravAr; kalla: Balanskravsutredning['kalla']; skatterOchBidragOre: Ore } | null> {
    const kolumn = await this.kolumn(em, ar, tillfalle, tabell);
    const skatterOchBidragOre = kolumn.rader.skatteintakter + kolumn.rader['generella-statsbidrag'];
    if (tillfalle === 'bokslut') {
      const kand = kanda.find((rad) => rad.ar === ar);
      if (!kand) return null;
      return { aret: kand, kalla: kand.kalla, skatterOchBidragOre };
    }
    if (!kolumn.finns) return null;
    const justering = await em.findOne(BalanskravJustering, { ar, tillfalle });
    const aretsResultatOre = stallUpp(kolumn.rader).find((rad) => rad.kod === 'arets-resultat')!.beloppOre;
    return {
      aret: { ar, aretsResultatOre, ...(justering ? justeringarAv(justering) : NOLL_JUSTERINGAR) },
      kalla: 'prognos',
      skatterOchBidragOre,
    };
  }

  async utredning(
    ar: number,
    tillfalle: BalanskravTillfalle,
    em: EntityManager = this.orm.em.fork(),
  ): Promise<Balanskravsutredning | null> {
    const regler = await this.regler(em);
    const tabell = await this.kontotabeller(em);
    const { ar: kanda, meddelanden, ofullstandiga } = await this.kandaAr(em, ar, tabell);
    const siffror = await this.aretsSiffror(em, ar, tillfalle, tabell, kanda);
    if (!siffror) return null;
    const tidigare = kanda.filter((rad) => rad.ar < ar);
    const historik = underskottshistorik(tidigare, (aret) => balanskravsresultat(tidigare.find((rad) => rad.ar === aret)!));
    const oppna = underskottFore(historik, ar);
    const kvar = oppna.reduce((summa, rad) => summa + rad.kvarOre, 0);
    const { aret } = siffror;
    const efterJusteringar = resultatEfterJusteringar(aret);
    const resultat = balanskravsresultat(aret);
    const ingaende = rurSaldon(regler.ingaendeSaldoOre, tidigare).get(tidigare.at(-1)?.ar ?? -1) ?? regler.ingaendeSaldoOre;
    return {
      ar,
      tillfalle,
      kalla: siffror.kalla,
      meddelanden: [
        ...meddelanden.filter((meddelande) => meddelande.startsWith(`${ar}:`)),
        // A closed year without its finance lines, this one or an earlier one: the deficit history lacks it.
        ...ofullstandiga.map((rad) => rad.meddelande),
        ...(siffror.kalla === 'historik' ? [`${ar}: utredningen är det importerade, publicerade året.`] : []),
      ],
      rader: [
        { kod: 'arets-resultat', namn: 'Årets resultat', beloppOre: aret.aretsResultatOre },
        { kod: 'samtliga-realisationsvinster', namn: 'Samtliga realisationsvinster', beloppOre: aret.samtligaRealisationsvinsterOre },
        {
          kod: 'realisationsvinster-undantag',
          namn: 'Realisationsvinster enligt undantagsmöjlighet',
          beloppOre: aret.realisationsvinsterUndantagOre,
        },
        {
          kod: 'realisationsforluster-undantag',
          namn: 'Realisationsförluster enligt undantagsmöjlighet',
          beloppOre: aret.realisationsforlusterUndantagOre,
        },
        { kod: 'orealiserade-forluster', namn: 'Orealiserade förluster i värdepapper', beloppOre: aret.orealiseradeForlusterOre },
        {
          kod: 'aterforing-orealiserade-forluster',
          namn: 'Återföring av orealiserade förluster i värdepapper',
          beloppOre: aret.aterforingOrealiseradeForlusterOre,
        },
        { kod: 'resultat-efter-justeringar', namn: 'Årets resultat efter balanskravsjusteringar', beloppOre: efterJusteringar },
        { kod: 'till-rur', namn: 'Medel till resultatutjämningsreserv', beloppOre: aret.tillRurOre },
        { kod: 'fran-rur', namn: 'Medel från resultatutjämningsreserv', beloppOre: aret.franRurOre },
        { kod: 'balanskravsresultat', namn: 'Årets balanskravsresultat', beloppOre: resultat },
        { kod: 'underskott-tidigare-ar', namn: 'Balanskravsunderskott från tidigare år', beloppOre: -kvar },
        { kod: 'att-aterstalla', namn: 'Balanskravsresultat att återställa', beloppOre: Math.min(0, resultat - kvar) },
      ],
      underskottFranTidigareAr: oppna,
      rur: {
        ingaendeOre: ingaende,
        utgaendeOre: ingaende - aret.tillRurOre - aret.franRurOre,
        maxAvsattningOre: maxAvsattning(aret, siffror.skatterOchBidragOre, regler),
        farAnvandas: farAnvandaRur(ar, regler),
      },
    };
  }

  /** Why a year has no utredning for a tillfälle, for the 404: a closed year may wait for its finance lines. */
  async ingenUtredning(ar: number, tillfalle: BalanskravTillfalle): Promise<string> {
    if (tillfalle !== 'bokslut') return `${ar} har ingen prognos i ${tillfalle}.`;
    const em = this.orm.em.fork();
    const kolumn = await this.kolumn(em, ar, 'bokslut', await this.kontotabeller(em));
    return kolumn.saknarFinansrader ? saknarFinansraderMeddelande(ar, false) : `${ar} har varken fastställt bokslut eller importerat år.`;
  }

  async oversikt(ar: number): Promise<BalanskravOversikt> {
    const em = this.orm.em.fork();
    const regler = await this.regler(em);
    const tabell = await this.kontotabeller(em);
    const { ar: kanda } = await this.kandaAr(em, ar, tabell);
    const saldon = rurSaldon(regler.ingaendeSaldoOre, kanda);
    const underskott: Underskott[] = underskottshistorik(kanda, (aret) => balanskravsresultat(kanda.find((rad) => rad.ar === aret)!));
    const utredningar = [];
    for (const tillfalle of ['april', 'augusti', 'bokslut'] as const) utredningar.push(await this.utredning(ar, tillfalle, em));
    return {
      ar,
      utredningar,
      historik: kanda.map((rad) => ({
        ar: rad.ar,
        kalla: rad.kalla,
        aretsResultatOre: rad.aretsResultatOre,
        resultatEfterJusteringarOre: resultatEfterJusteringar(rad),
        tillRurOre: rad.tillRurOre,
        franRurOre: rad.franRurOre,
        balanskravsresultatOre: balanskravsresultat(rad),
        rurUtgaendeOre: saldon.get(rad.ar)!,
      })),
      underskott,
      rurRegler: regler,
    };
  }

  /**
   * The adjustments and RUR movement proposed for a year's forecast or bokslut. A movement that breaks one of the
   * city's RUR rules is refused with the rule named, and nothing is stored. A year known only from the imported file
   * is taken as published: its bokslut cannot be adjusted here (409), only imported again.
   */
  async sattJusteringar(
    ar: number,
    tillfalle: BalanskravTillfalle,
    justeringar: Balanskravsjusteringar,
    principal: Principal,
    correlationId: string,
  ): Promise<Balanskravsutredning> {
    return this.orm.em.fork().transactional(async (em) => {
      const regler = await this.regler(em);
      const tabell = await this.kontotabeller(em);
      const { ar: kanda } = await this.kandaAr(em, ar, tabell);
      const kolumn = await this.kolumn(em, ar, tillfalle, tabell);
      const kand = kanda.find((rad) => rad.ar === ar);
      if (tillfalle === 'bokslut' && kand?.kalla === 'historik') {
        const detalj = `${ar} är ett importerat, publicerat år: dess justeringar och rörelser i resultatutjämningsreserven tas som de publicerades och ändras genom att året importeras på nytt.`;
        throw new ProblemException(409, 'Året är importerat', detalj, [{ field: 'ar', message: detalj }]);
      }
      if (!kolumn.finns && !(tillfalle === 'bokslut' && kand))
        throw new ProblemException(
          404,
          'Året saknar siffror',
          `${ar} har ännu ingen ${tillfalle === 'bokslut' ? 'bokslut' : `prognos i ${tillfalle}`}.`,
        );
      const aretsResultatOre =
        tillfalle === 'bokslut' && kand
          ? kand.aretsResultatOre
          : stallUpp(kolumn.rader).find((rad) => rad.kod === 'arets-resultat')!.beloppOre;
      const tidigare = kanda.filter((rad) => rad.ar < ar);
      const saldoFore = rurSaldon(regler.ingaendeSaldoOre, tidigare).get(tidigare.at(-1)?.ar ?? -1) ?? regler.ingaendeSaldoOre;
      const brott = provaRurRorelse(
        { ar, aretsResultatOre, ...justeringar },
        kolumn.rader.skatteintakter + kolumn.rader['generella-statsbidrag'],
        saldoFore,
        regler,
      );
      if (brott.length > 0)
        throw new ProblemException(
          422,
          'Rörelsen i resultatutjämningsreserven bryter mot en regel',
          brott.map((rad) => `${rad.regel}: ${rad.meddelande}`).join('; '),
          brott.map((rad) => ({ field: rad.falt, message: `${rad.regel}: ${rad.meddelande}` })),
        );
      const befintlig = await em.findOne(BalanskravJustering, { ar, tillfalle });
      const fore = befintlig ? justeringarAv(befintlig) : null;
      if (befintlig) Object.assign(befintlig, justeringar, { andradAv: principal.id, andradAt: new Date() });
      else em.create(BalanskravJustering, { ar, tillfalle, ...justeringar, andradAv: principal.id, andradAt: new Date() });
      loggaAndring(em, vem(principal, correlationId), {
        handling: 'balanskravsjusteringar.andrade',
        objekt: { typ: 'balanskrav', id: `${ar}:${tillfalle}` },
        fore,
        efter: justeringar,
      });
      await em.flush();
      return (await this.utredning(ar, tillfalle, em))!;
    });
  }

  /**
   * Earlier years from a published utredning. A file with any error stores nothing; a year imported before is
   * replaced; a year Tertial has closed itself keeps its bokslut, and the answer says so.
   */
  async importeraHistorik(
    text: string,
    { filnamn, dryRun, principal, correlationId }: { filnamn: string; dryRun: boolean; principal: Principal; correlationId: string },
  ): Promise<BalanskravImportResultat> {
    const { ar, fel } = lasBalanskravCsv(text);
    return this.orm.em.fork().transactional(async (em) => {
      const befintliga = new Set((await em.find(BalanskravHistorik, { ar: { $in: ar.map((rad) => rad.ar) } })).map((rad) => rad.ar));
      const tabell = await this.kontotabeller(em);
      const bokslut = new Set<number>();
      for (const aret of new Set((await em.find(BokslutNamnd, { ar: { $in: ar.map((rad) => rad.ar) } })).map((rad) => rad.ar)))
        if ((await this.kolumn(em, aret, 'bokslut', tabell)).finns) bokslut.add(aret);
      const status = fel.length > 0 ? 'avvisad' : dryRun ? 'provkord' : 'importerad';
      const meddelanden = [
        ...ar
          .filter((rad) => befintliga.has(rad.ar))
          .map((rad) => `${rad.ar} fanns redan och ${status === 'importerad' ? 'ersattes' : 'ersätts'}.`),
        ...ar
          .filter((rad) => bokslut.has(rad.ar))
          .map((rad) => `${rad.ar} har ett fastställt bokslut i Tertial; det används i stället för filens år.`),
      ];
      if (status === 'importerad') {
        await em.nativeDelete(BalanskravHistorik, { ar: { $in: ar.map((rad) => rad.ar) } });
        // The rows read above are still managed: a new row with the same key would become an update of the deleted one.
        em.clear();
        for (const aret of ar)
          em.create(BalanskravHistorik, {
            ar: aret.ar,
            aretsResultatOre: aret.aretsResultatOre,
            ...justeringarAv(aret),
            filnamn,
            importeradAv: principal.id,
            importeradAt: new Date(),
          });
        loggaAndring(em, vem(principal, correlationId), {
          handling: 'balanskrav-historik.importerad',
          objekt: { typ: 'balanskrav-historik', id: filnamn },
          fore: null,
          efter: { filnamn, ar: ar.map((rad) => rad.ar), ersatta: [...befintliga] },
        });
      }
      return {
        status,
        filnamn,
        ar: ar.map((rad) => ({
          ar: rad.ar,
          rad: rad.rad,
          aretsResultatOre: rad.aretsResultatOre,
          resultatEfterJusteringarOre: resultatEfterJusteringar(rad),
          balanskravsresultatOre: balanskravsresultat(rad),
          ersatter: befintliga.has(rad.ar),
          bokslutGaller: bokslut.has(rad.ar),
        })),
        fel,
        meddelanden,
      };
    });
  }
}
