import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import {
  KONTOGRUPPER,
  periodensSlut,
  summeraRader,
  type HelarsprognosLamnadPayload,
  type NamndramUppdateradPayload,
  type UtfallAnsvarUppdateratPayload,
  type PrognosTotaler,
  type Prognostillfalle,
  type TotalerAndrade,
} from '@tertial/contracts';
import { OrganisationReplica } from '@tertial/service-kit';
import { filter, map, merge, Subject, throttleTime, type Observable } from 'rxjs';

import { AnsvarPrognos } from './ansvar-prognos.entity.js';
import { AnsvarUtfall, NamndRam } from './jamforelse.entity.js';
import { summeraPerNamnd } from './summera-per-namnd.js';

const INTAKTSGRUPPER = new Set<string>(KONTOGRUPPER.filter((grupp) => grupp.typ === 'intakt').map((grupp) => grupp.kod));

@Injectable()
export class PrognosTotalerService {
  private readonly prognosApplied$ = new Subject<TotalerAndrade>();
  private readonly jamforelseApplied$ = new Subject<number>();

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(OrganisationReplica) private readonly organisation: OrganisationReplica,
  ) {}

  /** Keeps the forecast as the ansvar's current one unless a later version has already arrived. */
  async apply(em: EntityManager, prognos: HelarsprognosLamnadPayload): Promise<void> {
    const key = { ansvar: prognos.ansvar, ar: prognos.ar, tillfalle: prognos.tillfalle };
    const current = await em.findOne(AnsvarPrognos, key);
    if (current && current.version >= prognos.version) return;
    const values = { version: prognos.version, prognosId: prognos.prognosId, ...summeraRader(prognos.rader), lamnadAt: new Date(prognos.lamnadAt), appliedAt: new Date() };
    if (current) em.assign(current, values);
    else em.create(AnsvarPrognos, { ...key, ...values });
  }

  /** Keeps a nämnd's frame: each event carries the whole current frame, so the latest is the one. */
  async applyRam(em: EntityManager, ram: NamndramUppdateradPayload): Promise<void> {
    await em.upsert(NamndRam, { namnd: ram.namnd, ar: ram.ar, ramOre: ram.ramOre, versionId: ram.versionId, uppdateradAt: new Date() });
  }

  /** Keeps an ansvar's net utfall for the year: revenue subtracted from cost over every month the event carries. */
  async applyUtfall(em: EntityManager, utfall: UtfallAnsvarUppdateratPayload): Promise<void> {
    let nettoOre = 0;
    let senasteManad: number | null = null;
    for (const { manad, rader } of utfall.manader) {
      if (rader.length > 0) senasteManad = Math.max(senasteManad ?? 0, manad);
      for (const { kontogrupp, beloppOre } of rader) nettoOre += INTAKTSGRUPPER.has(kontogrupp) ? -beloppOre : beloppOre;
    }
    await em.upsert(AnsvarUtfall, { ansvar: utfall.ansvar, ar: utfall.ar, nettoOre, senasteManad, importId: utfall.importId, uppdateradAt: new Date() });
  }

  announceAr(ar: number): void {
    this.jamforelseApplied$.next(ar);
  }

  /** To be called after the transaction that applied a forecast has committed. */
  announce(prognos: HelarsprognosLamnadPayload): void {
    this.prognosApplied$.next({ ar: prognos.ar, tillfalle: prognos.tillfalle, senastUppdaterad: new Date().toISOString() });
  }

  /** Changes that move the totals of this year and tillfälle: its forecasts, and any change of the organisation. */
  changes(ar: number, tillfalle: Prognostillfalle): Observable<TotalerAndrade> {
    return merge(
      this.prognosApplied$.pipe(filter((change) => change.ar === ar && change.tillfalle === tillfalle)),
      this.organisation.changed$.pipe(map(() => ({ ar, tillfalle, senastUppdaterad: new Date().toISOString() }))),
      this.jamforelseApplied$.pipe(filter((andrat) => andrat === ar), map(() => ({ ar, tillfalle, senastUppdaterad: new Date().toISOString() }))),
    ).pipe(throttleTime(250, undefined, { leading: true, trailing: true }));
  }

  async totaler(ar: number, tillfalle: Prognostillfalle): Promise<PrognosTotaler> {
    const em = this.orm.em.fork();
    const [nodes, prognoser, ramar, utfall] = await Promise.all([
      this.organisation.allNodes(periodensSlut(ar, tillfalle), em),
      em.find(AnsvarPrognos, { ar, tillfalle }),
      em.find(NamndRam, { ar }),
      em.find(AnsvarUtfall, { ar }),
    ]);
    const senast = prognoser.reduce<Date | null>((latest, p) => (latest && latest > p.appliedAt ? latest : p.appliedAt), null);
    const jamforelse = { ramPerNamnd: new Map(ramar.map((r) => [r.namnd, r.ramOre])), utfallPerAnsvar: new Map(utfall.map((u) => [u.ansvar, u.nettoOre])) };
    const manader = utfall.flatMap((u) => (u.senasteManad === null || u.senasteManad === undefined ? [] : [u.senasteManad]));
    return {
      ar,
      tillfalle,
      ...summeraPerNamnd(nodes, prognoser, jamforelse),
      utfallTillManad: manader.length > 0 ? Math.max(...manader) : null,
      senastUppdaterad: senast?.toISOString() ?? null,
    };
  }
}
