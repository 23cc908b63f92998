import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import {
  skapaNyckeltalRequestSchema,
  sparaMatvardenRequestSchema,
  type MatvardeDto,
  type MatvardeImportResultat,
  type MatvardesserieDto,
  type NyckeltalDto,
} from '@tertial/contracts/dto';
import { matvardenUppdaterade, nyckeltalUppdaterat } from '@tertial/contracts/events';
import { addToOutbox, avvisa, avvisaVid, loggaAndring, OutboxRelay, ProblemException, type Principal } from '@tertial/service-kit';
import type { z } from 'zod';

import { idag } from '../person.js';
import { lasMatvardeCsv } from './matvarde-csv.js';
import { Matvarde, Nyckeltal } from './nyckeltal.entity.js';
import { okandPeriod, periodfel } from './nyckeltalregler.js';

type NyttNyckeltal = z.output<typeof skapaNyckeltalRequestSchema>;
type NyaMatvarden = z.output<typeof sparaMatvardenRequestSchema>['matvarden'];

export function nyckeltalDto(n: Nyckeltal): NyckeltalDto {
  return {
    id: n.id,
    namn: n.namn,
    definition: n.definition,
    enhet: n.enhet,
    riktning: n.riktning,
    kalla: n.kalla,
    koladaKpi: n.koladaKpi ?? null,
    periodtyp: n.periodtyp,
    konsuppdelat: n.konsuppdelat,
    utgangsvarde: n.utgangsvarde ?? null,
    malvarden: [...n.malvarden].sort((a, b) => a.ar - b.ar),
    version: n.version,
    andradAt: n.andradAt.toISOString(),
  };
}

export function matvardeDto(m: Matvarde): MatvardeDto {
  return {
    period: m.period,
    kon: m.kon,
    varde: tal(m.varde),
    status: m.status ?? null,
    kalla: m.kalla,
    registreradAt: m.registreradAt.toISOString(),
  };
}

/** A double column comes back as a number (or, from some drivers, its text). */
export const tal = (varde: number | string | null | undefined): number | null =>
  varde === null || varde === undefined ? null : Number(varde);

const KON_ORDNING = { total: 0, kvinnor: 1, man: 2 } as const;

/** A nyckeltal's whole series, oldest period first, as the API and the event carry it. */
export async function serie(em: EntityManager, nyckeltalId: string): Promise<MatvardeDto[]> {
  const rader = await em.find(Matvarde, { nyckeltalId });
  return rader.map(matvardeDto).sort((a, b) => a.period.localeCompare(b.period) || KON_ORDNING[a.kon] - KON_ORDNING[b.kon]);
}

/** Publishes a nyckeltal's series after its measurements changed, in the same transaction. */
export async function publiceraSerie(em: EntityManager, nyckeltal: Nyckeltal, origin: { correlationId: string }): Promise<void> {
  addToOutbox(
    em,
    matvardenUppdaterade,
    { nyckeltal: nyckeltal.id, koladaKpi: nyckeltal.koladaKpi ?? null, matvarden: await serie(em, nyckeltal.id) },
    { producer: 'goals', correlationId: origin.correlationId },
  );
}

/** Stores values (each replaces the one of its period and kön); true when anything changed. */
export async function lagraMatvarden(
  em: EntityManager,
  nyckeltalId: string,
  varden: readonly { period: string; kon: MatvardeDto['kon']; varde: number | null; status?: string | null; kalla: MatvardeDto['kalla'] }[],
  nu: Date,
): Promise<boolean> {
  let andrat = false;
  for (const varde of varden) {
    const befintligt = await em.findOne(Matvarde, { nyckeltalId, period: varde.period, kon: varde.kon });
    const status = varde.status ?? null;
    if (befintligt && tal(befintligt.varde) === varde.varde && (befintligt.status ?? null) === status) continue;
    await em.upsert(Matvarde, {
      nyckeltalId,
      period: varde.period,
      kon: varde.kon,
      varde: varde.varde,
      status,
      kalla: varde.kalla,
      registreradAt: nu,
    });
    andrat = true;
  }
  return andrat;
}

