import { randomUUID } from 'node:crypto';

import { HttpException, Inject, Injectable } from '@nestjs/common';
import { DriverException, MikroORM, UniqueConstraintViolationException, raw, type EntityManager } from '@mikro-orm/core';
import type {
  andraKommentarstroskelRequestSchema,
  HelarsprognosAdress,
  HelarsprognosDto,
  HelarsprognosUnderlag,
  KommentarstroskelDto,
  sparaHelarsprognosRequestSchema,
  Prognosversionsjamforelse,
} from '@tertial/contracts/dto';
import { helarsprognosAndrad, type HelarsprognosAndradPayload } from '@tertial/contracts/events';
import {
  arsarbetare,
  periodensSistaManad,
  periodensSlut,
  PROGNOSTILLFALLEN,
  type PrognosRad,
  type Prognosstatus,
  type Prognostillfalle,
} from '@tertial/contracts/prognos';
import {
  addToOutbox,
  avvisa,
  avvisaVid,
  dbJson,
  dbTid,
  harRoll,
  jsonFranDb,
  loggaAndring,
  OmfangService,
  OutboxRelay,
  skrivAndring,
  skrivTillOutbox,
  sqlDirekt,
  tidFranDb,
  type DbTid,
  type Principal,
} from '@tertial/service-kit';
import type { z } from 'zod';

import { Prognosomgang } from '../omgangar/prognosomgang.entity.js';
import { hinderForAndringIOmgang, hinderForAteroppning } from '../omgangar/omgangsregler.js';
import { InvesteringsprojektReplika } from '../personal-och-investeringar/investeringsprojekt.entity.js';
import {
  investeringsfel,
  investeringsunderlag,
  personalunderlag,
  type Investeringsprognos,
  type Personalprognos,
} from '../personal-och-investeringar/personal-och-investeringar.js';
import { Ansvarsbudget, Ansvarsutfall } from '../underlag/underlag.entity.js';
import { berakningsunderlag, jamforVersioner, nettoavvikelse } from '../underlag/underlagsregler.js';
import { AteroppnatAnsvar, Helarsprognos, Kommentarstroskel } from './helarsprognos.entity.js';
import { TROSKEL_ID, UppslagCache, type OrganisationVid } from './uppslag-cache.js';
import {
  beslutskommentarSaknas,
  etag,
  foregaendeOmgangensPrognos,
  hinderForAktor,
  hinderForOvergang,
  kommentarKravsMenSaknas,
  nastaAndring,
  nastaVersion,
  prognosrader,
  provaIfMatch,
  STANDARDTROSKEL,
  statusEfter,
  type Aktor,
  type Handling,
  type Troskel,
  type Villkorshinder,
} from './helarsprognosregler.js';

/** A forecast as answered, with its ETag. */
export interface MedEtag<T> {
  readonly varde: T;
  readonly etag: string;
}

