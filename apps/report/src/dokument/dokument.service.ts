import { createHash } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import {
  rapportinnehallSchema,
  type BalanskravTillfalle,
  type Exportformat,
  type Rapportinnehall,
  type Rapportjamforelse,
  type Rapporttyp,
  type RapportversionDto,
  type RapportversionMedInnehall,
  type Textblock,
  type Uppfoljningstillfalle,
} from '@tertial/contracts/dto';
import { PROGNOSTILLFALLEN, type Prognostillfalle } from '@tertial/contracts/prognos';
import { avvisa, avvisaVid, loggaAndring, ProblemException, type Principal } from '@tertial/service-kit';

import { InvesteringarService } from '../investeringar/investeringar.service.js';
import { KoncernService } from '../koncern/koncern.service.js';
import { MaluppfyllelseService } from '../maluppfyllelse/maluppfyllelse.service.js';
import { NamndRam } from '../prognos-totaler/jamforelse.entity.js';
import { PrognosTotalerService } from '../prognos-totaler/prognos-totaler.service.js';
import { PrognossakerhetService } from '../prognossakerhet/prognossakerhet.service.js';
import { BokslutNamnd } from '../resultat/resultat.entity.js';
import { ResultatService } from '../resultat/resultat.service.js';
import { ResultatoverforingService } from '../resultatoverforing/resultatoverforing.service.js';
import { Prognosomgang } from '../uppfoljning/uppfoljning.entity.js';
import {
  lasbaraVersioner,
  okantAr,
  periodenSaknas,
  provaAndring,
  provaFaststallande,
  provaGranskning,
  provaLasning,
  provaNyVersion,
} from './dokumentregler.js';
import { exportera } from './export/exportera.js';
import { innehallshash, kanoniskJson } from './hash.js';
import { jamforVersioner } from './jamfor.js';
import { Rapportversion } from './rapportversion.entity.js';
import {
  byggInnehall,
  sektionerFor,
  type Avvikelsekommentar,
  type MalRad,
  type NamndEkonomi,
  type NamndPeriod,
  type Resultatoverforing,
} from './sektioner.js';

const PERIOD: Record<
  Rapporttyp,
  { tillfalle: Prognostillfalle | null; uppfoljning: Uppfoljningstillfalle; balanskrav: BalanskravTillfalle; tomManad: number }
> = {
  'delarsrapport-april': { tillfalle: 'april', uppfoljning: 'april', balanskrav: 'april', tomManad: 4 },
  'delarsrapport-augusti': { tillfalle: 'augusti', uppfoljning: 'augusti', balanskrav: 'augusti', tomManad: 8 },
  arsredovisning: { tillfalle: null, uppfoljning: 'helar', balanskrav: 'bokslut', tomManad: 12 },
};

/** The report gathers the whole city's figures whoever asks: it is the ekonomidirektör's document. */
const RAPPORTEN: Principal = { id: 'rapport', namn: 'Rapporten', roller: ['ekonomidirektor'], org: [], utgarMs: Number.MAX_SAFE_INTEGER };

export interface Exportfil {
  fil: Buffer;
  filnamn: string;
  mediatyp: string;
  /** SHA-256 of the file's bytes (hex): the same for every export of a fixed version in one format. */
  filhash: string;
  version: number;
  status: RapportversionDto['status'];
  /** The version's content hash (SHA-256 of its canonical content, set when fixed); null for a draft. */
  innehallshash: string | null;
}

