import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { PrognosTotaler, TotalerAndrade } from '@tertial/contracts/dto';
import type { HelarsprognosAndradPayload, NamndramUppdateradPayload } from '@tertial/contracts/events';
import { periodensSistaManad, periodensSlut, summeraRader, type Prognostillfalle } from '@tertial/contracts/prognos';
import { Andringsnotiser, dbTid, OrganisationReplica, sqlDirekt } from '@tertial/service-kit';
import { filter, map, merge, Subject, throttleTime, type Observable } from 'rxjs';

import { arReportNotis } from '../replikor/notiser.js';
import { arSenastaTillstand } from '../senaste-tillstand/senaste-tillstand.js';
import { UppfoljningService } from '../uppfoljning/uppfoljning.service.js';
import { NamndRam } from './jamforelse.entity.js';
import { summeraPerNamnd } from './summera-per-namnd.js';

/**
 * `registreraPrognos` in plain SQL (see `sqlDirekt`), on the columns of AnsvarHelarsprognos as the migrations make them:
 * the values in the order of VARDEN, then the key (ansvar, ar, tillfalle).
 */
const VARDEN = [
  'prognos_id',
  'version',
  'andring',
  'status',
  'intakter_ore',
  'kostnader_ore',
  'nettokostnad_ore',
  'kommentar',
  'andrad_at',
  'applied_at',
] as const;
const LAS_ANDRING = 'select "andring" from "ansvar_helarsprognos" where "ansvar" = ? and "ar" = ? and "tillfalle" = ?';
const UPPDATERA_PROGNOS =
  `update "ansvar_helarsprognos" set ${VARDEN.map((kolumn) => `"${kolumn}" = ?`).join(', ')} ` +
  'where "ansvar" = ? and "ar" = ? and "tillfalle" = ?';
const SKRIV_PROGNOS =
  `insert into "ansvar_helarsprognos" (${VARDEN.map((kolumn) => `"${kolumn}"`).join(', ')}, "ansvar", "ar", "tillfalle") ` +
  `values (${VARDEN.map(() => '?').join(', ')}, ?, ?, ?)`;