@Injectable()
export class HelarsprognoserService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(OutboxRelay) private readonly outbox: OutboxRelay,
    @Inject(OmfangService) private readonly omfang: OmfangService,
    @Inject(UppslagCache) private readonly uppslag: UppslagCache,
  ) {}

  /** The current version of an ansvar's forecast, for whoever sees the ansvar. */
  async hamta(adress: HelarsprognosAdress, principal: Principal): Promise<MedEtag<HelarsprognosDto>> {
    (await this.omfang.for(principal)).kravSer(adress.ansvar);
    const aktuell = await aktuellVersion(this.orm.em.fork(), adress);
    if (!aktuell) {
      return avvisa({
        status: 404,
        title: 'Ingen prognos ännu',
        detail: `Ansvaret ${adress.ansvar} har ingen sparad prognos för ${adress.tillfalle} ${adress.ar} (ej påbörjad).`,
        fel: [{ field: 'ansvar', message: 'ej påbörjad' }],
      });
    }
    return { varde: toDto(aktuell), etag: etag(aktuell) };
  }

  /**
   * Saves a new version of the chef's forecast (an utkast, or klarmarkerad), if `If-Match` names the current state.
   * The version, its event and its audit record are stored in one transaction; nothing is stored when anything is wrong.
   */
  async spara(
    adress: HelarsprognosAdress,
    request: z.output<typeof sparaHelarsprognosRequestSchema>,
    ifMatch: string | undefined,
    principal: Principal,
    correlationId: string,
  ): Promise<MedEtag<HelarsprognosDto>> {
    const aktor = await this.aktor(adress.ansvar, principal);
    // Whether the ansvar exists is not looked up for someone who may not save it.
    if (!aktor.arChef) avvisa({ status: 403 });
    const organisation = await this.uppslag.organisationVid(periodensSlut(adress.ar, adress.tillfalle));
    if (!organisation.ansvar(adress.ansvar)) {
      avvisa({
        status: 422,
        title: 'Okänt ansvar',
        detail: `Ansvaret ${adress.ansvar} finns inte i organisationen per ${periodensSlut(adress.ar, adress.tillfalle)}.`,
        fel: [{ field: 'ansvar', message: 'okänt ansvar' }],
      });
    }
    const { rader, summa } = prognosrader(request.rader);
    const klarmarkerad = request.klarmarkerad === true;
    const kommentar = request.kommentar?.trim() ? request.kommentar : null;
    const personal: Personalprognos | null = request.personal
      ? { nuTiondelar: request.personal.nu, prognosTiondelar: request.personal.prognos }
      : null;
    const investeringar: Investeringsprognos[] | null = request.investeringar?.length
      ? request.investeringar.map((rad) => ({ projekt: rad.projekt, prognosOre: rad.prognos }))
      : null;
    // The save path in plain SQL (see `direkt`): the most frequent write of a round, thousands in its last days.
    const sparad = await this.iTransaktion(async (em) => {
      const aktuell = await aktuellVersionDirekt(em, adress);
      this.provaVillkor(ifMatch, aktuell);
      if (investeringar) await kravEgnaProjekt(em, adress.ansvar, investeringar);
      avvisaVid(await this.hinderIOmgang(em, adress, organisation, true));
      avvisaVid(hinderForOvergang('spara', aktor, aktuell?.status ?? 'ej-paborjad'));
      avvisaVid(await kommentarshinder(em, adress, rader, klarmarkerad, kommentar, await this.uppslag.kommentarstroskel(em)));
      const nu = new Date();
      const andring = nastaAndring(aktuell?.andring);
      // The previous version is taken only if no one changed it since it was read: the loser of a race gets 412.
      if (aktuell) await this.tagDirekt(em, aktuell, andring);
      const prognos: Helarsprognos = {
        id: randomUUID(),
        ...adress,
        version: nastaVersion(aktuell?.version),
        andring,
        status: statusEfter('spara', klarmarkerad),
        rader,
        ...summa,
        kommentar,
        sparadAt: nu,
        sparadAvId: principal.id,
        sparadAvNamn: principal.namn,
        andradAt: nu,
        andradAvId: principal.id,
        andradAvNamn: principal.namn,
        beslutskommentar: null,
        correlationId,
        personal,
        investeringar,
      };
      await skrivPrognos(em, prognos);
      const dto = toDto(prognos);
      await skrivTillOutbox(em, helarsprognosAndrad, handelse(dto), { producer: 'forecast', correlationId });
      await skrivAndring(
        em,
        { tjanst: 'forecast', principal, correlationId },
        {
          handling: 'helarsprognos.sparad',
          objekt: { typ: 'ansvar', id: adress.ansvar },
          fore: aktuell ? toDto(aktuell) : null,
          efter: dto,
        },
      );
      return { varde: dto, etag: etag(dto) };
    }, adress);
    this.outbox.wake();
    return sparad;
  }

  /**
   * Klarmarkera (the chef), godkänn or återsänd (the förvaltningsekonom), återöppna after close (the ekonomidirektör):
   * the current version's status changes, if `If-Match` names the current state.
   */
  async andraStatus(
    handling: Exclude<Handling, 'spara'>,
    adress: HelarsprognosAdress,
    kommentarIn: string | undefined,
    ifMatch: string | undefined,
    principal: Principal,
    correlationId: string,
  ): Promise<MedEtag<HelarsprognosDto> | null> {
    const aktor = await this.aktor(adress.ansvar, principal);
    const kommentar = kommentarIn?.trim() ? kommentarIn.trim() : undefined;
    const organisation = await this.uppslag.organisationVid(periodensSlut(adress.ar, adress.tillfalle));
    const resultat = await this.iTransaktion(async (em) => {
      // Who first, then whether the client saw the current state (a stale one learns what is current), then the status.
      avvisaVid(hinderForAktor(handling, aktor));
      const aktuell = await aktuellVersion(em, adress);
      this.provaVillkor(ifMatch, aktuell);
      avvisaVid(hinderForOvergang(handling, aktor, aktuell?.status ?? 'ej-paborjad'));
      avvisaVid(beslutskommentarSaknas(handling, kommentar));
      if (handling === 'ateroppna') {
        avvisaVid(
          hinderForAteroppning(
            await em.findOne(Prognosomgang, { ar: adress.ar, tillfalle: adress.tillfalle }),
            adress.ar,
            adress.tillfalle,
          ),
        );
      } else {
        avvisaVid(await this.hinderIOmgang(em, adress, organisation, handling === 'klarmarkera'));
      }
      if (!aktuell) {
        // Only a reopening gets here without a version: the chef may start after close.
        await em.upsert(AteroppnatAnsvar, { ...adress, skal: kommentar ?? '', ateroppnadAt: new Date(), ateroppnadAvId: principal.id });
        loggaAndring(
          em,
          { tjanst: 'forecast', principal, correlationId },
          {
            handling: 'helarsprognos.ateroppnad',
            objekt: { typ: 'ansvar', id: adress.ansvar },
            fore: null,
            efter: { ...adress, skal: kommentar },
          },
        );
        return null;
      }
      if (handling === 'klarmarkera') {
        avvisaVid(
          await kommentarshinder(em, adress, aktuell.rader, true, aktuell.kommentar ?? null, await this.uppslag.kommentarstroskel(em)),
        );
      }
      const nu = new Date();
      const andringar = {
        andring: nastaAndring(aktuell.andring),
        status: statusEfter(handling),
        andradAt: nu,
        andradAvId: principal.id,
        andradAvNamn: principal.namn,
        beslutskommentar: handling === 'klarmarkera' ? null : (kommentar ?? null),
      };
      await this.tag(em, aktuell, andringar);
      if (handling === 'ateroppna') {
        await em.upsert(AteroppnatAnsvar, { ...adress, skal: kommentar ?? '', ateroppnadAt: nu, ateroppnadAvId: principal.id });
      }
      const fore = toDto(aktuell);
      const dto: HelarsprognosDto = {
        ...fore,
        andring: andringar.andring,
        status: andringar.status,
        andradAt: nu.toISOString(),
        andradAv: { id: principal.id, namn: principal.namn },
        beslutskommentar: andringar.beslutskommentar,
      };
      publicera(em, dto, correlationId);
      loggaAndring(
        em,
        { tjanst: 'forecast', principal, correlationId },
        { handling: `helarsprognos.${LOGGNAMN[handling]}`, objekt: { typ: 'ansvar', id: adress.ansvar }, fore, efter: dto },
      );
      return { varde: dto, etag: etag(dto) };
    }, adress);
    this.outbox.wake();
    return resultat;
  }

  /** The current version per ansvar for a year and tillfälle, within what the person sees; optionally one ansvar. */
  async aktuella(ar: number, tillfalle: Prognostillfalle, principal: Principal, ansvar?: string): Promise<HelarsprognosDto[]> {
    const omfang = await this.omfang.for(principal);
    if (ansvar) omfang.kravSer(ansvar);
    const synliga = omfang.synligaAnsvar();
    // Only each ansvar's highest version is read: a round keeps every save, and loading them all (24,000 in a busy
    // round of 494 ansvar) to keep one per ansvar took the service past its heap limit.
    const aktuella = await this.orm.em.fork().find(
      Helarsprognos,
      {
        ar,
        tillfalle,
        ...(ansvar ? { ansvar } : synliga ? { ansvar: { $in: [...synliga] } } : {}),
        [raw(
          (h: string) =>
            `${h}.version = (select max(v.version) from helarsprognos v where v.ansvar = ${h}.ansvar and v.ar = ${h}.ar and v.tillfalle = ${h}.tillfalle)`,
        )]: [],
      },
      { orderBy: { ansvar: 'asc' }, disableIdentityMap: true },
    );
    return aktuella.map(toDto);
  }

  /** Every saved version of an ansvar's forecast, newest first. */
  async versioner(adress: HelarsprognosAdress, principal: Principal): Promise<HelarsprognosDto[]> {
    (await this.omfang.for(principal)).kravSer(adress.ansvar);
    const versioner = await this.orm.em.fork().find(Helarsprognos, { ...adress }, { orderBy: { version: 'desc' } });
    return versioner.map(toDto);
  }

  /** Two versions line by line, each changed line with the version and person that last changed it. */
  async jamfor(adress: HelarsprognosAdress, fran: number, till: number, principal: Principal): Promise<Prognosversionsjamforelse> {
    (await this.omfang.for(principal)).kravSer(adress.ansvar);
    const versioner = await this.orm.em
      .fork()
      .find(Helarsprognos, { ...adress, version: { $gte: Math.min(fran, till) - 1, $lte: Math.max(fran, till) } });
    const jamforelse = jamforVersioner(versioner.map(toDto), fran, till);
    if (!jamforelse) {
      return avvisa({
        status: 404,
        title: 'Hittades inte',
        detail: `Ansvaret ${adress.ansvar} har inte både version ${fran} och ${till} för ${adress.tillfalle} ${adress.ar}.`,
        fel: [{ field: 'version', message: 'ingen sådan version' }],
      });
    }
    return { ...adress, ...jamforelse };
  }

  /** What the chef's entry shows beside the forecast: budget, utfall, proposal, run-rate, the previous round, avvikelse. */
  async underlag(adress: HelarsprognosAdress, principal: Principal): Promise<HelarsprognosUnderlag> {
    (await this.omfang.for(principal)).kravSer(adress.ansvar);
    const em = this.orm.em.fork();
    const [aktuell, budget, utfall, troskel] = await Promise.all([
      aktuellVersion(em, adress),
      em.findOne(Ansvarsbudget, { ansvar: adress.ansvar, ar: adress.ar }),
      em.findOne(Ansvarsutfall, { ansvar: adress.ansvar, ar: adress.ar }),
      lasTroskel(em),
    ]);
    const tidigare = PROGNOSTILLFALLEN.slice(0, PROGNOSTILLFALLEN.indexOf(adress.tillfalle));
    const [foregaende, projekt] = await Promise.all([
      tidigare.length > 0 ? senastIAret(em, adress.ansvar, adress.ar, tidigare) : null,
      em.find(InvesteringsprojektReplika, { ansvar: adress.ansvar }),
    ]);
    return {
      ...adress,
      ...berakningsunderlag({
        budget: budget?.rader ?? null,
        manadsbudget: budget?.manader ?? null,
        utfall: utfall?.manader ?? [],
        tomManad: periodensSistaManad(adress.tillfalle),
        foregaende: foregaende?.rader ?? null,
        prognos: aktuell?.rader ?? null,
        troskel,
      }),
      troskel: { beloppOre: troskel.beloppOre, procent: troskel.hundradelsprocent / 100 },
      status: aktuell?.status ?? 'ej-paborjad',
      personal: personalunderlag(budget?.arsarbetareTiondelar, foregaende?.personal, aktuell?.personal),
      investeringar: investeringsunderlag(adress.ar, projekt, foregaende?.investeringar, aktuell?.investeringar),
    };
  }

  async kommentarstroskel(): Promise<KommentarstroskelDto> {
    const rad = await this.orm.em.fork().findOne(Kommentarstroskel, { id: TROSKEL_ID });
    return troskelDto(rad);
  }

  /** The ekonomidirektör sets the city's threshold for a required comment; audited. */
  async andraKommentarstroskel(
    request: z.output<typeof andraKommentarstroskelRequestSchema>,
    principal: Principal,
    correlationId: string,
  ): Promise<KommentarstroskelDto> {
    const efter = await this.orm.em.fork().transactional(async (em) => {
      const fore = await em.findOne(Kommentarstroskel, { id: TROSKEL_ID });
      const foreDto = troskelDto(fore);
      const data = {
        id: TROSKEL_ID,
        beloppOre: request.belopp,
        hundradelsprocent: Math.round(request.procent * 100),
        andradAt: new Date(),
        andradAvId: principal.id,
        andradAvNamn: principal.namn,
      };
      const rad = fore ? Object.assign(fore, data) : em.create(Kommentarstroskel, data);
      const efter = troskelDto(rad);
      loggaAndring(
        em,
        { tjanst: 'forecast', principal, correlationId },
        { handling: 'kommentarstroskel.andrad', objekt: { typ: 'kommentarstroskel', id: TROSKEL_ID }, fore: foreDto, efter },
      );
      this.uppslag.glomKommentarstroskel();
      return efter;
    });
    this.uppslag.glomKommentarstroskel();
    return efter;
  }

  // --- Helpers ---------------------------------------------------------------------------------------------

  private async aktor(ansvar: string, principal: Principal): Promise<Aktor> {
    const omfang = await this.omfang.for(principal);
    return {
      arChef: harRoll(principal, 'chef') && omfang.arEget(ansvar),
      arForvaltningsekonom: harRoll(principal, 'forvaltningsekonom') && omfang.ser(ansvar),
      arEkonomidirektor: harRoll(principal, 'ekonomidirektor'),
    };
  }

  /** `If-Match` against the current state; a stale one is answered with the current version. */
  private provaVillkor(ifMatch: string | undefined, aktuell: Helarsprognos | null): void {
    const hinder = provaIfMatch(ifMatch, aktuell);
    if (hinder) throw villkorFel(hinder, aktuell ? toDto(aktuell) : null);
  }

  /** `tag` in plain SQL, for the save path. */
  private async tagDirekt(em: EntityManager, aktuell: Helarsprognos, andring: number): Promise<void> {
    const { andrade } = await sqlDirekt(em, 'update "helarsprognos" set "andring" = ? where "id" = ? and "andring" = ?', [
      andring,
      aktuell.id,
      aktuell.andring,
    ]);
    if (andrade !== 1) await andradSamtidigt(em, aktuell);
  }

  /** Takes the current version for a change: only if its `andring` is still the one read, else 412. */
  private async tag(em: EntityManager, aktuell: Helarsprognos, andringar: Partial<Helarsprognos> & { andring: number }): Promise<void> {
    const antal = await em.nativeUpdate(Helarsprognos, { id: aktuell.id, andring: aktuell.andring }, andringar);
    if (antal !== 1) await andradSamtidigt(em, aktuell);
  }

  private async hinderIOmgang(em: EntityManager, adress: HelarsprognosAdress, organisation: OrganisationVid, avChef: boolean) {
    const omgang = await this.uppslag.omgang(em, adress.ar, adress.tillfalle);
    const ateroppnad = omgang?.status === 'stangd' ? await em.findOne(AteroppnatAnsvar, { ...adress }) : null;
    const namnd = omgang?.namnder ? organisation.namnd(adress.ansvar) : null;
    return hinderForAndringIOmgang(omgang, adress.ar, adress.tillfalle, {
      avChef,
      namnd,
      ateroppnadAt: ateroppnad?.ateroppnadAt ?? null,
      nu: new Date(),
    });
  }

  /** Runs a change; two saves of the same version at once collide on the unique version number and the loser gets 412. */
  private async iTransaktion<T>(arbete: (em: EntityManager) => Promise<T>, adress: HelarsprognosAdress): Promise<T> {
    try {
      return await this.orm.em.fork().transactional(arbete);
    } catch (error) {
      // A statement in plain SQL (see `direkt`) fails with the driver's own error: MikroORM names it as for its own.
      const fel = error instanceof Error && !(error instanceof DriverException) ? this.orm.em.getDriver().convertException(error) : error;
      if (fel instanceof UniqueConstraintViolationException) {
        const nyare = await aktuellVersion(this.orm.em.fork(), adress);
        throw villkorFel(
          { status: 412, title: 'Någon har sparat en nyare version', detail: 'En annan version sparades samtidigt.' },
          nyare ? toDto(nyare) : null,
        );
      }
      throw error;
    }
  }
}