@Injectable()
export class NyckeltalService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(OutboxRelay) private readonly outbox: OutboxRelay,
  ) {}

  async lista(): Promise<NyckeltalDto[]> {
    const alla = await this.orm.em.fork().find(Nyckeltal, {}, { orderBy: { namn: 'asc' } });
    return alla.map(nyckeltalDto);
  }

  async hamta(id: string): Promise<NyckeltalDto> {
    return nyckeltalDto(await this.finns(this.orm.em.fork(), id));
  }

  async skapa(request: NyttNyckeltal, principal: Principal, correlationId: string): Promise<NyckeltalDto> {
    const nyckeltal = await this.orm.em.fork().transactional(async (em) => {
      await this.kpiLedig(em, request.koladaKpi ?? null, null);
      const nytt = em.create(Nyckeltal, { id: randomUUID(), ...this.falt(request), version: 1, andradAt: new Date() });
      this.publicera(em, nytt, principal, correlationId, null);
      return nytt;
    });
    this.outbox.wake();
    return nyckeltalDto(nyckeltal);
  }

  async andra(id: string, request: NyttNyckeltal, principal: Principal, correlationId: string): Promise<NyckeltalDto> {
    const nyckeltal = await this.orm.em.fork().transactional(async (em) => {
      const nyckeltal = await this.finns(em, id);
      const fore = nyckeltalDto(nyckeltal);
      await this.kpiLedig(em, request.koladaKpi ?? null, id);
      em.assign(nyckeltal, { ...this.falt(request), version: nyckeltal.version + 1, andradAt: new Date() });
      this.publicera(em, nyckeltal, principal, correlationId, fore);
      return nyckeltal;
    });
    this.outbox.wake();
    return nyckeltalDto(nyckeltal);
  }

  async matvarden(id: string): Promise<MatvardesserieDto> {
    const em = this.orm.em.fork();
    await this.finns(em, id);
    return { nyckeltal: id, matvarden: await serie(em, id) };
  }

  async sparaMatvarden(id: string, matvarden: NyaMatvarden, principal: Principal, correlationId: string): Promise<MatvardesserieDto> {
    const em0 = this.orm.em.fork();
    const nyckeltal = await this.finns(em0, id, 404);
    avvisaVid(
      okandPeriod(
        periodfel(
          matvarden.map((m, i) => ({ period: m.period, falt: `matvarden[${i}].period` })),
          nyckeltal.periodtyp,
          idag(),
        ),
      ),
    );
    const resultat = await em0.transactional(async (em) => {
      const fore = await serie(em, id);
      if (
        await lagraMatvarden(
          em,
          id,
          matvarden.map((m) => ({ ...m, kalla: 'manuell' as const })),
          new Date(),
        )
      ) {
        await em.flush();
        await publiceraSerie(em, nyckeltal, { correlationId });
        loggaAndring(
          em,
          { tjanst: 'goals', principal, correlationId },
          { handling: 'matvarden.sparade', objekt: { typ: 'nyckeltal', id }, fore, efter: matvarden },
        );
      }
      return serie(em, id);
    });
    this.outbox.wake();
    return { nyckeltal: id, matvarden: resultat };
  }

  /** A measurement CSV: every line checked; stored in one transaction only when all are right and it is no dry run. */
  async importeraCsv(text: string, dryRun: boolean, principal: Principal, correlationId: string): Promise<MatvardeImportResultat> {
    const { rader, fel } = lasMatvardeCsv(text);
    const em0 = this.orm.em.fork();
    const katalog = await em0.find(Nyckeltal, {});
    const perReferens = new Map<string, Nyckeltal>();
    for (const n of katalog) {
      perReferens.set(n.id, n);
      if (n.koladaKpi) perReferens.set(n.koladaKpi, n);
    }
    const alla = [...fel];
    const perNyckeltal = new Map<Nyckeltal, typeof rader>();
    const dag = idag();
    for (const rad of rader) {
      const nyckeltal = perReferens.get(rad.nyckeltal);
      if (!nyckeltal) {
        alla.push({ rad: rad.rad, falt: 'nyckeltal', meddelande: `okänt nyckeltal ${rad.nyckeltal}` });
        continue;
      }
      const periodproblem = periodfel([{ period: rad.period, falt: 'period' }], nyckeltal.periodtyp, dag);
      for (const p of periodproblem) alla.push({ rad: rad.rad, falt: p.field, meddelande: p.message });
      perNyckeltal.set(nyckeltal, [...(perNyckeltal.get(nyckeltal) ?? []), rad]);
    }
    const resultat: MatvardeImportResultat = {
      status: alla.length > 0 ? 'avvisad' : dryRun ? 'provkord' : 'importerad',
      rader: rader.length,
      perNyckeltal: [...perNyckeltal].map(([n, r]) => ({ nyckeltal: n.id, namn: n.namn, antal: r.length })),
      fel: alla.slice(0, 200),
    };
    if (resultat.status !== 'importerad') return resultat;
    await em0.transactional(async (em) => {
      const nu = new Date();
      for (const [nyckeltal, varden] of perNyckeltal) {
        if (
          await lagraMatvarden(
            em,
            nyckeltal.id,
            varden.map((v) => ({ ...v, kalla: 'csv' as const })),
            nu,
          )
        ) {
          await em.flush();
          await publiceraSerie(em, nyckeltal, { correlationId });
        }
      }
      loggaAndring(
        em,
        { tjanst: 'goals', principal, correlationId },
        { handling: 'matvarden.importerade', objekt: { typ: 'matvarden', id: 'csv' }, fore: null, efter: resultat.perNyckeltal },
      );
    });
    this.outbox.wake();
    return resultat;
  }

  private falt(request: NyttNyckeltal) {
    return {
      namn: request.namn,
      definition: request.definition,
      enhet: request.enhet,
      riktning: request.riktning,
      kalla: request.kalla,
      koladaKpi: request.koladaKpi ?? null,
      periodtyp: request.periodtyp,
      konsuppdelat: request.konsuppdelat,
      utgangsvarde: request.utgangsvarde ?? null,
      malvarden: request.malvarden,
    };
  }

  private publicera(em: EntityManager, nyckeltal: Nyckeltal, principal: Principal, correlationId: string, fore: NyckeltalDto | null) {
    const efter = nyckeltalDto(nyckeltal);
    addToOutbox(em, nyckeltalUppdaterat, efter, { producer: 'goals', correlationId });
    loggaAndring(
      em,
      { tjanst: 'goals', principal, correlationId },
      { handling: fore ? 'nyckeltal.andrat' : 'nyckeltal.skapat', objekt: { typ: 'nyckeltal', id: nyckeltal.id }, fore, efter },
    );
  }

  private async kpiLedig(em: EntityManager, kpi: string | null, egetId: string | null): Promise<void> {
    if (!kpi) return;
    const annan = await em.findOne(Nyckeltal, { koladaKpi: kpi });
    if (annan && annan.id !== egetId)
      avvisa({
        status: 409,
        title: 'Kolada-nyckeltalet används redan',
        detail: `${kpi} hör redan till nyckeltalet ${annan.namn}.`,
        fel: [{ field: 'koladaKpi', message: 'används redan av ett annat nyckeltal' }],
      });
  }

  private async finns(em: EntityManager, id: string, status: 404 = 404): Promise<Nyckeltal> {
    const nyckeltal = await em.findOne(Nyckeltal, { id });
    if (!nyckeltal)
      throw new ProblemException(status, 'Nyckeltalet finns inte', `Nyckeltalet ${id} finns inte i katalogen.`, [
        { field: 'id', message: 'okänt nyckeltal' },
      ]);
    return nyckeltal;
  }
}
