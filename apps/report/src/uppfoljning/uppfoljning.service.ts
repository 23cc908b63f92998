import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { Saknade, Uppfoljning, UppfoljningNod } from '@tertial/contracts/dto';
import type {
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
import { Omfang, OrganisationReplica, Organisationsindex, ProblemException, type Principal } from '@tertial/service-kit';
import { Subject, type Observable } from 'rxjs';

import { AnsvarBudget, AnsvarUtfallManad, Prognosomgang } from './uppfoljning.entity.js';
import { raknas, rullaUpp, type AnsvarUnderlag, type Rollup } from './rulla-upp.js';
import { saknadeUnder } from './saknade.js';

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
}

type Num = number | string;

/**
 * A round changed since it was last rolled up is rolled up again on the next read, but never while a roll-up of it
 * is still running, and not sooner after the last one finished than it took (at least MINSTA_INTERVALL_MS): while a
 * whole city's forecasts pour in, readers would otherwise start a roll-up after every event, and the roll-ups would
 * take the time the events need. So a roll-up keeps at most half of the time, and a read sees figures at most about
 * two roll-ups old.
 */
const MINSTA_INTERVALL_MS = 200;

interface Cachad {
  readonly bild: Promise<Omgangsbild>;
  /** When the roll-up finished, and how long it took; undefined while it runs. */
  klar?: { readonly at: number; readonly ms: number };
  inaktuell: boolean;
}