const LOGGNAMN: Record<Exclude<Handling, 'spara'>, string> = {
  klarmarkera: 'klarmarkerad',
  godkann: 'godkand',
  atersand: 'aterskickad',
  ateroppna: 'ateroppnad',
};

/** The forecast service's tables the save path writes in plain SQL (see `sqlDirekt`): the columns, as the migrations make them. */
interface Tabeller {
  helarsprognos: {
    id: string;
    ansvar: string;
    ar: number;
    tillfalle: Prognostillfalle;
    version: number;
    andring: number;
    status: Prognosstatus;
    /** JSON: text in SQLite, parsed from PostgreSQL (see `jsonFranDb`). */
    rader: unknown;
    intakter_ore: number | string;
    kostnader_ore: number | string;
    nettokostnad_ore: number | string;
    kommentar: string | null;
    sparad_at: DbTid;
    sparad_av_id: string | null;
    sparad_av_namn: string | null;
    andrad_at: DbTid;
    andrad_av_id: string | null;
    andrad_av_namn: string | null;
    beslutskommentar: string | null;
    correlation_id: string;
    personal: unknown;
    investeringar: unknown;
  };
  ansvarsbudget: { ansvar: string; ar: number; rader: unknown };
}

/** `aktuellVersion` in plain SQL (see `direkt`), for the save path: the row as the entity's fields, not managed. */
async function aktuellVersionDirekt(em: EntityManager, adress: HelarsprognosAdress): Promise<Helarsprognos | null> {
  const {
    rader: [rad],
  } = await sqlDirekt<Tabeller['helarsprognos']>(
    em,
    'select * from "helarsprognos" where "ansvar" = ? and "ar" = ? and "tillfalle" = ? order by "version" desc limit 1',
    [adress.ansvar, adress.ar, adress.tillfalle],
  );
  if (!rad) return null;
  return {
    id: rad.id,
    ansvar: rad.ansvar,
    ar: Number(rad.ar),
    tillfalle: rad.tillfalle,
    version: Number(rad.version),
    andring: Number(rad.andring),
    status: rad.status,
    rader: jsonFranDb<PrognosRad[]>(rad.rader),
    intakterOre: Number(rad.intakter_ore),
    kostnaderOre: Number(rad.kostnader_ore),
    nettokostnadOre: Number(rad.nettokostnad_ore),
    kommentar: rad.kommentar ?? null,
    sparadAt: tidFranDb(rad.sparad_at),
    sparadAvId: rad.sparad_av_id ?? null,
    sparadAvNamn: rad.sparad_av_namn ?? null,
    andradAt: tidFranDb(rad.andrad_at),
    andradAvId: rad.andrad_av_id ?? null,
    andradAvNamn: rad.andrad_av_namn ?? null,
    beslutskommentar: rad.beslutskommentar ?? null,
    correlationId: rad.correlation_id,
    personal: rad.personal == null ? null : jsonFranDb<Personalprognos>(rad.personal),
    investeringar: rad.investeringar == null ? null : jsonFranDb<Investeringsprognos[]>(rad.investeringar),
  };
}

