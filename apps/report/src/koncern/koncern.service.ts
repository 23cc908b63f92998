import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import {
  KONCERNBOLAG,
  type Bolagssiffror,
  type KoncerninternImportResultat,
  type KoncerninterntBelopp,
  type Koncernoversikt,
  type Koncernrad,
  type Resultatrakning,
  koncerninterntBeloppRequestSchema,
} from '@tertial/contracts/dto';
import type { BolagsbudgetUppdateradPayload, BolagsprognosAndradPayload, BolagsutfallUppdateratPayload } from '@tertial/contracts/events';
import { addOre } from '@tertial/contracts/money';
import { periodensSistaManad, type Prognostillfalle } from '@tertial/contracts/prognos';
import { loggaAndring, ProblemException, type Principal } from '@tertial/service-kit';
import type { z } from 'zod';

import { PrognosTotalerService } from '../prognos-totaler/prognos-totaler.service.js';
import { arSenastaTillstand } from '../senaste-tillstand/senaste-tillstand.js';
import { ResultatService } from '../resultat/resultat.service.js';
import { BolagSiffror, KoncerninternPostRad } from './koncern.entity.js';
import { lasKoncerninterna, type LastPost } from './koncerninterna-csv.js';
import {
  bolagetsHelarsutfall,
  kommunenFranResultatrakning,
  sammanstallKoncern,
  type Kommunensresultat,
  type Sammanstallning,
} from './sammanstall-koncern.js';

const KALLA = {
  resultatrakning: (tillfalle: string) =>
    `Kommunens siffror är stadens resultaträkning i prognosen ${tillfalle}: nämndernas klarmarkerade helårsprognoser, finansfunktionens skatteintäkter, generella statsbidrag och finansnetto, interna poster eliminerade.`,
  namnder:
    'Kommunens verksamhetens intäkter och kostnader är nämndernas klarmarkerade helårsprognoser; stadens resultaträkning har ingen kolumn för omgången, så skatteintäkter, generella statsbidrag och finansnetto ingår inte.',
  bokslut: (ar: number) =>
    `Kommunens siffror är resultaträkningens bokslut ${ar}: nämndernas fastställda bokslut, finansfunktionens skatteintäkter, generella statsbidrag och finansnetto för året, interna poster eliminerade.`,
  ingetBokslut: (ar: number) => `Bokslutet ${ar} har inte kommit till rapporttjänsten: resultaträkningen har ingen bokslutskolumn ännu.`,
  bolagensPrognos: (tillfalle: string) => `Bolagens siffror är deras helårsprognoser i ${tillfalle}.`,
  bolagensUtfall: (ar: number) => `Bolagens siffror är deras utfall januari–december ${ar} ur deras egen bokföring.`,
};

/** The statement as the overview carries it, its eliminations not yet dated. */
type Uppstallning = Omit<Koncernoversikt['sammanstallning'], 'elimineringar'> & Pick<Sammanstallning, 'elimineringar'>;