@Injectable()
export class PrognosTotalerService {
  private readonly prognosRegistrerad$ = new Subject<TotalerAndrade>();
  private readonly jamforelseRegistrerad$ = new Subject<number>();
  /**
   * The totals as last computed, per year and tillfälle, until anything they are made of changes: every
   * dashboard asks for the same figures, and each change announces itself after its commit.
   */
  private readonly cache = new Map<string, Promise<PrognosTotaler>>();

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(OrganisationReplica) private readonly organisation: OrganisationReplica,
    @Inject(UppfoljningService) uppfoljning: UppfoljningService,
    @Inject(Andringsnotiser) notiser: Andringsnotiser,
  ) {
    this.organisation.changed$.subscribe(() => this.cache.clear());
    // Each forecast's avvikelse is against its ansvar's budget.
    uppfoljning.budgetAndrad$.subscribe((ar) => this.meddelaJamforelse(ar));
    // What another replica applied, after its commit (`allt`: notices may have been missed).
    notiser.andringar$.subscribe((notis) => {
      if (notis.typ === 'allt') this.cache.clear();
      else if (arReportNotis(notis)) {
        if (notis.typ === 'prognos') this.meddelaPrognos(notis);
        else this.meddelaJamforelse(notis.ar);
      }
    });
  }

  /**
   * Keeps the forecast's state as the ansvar's current one unless a later change (a higher `andring`) has already
   * arrived. Every status is kept: the prognos counts the klarmarkerade and godkända, the progress all of them.
   * Returns when it was kept, or null when it was not.
   */
  async registreraPrognos(em: EntityManager, prognos: HelarsprognosAndradPayload): Promise<Date | null> {
    // In plain SQL (see `sqlDirekt`): every forecast change of a round comes through here.
    const key = [prognos.ansvar, prognos.ar, prognos.tillfalle];
    const {
      rader: [current],
    } = await sqlDirekt<{ andring: number | string }>(em, LAS_ANDRING, key);
    if (current && Number(current.andring) >= prognos.andring) return null;
    const appliedAt = new Date();
    const summa = summeraRader(prognos.rader);
    const varden: Record<(typeof VARDEN)[number], unknown> = {
      prognos_id: prognos.prognosId,
      version: prognos.version,
      andring: prognos.andring,
      status: prognos.status,
      intakter_ore: summa.intakterOre,
      kostnader_ore: summa.kostnaderOre,
      nettokostnad_ore: summa.nettokostnadOre,
      kommentar: prognos.kommentar,
      andrad_at: dbTid(em, new Date(prognos.andradAt)),
      applied_at: dbTid(em, appliedAt),
    };
    await sqlDirekt(em, current ? UPPDATERA_PROGNOS : SKRIV_PROGNOS, [...VARDEN.map((kolumn) => varden[kolumn]), ...key]);
    return appliedAt;
  }

  /**
   * Keeps a nämnd's frame: each event carries the whole current frame, so the latest is the one, by when it occurred
   * (`arSenastaTillstand`: an older frame that arrives later is passed over). Returns whether it was kept.
   */
  async registreraRam(em: EntityManager, ram: NamndramUppdateradPayload, occurredAt: string): Promise<boolean> {
    if (!(await arSenastaTillstand(em, 'namndram', `${ram.ar}:${ram.namnd}`, occurredAt))) return false;
    await em.upsert(NamndRam, { namnd: ram.namnd, ar: ram.ar, ramOre: ram.ramOre, versionId: ram.versionId, uppdateradAt: new Date() });
    return true;
  }

  /** To be called after the transaction that registered a frame or utfall of the year has committed. */
  meddelaJamforelse(ar: number): void {
    for (const key of this.cache.keys()) if (key.startsWith(`${ar}:`)) this.cache.delete(key);
    this.jamforelseRegistrerad$.next(ar);
  }

  /** To be called after the transaction that registered a forecast has committed. */
  meddelaPrognos(prognos: Pick<HelarsprognosAndradPayload, 'ar' | 'tillfalle'>): void {
    this.cache.delete(`${prognos.ar}:${prognos.tillfalle}`);
    this.prognosRegistrerad$.next({ ar: prognos.ar, tillfalle: prognos.tillfalle, senastUppdaterad: new Date().toISOString() });
  }

  /** Changes that move the totals of this year and tillfälle: its forecasts, and any change of the organisation. */
  andringar(ar: number, tillfalle: Prognostillfalle): Observable<TotalerAndrade> {
    return merge(
      this.prognosRegistrerad$.pipe(filter((change) => change.ar === ar && change.tillfalle === tillfalle)),
      this.organisation.changed$.pipe(map(() => ({ ar, tillfalle, senastUppdaterad: new Date().toISOString() }))),
      this.jamforelseRegistrerad$.pipe(
        filter((andrat) => andrat === ar),
        map(() => ({ ar, tillfalle, senastUppdaterad: new Date().toISOString() })),
      ),
    ).pipe(throttleTime(250, undefined, { leading: true, trailing: true }));
  }

  totaler(ar: number, tillfalle: Prognostillfalle): Promise<PrognosTotaler> {
    const key = `${ar}:${tillfalle}`;
    let totaler = this.cache.get(key);
    if (!totaler) {
      totaler = this.berakna(ar, tillfalle);
      this.cache.set(key, totaler);
      totaler.catch(() => this.cache.delete(key));
    }
    return totaler;
  }

  private async berakna(ar: number, tillfalle: Prognostillfalle): Promise<PrognosTotaler> {
    const em = this.orm.em.fork();
    const sql = em as SqlEntityManager;
    // Plain rows: a year's totals read every ansvar's forecast and utfall, and entities would cost far more memory.
    const [nodes, prognoser, ramar, utfall, budgetar] = await Promise.all([
      this.organisation.tradVid(periodensSlut(ar, tillfalle)),
      sql.execute<
        {
          ansvar: string;
          intakter_ore: number | string;
          kostnader_ore: number | string;
          nettokostnad_ore: number | string;
          applied_at: string | Date;
        }[]
      >(
        // Only the forecasts their chefs have marked ready count: an utkast, or one sent back, is not the ansvar's prognos.
        `select ansvar, intakter_ore, kostnader_ore, nettokostnad_ore, applied_at from ansvar_helarsprognos
         where ar = ? and tillfalle = ? and status in ('klarmarkerad', 'godkand')`,
        [ar, tillfalle],
      ),
      sql.execute<{ namnd: string; ram_ore: number | string }[]>('select namnd, ram_ore from namnd_ram where ar = ?', [ar]),
      // The utfall of the forecast's own period: the April view knows nothing of May and later.
      sql.execute<{ ansvar: string; netto_ore: number | string; senaste_manad: number | string }[]>(
        `select ansvar, sum(netto_ore) as netto_ore, max(manad) as senaste_manad from ansvar_utfall_manad
         where ar = ? and manad <= ? group by ansvar`,
        [ar, periodensSistaManad(tillfalle)],
      ),
      // Each ansvar's budget, as the roll-up has it: the avvikelse is each forecast against its own ansvar's budget.
      sql.execute<{ ansvar: string; nettokostnad_ore: number | string }[]>(
        'select ansvar, nettokostnad_ore from ansvar_budget where ar = ?',
        [ar],
      ),
    ]);
    const summor = prognoser.map((p) => ({
      ansvar: p.ansvar,
      intakterOre: Number(p.intakter_ore),
      kostnaderOre: Number(p.kostnader_ore),
      nettokostnadOre: Number(p.nettokostnad_ore),
      appliedAt: new Date(p.applied_at),
    }));
    const senast = summor.reduce<Date | null>((latest, p) => (latest && latest > p.appliedAt ? latest : p.appliedAt), null);
    const jamforelse = {
      ramPerNamnd: new Map(ramar.map((r) => [r.namnd, Number(r.ram_ore)])),
      utfallPerAnsvar: new Map(utfall.map((u) => [u.ansvar, Number(u.netto_ore)])),
      budgetPerAnsvar: new Map(budgetar.map((b) => [b.ansvar, Number(b.nettokostnad_ore)])),
    };
    const manader = utfall.map((u) => Number(u.senaste_manad));
    return {
      ar,
      tillfalle,
      ...summeraPerNamnd(nodes, summor, jamforelse),
      utfallTillManad: manader.length > 0 ? Math.max(...manader) : null,
      senastUppdaterad: senast?.toISOString() ?? null,
    };
  }
}