/** A new version in plain SQL (see `direkt`): the row MikroORM would write for the entity. */
async function skrivPrognos(em: EntityManager, prognos: Helarsprognos): Promise<void> {
  await sqlDirekt(em, SKRIV_PROGNOS, [
    prognos.id,
    prognos.ansvar,
    prognos.ar,
    prognos.tillfalle,
    prognos.version,
    prognos.andring,
    prognos.status,
    dbJson(prognos.rader),
    prognos.intakterOre,
    prognos.kostnaderOre,
    prognos.nettokostnadOre,
    prognos.kommentar ?? null,
    dbTid(em, prognos.sparadAt),
    prognos.sparadAvId ?? null,
    prognos.sparadAvNamn ?? null,
    dbTid(em, prognos.andradAt),
    prognos.andradAvId ?? null,
    prognos.andradAvNamn ?? null,
    prognos.beslutskommentar ?? null,
    prognos.correlationId,
    dbJson(prognos.personal ?? null),
    dbJson(prognos.investeringar ?? null),
  ]);
}

const SKRIV_PROGNOS =
  'insert into "helarsprognos" ("id", "ansvar", "ar", "tillfalle", "version", "andring", "status", "rader", "intakter_ore", ' +
  '"kostnader_ore", "nettokostnad_ore", "kommentar", "sparad_at", "sparad_av_id", "sparad_av_namn", "andrad_at", "andrad_av_id", ' +
  '"andrad_av_namn", "beslutskommentar", "correlation_id", "personal", "investeringar") ' +
  'values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

