import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import {
  bedomMalRequestSchema,
  bedomningsreglerSchema,
  foregaendeUppfoljning,
  uppfoljningensSistaDag,
  type Bedomningsregler,
  type MalbedomningDto,
  type MaluppfoljningDto,
  type Uppfoljningstillfalle,
} from '@tertial/contracts/dto';
import { malbedomningUppdaterad } from '@tertial/contracts/events';
import { addToOutbox, avvisa, harRoll, loggaAndring, OutboxRelay, type Principal } from '@tertial/service-kit';
import type { z } from 'zod';

import { InstallningarService } from '../installningar/installningar.service.js';
import { Mal } from '../mal/mal.entity.js';
import { malDto, MalService } from '../mal/mal.service.js';
import { Matvarde, Nyckeltal } from '../nyckeltal/nyckeltal.entity.js';
import { tal } from '../nyckeltal/nyckeltal.service.js';
import { personAv } from '../person.js';
import { foreslaBedomning, type NyckeltalUnderlag } from './bedomningsforslag.js';
import { Malbedomning } from './malbedomning.entity.js';
import { bedomningsfel, uppfoljningenHarInteKommit } from './maluppfyllelseregler.js';

export function malbedomningDto(b: Malbedomning): MalbedomningDto {
  return {
    malId: b.malId,
    namnd: b.namndKod,
    ar: b.ar,
    tillfalle: b.tillfalle,
    forslag: b.forslag,
    beslut: b.beslut ?? null,
    version: b.version,
  };
}