@Injectable()
export class DokumentService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(PrognosTotalerService) private readonly totaler: PrognosTotalerService,
    @Inject(MaluppfyllelseService) private readonly maluppfyllelse: MaluppfyllelseService,
    @Inject(ResultatService) private readonly resultat: ResultatService,
    @Inject(KoncernService) private readonly koncern: KoncernService,
    @Inject(PrognossakerhetService) private readonly prognossakerhet: PrognossakerhetService,
    @Inject(ResultatoverforingService) private readonly resultatoverforing: ResultatoverforingService,
    @Inject(InvesteringarService) private readonly investeringar: InvesteringarService,
  ) {}

  async lista(rapport: Rapporttyp, ar: number, principal: Principal): Promise<RapportversionDto[]> {
    const em = this.orm.em.fork();
    const versioner = await em.find(Rapportversion, { rapport, ar }, { orderBy: { version: 'asc' } });
    if (versioner.length === 0 && !(await this.aretFinns(ar))) avvisa(okantAr(rapport, ar));
    const lasbara = lasbaraVersioner(principal.roller);
    return versioner.filter((v) => lasbara.includes(v.status)).map(toDto);
  }

  /** True when any service has told this one of the year: a budget, a frame, a round, utfall or a bokslut. */
  private async aretFinns(ar: number): Promise<boolean> {
    const em = this.orm.em.fork() as SqlEntityManager;
    for (const tabell of ['prognosomgang', 'namnd_ram', 'ansvar_budget', 'bokslut_namnd', 'ansvar_utfall_manad'] as const) {
      const rader = await em.execute<unknown[]>(`select 1 as finns from ${tabell} where ar = ? limit 1`, [ar]);
      if (rader.length > 0) return true;
    }
    return false;
  }

  /** Every version of every report the person may read, newest year first: where a reader's choice starts. */
  async listaAlla(principal: Principal): Promise<RapportversionDto[]> {
    const versioner = await this.orm.em
      .fork()
      .find(
        Rapportversion,
        { status: { $in: [...lasbaraVersioner(principal.roller)] } },
        { orderBy: { ar: 'desc', rapport: 'asc', version: 'asc' } },
      );
    return versioner.map(toDto);
  }

  async hamta(rapport: Rapporttyp, ar: number, version: number, principal: Principal): Promise<RapportversionMedInnehall> {
    const funnen = await this.orm.em.fork().findOne(Rapportversion, { rapport, ar, version });
    const provat = provaLasning(rapport, ar, version, funnen, principal.roller);
    if (!provat.ok) avvisa(provat.hinder);
    return { ...toDto(provat.varde), innehall: await this.innehall(provat.varde) };
  }

  /** A new draft: the first version, or a correction beside the fixed ones, starting from the latest version's texts. */
  async skapaUtkast(rapport: Rapporttyp, ar: number, principal: Principal, correlationId: string): Promise<RapportversionDto> {
    await this.kravStangdPeriod(rapport, ar);
    const skapad = await this.orm.em.fork().transactional(async (em) => {
      const versioner = await em.find(Rapportversion, { rapport, ar }, { orderBy: { version: 'asc' } });
      avvisaVid(provaNyVersion(rapport, ar, versioner));
      const senaste = versioner.at(-1);
      const faststalld = versioner.filter((v) => v.status === 'faststalld').at(-1);
      const ny = em.create(Rapportversion, {
        rapport,
        ar,
        version: (senaste?.version ?? 0) + 1,
        status: 'utkast',
        texter: senaste ? structuredClone(senaste.texter) : {},
        innehall: null,
        hash: null,
        ersatter: faststalld?.version ?? null,
        skapadAt: new Date(),
        skapadAv: principal.id,
        faststalldAt: null,
        faststalldAv: null,
      });
      loggaAndring(
        em,
        { tjanst: 'report', principal, correlationId },
        { handling: 'rapportversion.skapad', objekt: { typ: 'rapportversion', id: nyckel(ny) }, fore: null, efter: toDto(ny) },
      );
      return ny;
    });
    return toDto(skapad);
  }

  async andraText(
    rapport: Rapporttyp,
    ar: number,
    version: number,
    sektion: string,
    text: Textblock[],
    principal: Principal,
    correlationId: string,
  ): Promise<RapportversionMedInnehall> {
    const definition = sektionerFor(rapport).find((s) => s.id === sektion);
    if (!definition?.redigerbar) {
      throw new ProblemException(404, 'Hittades inte', `${rapport} har ingen sektion ${sektion} med text.`, [
        { field: 'sektion', message: 'okänd sektion' },
      ]);
    }
    const andrad = await this.orm.em.fork().transactional(async (em) => {
      const provat = provaAndring(rapport, ar, version, await em.findOne(Rapportversion, { rapport, ar, version }));
      if (!provat.ok) avvisa(provat.hinder);
      const v = provat.varde;
      const fore = v.texter[sektion] ?? [];
      v.texter = { ...v.texter, [sektion]: text };
      loggaAndring(
        em,
        { tjanst: 'report', principal, correlationId },
        {
          handling: 'rapportversion.text-andrad',
          objekt: { typ: 'rapportversion', id: nyckel(v) },
          fore: { sektion, text: fore },
          efter: { sektion, text },
        },
      );
      return v;
    });
    return { ...toDto(andrad), innehall: await this.innehall(andrad) };
  }

  /** Puts a draft up for stadsrevisionen's audit: from now on the auditors read it too. */
  async tillGranskning(
    rapport: Rapporttyp,
    ar: number,
    version: number,
    principal: Principal,
    correlationId: string,
  ): Promise<RapportversionDto> {
    avvisaVid(provaGranskning(rapport));
    const v = await this.orm.em.fork().transactional(async (em) => {
      const provat = provaAndring(rapport, ar, version, await em.findOne(Rapportversion, { rapport, ar, version }));
      if (!provat.ok) avvisa(provat.hinder);
      const fore = toDto(provat.varde);
      provat.varde.status = 'granskning';
      loggaAndring(
        em,
        { tjanst: 'report', principal, correlationId },
        {
          handling: 'rapportversion.till-granskning',
          objekt: { typ: 'rapportversion', id: nyckel(provat.varde) },
          fore,
          efter: toDto(provat.varde),
        },
      );
      return provat.varde;
    });
    return toDto(v);
  }

  /**
   * Fixes a draft: its figures, texts and charts as they are now, frozen with their hash. The delårsrapport augusti
   * and the årsredovisning must have been put up for stadsrevisionen's audit first.
   */
  async faststall(
    rapport: Rapporttyp,
    ar: number,
    version: number,
    principal: Principal,
    correlationId: string,
  ): Promise<RapportversionMedInnehall> {
    await this.kravStangdPeriod(rapport, ar);
    // The figures are read before the transaction opens: on SQLite its one connection would wait for itself. The
    // texts frozen are the ones built with; a text changed meanwhile is refused below, and the fixing tried again.
    const forst = await this.orm.em.fork().findOne(Rapportversion, { rapport, ar, version });
    const provatForst = provaAndring(rapport, ar, version, forst);
    if (!provatForst.ok) avvisa(provatForst.hinder);
    avvisaVid(provaFaststallande(rapport, ar, provatForst.varde));
    const texter = provatForst.varde.texter;
    const innehall = await this.byggLive(rapport, ar, texter);
    const v = await this.orm.em.fork().transactional(async (em) => {
      const provat = provaAndring(rapport, ar, version, await em.findOne(Rapportversion, { rapport, ar, version }));
      if (!provat.ok) avvisa(provat.hinder);
      const v = provat.varde;
      avvisaVid(provaFaststallande(rapport, ar, v));
      if (kanoniskJson(v.texter) !== kanoniskJson(texter))
        throw new ProblemException(409, 'Texten ändrades', 'En text ändrades medan versionen fastställdes; försök igen.', [
          { field: 'version', message: 'ändrad under fastställandet' },
        ]);
      const fore = toDto(v);
      v.innehall = innehall;
      v.hash = innehallshash(innehall);
      v.status = 'faststalld';
      v.faststalldAt = new Date();
      v.faststalldAv = principal.id;
      loggaAndring(
        em,
        { tjanst: 'report', principal, correlationId },
        { handling: 'rapportversion.faststalld', objekt: { typ: 'rapportversion', id: nyckel(v) }, fore, efter: toDto(v) },
      );
      return v;
    });
    return { ...toDto(v), innehall: v.innehall! };
  }

  async jamfor(rapport: Rapporttyp, ar: number, fran: number, till: number, principal: Principal): Promise<Rapportjamforelse> {
    const [a, b] = await Promise.all([this.hamta(rapport, ar, fran, principal), this.hamta(rapport, ar, till, principal)]);
    return { fran, till, skillnader: jamforVersioner(a.innehall, b.innehall) };
  }

  /** A version as a file; without a version number the open draft (the live figures). */
  async exportera(
    rapport: Rapporttyp,
    ar: number,
    version: number | undefined,
    format: Exportformat,
    principal: Principal,
  ): Promise<Exportfil> {
    const nummer = version ?? (await this.oppetUtkast(rapport, ar));
    const v = await this.hamta(rapport, ar, nummer, principal);
    const fil = await exportera(format, v);
    return {
      fil,
      filnamn: `${rapport}-${ar}-v${nummer}.${format}`,
      mediatyp: MEDIATYPER[format],
      filhash: createHash('sha256').update(fil).digest('hex'),
      version: nummer,
      status: v.status,
      innehallshash: v.hash,
    };
  }

  private async oppetUtkast(rapport: Rapporttyp, ar: number): Promise<number> {
    const oppen = await this.orm.em.fork().findOne(Rapportversion, { rapport, ar, status: { $ne: 'faststalld' } });
    if (!oppen) {
      throw new ProblemException(404, 'Inget utkast', `${rapport} ${ar} har inget utkast; ange en fastställd version.`, [
        { field: 'version', message: 'inget utkast finns' },
      ]);
    }
    return oppen.version;
  }

  private async innehall(v: Rapportversion): Promise<Rapportinnehall> {
    // A version fixed before the sections had notes is read with none.
    return v.innehall ? rapportinnehallSchema.parse(v.innehall) : this.byggLive(v.rapport, v.ar, v.texter);
  }

  private async kravStangdPeriod(rapport: Rapporttyp, ar: number): Promise<void> {
    const { tillfalle } = PERIOD[rapport];
    const em = this.orm.em.fork();
    if (tillfalle) {
      const omgang = await em.findOne(Prognosomgang, { ar, tillfalle });
      if (omgang?.status !== 'stangd') avvisa(periodenSaknas(rapport, ar));
    } else if (!(await this.bokslutet(ar))) {
      const [rad] = await (em as SqlEntityManager).execute<{ n: number | string }[]>(
        'select count(*) as n from ansvar_utfall_manad where ar = ? and manad = 12',
        [ar],
      );
      if (Number(rad?.n ?? 0) === 0) avvisa(periodenSaknas(rapport, ar));
    }
  }

  /** The year's bokslut per nämnd (net cost) once every nämnd's has arrived; null before. */
  private async bokslutet(ar: number): Promise<Map<string, number> | null> {
    const bokslut = await this.orm.em.fork().find(BokslutNamnd, { ar });
    if (bokslut.length === 0 || bokslut.length < Math.max(...bokslut.map((b) => b.antalNamnder))) return null;
    return new Map(bokslut.map((b) => [b.namnd, b.nettokostnadOre]));
  }

  /**
   * The round whose forecasts the årsredovisning's company sections show beside the year's utfall: the year's last
   * closed round, else augusti. The sammanställda räkenskaper are the year's own (the bokslut and the companies' utfall).
   */
  private async sistaRunda(ar: number): Promise<Prognostillfalle> {
    const stangda = new Set((await this.orm.em.fork().find(Prognosomgang, { ar, status: 'stangd' })).map((o) => o.tillfalle));
    return PROGNOSTILLFALLEN.filter((t) => stangda.has(t)).at(-1) ?? 'augusti';
  }

  /** The report as the services' data stand now, with the draft's texts. */
  private async byggLive(rapport: Rapporttyp, ar: number, texter: Record<string, Textblock[]>): Promise<Rapportinnehall> {
    const period = PERIOD[rapport];
    const arsredovisning = rapport === 'arsredovisning';
    const koncernRunda = period.tillfalle ?? (await this.sistaRunda(ar));
    const [ekonomi, perioden, mal, kommentarer, resultatrakning, balanskrav, oversikt, koncern, sakerhet, overforing, investeringar] =
      await Promise.all([
        this.ekonomi(ar, period.tillfalle),
        this.periodbudget(ar, period.tomManad),
        this.mal(ar, period.uppfoljning),
        this.kommentarer(ar, period.tillfalle),
        this.resultat.resultatrakning(ar),
        this.resultat.utredning(ar, period.balanskrav),
        arsredovisning ? this.resultat.oversikt(ar) : null,
        this.koncern.oversikt(ar, koncernRunda, arsredovisning ? 'bokslut' : 'prognos'),
        // Every report's trend (april → augusti → bokslut); the årsredovisning's prognossäkerhet too.
        this.prognossakerhet.prognossakerhet(ar),
        arsredovisning ? this.resultatoverforing.beslut(ar) : null,
        this.investeringar.aret(ar),
      ]);
    const periodrader: NamndPeriod[] = ekonomi.map((n) => ({
      kod: n.kod,
      namn: n.namn,
      periodbudgetOre: perioden.get(n.kod) ?? null,
      periodutfallOre: n.utfallOre,
    }));
    const namn = new Map(ekonomi.map((n) => [n.kod, n.namn]));
    const resultatoverforing: Resultatoverforing | null = overforing
      ? {
          beslutad: overforing.beslutad,
          namnder: overforing.namnder.map((n) => ({ ...n, namn: namn.get(n.namnd) ?? n.namnd })),
        }
      : null;
    return byggInnehall({
      rapport,
      ar,
      periodTomManad: period.tomManad,
      ekonomi,
      period: periodrader,
      mal,
      kommentarer: kommentarer.map((k) => ({ ...k, namnd: namn.get(k.namnd) ?? k.namnd })),
      resultatrakning,
      balanskrav,
      balanskravOversikt: oversikt,
      koncern,
      prognossakerhet: sakerhet,
      resultatoverforing,
      investeringar: investeringar.map((i) => ({ ...i, namnd: namn.get(i.namnd) ?? i.namnd })),
      texter,
    });
  }

  /**
   * Each nämnd's largest forecast deviations with the chef's comment (at most five per nämnd): an ansvar's deviation
   * is its verksamhetsbudget's net cost minus its forecast's, as in the roll-up.
   */
  private async kommentarer(ar: number, tillfalle: Prognostillfalle | null): Promise<Avvikelsekommentar[]> {
    if (!tillfalle) return [];
    const rader = await (this.orm.em.fork() as SqlEntityManager).execute<
      { ansvar: string; namnd: string; kommentar: string; prognos_ore: number | string; budget_ore: number | string }[]
    >(
      `select h.ansvar, b.namnd, h.kommentar, h.nettokostnad_ore as prognos_ore, b.nettokostnad_ore as budget_ore
       from ansvar_helarsprognos h join ansvar_budget b on b.ansvar = h.ansvar and b.ar = h.ar
       where h.ar = ? and h.tillfalle = ? and h.status in ('klarmarkerad', 'godkand') and h.kommentar is not null and h.kommentar <> ''`,
      [ar, tillfalle],
    );
    const perNamnd = new Map<string, Avvikelsekommentar[]>();
    for (const rad of rader) {
      const lista = perNamnd.get(rad.namnd) ?? [];
      lista.push({
        namnd: rad.namnd,
        ansvar: rad.ansvar,
        avvikelseOre: Number(rad.budget_ore) - Number(rad.prognos_ore),
        kommentar: rad.kommentar,
      });
      perNamnd.set(rad.namnd, lista);
    }
    return [...perNamnd.keys()].sort().flatMap((namnd) =>
      perNamnd
        .get(namnd)!
        .sort((a, b) => Math.abs(b.avvikelseOre) - Math.abs(a.avvikelseOre) || a.ansvar.localeCompare(b.ansvar))
        .slice(0, 5),
    );
  }

  private async ekonomi(ar: number, tillfalle: Prognostillfalle | null): Promise<NamndEkonomi[]> {
    // The årsredovisning's figures are the year's: budget against the utfall of all twelve months.
    const totaler = await this.totaler.totaler(ar, tillfalle ?? 'augusti');
    if (tillfalle) {
      return totaler.namnder.map((n) => ({
        kod: n.kod,
        namn: n.namn,
        budgetOre: n.budgetOre,
        utfallOre: n.utfallOre,
        // The nämnd's whole helårsprognos (the budget for what has no forecast), so budget minus prognos is the avvikelse.
        prognosOre: n.antalLamnade > 0 ? (n.helarsprognosOre ?? n.nettokostnadOre) : null,
        avvikelseOre: n.antalLamnade > 0 ? n.avvikelseOre : null,
      }));
    }
    // A closed year's utfall is its bokslut; before closing, the twelve months' utfall. The budget is the nämnd's
    // frame where no ansvar budget reached the report service (a year closed from its ledger, as the demo's).
    const [bokslut, ramar] = await Promise.all([this.bokslutet(ar), this.orm.em.fork().find(NamndRam, { ar })]);
    const ram = new Map(ramar.map((r) => [r.namnd, r.ramOre]));
    let utfall = bokslut;
    if (!utfall) {
      const arsutfall = await (this.orm.em.fork() as SqlEntityManager).execute<{ namnd: string; netto_ore: number | string }[]>(
        `select b.namnd, sum(u.netto_ore) as netto_ore from ansvar_utfall_manad u
         join ansvar_budget b on b.ansvar = u.ansvar and b.ar = u.ar where u.ar = ? group by b.namnd`,
        [ar],
      );
      utfall = new Map(arsutfall.map((r) => [r.namnd, Number(r.netto_ore)]));
    }
    return totaler.namnder.map((n) => {
      const utfallOre = utfall.get(n.kod) ?? null;
      const budgetOre = n.budgetOre ?? ram.get(n.kod) ?? null;
      return {
        kod: n.kod,
        namn: n.namn,
        budgetOre,
        utfallOre,
        prognosOre: null,
        avvikelseOre: budgetOre !== null && utfallOre !== null ? budgetOre - utfallOre : null,
      };
    });
  }

  /** Each nämnd's budget (net cost) for January to the period's last month, from the ansvar's monthly budgets. */
  private async periodbudget(ar: number, tomManad: number): Promise<Map<string, number>> {
    const rader = await (this.orm.em.fork() as SqlEntityManager).execute<{ namnd: string; manader_netto_ore: string | number[] | null }[]>(
      'select namnd, manader_netto_ore from ansvar_budget where ar = ?',
      [ar],
    );
    const perNamnd = new Map<string, number>();
    for (const rad of rader) {
      const manader = typeof rad.manader_netto_ore === 'string' ? (JSON.parse(rad.manader_netto_ore) as number[]) : rad.manader_netto_ore;
      if (!manader) continue;
      const belopp = manader.slice(0, tomManad).reduce((a, b) => a + b, 0);
      perNamnd.set(rad.namnd, (perNamnd.get(rad.namnd) ?? 0) + belopp);
    }
    return perNamnd;
  }

  private async mal(ar: number, tillfalle: Uppfoljningstillfalle): Promise<MalRad[]> {
    const oversikt = await this.maluppfyllelse.oversikt(ar, tillfalle, RAPPORTEN);
    const detaljer = await Promise.all(
      oversikt.namnder.filter((n) => n.antal.totalt > 0).map((n) => this.maluppfyllelse.namnd(ar, tillfalle, n.kod, RAPPORTEN)),
    );
    return detaljer.flatMap((d) =>
      d.mal.map((m) => ({
        kod: d.kod,
        namnd: d.namn,
        agartyp: d.agartyp,
        mal: m.text,
        bedomning: m.bedomning,
        analys: m.beslut?.analys ?? m.forslag?.forklaring ?? null,
        nyckeltal: (m.forslag?.perNyckeltal ?? []).map((n) => ({
          namn: n.namn,
          utgangsvarde: n.utgangsvarde,
          senaste: n.senaste,
          malvarde: n.malvarde,
        })),
      })),
    );
  }
}

const MEDIATYPER: Record<Exportformat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const nyckel = (v: Rapportversion): string => `${v.rapport}/${v.ar}/${v.version}`;

function toDto(v: Rapportversion): RapportversionDto {
  return {
    rapport: v.rapport,
    ar: v.ar,
    version: v.version,
    status: v.status,
    hash: v.hash ?? null,
    ersatter: v.ersatter ?? null,
    skapadAt: v.skapadAt.toISOString(),
    skapadAv: v.skapadAv,
    faststalldAt: v.faststalldAt?.toISOString() ?? null,
    faststalldAv: v.faststalldAv ?? null,
  };
}
