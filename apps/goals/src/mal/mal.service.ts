import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import {
  andraMalRequestSchema,
  arKoncernbolag,
  avslutaMalRequestSchema,
  KONCERNBOLAG,
  MAX_AKTIVA_MAL,
  skapaMalRequestSchema,
  type MalDto,
  type MalversionDto,
  type Malstatus,
} from '@tertial/contracts/dto';
import { malUppdaterat } from '@tertial/contracts/events';
import {
  addToOutbox,
  avvisa,
  avvisaVid,
  harRoll,
  loggaAndring,
  OmfangService,
  OrganisationReplica,
  OutboxRelay,
  ProblemException,
  type Principal,
} from '@tertial/service-kit';
import type { z } from 'zod';

import { Nyckeltal } from '../nyckeltal/nyckeltal.entity.js';
import { okantNyckeltal } from '../nyckeltal/nyckeltalregler.js';
import { iAr } from '../person.js';
import { Mal, MalPlats, Malversion } from './mal.entity.js';
import { forMangaMal, hinderForNyttMal, inaktuellVersion, malarIForfluten } from './malregler.js';

export function malDto(mal: Mal): MalDto {
  return {
    id: mal.id,
    namnd: mal.namndKod,
    agartyp: mal.agartyp,
    ar: mal.ar,
    text: mal.text,
    nyckeltal: mal.nyckeltal,
    professionellBedomning: mal.professionellBedomning,
    status: mal.status,
    version: mal.version,
    beslut: { datum: mal.beslut.datum, paragraf: mal.beslut.paragraf ?? null },
    avslutat: mal.avslutat ?? null,
    andradAv: { id: mal.andradAvId, namn: mal.andradAvNamn },
    andradAt: mal.andradAt.toISOString(),
  };
}

/**
 * Takes one of the nämnd's three places for a new mål. The places are made on first use (an insert that ignores
 * those already there), then each is tried with an update that succeeds only while it is free: two racing
 * transactions cannot both take the same place, PostgreSQL's row lock makes the second wait and then see it taken,
 * and SQLite runs one transaction at a time. Returns whether a place was taken.
 */
export async function taPlats(em: EntityManager, namnd: string, malId: string): Promise<boolean> {
  const platser = Array.from({ length: MAX_AKTIVA_MAL }, (_, i) => ({ namndKod: namnd, plats: i + 1, malId: null }));
  await em.upsertMany(MalPlats, platser, { onConflictFields: ['namndKod', 'plats'], onConflictAction: 'ignore', disableIdentityMap: true });
  for (const { plats } of platser) {
    if ((await em.nativeUpdate(MalPlats, { namndKod: namnd, plats, malId: null }, { malId })) === 1) return true;
  }
  return false;
}

export interface Skrivratt {
  /** Whether the person may write the mål (and assessments) of the nämnd or bolag. */
  readonly far: boolean;
  /** Whether the kod is a nämnd of today's organisation or one of the bolag. */
  readonly finns: boolean;
  readonly namn: string;
}