async function aktuellVersion(
  em: EntityManager,
  adress: Pick<HelarsprognosAdress, 'ansvar' | 'ar' | 'tillfalle'>,
): Promise<Helarsprognos | null> {
  return em.findOne(Helarsprognos, { ansvar: adress.ansvar, ar: adress.ar, tillfalle: adress.tillfalle }, { orderBy: { version: 'desc' } });
}

/** A forecast may name only projects its ansvar owns: otherwise 422 naming each line, and nothing is stored. */
async function kravEgnaProjekt(em: EntityManager, ansvar: string, rader: readonly Investeringsprognos[]): Promise<void> {
  const kanda = await em.find(InvesteringsprojektReplika, { id: { $in: rader.map((rad) => rad.projekt) } });
  const fel = investeringsfel(ansvar, rader, new Map(kanda.map((projekt) => [projekt.id, projekt])));
  if (fel.length > 0)
    avvisa({
      status: 422,
      title: 'Okänt investeringsprojekt',
      detail: fel.map((f) => f.message).join('; '),
      fel,
    });
}

/** The previous round's forecast as the roll-up counts it (`foregaendeOmgangensPrognos`). */
async function senastIAret(
  em: EntityManager,
  ansvar: string,
  ar: number,
  tillfallen: readonly Prognostillfalle[],
): Promise<Helarsprognos | null> {
  return foregaendeOmgangensPrognos(await em.find(Helarsprognos, { ansvar, ar, tillfalle: { $in: [...tillfallen] } }));
}