/** The kommunkoncern: the companies beside the nämnder, the intra-group amounts and the sammanställda räkenskaper. */
@Injectable()
export class KoncernService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(PrognosTotalerService) private readonly totaler: PrognosTotalerService,
    @Inject(ResultatService) private readonly resultat: ResultatService,
  ) {}

  /**
   * A company's budget, forecast or utfall: each event carries the whole of it, so the latest by when it occurred is
   * kept (`arSenastaTillstand`: an older one that arrives later is passed over).
   */
  async registreraBudget(em: EntityManager, budget: BolagsbudgetUppdateradPayload, occurredAt: string): Promise<void> {
    if (!(await arSenastaTillstand(em, 'bolagssiffror', `${budget.bolag}:${budget.ar}:${'budget'}`, occurredAt))) return;
    await em.upsert(BolagSiffror, {
      bolag: budget.bolag,
      ar: budget.ar,
      kalla: 'budget',
      data: { siffror: siffror(budget), kommentar: budget.kommentar, andradAv: budget.andradAv },
      uppdateradAt: new Date(),
    });
  }

  async registreraPrognos(em: EntityManager, prognos: BolagsprognosAndradPayload, occurredAt: string): Promise<void> {
    if (!(await arSenastaTillstand(em, 'bolagssiffror', `${prognos.bolag}:${prognos.ar}:${prognos.tillfalle}`, occurredAt))) return;
    await em.upsert(BolagSiffror, {
      bolag: prognos.bolag,
      ar: prognos.ar,
      kalla: prognos.tillfalle,
      data: { siffror: siffror(prognos), kommentar: prognos.kommentar, andradAv: prognos.andradAv },
      uppdateradAt: new Date(),
    });
  }

  async registreraUtfall(em: EntityManager, utfall: BolagsutfallUppdateratPayload, occurredAt: string): Promise<void> {
    if (!(await arSenastaTillstand(em, 'bolagssiffror', `${utfall.bolag}:${utfall.ar}:${'utfall'}`, occurredAt))) return;
    await em.upsert(BolagSiffror, {
      bolag: utfall.bolag,
      ar: utfall.ar,
      kalla: 'utfall',
      data: { manader: utfall.manader },
      uppdateradAt: new Date(),
    });
  }

  /**
   * The koncern at a round: each nämnd's and each company's budget, utfall to the round's month, prognos and
   * avvikelse, and the sammanställda räkenskaper on the round's forecast (the municipality's column of the city's
   * resultaträkning for the round, each company's forecast, minus the year's intra-group amounts). The årsredovisning
   * asks for the year (`grund` bokslut): the companies' utfall of the whole year beside the last round's forecast, and
   * the statement from the resultaträkning's bokslut column and each company's utfall January–December.
   */
  async oversikt(ar: number, tillfalle: Prognostillfalle, grund: 'prognos' | 'bokslut' = 'prognos'): Promise<Koncernoversikt> {
    const em = this.orm.em.fork();
    const [totaler, resultatrakning, siffrorRader, internaPoster] = await Promise.all([
      this.totaler.totaler(ar, tillfalle),
      this.resultat.resultatrakning(ar),
      em.find(BolagSiffror, { ar }),
      em.find(KoncerninternPostRad, { ar }, { orderBy: { saljare: 'asc', kopare: 'asc', slag: 'asc' } }),
    ]);
    const sistaManad = grund === 'bokslut' ? 12 : periodensSistaManad(tillfalle);
    const bolag: Koncernrad[] = KONCERNBOLAG.map(({ kod, namn }) => {
      const las = (kalla: string) => siffrorRader.find((rad) => rad.bolag === kod && rad.kalla === kalla)?.data;
      const budget = las('budget');
      const prognos = las(tillfalle);
      const manader = (las('utfall')?.manader ?? []).filter((m) => m.manad <= sistaManad);
      const utfall =
        manader.length === 0
          ? null
          : {
              intakterOre: addOre(...manader.map((m) => m.intakterOre)),
              kostnaderOre: addOre(...manader.map((m) => m.kostnaderOre)),
              resultatEfterFinansiellaPosterOre: addOre(...manader.map((m) => addOre(m.intakterOre, -m.kostnaderOre, m.finansnettoOre))),
              investeringarOre: addOre(...manader.map((m) => m.investeringarOre)),
              tillManad: Math.max(...manader.map((m) => m.manad)),
            };
      const budgetOre = budget?.siffror?.resultatEfterFinansiellaPosterOre ?? null;
      const prognosOre = prognos?.siffror?.resultatEfterFinansiellaPosterOre ?? null;
      return {
        kod,
        namn,
        typ: 'bolag',
        matt: 'resultat',
        budgetOre,
        utfallOre: utfall?.resultatEfterFinansiellaPosterOre ?? null,
        prognosOre,
        avvikelseOre: budgetOre !== null && prognosOre !== null ? prognosOre - budgetOre : null,
        bolag: {
          budget: budget?.siffror ?? null,
          utfall,
          prognos: prognos?.siffror ?? null,
          kommentar: prognos?.kommentar ?? null,
          prognosAndradAv: prognos?.andradAv ?? null,
        },
      };
    });
    const namnder: Koncernrad[] = totaler.namnder.map((namnd) => ({
      kod: namnd.kod,
      namn: namnd.namn,
      typ: 'namnd',
      matt: 'nettokostnad',
      budgetOre: namnd.budgetOre,
      utfallOre: namnd.utfallOre,
      prognosOre: namnd.antalLamnade > 0 ? namnd.nettokostnadOre : null,
      avvikelseOre: namnd.avvikelseOre,
      bolag: null,
    }));
    const interna = internaPoster.map(tillPost);
    const sammanstallning =
      grund === 'bokslut'
        ? this.aretsSammanstallning(ar, resultatrakning, siffrorRader, interna)
        : this.prognosensSammanstallning(tillfalle, resultatrakning, totaler.stad, bolag, interna);
    return {
      ar,
      tillfalle,
      utfallTillManad: totaler.utfallTillManad,
      namnder,
      bolag,
      sammanstallning: {
        ...sammanstallning,
        // Each intra-group amount with its year, as the table of amounts names it.
        elimineringar: sammanstallning.elimineringar.map((post) => ({ ...post, ar })),
      },
    };
  }

  /** On the round's forecast: the city's resultaträkning for the round when it has one, otherwise the nämnder's forecasts. */
  private prognosensSammanstallning(
    tillfalle: Prognostillfalle,
    resultatrakning: Resultatrakning,
    stad: { intakterOre: number; kostnaderOre: number },
    bolag: readonly Koncernrad[],
    interna: readonly LastPost[],
  ): Uppstallning {
    const franResultatrakning = kommunenIKolumn(resultatrakning, tillfalle);
    const kommunen: Kommunensresultat = franResultatrakning ?? {
      verksamhetensIntakterOre: stad.intakterOre,
      verksamhetensKostnaderOre: stad.kostnaderOre,
      skatteintakterOchStatsbidragOre: 0,
      finansnettoOre: 0,
    };
    const s = sammanstallKoncern({
      kommunen,
      bolag: bolag.flatMap((rad) =>
        rad.bolag?.prognos ? [{ bolag: rad.kod as (typeof KONCERNBOLAG)[number]['kod'], ...rad.bolag.prognos }] : [],
      ),
      interna,
    });
    return {
      grund: 'prognos',
      kommunensKalla: franResultatrakning ? KALLA.resultatrakning(tillfalle) : KALLA.namnder,
      bolagensKalla: KALLA.bolagensPrognos(tillfalle),
      saknas: s.saknas.map(bolagsnamn),
      rader: s.rader,
      elimineringar: s.elimineringar,
      varningar: s.varningar,
    };
  }

  /**
   * On the year: the municipality from the resultaträkning's bokslut column, each company from its utfall
   * January–December, minus the year's intra-group amounts. Without the bokslut there is no statement (no rows).
   */
  private aretsSammanstallning(
    ar: number,
    resultatrakning: Resultatrakning,
    siffrorRader: readonly BolagSiffror[],
    interna: readonly LastPost[],
  ): Uppstallning {
    const kommunen = kommunenIKolumn(resultatrakning, 'bokslut');
    const bolagensKalla = KALLA.bolagensUtfall(ar);
    if (!kommunen)
      return {
        grund: 'bokslut',
        kommunensKalla: KALLA.ingetBokslut(ar),
        bolagensKalla,
        saknas: [],
        rader: [],
        elimineringar: [],
        varningar: [],
      };
    const bolag = KONCERNBOLAG.flatMap(({ kod }) => {
      const manader = siffrorRader.find((rad) => rad.bolag === kod && rad.kalla === 'utfall')?.data.manader ?? [];
      const aret = bolagetsHelarsutfall(kod, manader);
      return aret ? [aret] : [];
    });
    const s = sammanstallKoncern({ kommunen, bolag, interna });
    return {
      grund: 'bokslut',
      kommunensKalla: KALLA.bokslut(ar),
      bolagensKalla,
      saknas: s.saknas.map(bolagsnamn),
      rader: s.rader,
      elimineringar: s.elimineringar,
      varningar: s.varningar,
    };
  }

  async interna(ar: number): Promise<KoncerninterntBelopp[]> {
    const rader = await this.orm.em.fork().find(KoncerninternPostRad, { ar }, { orderBy: { saljare: 'asc', kopare: 'asc', slag: 'asc' } });
    return rader.map(tillDto);
  }

  /** Stores one intra-group amount; the same year, seller, buyer and slag again replaces it. */
  async sparaInternt(
    request: z.output<typeof koncerninterntBeloppRequestSchema>,
    principal: Principal,
    correlationId: string,
  ): Promise<KoncerninterntBelopp> {
    const post = { ar: request.ar, saljare: request.saljare, kopare: request.kopare, slag: request.slag, beloppOre: request.belopp };
    let sparad: KoncerninternPostRad | undefined;
    await this.orm.em.fork().transactional(async (em) => {
      sparad = await this.upsert(em, post, principal, correlationId);
    });
    return tillDto(sparad!);
  }

  async taBortInternt(nyckel: Omit<LastPost, 'beloppOre'>, principal: Principal, correlationId: string): Promise<void> {
    await this.orm.em.fork().transactional(async (em) => {
      const fore = await em.findOne(KoncerninternPostRad, nyckel);
      if (!fore)
        throw new ProblemException(404, 'Hittades inte', 'Det finns inget sådant koncerninternt belopp.', [
          { field: 'slag', message: 'inget belopp med det året, säljaren, köparen och slaget' },
        ]);
      loggaAndring(
        em,
        { tjanst: 'report', principal, correlationId },
        {
          handling: 'koncernintern-post.borttagen',
          objekt: { typ: 'koncernintern-post', id: postId(nyckel) },
          fore: tillDto(fore),
          efter: null,
        },
      );
      em.remove(fore);
    });
  }

  /**
   * A file of intra-group amounts replaces every amount of the years it names, in one transaction; a file with
   * any error stores nothing (422 naming each line and column).
   */
  async importera(text: string, dryRun: boolean, principal: Principal, correlationId: string): Promise<KoncerninternImportResultat> {
    const last = lasKoncerninterna(text);
    if (!last.ok)
      throw new ProblemException(
        422,
        'Filen kunde inte importeras',
        `${last.fel.length} fel; inget sparades.`,
        last.fel.slice(0, 100).map((fel) => ({ field: `rad ${fel.rad}: ${fel.falt}`, message: fel.meddelande })),
      );
    const ar = [...new Set(last.poster.map((post) => post.ar))].sort();
    const summaOre = addOre(...last.poster.map((post) => post.beloppOre));
    const em = this.orm.em.fork();
    const ersatta = await em.count(KoncerninternPostRad, { ar: { $in: ar } });
    if (dryRun) return { status: 'provkord', ar, antalRader: last.poster.length, ersatta, summaOre };
    await em.transactional(async (tx) => {
      await tx.nativeDelete(KoncerninternPostRad, { ar: { $in: ar } });
      for (const post of last.poster) await this.upsert(tx, post, principal, correlationId);
    });
    return { status: 'importerad', ar, antalRader: last.poster.length, ersatta, summaOre };
  }

  private async upsert(em: EntityManager, post: LastPost, principal: Principal, correlationId: string): Promise<KoncerninternPostRad> {
    const { beloppOre, ...nyckel } = post;
    const fore = await em.findOne(KoncerninternPostRad, nyckel);
    const rad = await em.upsert(KoncerninternPostRad, { ...nyckel, beloppOre, andradAv: principal.namn, andradAt: new Date() });
    loggaAndring(
      em,
      { tjanst: 'report', principal, correlationId },
      {
        handling: 'koncernintern-post.sparad',
        objekt: { typ: 'koncernintern-post', id: postId(nyckel) },
        fore: fore ? tillDto(fore) : null,
        efter: tillDto(rad),
      },
    );
    return rad;
  }
}