@Injectable()
export class UppfoljningService {
  /** Per year and tillfälle; a change of the year's forecasts, budget or utfall marks it stale, one of the organisation drops it. */
  private readonly cache = new Map<string, Cachad>();
  /** A year whose figures changed, or null when the organisation did (every year's). */
  private readonly andrat = new Subject<number | null>();
  /** The tree of a day and its index, until the organisation changes: every round of a year reads the same few. */
  private readonly trad = new Map<string, Promise<{ tree: OrganisationNode[]; index: Organisationsindex }>>();

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(OrganisationReplica) private readonly organisation: OrganisationReplica,
  ) {
    this.organisation.changed$.subscribe(() => {
      this.cache.clear();
      this.trad.clear();
      this.andrat.next(null);
    });
  }

  /** Keeps an ansvar's budget for the year: each event carries the whole budget, so the latest is the one. */
  async registreraBudget(em: EntityManager, budget: VerksamhetsbudgetUppdateradPayload): Promise<void> {
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
  }

  /** Keeps an ansvar's net utfall per month: the event carries the whole year so far, so it replaces what was kept. */
  async registreraUtfall(em: EntityManager, utfall: UtfallAnsvarUppdateratPayload): Promise<void> {
    await em.nativeDelete(AnsvarUtfallManad, { ansvar: utfall.ansvar, ar: utfall.ar });
    const perManad = new Map<number, number>();
    for (const { manad, rader } of utfall.manader) {
      for (const { kontogrupp, beloppOre } of rader) {
        perManad.set(manad, addOre(perManad.get(manad) ?? 0, INTAKTSGRUPPER.has(kontogrupp) ? -beloppOre : beloppOre));
      }
    }
    for (const [manad, nettoOre] of perManad) em.create(AnsvarUtfallManad, { ansvar: utfall.ansvar, ar: utfall.ar, manad, nettoOre });
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

  /** To be called after a transaction that changed anything of a year has committed. */
  meddela(ar: number): void {
    for (const [key, cachad] of this.cache) if (key.startsWith(`${ar}:`)) cachad.inaktuell = true;
    this.andrat.next(ar);
  }

  /** Years whose figures changed (null: every year's), after the commit. */
  get andringar$(): Observable<number | null> {
    return this.andrat.asObservable();
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

  /** The ansvar below a node whose forecast is missing from the round, with their chefs. */
  async saknade(ar: number, tillfalle: Prognostillfalle, kod: string, principal: Principal): Promise<Saknade> {
    const bild = await this.synligBild(ar, tillfalle, kod, principal);
    const nod = this.hittaNod(bild, kod);
    return { ar, tillfalle, kod: nod.kod, namn: nod.namn, saknade: saknadeUnder(bild.rollup, nod.kod) };
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

  /** The round rolled up, once per change (see MINSTA_INTERVALL_MS): concurrent readers share one computation. */
  bild(ar: number, tillfalle: Prognostillfalle): Promise<Omgangsbild> {
    const key = `${ar}:${tillfalle}`;
    const cachad = this.cache.get(key);
    if (cachad && (!cachad.inaktuell || !cachad.klar || Date.now() - cachad.klar.at < Math.max(MINSTA_INTERVALL_MS, cachad.klar.ms))) {
      return cachad.bild;
    }
    const startad = Date.now();
    const bild = this.berakna(ar, tillfalle);
    const ny: Cachad = { bild, inaktuell: false };
    this.cache.set(key, ny);
    bild.then(
      () => (ny.klar = { at: Date.now(), ms: Date.now() - startad }),
      () => {
        if (this.cache.get(key) === ny) this.cache.delete(key);
      },
    );
    return bild;
  }

  private tradVid(datum: string): Promise<{ tree: OrganisationNode[]; index: Organisationsindex }> {
    let trad = this.trad.get(datum);
    if (!trad) {
      trad = this.organisation.allNodes(datum).then((tree) => ({ tree, index: new Organisationsindex(tree) }));
      this.trad.set(datum, trad);
      trad.catch(() => this.trad.delete(datum));
    }
    return trad;
  }

  private async berakna(ar: number, tillfalle: Prognostillfalle): Promise<Omgangsbild> {
    const em = this.orm.em.fork();
    const sql = em as SqlEntityManager;
    const organisationDatum = periodensSlut(ar, tillfalle);
    const omgangar = await sql.execute<
      {
        typ: 'ordinarie' | 'manadsprognos';
        status: 'oppen' | 'stangd';
        deadline: string | Date;
        utfall_tom_manad: number;
        namnder: unknown;
      }[]
    >('select typ, status, deadline, utfall_tom_manad, namnder from prognosomgang where ar = ? and tillfalle = ?', [ar, tillfalle]);
    const omgangsrad = omgangar[0];
    const namnder = omgangsrad ? lasNamnder(omgangsrad.namnder) : null;
    const utfallTomManad = omgangsrad ? Number(omgangsrad.utfall_tom_manad) : periodensSistaManad(tillfalle);
    // Plain rows: a round reads every ansvar of the year, and entities would cost far more time and memory.
    const [{ tree, index }, prognoser, budgetar, utfall] = await Promise.all([
      this.tradVid(organisationDatum),
      sql.execute<
        { ansvar: string; tillfalle: Prognostillfalle; status: Prognosstatus; nettokostnad_ore: Num; applied_at: string | Date }[]
      >('select ansvar, tillfalle, status, nettokostnad_ore, applied_at from ansvar_helarsprognos where ar = ?', [ar]),
      sql.execute<{ ansvar: string; nettokostnad_ore: Num; manader_netto_ore: string | number[] | null }[]>(
        'select ansvar, nettokostnad_ore, manader_netto_ore from ansvar_budget where ar = ?',
        [ar],
      ),
      sql.execute<{ ansvar: string; netto_ore: Num }[]>(
        'select ansvar, sum(netto_ore) as netto_ore from ansvar_utfall_manad where ar = ? and manad <= ? group by ansvar',
        [ar, utfallTomManad],
      ),
    ]);
    const underlag = underlagPerAnsvar(tillfalle, prognoser, budgetar, utfall);
    const rollup = rullaUpp(tree, underlag.perAnsvar, {
      utfallTomManad,
      namndIOmgangen: namnder ? (namnd) => namnder.includes(namnd) : () => true,
    });
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
    };
  }
}

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