/** The required comment, measured against the ansvar's budget for the year as budget last published it. */
async function kommentarshinder(
  em: EntityManager,
  adress: HelarsprognosAdress,
  rader: readonly PrognosRad[],
  klarmarkeras: boolean,
  kommentar: string | null,
  troskel: Troskel,
) {
  const {
    rader: [budget],
  } = await sqlDirekt<Pick<Tabeller['ansvarsbudget'], 'rader'>>(em, 'select "rader" from "ansvarsbudget" where "ansvar" = ? and "ar" = ?', [
    adress.ansvar,
    adress.ar,
  ]);
  return kommentarKravsMenSaknas({
    klarmarkeras,
    budgetKand: budget !== undefined,
    ...nettoavvikelse(budget ? jsonFranDb<PrognosRad[]>(budget.rader) : [], rader),
    troskel,
    kommentar,
  });
}

async function lasTroskel(em: EntityManager): Promise<Troskel> {
  const rad = await em.findOne(Kommentarstroskel, { id: TROSKEL_ID });
  return rad ? { beloppOre: rad.beloppOre, hundradelsprocent: rad.hundradelsprocent } : STANDARDTROSKEL;
}

function troskelDto(rad: Kommentarstroskel | null): KommentarstroskelDto {
  if (!rad)
    return { beloppOre: STANDARDTROSKEL.beloppOre, procent: STANDARDTROSKEL.hundradelsprocent / 100, andradAv: null, andradAt: null };
  return {
    beloppOre: rad.beloppOre,
    procent: rad.hundradelsprocent / 100,
    andradAv: { id: rad.andradAvId, namn: rad.andradAvNamn },
    andradAt: rad.andradAt.toISOString(),
  };
}

