import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import {
  periodensSlut,
  summeraRader,
  type HelarsprognosLamnadPayload,
  type PrognosTotaler,
  type Prognostillfalle,
  type TotalerAndrade,
} from '@tertial/contracts';
import { OrganisationReplica } from '@tertial/service-kit';
import { filter, map, merge, Subject, throttleTime, type Observable } from 'rxjs';

import { AnsvarPrognos } from './ansvar-prognos.entity.js';
import { summeraPerNamnd } from './summera-per-namnd.js';

@Injectable()
export class PrognosTotalerService {
  private readonly prognosApplied$ = new Subject<TotalerAndrade>();

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

  /** To be called after the transaction that applied a forecast has committed. */
  announce(prognos: HelarsprognosLamnadPayload): void {
    this.prognosApplied$.next({ ar: prognos.ar, tillfalle: prognos.tillfalle, senastUppdaterad: new Date().toISOString() });
  }

  /** Changes that move the totals of this year and tillfälle: its forecasts, and any change of the organisation. */
  changes(ar: number, tillfalle: Prognostillfalle): Observable<TotalerAndrade> {
    return merge(
      this.prognosApplied$.pipe(filter((change) => change.ar === ar && change.tillfalle === tillfalle)),
      this.organisation.changed$.pipe(map(() => ({ ar, tillfalle, senastUppdaterad: new Date().toISOString() }))),
    ).pipe(throttleTime(250, undefined, { leading: true, trailing: true }));
  }

  async totaler(ar: number, tillfalle: Prognostillfalle): Promise<PrognosTotaler> {
    const em = this.orm.em.fork();
    const [nodes, prognoser] = await Promise.all([this.organisation.allNodes(periodensSlut(ar, tillfalle), em), em.find(AnsvarPrognos, { ar, tillfalle })]);
    const senast = prognoser.reduce<Date | null>((latest, p) => (latest && latest > p.appliedAt ? latest : p.appliedAt), null);
    return { ar, tillfalle, ...summeraPerNamnd(nodes, prognoser), senastUppdaterad: senast?.toISOString() ?? null };
  }
}
