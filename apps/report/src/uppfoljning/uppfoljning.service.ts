import { Inject, Injectable, Logger } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { Kontrollsumma, Saknade, Uppfoljning, UppfoljningAndrad, UppfoljningNod } from '@tertial/contracts/dto';
import type {
  HelarsprognosAndradPayload,
  PrognosomgangAndradPayload,
  UtfallAnsvarUppdateratPayload,
  VerksamhetsbudgetUppdateradPayload,
} from '@tertial/contracts/events';
import { KONTOGRUPPER, type KontogruppKod } from '@tertial/contracts/kontogrupper';
import type { OrganisationNode } from '@tertial/contracts/organisation';
import { addOre } from '@tertial/contracts/money';
import {
  periodensSistaManad,
  periodensSlut,
  PROGNOSTILLFALLEN,
  summeraRader,
  type Prognosstatus,
  type Prognostillfalle,
} from '@tertial/contracts/prognos';
import { Andringsnotiser, Omfang, OrganisationReplica, Organisationsindex, ProblemException, type Principal } from '@tertial/service-kit';
import { Observable, Subject } from 'rxjs';

import { arReportNotis } from '../replikor/notiser.js';
import { internaDelarAvUtfall } from '../resultat/eliminering.js';
import { AnsvarBudget, AnsvarUtfallIntern, AnsvarUtfallManad, Prognosomgang } from './uppfoljning.entity.js';
import { raknas, rullaUpp, uppdateraAnsvar, type AnsvarUnderlag, type Omgangsram, type Rollup } from './rulla-upp.js';
import { rollupHash, samladHash } from './kontrollsumma.js';
import { saknadeUnder } from './saknade.js';
import { arSenastaTillstand } from '../senaste-tillstand/senaste-tillstand.js';

const INTAKTSGRUPPER = new Set<string>(KONTOGRUPPER.filter((grupp) => grupp.typ === 'intakt').map((grupp) => grupp.kod));

/** The top of the tree by name, whatever code the city has in the organisation. */
export const STAD_ALIAS = 'stad';

/** A round rolled up once: what every request for its nodes reads until something it is made of changes. */
interface Omgangsbild {
  readonly rollup: Rollup;
  readonly index: Organisationsindex;
  readonly omgang: Uppfoljning['omgang'];
  readonly finnsPrognos: boolean;
  readonly organisationDatum: string;
  readonly utfallTomManad: number;
  readonly senastUppdaterad: string | null;
  /** The service's change count (LOPNUMMER) the roll-up includes: every change numbered up to it, none after. */
  readonly lopnummer: number;
  readonly tillfalle: Prognostillfalle;
  readonly ram: Omgangsram;
  /** The year's rows it was rolled up from: a forecast change taken into them is taken into the roll-up too. */
  readonly arsrader: Arsrader;
}

type Num = number | string;

/** One ansvar's forecast in a round as the roll-up reads it: the row of `ansvar_helarsprognos` it is kept from. */
interface Prognosrad {
  readonly ansvar: string;
  readonly tillfalle: Prognostillfalle;
  readonly status: Prognosstatus;
  readonly nettokostnad_ore: number;
  readonly andring: number;
  readonly applied_at: Date;
}

/** A year's rows the roll-ups are made of, read once and then kept up to date by each forecast change applied. */
interface Arsrader {
  /** Per `ansvar:tillfalle`. */
  readonly prognoser: Map<string, Prognosrad>;
  readonly budgetar: readonly { ansvar: string; nettokostnad_ore: Num; manader_netto_ore: string | number[] | null }[];
  /** The same budgets per ansvar. */
  readonly budgetPerAnsvar: ReadonlyMap<string, { ansvar: string; nettokostnad_ore: Num; manader_netto_ore: string | number[] | null }>;
  /** Net utfall per ansvar and month (index 0 is January). */
  readonly utfall: ReadonlyMap<string, readonly number[]>;
}

interface LagradeArsrader {
  readonly rader: Promise<Arsrader>;
  /** The rows once read: changes are applied to them at once, in the order they were committed. */
  lasta?: Arsrader;
  /** Changes committed while the rows were being read, applied when they arrive (a change already read is no change). */
  readonly vantande: Prognosrad[];
}

/** A forecast change the roll-up has taken in, numbered, for the stream to tell those who may see the ansvar. */
interface Prognosandring {
  readonly lopnummer: number;
  readonly ar: number;
  readonly tillfalle: Prognostillfalle;
  readonly ansvar: string;
  readonly andring: number;
}

/**
 * A round changed since it was last rolled up is rolled up again on the next read, but never while a roll-up of it
 * is still running, and not sooner after the last one finished than it took (at least MINSTA_INTERVALL_MS): while a
 * whole city's forecasts pour in, readers would otherwise start a roll-up after every event, and the roll-ups would
 * take the time the events need. So a roll-up keeps at most half of the time, and a read sees figures at most about
 * two roll-ups old.
 */