/** The 412 for a version someone else changed since it was read, with the version that is current now. */
async function andradSamtidigt(em: EntityManager, aktuell: Helarsprognos): Promise<never> {
  const nyare = await aktuellVersion(em.fork(), aktuell);
  throw villkorFel(
    { status: 412, title: 'Någon har sparat en nyare version', detail: 'Prognosen ändrades samtidigt av någon annan.' },
    nyare ? toDto(nyare) : null,
  );
}

/** 412 or 428 as problem+json; a 412 carries the current version (and its ETag) so the client can show both. */
function villkorFel(hinder: Villkorshinder, aktuell: HelarsprognosDto | null): HttpException {
  return new HttpException(
    {
      type: `https://tertial.se/problem/${hinder.status}`,
      title: hinder.title,
      status: hinder.status,
      detail: hinder.detail,
      errors: [{ field: 'If-Match', message: hinder.status === 412 ? 'inaktuell version' : 'saknas' }],
      ...(hinder.status === 412 ? { aktuell, etag: aktuell ? etag(aktuell) : null } : {}),
    },
    hinder.status,
  );
}

/** Every change publishes the forecast's whole state, in the transaction that makes it. */
function publicera(em: EntityManager, dto: HelarsprognosDto, correlationId: string): void {
  addToOutbox(em, helarsprognosAndrad, handelse(dto), { producer: 'forecast', correlationId });
}