/** Mål of the nämnder and bolag: added, changed and ended by KF's decisions, at most three active per nämnd. */
@Injectable()
export class MalService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(OrganisationReplica) private readonly organisation: OrganisationReplica,
    @Inject(OmfangService) private readonly omfang: OmfangService,
    @Inject(OutboxRelay) private readonly outbox: OutboxRelay,
  ) {}

  /**
   * A bolag's mål: the ekonomidirektör, or a processledare whose sign-in names the bolag. A nämnd's: its processledare
   * (the whole nämnd in their part of the organisation) or the ekonomidirektör.
   */
  async skrivratt(principal: Principal, kod: string): Promise<Skrivratt> {
    const bolag = KONCERNBOLAG.find((b) => b.kod === kod);
    if (bolag) return { far: harRoll(principal, 'ekonomidirektor') || principal.org.includes(kod), finns: true, namn: bolag.namn };
    const far =
      harRoll(principal, 'ekonomidirektor') || (harRoll(principal, 'processledare') && (await this.omfang.for(principal)).ser(kod));
    const namnd = far ? (await this.organisation.allNodes()).find((node) => node.kod === kod && node.niva === 'namnd') : undefined;
    return { far, finns: namnd !== undefined, namn: namnd?.namn ?? kod };
  }

  /** Who may read a nämnd's mål: anyone whose part of the organisation touches it; a bolag's: every reader. */
  async lasratt(principal: Principal): Promise<(kod: string) => boolean> {
    const omfang = await this.omfang.for(principal);
    return (kod) => arKoncernbolag(kod) || omfang.serDelAv(kod);
  }

  async skapa(
    request: z.output<typeof skapaMalRequestSchema>,
    principal: Principal,
    correlationId: string,
    nu = new Date(),
  ): Promise<MalDto> {
    // Access first: whether the nämnd exists is not told someone who may not add its mål.
    const ratt = await this.skrivratt(principal, request.namnd);
    avvisaVid(hinderForNyttMal({ namnd: request.namnd, serNamnden: ratt.far, arNamnd: ratt.finns }));
    avvisaVid(malarIForfluten(request.ar, iAr(nu)));
    const mal = await this.orm.em.fork().transactional(async (em) => {
      await this.nyckeltalFinns(em, request.nyckeltal);
      const id = randomUUID();
      if (!(await taPlats(em, request.namnd, id))) {
        avvisaVid(forMangaMal(ratt.namn, await em.count(Mal, { namndKod: request.namnd, status: 'aktivt' })));
        avvisa(forMangaMal(ratt.namn, MAX_AKTIVA_MAL)!);
      }
      const mal = em.create(Mal, {
        id,
        namndKod: request.namnd,
        agartyp: arKoncernbolag(request.namnd) ? 'bolag' : 'namnd',
        ar: request.ar,
        text: request.text,
        nyckeltal: request.nyckeltal,
        professionellBedomning: request.professionellBedomning,
        status: 'aktivt',
        version: 1,
        beslut: { datum: request.beslut.datum, paragraf: request.beslut.paragraf ?? null },
        avslutat: null,
        andradAvId: principal.id,
        andradAvNamn: principal.namn,
        skapadAt: nu,
        andradAt: nu,
      });
      this.nyVersion(em, mal, 'skapat', null, principal, correlationId);
      return mal;
    });
    this.outbox.wake();
    return malDto(mal);
  }

  async andra(id: string, request: z.output<typeof andraMalRequestSchema>, principal: Principal, correlationId: string, nu = new Date()) {
    return this.forandra(id, request.version, principal, correlationId, nu, async (em, mal) => {
      avvisaVid(malarIForfluten(request.ar, iAr(nu)));
      await this.nyckeltalFinns(em, request.nyckeltal);
      return {
        handling: 'andrat' as const,
        falt: {
          ar: request.ar,
          text: request.text,
          nyckeltal: request.nyckeltal,
          professionellBedomning: request.professionellBedomning,
          beslut: { datum: request.beslut.datum, paragraf: request.beslut.paragraf ?? null },
          status: mal.status,
        },
      };
    });
  }

  async avsluta(
    id: string,
    request: z.output<typeof avslutaMalRequestSchema>,
    principal: Principal,
    correlationId: string,
    nu = new Date(),
  ) {
    return this.forandra(id, request.version, principal, correlationId, nu, async (em, mal) => {
      // The place is freed in the same transaction, so a new mål can take it once this one has ended.
      await em.nativeUpdate(MalPlats, { malId: mal.id }, { malId: null });
      const beslut = { datum: request.beslut.datum, paragraf: request.beslut.paragraf ?? null };
      return {
        handling: 'avslutat' as const,
        falt: { status: 'avslutat', avslutat: { beslut, motivering: request.motivering ?? null } },
      };
    });
  }

  async lista(
    filter: { namnd?: string | undefined; ar?: number | undefined; status?: Malstatus | undefined },
    principal: Principal,
  ): Promise<MalDto[]> {
    const far = await this.lasratt(principal);
    if (filter.namnd && !far(filter.namnd)) avvisa({ status: 403 });
    const mal = await this.orm.em.fork().find(
      Mal,
      {
        ...(filter.namnd ? { namndKod: filter.namnd } : {}),
        ...(filter.ar ? { ar: filter.ar } : {}),
        ...(filter.status ? { status: filter.status } : {}),
      },
      { orderBy: { namndKod: 'asc', skapadAt: 'asc', id: 'asc' } },
    );
    return mal.filter((m) => far(m.namndKod)).map(malDto);
  }

  async hamta(id: string, principal: Principal): Promise<MalDto> {
    return malDto(await this.lasbart(this.orm.em.fork(), id, principal));
  }

  async versioner(id: string, principal: Principal): Promise<MalversionDto[]> {
    const em = this.orm.em.fork();
    await this.lasbart(em, id, principal);
    const versioner = await em.find(Malversion, { malId: id }, { orderBy: { version: 'asc' } });
    return versioner.map((v) => ({ ...v.data, handling: v.handling }));
  }

  /** The mål, when the person may read it; a mål they may not read is 403 like one that does not exist. */
  async lasbart(em: EntityManager, id: string, principal: Principal): Promise<Mal> {
    const mal = await em.findOne(Mal, { id });
    const far = await this.lasratt(principal);
    if (!mal || !far(mal.namndKod)) {
      if (!mal && harRoll(principal, 'ekonomidirektor'))
        throw new ProblemException(404, 'Målet finns inte', `Målet ${id} finns inte.`, [{ field: 'id', message: 'okänt mål' }]);
      avvisa({ status: 403 });
    }
    return mal;
  }

  private async forandra(
    id: string,
    version: number,
    principal: Principal,
    correlationId: string,
    nu: Date,
    andring: (em: EntityManager, mal: Mal) => Promise<{ handling: 'andrat' | 'avslutat'; falt: Partial<Mal> }>,
  ): Promise<MalDto> {
    // Access before the transaction: it reads the organisation replica, which on SQLite (one connection, held by the
    // transaction) would wait for the transaction to end, and the transaction for it.
    const forst = await this.lasbart(this.orm.em.fork(), id, principal);
    if (!(await this.skrivratt(principal, forst.namndKod)).far) avvisa({ status: 403 });
    const mal = await this.orm.em.fork().transactional(async (em) => {
      const mal = await em.findOne(Mal, { id });
      if (!mal) throw new ProblemException(404, 'Målet finns inte', `Målet ${id} finns inte.`, [{ field: 'id', message: 'okänt mål' }]);
      avvisaVid(inaktuellVersion(mal.version, version, mal.status));
      const fore = malDto(mal);
      const { handling, falt } = await andring(em, mal);
      // Conditional on the version read: a change committed meanwhile makes this one 409, never a silent overwrite.
      const andrade = await em.nativeUpdate(
        Mal,
        { id, version },
        { ...falt, version: version + 1, andradAvId: principal.id, andradAvNamn: principal.namn, andradAt: nu },
      );
      avvisaVid(andrade === 1 ? null : inaktuellVersion(version + 1, version, 'aktivt'));
      em.assign(mal, { ...falt, version: version + 1, andradAvId: principal.id, andradAvNamn: principal.namn, andradAt: nu });
      this.nyVersion(em, mal, handling, fore, principal, correlationId);
      return mal;
    });
    this.outbox.wake();
    return malDto(mal);
  }

  private nyVersion(
    em: EntityManager,
    mal: Mal,
    handling: MalversionDto['handling'],
    fore: MalDto | null,
    principal: Principal,
    correlationId: string,
  ) {
    const efter = malDto(mal);
    em.create(Malversion, { malId: mal.id, version: mal.version, handling, data: efter, andradAt: mal.andradAt });
    addToOutbox(em, malUppdaterat, { ...efter, handling }, { producer: 'goals', correlationId });
    loggaAndring(
      em,
      { tjanst: 'goals', principal, correlationId },
      { handling: `mal.${handling}`, objekt: { typ: 'mal', id: mal.id }, fore, efter },
    );
  }

  private async nyckeltalFinns(em: EntityManager, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const finns = new Set((await em.find(Nyckeltal, { id: { $in: [...ids] } })).map((n) => n.id));
    ids.forEach((id, i) => {
      if (!finns.has(id)) avvisa(okantNyckeltal(`nyckeltal[${i}]`, id));
    });
  }
}