const MINSTA_INTERVALL_MS = 100;

interface Cachad {
  bild: Promise<Omgangsbild>;
  /** The roll-up once finished: a forecast change is taken into it at once (see meddelaPrognos). */
  varde?: Omgangsbild;
  /** When the roll-up finished, how long it took and what it includes; undefined while it runs. */
  klar?: { readonly at: number; readonly ms: number; readonly lopnummer: number };
}

@Injectable()
export class UppfoljningService {
  private readonly logger = new Logger(UppfoljningService.name);
  /** Per year and tillfälle; a change of the year's forecasts, budget or utfall makes it stale, one of the organisation drops it. */
  private readonly cache = new Map<string, Cachad>();
  /** A year whose figures changed, or null when the organisation did (every year's). */
  private readonly andrat = new Subject<number | null>();
  /** Each forecast change taken in, after its commit. */
  private readonly prognosandringar = new Subject<Prognosandring>();
  /**
   * The service's count of changes (LOPNUMMER) since it started: each committed change of a year's figures, or of the
   * organisation, gets the next number; a roll-up records the number it includes.
   */
  private lopnummer = 0;
  /** The number of the latest change per year, and of the organisation (every year's). */
  private readonly senastAndrad = new Map<number, number>();
  private organisationAndrad = 0;
  /** Per year: its forecasts, budgets and utfall, read once (see Arsrader). */
  private readonly arsrader = new Map<number, LagradeArsrader>();

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(OrganisationReplica) private readonly organisation: OrganisationReplica,
    @Inject(Andringsnotiser) notiser: Andringsnotiser,
  ) {
    this.organisation.changed$.subscribe(() => {
      this.cache.clear();
      this.organisationAndrad = ++this.lopnummer;
      this.andrat.next(null);
    });
    // What another replica applied (it consumed other partitions), after its commit.
    notiser.andringar$.subscribe((notis) => {
      if (notis.typ === 'allt') {
        // Notices may have been missed: every year's rows are read again (the organisation's notice drops the roll-ups).
        for (const ar of [...this.arsrader.keys()]) this.meddela(ar);
      } else if (arReportNotis(notis)) {
        if (notis.typ === 'prognos') {
          const { ar, tillfalle, ansvar, status, nettokostnadOre, andring } = notis;
          this.taEmotPrognos(ar, {
            ansvar,
            tillfalle,
            status,
            nettokostnad_ore: nettokostnadOre,
            andring,
            applied_at: new Date(notis.appliedAt),
          });
        } else if (notis.typ === 'ar') {
          this.meddela(notis.ar);
          if (notis.budget) this.budgetAndrad$.next(notis.ar);
        }
      }
    });
  }

  /**
   * Keeps an ansvar's budget for the year: each event carries the whole budget, so the latest is the one, by when it
   * occurred (`arSenastaTillstand`). Returns whether it was kept.
   */
  async registreraBudget(em: EntityManager, budget: VerksamhetsbudgetUppdateradPayload, occurredAt: string): Promise<boolean> {
    if (!(await arSenastaTillstand(em, 'verksamhetsbudget', `${budget.ar}:${budget.ansvar}`, occurredAt))) return false;
    const { rader, manaderNettoOre } = verksamhetsbudgetensSummor(budget.rader);
    await em.upsert(AnsvarBudget, {
      ansvar: budget.ansvar,
      ar: budget.ar,
      namnd: budget.namnd,
      versionId: budget.versionId,
      ...summeraRader(rader),
      manaderNettoOre,
      uppdateradAt: new Date(),
    });
    return true;
  }

  /**
   * Keeps an ansvar's net utfall per month: the event carries the whole year so far, so it replaces what was kept,
   * unless a later import's has already arrived (`arSenastaTillstand`). Returns whether it was kept.
   */
  async registreraUtfall(em: EntityManager, utfall: UtfallAnsvarUppdateratPayload, occurredAt: string): Promise<boolean> {
    if (!(await arSenastaTillstand(em, 'utfall', `${utfall.ar}:${utfall.ansvar}`, occurredAt))) return false;
    await em.nativeDelete(AnsvarUtfallManad, { ansvar: utfall.ansvar, ar: utfall.ar });
    const perManad = new Map<number, number>();
    for (const { manad, rader } of utfall.manader) {
      for (const { kontogrupp, beloppOre } of rader) {
        perManad.set(manad, addOre(perManad.get(manad) ?? 0, INTAKTSGRUPPER.has(kontogrupp) ? -beloppOre : beloppOre));
      }
    }
    for (const [manad, nettoOre] of perManad) em.create(AnsvarUtfallManad, { ansvar: utfall.ansvar, ar: utfall.ar, manad, nettoOre });
    const delar = internaDelarAvUtfall(utfall.manader);
    if (delar) await em.upsert(AnsvarUtfallIntern, { ansvar: utfall.ansvar, ar: utfall.ar, ...delar });
    else await em.nativeDelete(AnsvarUtfallIntern, { ansvar: utfall.ansvar, ar: utfall.ar });
    return true;
  }

  /** Keeps a round unless a later change of it (a higher `andring`) has already arrived. */
  async registreraOmgang(em: EntityManager, omgang: PrognosomgangAndradPayload): Promise<void> {
    const current = await em.findOne(Prognosomgang, { ar: omgang.ar, tillfalle: omgang.tillfalle });
    if (current && current.andring >= omgang.andring) return;
    const values = {
      typ: omgang.typ,
      status: omgang.status,
      deadline: new Date(omgang.deadline),
      utfallTomManad: omgang.utfallTomManad,
      namnder: omgang.namnder,
      andring: omgang.andring,
      andradAt: new Date(omgang.andradAt),
    };
    if (current) em.assign(current, values);
    else em.create(Prognosomgang, { ar: omgang.ar, tillfalle: omgang.tillfalle, ...values });
  }

  /** Rounds as they close, after the change is committed: prognossäkerhet keeps each nämnd's forecast then. */
  readonly omgangStangd$ = new Subject<PrognosomgangAndradPayload>();

  /** Years whose ansvar budgets changed, after the commit: the forecast totals compare each forecast with them. */
  readonly budgetAndrad$ = new Subject<number>();

  /** To be called after a transaction that changed a year's budget, utfall or round has committed: its rows are read again. */
  meddela(ar: number): void {
    this.arsrader.delete(ar);
    this.senastAndrad.set(ar, ++this.lopnummer);
    this.andrat.next(ar);
  }

  /**
   * To be called after the transaction that kept a forecast change (`registreraPrognos`) has committed, with the time
   * it stored: the year's rows take it in at once, without reading anything.
   */
  meddelaPrognos(prognos: HelarsprognosAndradPayload, appliedAt: Date): void {
    this.taEmotPrognos(prognos.ar, {
      ansvar: prognos.ansvar,
      tillfalle: prognos.tillfalle,
      status: prognos.status,
      nettokostnad_ore: summeraRader(prognos.rader).nettokostnadOre,
      andring: prognos.andring,
      applied_at: appliedAt,
    });
  }

  /** A committed forecast change, this replica's or another's, into the year's rows and roll-ups. */
  private taEmotPrognos(ar: number, rad: Prognosrad): void {
    const foregaendeLopnummer = this.andradSenast(ar);
    const lopnummer = ++this.lopnummer;
    const lagrade = this.arsrader.get(ar);
    if (lagrade?.lasta) {
      taIn(lagrade.lasta, rad);
      this.taInIRullningarna(ar, rad, lagrade.lasta, foregaendeLopnummer, lopnummer);
    } else lagrade?.vantande.push(rad);
    this.senastAndrad.set(ar, lopnummer);
    this.prognosandringar.next({ lopnummer, ar, tillfalle: rad.tillfalle, ansvar: rad.ansvar, andring: rad.andring });
    this.andrat.next(ar);
  }

  /**
   * A forecast change into every roll-up of the year that was current until it (the change is its only news): the
   * ansvar and the nodes above it move, nothing else is rolled up again, and the roll-up then includes the change's
   * number. A roll-up that was already behind, or made from rows since dropped, is left to be rolled up anew.
   */
  private taInIRullningarna(ar: number, rad: Prognosrad, arsrader: Arsrader, foregaende: number, lopnummer: number): void {
    for (const [key, cachad] of this.cache) {
      const bild = cachad.varde;
      if (!bild || !cachad.klar || !key.startsWith(`${ar}:`) || bild.arsrader !== arsrader || cachad.klar.lopnummer < foregaende) continue;
      uppdateraAnsvar(bild.rollup, rad.ansvar, underlagForAnsvar(bild.tillfalle, rad.ansvar, arsrader, bild.ram.utfallTomManad), bild.ram);
      const iOmgangen = rad.tillfalle === bild.tillfalle;
      const senast =
        bild.senastUppdaterad && new Date(bild.senastUppdaterad) > rad.applied_at ? bild.senastUppdaterad : rad.applied_at.toISOString();
      const ny: Omgangsbild = {
        ...bild,
        lopnummer,
        finnsPrognos: bild.finnsPrognos || iOmgangen,
        senastUppdaterad: iOmgangen ? senast : bild.senastUppdaterad,
      };
      cachad.varde = ny;
      cachad.bild = Promise.resolve(ny);
      cachad.klar = { ...cachad.klar, lopnummer };
    }
  }

  /** The number of the latest change that moves a year's figures. */
  private andradSenast(ar: number): number {
    return Math.max(this.senastAndrad.get(ar) ?? 0, this.organisationAndrad);
  }

  /** Years whose figures changed (null: every year's), after the commit. */
  get andringar$(): Observable<number | null> {
    return this.andrat.asObservable();
  }

  /**
   * The round's live changes for one person: a message each time a newer roll-up of the round is ready, with its
   * change number and the forecast changes it took in since the last message, only of the ansvar the person may see
   * (the ekonomidirektör every one, a chef their own). A client that saved a forecast knows its ansvar and `andring`,
   * and so when the figures include it.
   */
  folj(ar: number, tillfalle: Prognostillfalle, principal: Principal): Observable<UppfoljningAndrad> {
    return new Observable<UppfoljningAndrad>((subscriber) => {
      let skickat = this.andradSenast(ar);
      let vantande: Prognosandring[] = [];
      let omfang: { index: Organisationsindex; omfang: Omfang } | undefined;
      let kor: Promise<void> | undefined;
      let igen = false;
      let slut = false;
      const skicka = async () => {
        do {
          igen = false;
          const bild = await this.bild(ar, tillfalle);
          if (slut) return;
          if (bild.lopnummer > skickat) {
            if (omfang?.index !== bild.index) omfang = { index: bild.index, omfang: Omfang.for(principal, bild.index) };
            const synligt = omfang.omfang;
            const med = vantande.filter((andring) => andring.lopnummer <= bild.lopnummer);
            vantande = vantande.filter((andring) => andring.lopnummer > bild.lopnummer);
            skickat = bild.lopnummer;
            subscriber.next({
              ar,
              tillfalle,
              senastUppdaterad: new Date().toISOString(),
              lopnummer: bild.lopnummer,
              andrade: med.filter((andring) => synligt.ser(andring.ansvar)).map(({ ansvar, andring }) => ({ ansvar, andring })),
            });
          }
          const vanta = this.tidTillNastaBild(ar, tillfalle);
          if (this.andradSenast(ar) > bild.lopnummer) {
            igen = true;
            if (vanta > 0) await sleep(vanta);
          }
        } while (igen && !slut);
      };
      const vack = () => {
        if (kor) return void (igen = true);
        kor = skicka()
          .catch((error: unknown) => subscriber.error(error))
          .finally(() => {
            kor = undefined;
            if (igen && !slut) vack();
          });
      };
      this.forbered(ar, tillfalle);
      const prenumerationer = [
        this.prognosandringar.subscribe((andring) => {
          if (andring.ar === ar && andring.tillfalle === tillfalle) vantande.push(andring);
        }),
        this.andrat.subscribe((andrat) => {
          if (andrat === null || andrat === ar) vack();
        }),
      ];
      return () => {
        slut = true;
        for (const prenumeration of prenumerationer) prenumeration.unsubscribe();
      };
    });
  }

  /** A node of the round with its children, if the person's part of the tree holds the whole node. */
  async nod(ar: number, tillfalle: Prognostillfalle, kod: string, principal: Principal): Promise<Uppfoljning> {
    const bild = await this.synligBild(ar, tillfalle, kod, principal);
    const nod = this.hittaNod(bild, kod);
    const sokvag: Uppfoljning['sokvag'] = [];
    for (let upp = nod.foralderKod ? bild.rollup.noder.get(nod.foralderKod) : undefined; upp;) {
      sokvag.unshift({ kod: upp.kod, namn: upp.namn, niva: upp.niva });
      upp = upp.foralderKod ? bild.rollup.noder.get(upp.foralderKod) : undefined;
    }
    const barn = (bild.rollup.barn.get(nod.kod) ?? [])
      .map((kod) => bild.rollup.noder.get(kod))
      .filter((barnet): barnet is UppfoljningNod => barnet !== undefined)
      .sort((a, b) => a.namn.localeCompare(b.namn, 'sv') || a.kod.localeCompare(b.kod));
    return {
      ar,
      tillfalle,
      omgang: bild.omgang,
      organisationDatum: bild.organisationDatum,
      utfallTomManad: bild.utfallTomManad,
      sokvag,
      nod,
      barn,
      senastUppdaterad: bild.senastUppdaterad,
    };
  }

  /**
   * Every round's roll-up as a hash (the rounds the forecast service published, and any year and tillfälle with a
   * forecast), each rolled up from the tables as they are now: two report databases built from the same events agree.
   */
  async kontrollsumma(): Promise<Kontrollsumma> {
    const sql = this.orm.em.fork() as SqlEntityManager;
    type Nyckel = { ar: number; tillfalle: Prognostillfalle }[];
    const [omgangar, medPrognos] = await Promise.all([
      sql.execute<Nyckel>('select ar, tillfalle from prognosomgang'),
      sql.execute<Nyckel>('select distinct ar, tillfalle from ansvar_helarsprognos'),
    ]);
    const nycklar = new Map<string, { ar: number; tillfalle: Prognostillfalle }>();
    for (const { ar, tillfalle } of [...omgangar, ...medPrognos]) nycklar.set(`${ar}:${tillfalle}`, { ar: Number(ar), tillfalle });
    const ordning = (tillfalle: Prognostillfalle) => PROGNOSTILLFALLEN.indexOf(tillfalle);
    const rundor = [...nycklar.values()].sort((a, b) => a.ar - b.ar || ordning(a.tillfalle) - ordning(b.tillfalle));
    const svar: Kontrollsumma['omgangar'] = [];
    for (const { ar, tillfalle } of rundor) {
      const bild = await this.berakna(ar, tillfalle);
      const stad = bild.rollup.rot ? bild.rollup.noder.get(bild.rollup.rot) : undefined;
      svar.push({
        ar,
        tillfalle,
        hash: rollupHash(bild.rollup.noder.values()),
        antalNoder: bild.rollup.noder.size,
        stad: stad
          ? {
              budgetOre: stad.budgetOre,
              utfallOre: stad.utfallOre,
              prognosOre: stad.prognosOre,
              avvikelseOre: stad.avvikelseOre,
              prognosAntalAnsvar: stad.prognosAntalAnsvar,
              antalAnsvar: stad.antalAnsvar,
            }
          : null,
      });
    }
    return { hash: samladHash(svar.map((omgang) => omgang.hash)), omgangar: svar };
  }

  /** The ansvar below a node whose forecast is missing from the round, with their chefs. */
  async saknade(ar: number, tillfalle: Prognostillfalle, kod: string, principal: Principal): Promise<Saknade> {
    return (await this.saknadeIOmgangen(ar, tillfalle, kod, principal)).saknade;
  }

  /** The missing ansvar below a node, and the round as last published (null when only forecasts have been heard of). */
  async saknadeIOmgangen(
    ar: number,
    tillfalle: Prognostillfalle,
    kod: string,
    principal: Principal,
  ): Promise<{ saknade: Saknade; omgang: Uppfoljning['omgang'] }> {
    const bild = await this.synligBild(ar, tillfalle, kod, principal);
    const nod = this.hittaNod(bild, kod);
    return { saknade: { ar, tillfalle, kod: nod.kod, namn: nod.namn, saknade: saknadeUnder(bild.rollup, nod.kod) }, omgang: bild.omgang };
  }

  /**
   * The round, if it exists, as far as the person may see the node: a round nobody has heard of is 404 naming
   * `tillfalle`; a node outside the person's part of the tree (of the round's organisation) is 403, whether or not
   * it exists, as everywhere in the API.
   */
  private async synligBild(ar: number, tillfalle: Prognostillfalle, kod: string, principal: Principal): Promise<Omgangsbild> {
    const bild = await this.bild(ar, tillfalle);
    if (!bild.omgang && !bild.finnsPrognos) {
      throw new ProblemException(404, 'Hittades inte', `Det finns ingen prognosomgång ${tillfalle} ${ar}.`, [
        { field: 'tillfalle', message: `ingen prognosomgång ${tillfalle} för ${ar}` },
      ]);
    }
    const verklig = kod === STAD_ALIAS ? bild.rollup.rot : kod;
    Omfang.for(principal, bild.index).kravSer(verklig ?? kod);
    return bild;
  }

  private hittaNod(bild: Omgangsbild, kod: string): UppfoljningNod {
    const nod = bild.rollup.noder.get(kod === STAD_ALIAS ? (bild.rollup.rot ?? kod) : kod);
    if (!nod) {
      throw new ProblemException(404, 'Hittades inte', `Det finns ingen nod med koden ${kod} i omgångens organisation.`, [
        { field: 'kod', message: 'okänd kod' },
      ]);
    }
    return nod;
  }

  /**
   * Rolls the round up ahead, when it opens and when someone starts following it live, so that the first forecasts
   * are taken into a finished roll-up at once (see meddelaPrognos) instead of waiting while the whole year's rows are
   * read and rolled up. That wait was about half a second on the demo city: every forecast of a round's first moments
   * became visible only then. A failure here is left to the next reader, which rolls it up again.
   */
  forbered(ar: number, tillfalle: Prognostillfalle): void {
    this.bild(ar, tillfalle).catch((error: unknown) =>
      this.logger.warn(`omgången ${tillfalle} ${ar} kunde inte rullas upp i förväg: ${String(error)}`),
    );
  }

  /** The round rolled up, once per change (see MINSTA_INTERVALL_MS): concurrent readers share one computation. */
  bild(ar: number, tillfalle: Prognostillfalle): Promise<Omgangsbild> {
    const key = `${ar}:${tillfalle}`;
    const cachad = this.cache.get(key);
    if (cachad && (!cachad.klar || cachad.klar.lopnummer >= this.andradSenast(ar) || this.tidTillNastaBild(ar, tillfalle) > 0)) {
      return cachad.bild;
    }
    const startad = Date.now();
    const bild = this.berakna(ar, tillfalle);
    const ny: Cachad = { bild };
    this.cache.set(key, ny);
    bild.then(
      (klar) => {
        ny.klar = { at: Date.now(), ms: Date.now() - startad, lopnummer: klar.lopnummer };
        ny.varde = klar;
      },
      () => {
        if (this.cache.get(key) === ny) this.cache.delete(key);
      },
    );
    return bild;
  }

  /** How long until the round may be rolled up again (0: now, or it is being rolled up). */
  private tidTillNastaBild(ar: number, tillfalle: Prognostillfalle): number {
    const klar = this.cache.get(`${ar}:${tillfalle}`)?.klar;
    return klar ? Math.max(0, klar.at + Math.max(MINSTA_INTERVALL_MS, klar.ms) - Date.now()) : 0;
  }

  /** The year's rows, read once and kept up to date (see meddelaPrognos); a change of budget or utfall drops them. */
  private lasArsrader(ar: number): LagradeArsrader {
    let lagrade = this.arsrader.get(ar);
    if (!lagrade) {
      const vantande: Prognosrad[] = [];
      const rader = this.lasArsraderFranTabellerna(ar);
      const ny: LagradeArsrader = { rader, vantande };
      lagrade = ny;
      this.arsrader.set(ar, ny);
      rader.then(
        (lasta) => {
          for (const rad of vantande.splice(0)) taIn(lasta, rad);
          ny.lasta = lasta;
        },
        () => {
          if (this.arsrader.get(ar) === ny) this.arsrader.delete(ar);
        },
      );
    }
    return lagrade;
  }

  private async lasArsraderFranTabellerna(ar: number): Promise<Arsrader> {
    const sql = this.orm.em.fork() as SqlEntityManager;
    // Plain rows: a round reads every ansvar of the year, and entities would cost far more time and memory.
    const [prognoser, budgetar, utfall] = await Promise.all([
      sql.execute<
        {
          ansvar: string;
          tillfalle: Prognostillfalle;
          status: Prognosstatus;
          nettokostnad_ore: Num;
          andring: Num;
          applied_at: string | Date;
        }[]
      >('select ansvar, tillfalle, status, nettokostnad_ore, andring, applied_at from ansvar_helarsprognos where ar = ?', [ar]),
      sql.execute<{ ansvar: string; nettokostnad_ore: Num; manader_netto_ore: string | number[] | null }[]>(
        'select ansvar, nettokostnad_ore, manader_netto_ore from ansvar_budget where ar = ?',
        [ar],
      ),
      sql.execute<{ ansvar: string; manad: Num; netto_ore: Num }[]>(
        'select ansvar, manad, sum(netto_ore) as netto_ore from ansvar_utfall_manad where ar = ? group by ansvar, manad',
        [ar],
      ),
    ]);
    const utfallPerAnsvar = new Map<string, number[]>();
    const budgetRader = budgetar.map((rad) => ({
      ansvar: rad.ansvar,
      nettokostnad_ore: Number(rad.nettokostnad_ore),
      manader_netto_ore:
        typeof rad.manader_netto_ore === 'string' ? (JSON.parse(rad.manader_netto_ore) as number[]) : rad.manader_netto_ore,
    }));
    for (const rad of utfall) {
      const manader =
        utfallPerAnsvar.get(rad.ansvar) ??
        utfallPerAnsvar
          .set(
            rad.ansvar,
            Array.from({ length: 12 }, () => 0),
          )
          .get(rad.ansvar)!;
      manader[Number(rad.manad) - 1] = addOre(manader[Number(rad.manad) - 1]!, Number(rad.netto_ore));
    }
    return {
      prognoser: new Map(
        prognoser.map((rad) => [
          `${rad.ansvar}:${rad.tillfalle}`,
          {
            ansvar: rad.ansvar,
            tillfalle: rad.tillfalle,
            status: rad.status,
            nettokostnad_ore: Number(rad.nettokostnad_ore),
            andring: Number(rad.andring),
            applied_at: new Date(rad.applied_at),
          },
        ]),
      ),
      // The months parsed once here, not on every roll-up (JSON comes back as text from SQLite).
      budgetar: budgetRader,
      budgetPerAnsvar: new Map(budgetRader.map((rad) => [rad.ansvar, rad])),
      utfall: utfallPerAnsvar,
    };
  }

  private async indexerat(
    trad: Promise<readonly OrganisationNode[]>,
  ): Promise<{ tree: readonly OrganisationNode[]; index: Organisationsindex }> {
    const tree = await trad;
    return { tree, index: Organisationsindex.av(tree) };
  }

  private async berakna(ar: number, tillfalle: Prognostillfalle): Promise<Omgangsbild> {
    const sql = this.orm.em.fork() as SqlEntityManager;
    const organisationDatum = periodensSlut(ar, tillfalle);
    for (;;) {
      const lagrade = this.lasArsrader(ar);
      const tradet = this.organisation.tradVid(organisationDatum);
      const [omgangar, { tree, index }, arsrader] = await Promise.all([
        sql.execute<
          {
            typ: 'ordinarie' | 'manadsprognos';
            status: 'oppen' | 'stangd';
            deadline: string | Date;
            utfall_tom_manad: number;
            namnder: unknown;
          }[]
        >('select typ, status, deadline, utfall_tom_manad, namnder from prognosomgang where ar = ? and tillfalle = ?', [ar, tillfalle]),
        this.indexerat(tradet),
        lagrade.rader,
      ]);
      // Budget, utfall, the round or the organisation changed while they were read: read again, or the roll-up would
      // claim a change number whose change it does not have.
      if (this.arsrader.get(ar) !== lagrade || this.organisation.tradVid(organisationDatum) !== tradet) continue;
      return this.rullaUppOmgang(ar, tillfalle, organisationDatum, omgangar[0], tree, index, arsrader);
    }
  }

  private rullaUppOmgang(
    ar: number,
    tillfalle: Prognostillfalle,
    organisationDatum: string,
    omgangsrad:
      | {
          typ: 'ordinarie' | 'manadsprognos';
          status: 'oppen' | 'stangd';
          deadline: string | Date;
          utfall_tom_manad: number;
          namnder: unknown;
        }
      | undefined,
    tree: readonly OrganisationNode[],
    index: Organisationsindex,
    arsrader: Arsrader,
  ): Omgangsbild {
    // Nothing here is awaited: the rows and the change number are read at the same instant.
    const lopnummer = this.lopnummer;
    const namnder = omgangsrad ? lasNamnder(omgangsrad.namnder) : null;
    const utfallTomManad = omgangsrad ? Number(omgangsrad.utfall_tom_manad) : periodensSistaManad(tillfalle);
    const prognoser = [...arsrader.prognoser.values()];
    const budgetar = arsrader.budgetar;
    const utfall = [...arsrader.utfall].map(([ansvar, manader]) => ({
      ansvar,
      netto_ore: manader.slice(0, utfallTomManad).reduce((a, b) => addOre(a, b), 0),
    }));
    const underlag = underlagPerAnsvar(tillfalle, prognoser, budgetar, utfall);
    const ram: Omgangsram = { utfallTomManad, namndIOmgangen: namnder ? (namnd) => namnder.includes(namnd) : () => true };
    const rollup = rullaUpp(tree, underlag.perAnsvar, ram);
    return {
      rollup,
      index,
      omgang: omgangsrad
        ? {
            typ: omgangsrad.typ,
            status: omgangsrad.status,
            deadline: new Date(omgangsrad.deadline).toISOString(),
            utfallTomManad,
            namnder,
          }
        : null,
      finnsPrognos: underlag.finnsPrognos,
      organisationDatum,
      utfallTomManad,
      senastUppdaterad: underlag.senastUppdaterad,
      lopnummer,
      tillfalle,
      ram,
      arsrader,
    };
  }
}