/** The forecast's whole state as its event carries it. */
function handelse(dto: HelarsprognosDto): HelarsprognosAndradPayload {
  return {
    prognosId: dto.id,
    ansvar: dto.ansvar,
    ar: dto.ar,
    tillfalle: dto.tillfalle,
    version: dto.version,
    andring: dto.andring,
    status: dto.status,
    rader: dto.rader,
    kommentar: dto.kommentar,
    beslutskommentar: dto.beslutskommentar,
    andradAv: dto.andradAv,
    andradAt: dto.andradAt,
    personal: dto.personal ? { nuTiondelar: tiondelar(dto.personal.nu), prognosTiondelar: tiondelar(dto.personal.prognos) } : null,
    investeringar: dto.investeringar,
  };
}

export function toDto(prognos: Helarsprognos): HelarsprognosDto {
  return {
    id: prognos.id,
    ansvar: prognos.ansvar,
    ar: prognos.ar,
    tillfalle: prognos.tillfalle,
    version: prognos.version,
    andring: prognos.andring,
    status: prognos.status,
    rader: prognos.rader,
    intakterOre: prognos.intakterOre,
    kostnaderOre: prognos.kostnaderOre,
    nettokostnadOre: prognos.nettokostnadOre,
    kommentar: prognos.kommentar ?? null,
    sparadAt: prognos.sparadAt.toISOString(),
    sparadAv: prognos.sparadAvId ? { id: prognos.sparadAvId, namn: prognos.sparadAvNamn ?? prognos.sparadAvId } : null,
    andradAt: prognos.andradAt.toISOString(),
    andradAv: prognos.andradAvId ? { id: prognos.andradAvId, namn: prognos.andradAvNamn ?? prognos.andradAvId } : null,
    beslutskommentar: prognos.beslutskommentar ?? null,
    personal: prognos.personal
      ? { nu: arsarbetare(prognos.personal.nuTiondelar), prognos: arsarbetare(prognos.personal.prognosTiondelar) }
      : null,
    investeringar: (prognos.investeringar ?? []).map((rad) => ({ projekt: rad.projekt, prognosOre: rad.prognosOre })),
  };
}

/** Årsarbetare (one decimal) back to tenths, exactly. */
function tiondelar(arsarbetare: number): number {
  return Math.round(arsarbetare * 10);
}