/** The municipality's part from the resultaträkning's column for a round or the bokslut; null where it has none. */
function kommunenIKolumn(resultatrakning: Resultatrakning, tillfalle: Prognostillfalle | 'bokslut'): Kommunensresultat | null {
  const kolumn = resultatrakning.kolumner.findIndex((k) => k.tillfalle === tillfalle && k.finns);
  if (kolumn < 0) return null;
  return kommunenFranResultatrakning(resultatrakning.rader.map((rad) => ({ kod: rad.kod, belopp: rad.belopp[kolumn] ?? null })));
}

const bolagsnamn = (kod: string): string => KONCERNBOLAG.find((b) => b.kod === kod)!.namn;

function siffror(payload: Bolagssiffror): Bolagssiffror {
  return {
    intakterOre: payload.intakterOre,
    kostnaderOre: payload.kostnaderOre,
    resultatEfterFinansiellaPosterOre: payload.resultatEfterFinansiellaPosterOre,
    investeringarOre: payload.investeringarOre,
  };
}

function postId(nyckel: Omit<LastPost, 'beloppOre'>): string {
  return `${nyckel.ar}-${nyckel.saljare}-${nyckel.kopare}-${nyckel.slag}`;
}

function tillPost(rad: KoncerninternPostRad): LastPost {
  return {
    ar: rad.ar,
    saljare: rad.saljare as LastPost['saljare'],
    kopare: rad.kopare as LastPost['kopare'],
    slag: rad.slag as LastPost['slag'],
    beloppOre: Number(rad.beloppOre),
  };
}

function tillDto(rad: KoncerninternPostRad): KoncerninterntBelopp {
  return { id: postId(rad as LastPost), ...tillPost(rad), andradAv: rad.andradAv, andradAt: new Date(rad.andradAt).toISOString() };
}