/** A forecast change into a year's rows, unless a later change of it (a higher `andring`) is already there. */
function taIn(rader: Arsrader, rad: Prognosrad): void {
  const key = `${rad.ansvar}:${rad.tillfalle}`;
  const nu = rader.prognoser.get(key);
  if (!nu || nu.andring < rad.andring) rader.prognoser.set(key, rad);
}

/** One ansvar's figures for a round from the year's rows: `underlagPerAnsvar` for that ansvar alone. */
function underlagForAnsvar(
  tillfalle: Prognostillfalle,
  ansvar: string,
  rader: Arsrader,
  utfallTomManad: number,
): AnsvarUnderlag | undefined {
  const prognoser = PROGNOSTILLFALLEN.flatMap((t) => rader.prognoser.get(`${ansvar}:${t}`) ?? []);
  const budget = rader.budgetPerAnsvar.get(ansvar);
  const manader = rader.utfall.get(ansvar);
  const utfall = manader ? [{ ansvar, netto_ore: manader.slice(0, utfallTomManad).reduce((a, b) => addOre(a, b), 0) }] : [];
  return underlagPerAnsvar(tillfalle, prognoser, budget ? [budget] : [], utfall).perAnsvar.get(ansvar);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function lasNamnder(varde: unknown): string[] | null {
  const lista: unknown = typeof varde === 'string' ? JSON.parse(varde) : varde;
  return Array.isArray(lista) ? lista.filter((namnd): namnd is string => typeof namnd === 'string') : null;
}

/**
 * Each ansvar's figures for a round from the year's rows: its forecast in the round, its latest counting forecast
 * of an earlier round of the year (what the change is measured against), its budget and its utfall of the period.
 */
export function underlagPerAnsvar(
  tillfalle: Prognostillfalle,
  prognoser: readonly {
    ansvar: string;
    tillfalle: Prognostillfalle;
    status: Prognosstatus;
    nettokostnad_ore: Num;
    applied_at: string | Date;
  }[],
  budgetar: readonly { ansvar: string; nettokostnad_ore: Num; manader_netto_ore?: string | number[] | null }[],
  utfall: readonly { ansvar: string; netto_ore: Num }[],
): { perAnsvar: Map<string, AnsvarUnderlag>; finnsPrognos: boolean; senastUppdaterad: string | null } {
  const ordning = PROGNOSTILLFALLEN.indexOf(tillfalle);
  const aktuell = new Map<string, AnsvarUnderlag['prognos']>();
  const foregaende = new Map<string, { ordning: number; nettokostnadOre: number }>();
  let senast: Date | null = null;
  for (const rad of prognoser) {
    const radensOrdning = PROGNOSTILLFALLEN.indexOf(rad.tillfalle);
    if (radensOrdning === ordning) {
      aktuell.set(rad.ansvar, { status: rad.status, nettokostnadOre: Number(rad.nettokostnad_ore) });
      const applied = new Date(rad.applied_at);
      if (!senast || applied > senast) senast = applied;
    } else if (radensOrdning < ordning && raknas(rad.status)) {
      const seen = foregaende.get(rad.ansvar);
      if (!seen || seen.ordning < radensOrdning)
        foregaende.set(rad.ansvar, { ordning: radensOrdning, nettokostnadOre: Number(rad.nettokostnad_ore) });
    }
  }
  const budget = new Map(budgetar.map((rad) => [rad.ansvar, Number(rad.nettokostnad_ore)]));
  // JSON comes back as text from SQLite and parsed from PostgreSQL.
  const manader = new Map(
    budgetar.flatMap((rad) =>
      rad.manader_netto_ore == null
        ? []
        : [
            [
              rad.ansvar,
              typeof rad.manader_netto_ore === 'string' ? (JSON.parse(rad.manader_netto_ore) as number[]) : rad.manader_netto_ore,
            ] as const,
          ],
    ),
  );
  const utfallPerAnsvar = new Map(utfall.map((rad) => [rad.ansvar, Number(rad.netto_ore)]));
  const perAnsvar = new Map<string, AnsvarUnderlag>();
  for (const ansvar of new Set([...aktuell.keys(), ...foregaende.keys(), ...budget.keys(), ...utfallPerAnsvar.keys()])) {
    perAnsvar.set(ansvar, {
      budgetOre: budget.get(ansvar) ?? 0,
      manadsbudgetOre: manader.get(ansvar) ?? null,
      utfallOre: utfallPerAnsvar.get(ansvar) ?? 0,
      prognos: aktuell.get(ansvar) ?? null,
      foregaendeOre: foregaende.get(ansvar)?.nettokostnadOre ?? null,
    });
  }
  return { perAnsvar, finnsPrognos: aktuell.size > 0, senastUppdaterad: senast?.toISOString() ?? null };
}

/**
 * A verksamhetsbudget as the roll-up keeps it: the year per kontogrupp (shown amounts) and the net cost (cost minus
 * revenue) of each month.
 */
export function verksamhetsbudgetensSummor(rader: VerksamhetsbudgetUppdateradPayload['rader']): {
  rader: { kontogrupp: KontogruppKod; beloppOre: number }[];
  manaderNettoOre: number[];
} {
  const manaderNettoOre = Array.from({ length: 12 }, () => 0);
  const ar = rader.map((rad) => {
    rad.manader.forEach((belopp, index) => {
      manaderNettoOre[index] = addOre(manaderNettoOre[index]!, INTAKTSGRUPPER.has(rad.kontogrupp) ? -belopp : belopp);
    });
    return { kontogrupp: rad.kontogrupp, beloppOre: rad.manader.reduce((a, b) => addOre(a, b), 0) };
  });
  return { rader: ar, manaderNettoOre };
}