/** Måluppfyllelse at each follow-up: the service proposes from the nyckeltal, the processledare decides; both are kept. */
@Injectable()
export class MaluppfyllelseService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(MalService) private readonly malService: MalService,
    @Inject(InstallningarService) private readonly installningar: InstallningarService,
    @Inject(OutboxRelay) private readonly outbox: OutboxRelay,
  ) {}

  regler(): Promise<Bedomningsregler> {
    return this.installningar.regler();
  }

  async sparaRegler(
    regler: z.output<typeof bedomningsreglerSchema>,
    principal: Principal,
    correlationId: string,
  ): Promise<Bedomningsregler> {
    await this.orm.em.fork().transactional(async (em) => {
      const fore = await this.installningar.spara(em, 'regler', regler, principal);
      loggaAndring(
        em,
        { tjanst: 'goals', principal, correlationId },
        { handling: 'bedomningsregler.andrade', objekt: { typ: 'installning', id: 'bedomningsregler' }, fore, efter: regler },
      );
    });
    return regler;
  }

  /** Every mål active at the follow-up that the person may read, with its stored assessment or the proposal of now. */
  async uppfoljning(
    ar: number,
    tillfalle: Uppfoljningstillfalle,
    namnd: string | undefined,
    principal: Principal,
    nu = new Date(),
  ): Promise<MaluppfoljningDto> {
    const far = await this.malService.lasratt(principal);
    if (namnd && !far(namnd)) avvisa({ status: 403 });
    const em = this.orm.em.fork();
    const mal = (await this.aktivaVid(em, ar, tillfalle, namnd)).filter((m) => far(m.namndKod));
    const lagrade = new Map(
      (await em.find(Malbedomning, { ar, tillfalle, malId: { $in: mal.map((m) => m.id) } })).map((b) => [b.malId, malbedomningDto(b)]),
    );
    const regler = await this.installningar.regler(em);
    const resultat: MaluppfoljningDto['mal'] = [];
    for (const m of mal) {
      const lagrad = lagrade.get(m.id);
      const bedomning = lagrad ?? {
        malId: m.id,
        namnd: m.namndKod,
        ar,
        tillfalle,
        forslag: await this.forslag(em, m, ar, tillfalle, regler, nu),
        beslut: null,
        version: 0,
      };
      resultat.push({ mal: malDto(m), bedomning });
    }
    return { ar, tillfalle, mal: resultat };
  }

  async hamta(malId: string, ar: number, tillfalle: Uppfoljningstillfalle, principal: Principal, nu = new Date()) {
    const em = this.orm.em.fork();
    const mal = await this.malService.lasbart(em, malId, principal);
    const lagrad = await em.findOne(Malbedomning, { malId, ar, tillfalle });
    if (lagrad) return malbedomningDto(lagrad);
    const forslag = await this.forslag(em, mal, ar, tillfalle, await this.installningar.regler(em), nu);
    return { malId, namnd: mal.namndKod, ar, tillfalle, forslag, beslut: null, version: 0 };
  }

  /** Stores and publishes the proposals of the follow-up for the mål not yet decided (the processledare's starting point). */
  async lagraForslag(
    ar: number,
    tillfalle: Uppfoljningstillfalle,
    namnd: string | undefined,
    principal: Principal,
    correlationId: string,
    nu = new Date(),
  ) {
    avvisa0(uppfoljningenHarInteKommit(ar, tillfalle, nu));
    // Access before the transaction: it reads the organisation replica, which on SQLite (one connection, held by the
    // transaction) would wait for the transaction to end, and the transaction for it.
    const far = new Map<string, boolean>();
    for (const mal of await this.aktivaVid(this.orm.em.fork(), ar, tillfalle, namnd))
      if (!far.has(mal.namndKod)) far.set(mal.namndKod, (await this.malService.skrivratt(principal, mal.namndKod)).far);
    const antal = await this.orm.em.fork().transactional(async (em) => {
      const regler = await this.installningar.regler(em);
      let antal = 0;
      for (const mal of await this.aktivaVid(em, ar, tillfalle, namnd)) {
        if (!far.get(mal.namndKod)) continue;
        const lagrad = await em.findOne(Malbedomning, { malId: mal.id, ar, tillfalle });
        if (lagrad?.beslut) continue;
        const forslag = await this.forslag(em, mal, ar, tillfalle, regler, nu);
        await this.spara(em, mal, ar, tillfalle, forslag, null, lagrad, correlationId, nu);
        antal += 1;
      }
      return antal;
    });
    this.outbox.wake();
    return { ar, tillfalle, antal };
  }

  /** The processledare's assessment: the proposal of now beside it; an override needs a reason. */
  async bedom(
    malId: string,
    ar: number,
    tillfalle: Uppfoljningstillfalle,
    request: z.output<typeof bedomMalRequestSchema>,
    principal: Principal,
    correlationId: string,
    nu = new Date(),
  ): Promise<MalbedomningDto> {
    // Access before the transaction: it reads the organisation replica, which on SQLite (one connection, held by the
    // transaction) would wait for the transaction to end, and the transaction for it.
    const forst = await this.malService.lasbart(this.orm.em.fork(), malId, principal);
    if (!(await this.malService.skrivratt(principal, forst.namndKod)).far || !harRoll(principal, 'processledare', 'ekonomidirektor'))
      avvisa({ status: 403 });
    const resultat = await this.orm.em.fork().transactional(async (em) => {
      const mal = (await em.findOne(Mal, { id: malId })) ?? forst;
      avvisa0(uppfoljningenHarInteKommit(ar, tillfalle, nu));
      const forslag = await this.forslag(em, mal, ar, tillfalle, await this.installningar.regler(em), nu);
      avvisa0(bedomningsfel(request, forslag.bedomning));
      const lagrad = await em.findOne(Malbedomning, { malId, ar, tillfalle });
      const fore = lagrad ? malbedomningDto(lagrad) : null;
      const foljer = forslag.bedomning === request.bedomning;
      const beslut = {
        bedomning: request.bedomning,
        analys: request.analys,
        motivering: foljer ? null : (request.motivering ?? null),
        foljerForslaget: foljer,
        beslutadAv: personAv(principal),
        beslutadAt: nu.toISOString(),
      };
      const efter = await this.spara(em, mal, ar, tillfalle, forslag, beslut, lagrad, correlationId, nu);
      loggaAndring(
        em,
        { tjanst: 'goals', principal, correlationId },
        { handling: 'malbedomning.beslutad', objekt: { typ: 'mal', id: malId }, fore, efter },
      );
      return efter;
    });
    this.outbox.wake();
    return resultat;
  }

  private async spara(
    em: EntityManager,
    mal: Mal,
    ar: number,
    tillfalle: Uppfoljningstillfalle,
    forslag: MalbedomningDto['forslag'],
    beslut: MalbedomningDto['beslut'],
    lagrad: Malbedomning | null,
    correlationId: string,
    nu: Date,
  ): Promise<MalbedomningDto> {
    const version = (lagrad?.version ?? 0) + 1;
    await em.upsert(Malbedomning, { malId: mal.id, ar, tillfalle, namndKod: mal.namndKod, forslag, beslut, version, andradAt: nu });
    const dto: MalbedomningDto = { malId: mal.id, namnd: mal.namndKod, ar, tillfalle, forslag, beslut, version };
    addToOutbox(em, malbedomningUppdaterad, dto, { producer: 'goals', correlationId });
    return dto;
  }

  /** The mål decided by the follow-up's end and not ended before it. */
  private async aktivaVid(em: EntityManager, ar: number, tillfalle: Uppfoljningstillfalle, namnd: string | undefined): Promise<Mal[]> {
    const slut = uppfoljningensSistaDag(ar, tillfalle);
    const mal = await em.find(Mal, namnd ? { namndKod: namnd } : {}, { orderBy: { namndKod: 'asc', skapadAt: 'asc', id: 'asc' } });
    return mal.filter((m) => m.beslut.datum <= slut && (m.status === 'aktivt' || (m.avslutat && m.avslutat.beslut.datum > slut)));
  }

  private async forslag(em: EntityManager, mal: Mal, ar: number, tillfalle: Uppfoljningstillfalle, regler: Bedomningsregler, nu: Date) {
    const nyckeltal = mal.nyckeltal.length > 0 ? await em.find(Nyckeltal, { id: { $in: mal.nyckeltal } }) : [];
    const matvarden = mal.nyckeltal.length > 0 ? await em.find(Matvarde, { nyckeltalId: { $in: mal.nyckeltal } }) : [];
    const underlag: NyckeltalUnderlag[] = mal.nyckeltal.flatMap((id) => {
      const n = nyckeltal.find((k) => k.id === id);
      if (!n) return [];
      return [
        {
          id: n.id,
          namn: n.namn,
          enhet: n.enhet,
          riktning: n.riktning,
          utgangsvarde: n.utgangsvarde?.varde ?? null,
          malvarden: n.malvarden,
          matvarden: matvarden
            .filter((m) => m.nyckeltalId === id)
            .map((m) => ({ period: m.period, kon: m.kon, varde: tal(m.varde), registreradAt: m.registreradAt.toISOString() })),
        },
      ];
    });
    // The previous follow-up "was" when its assessment was decided; one never decided counts from its period's end.
    const foregaende = foregaendeUppfoljning(ar, tillfalle);
    const tidigare = await em.findOne(Malbedomning, { malId: mal.id, ar: foregaende.ar, tillfalle: foregaende.tillfalle });
    const foregaendeUppfoljningAt =
      tidigare?.beslut?.beslutadAt ?? `${uppfoljningensSistaDag(foregaende.ar, foregaende.tillfalle)}T23:59:59.999Z`;
    return foreslaBedomning({
      professionellBedomning: mal.professionellBedomning,
      nyckeltal: underlag,
      ar,
      tillfalle,
      foregaendeUppfoljningAt,
      regler,
      nu,
    });
  }
}

function avvisa0(hinder: ReturnType<typeof bedomningsfel>): void {
  if (hinder) avvisa(hinder);
}
