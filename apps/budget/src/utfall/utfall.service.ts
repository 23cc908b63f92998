import { randomUUID } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import { bolagForOrganisationsnummer, type UtfallImportResultat } from '@tertial/contracts/dto';
import { utfallAnsvarUppdaterat } from '@tertial/contracts/events';
import type { KontogruppKod } from '@tertial/contracts/kontogrupper';
import { arInterntKonto, kontogruppForKonto, visatBelopp, type KontogruppIntervall } from '@tertial/contracts/kontoplan';
import { organisationVid } from '@tertial/contracts/organisation';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { readSie4, readUtfallCsv, type Sie4Result } from '@tertial/sie4';
import { addToOutbox, databaseKind, loggaAndring, OutboxRelay, ProblemException, type Principal } from '@tertial/service-kit';

import { BolagService } from '../bolag/bolag.service.js';
import { Bokslut } from '../bokslut/bokslut.entity.js';
import { KontonService } from '../konton/konton.service.js';
import { OrganisationService } from '../organisation/organisation.service.js';
import { arResultatkonto, kontonummer, kontrolleraMotGrunddata, sammanstall } from './utfall-sammanstallning.js';
import { Utfall, UtfallImport } from './utfall.entity.js';

export interface ImportOptions {
  filnamn: string;
  dryRun: boolean;
  correlationId: string;
  principal: Principal;
}

const INSERT_BATCH = 5_000;
const ROWS_INSERT = {
  sqlite:
    "insert into utfall (ar, manad, ansvar, konto, belopp_ore) select json_extract(value, '$[0]'), json_extract(value, '$[1]'), " +
    "json_extract(value, '$[2]'), json_extract(value, '$[3]'), json_extract(value, '$[4]') from json_each(?)",
  postgresql:
    'insert into utfall (ar, manad, ansvar, konto, belopp_ore) select (r ->> 0)::integer, (r ->> 1)::integer, r ->> 2, (r ->> 3)::integer, ' +
    '(r ->> 4)::bigint from jsonb_array_elements(cast(? as jsonb)) as r',
} as const;
const PUBLISH_BATCH = 200;

@Injectable()
export class UtfallService {
  private readonly logger = new Logger(UtfallService.name);

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(KontonService) private readonly konton: KontonService,
    @Inject(OrganisationService) private readonly organisation: OrganisationService,
    @Inject(OutboxRelay) private readonly outbox: OutboxRelay,
    @Inject(BolagService) private readonly bolag: BolagService,
  ) {}

  /**
   * Reads a ledger file (SIE 4, or CSV) as a stream, checks it against the master data and, unless it is a
   * dry run or has errors, replaces the periods it covers with its utfall in one transaction. A file with any
   * error stores nothing; importing the same file twice leaves the same utfall.
   */
  async importera(source: AsyncIterable<Uint8Array>, options: ImportOptions): Promise<UtfallImportResultat> {
    const { format, stream } = await kannIgenFormat(source);
    const result = format === 'SIE4' ? await readSie4(stream) : await readUtfallCsv(stream);
    // A wholly owned company's file (its #ORGNR) is its own BAS ledger, mapped by account class, not the city's.
    const bolag = format === 'SIE4' ? bolagForOrganisationsnummer(result.foretag.orgnr) : undefined;
    if (bolag) return this.bolag.importeraUtfall(bolag, result, options);
    const [mappning, konton, versioner] = await Promise.all([this.konton.mappning(), this.konton.konton(), this.organisation.versioner()]);
    const kandaAnsvar = new Set<string>();
    for (const { ar, manad } of result.perioder) {
      for (const node of organisationVid(versioner, sistaDagen(ar, manad))) if (node.niva === 'enhet') kandaAnsvar.add(node.kod);
    }
    const fel = kontrolleraMotGrunddata(result, { kandaKonton: new Set(konton.map((konto) => konto.konto)), mappning, kandaAnsvar });
    const underlag = {
      filnamn: options.filnamn,
      format,
      fel,
      mappning,
      kontonamn: new Map(konton.map((konto) => [konto.konto, konto.namn])),
    };
    if (!result.ok || fel.length > 0) return sammanstall(result, { ...underlag, status: 'avvisad', importId: null });
    await avvisaStangdaAr(this.orm.em.fork(), result.perioder);
    if (options.dryRun) return sammanstall(result, { ...underlag, status: 'provkord', importId: null });

    const importId = randomUUID();
    const started = performance.now();
    await this.spara(result, { importId, format, mappning, options });
    this.outbox.wake();
    this.logger.log(
      `utfall importerat från ${options.filnamn}: ${result.utfall.length} rader på ${Math.round(performance.now() - started)} ms`,
    );
    return sammanstall(result, { ...underlag, status: 'importerad', importId });
  }

  private async spara(
    result: Sie4Result,
    { importId, format, mappning, options }: { importId: string; format: string; mappning: KontogruppIntervall[]; options: ImportOptions },
  ): Promise<void> {
    const perioder = result.perioder.map(({ ar, manad }) => ({ ar, manad }));
    // Converted a batch at a time: a second copy of a city's year of rows would double the import's memory.
    const sparbar = (rad: Sie4Result['utfall'][number]) =>
      kontonummer(rad.konto) !== undefined && arResultatkonto(rad.konto) && rad.ansvar !== null;
    const nyaKonton = result.konton.flatMap((konto) => {
      const nummer = kontonummer(konto.konto);
      return nummer !== undefined && konto.namn ? [{ konto: nummer, namn: konto.namn }] : [];
    });
    await this.orm.em.fork().transactional(async (em) => {
      // Again inside the transaction: a year closed while the file was being read stays closed.
      await avvisaStangdaAr(em, perioder);
      await this.konton.laggTillKonton(em, nyaKonton, { principal: options.principal, correlationId: options.correlationId });
      const berorda = new Set<string>();
      for (const rad of result.utfall) if (sparbar(rad)) berorda.add(`${rad.ar}:${rad.ansvar}`);
      const tidigareSummor = new Map<string, { antalRader: number; nettoOre: number }>();
      for (const { ar, manad } of perioder) {
        const summa = await periodSumma(em, ar, manad);
        if (summa.antalRader > 0) tidigareSummor.set(`${ar}:${manad}`, summa);
        // Ansvar that had utfall in a replaced period and have none in the file change too: to zero.
        const tidigare = await sql(em).execute<{ ansvar: string }[]>('select distinct ansvar from utfall where ar = ? and manad = ?', [
          ar,
          manad,
        ]);
        for (const rad of tidigare) berorda.add(`${ar}:${rad.ansvar}`);
        await em.nativeDelete(Utfall, { ar, manad });
      }
      const antalRader = await infogaUtfall(
        em,
        (function* () {
          for (const rad of result.utfall)
            if (sparbar(rad)) yield [rad.ar, rad.manad, rad.ansvar!, kontonummer(rad.konto)!, rad.beloppOre] as const;
        })(),
      );
      em.create(UtfallImport, {
        id: importId,
        filnamn: options.filnamn,
        format,
        kodning: result.encoding,
        perioder,
        antalRader,
        importeradAt: new Date(),
      });
      // One record per replaced period: the totals before and after, which is what the ledger is reconciled by.
      for (const { ar, manad } of perioder) {
        loggaAndring(
          em,
          { tjanst: 'budget', principal: options.principal, correlationId: options.correlationId },
          {
            handling: 'utfall.importerat',
            objekt: { typ: 'utfall', id: `${ar}-${String(manad).padStart(2, '0')}` },
            fore: tidigareSummor.get(`${ar}:${manad}`) ?? null,
            efter: { importId, filnamn: options.filnamn, ...(await periodSumma(em, ar, manad)) },
          },
        );
      }
      await this.publishUtfallPerAnsvar(em, [...berorda], mappning, importId, options.correlationId);
    });
  }

  /** One event per ansvar the import touched, with its whole year to date per month and kontogrupp. */
  private async publishUtfallPerAnsvar(
    em: EntityManager,
    berorda: string[],
    mappning: KontogruppIntervall[],
    importId: string,
    correlationId: string,
  ): Promise<void> {
    const perAr = new Map<number, string[]>();
    for (const nyckel of berorda) {
      const [ar, ansvar] = nyckel.split(':') as [string, string];
      perAr.set(Number(ar), [...(perAr.get(Number(ar)) ?? []), ansvar]);
    }
    const interna = await this.konton.interna(em);
    for (const [ar, ansvarLista] of perAr) {
      for (let i = 0; i < ansvarLista.length; i += PUBLISH_BATCH) {
        const del = ansvarLista.slice(i, i + PUBLISH_BATCH);
        // Plain rows, not entities: a city's year is hundreds of thousands of them.
        const rader = await sql(em).execute<{ ansvar: string; manad: number; konto: number; belopp_ore: string | number }[]>(
          `select ansvar, manad, konto, belopp_ore from utfall where ar = ? and ansvar in (${del.map(() => '?').join(', ')})`,
          [ar, ...del],
        );
        const summor = new Map<string, Map<number, Map<KontogruppKod, { beloppOre: number; internOre: number }>>>(
          del.map((ansvar) => [ansvar, new Map()]),
        );
        for (const rad of rader) {
          const kontogrupp = kontogruppForKonto(rad.konto, mappning);
          if (!kontogrupp) continue;
          const manader = summor.get(rad.ansvar)!;
          const grupper = manader.get(rad.manad) ?? new Map<KontogruppKod, { beloppOre: number; internOre: number }>();
          const summa = grupper.get(kontogrupp) ?? { beloppOre: 0, internOre: 0 };
          const belopp = visatBelopp(kontogrupp, Number(rad.belopp_ore));
          summa.beloppOre += belopp;
          if (arInterntKonto(rad.konto, interna)) summa.internOre += belopp;
          grupper.set(kontogrupp, summa);
          manader.set(rad.manad, grupper);
        }
        for (const [ansvar, manader] of summor) {
          const payload = {
            ar,
            ansvar,
            importId,
            manader: [...manader]
              .sort(([a], [b]) => a - b)
              .map(([manad, grupper]) => ({ manad, rader: [...grupper].map(([kontogrupp, summa]) => ({ kontogrupp, ...summa })) })),
          };
          addToOutbox(em, utfallAnsvarUppdaterat, payload, { producer: 'budget', correlationId });
        }
        await em.flush();
        em.clear();
      }
    }
  }

  /** The city's utfall of a year per month and kontogrupp, shown amounts (revenue and cost positive). */
  async summor(ar: number): Promise<{ manad: number; kontogrupp: KontogruppKod; beloppOre: number }[]> {
    const [mappning, rader] = await Promise.all([
      this.konton.mappning(),
      sql(this.orm.em.fork()).execute<{ manad: number; konto: number; belopp: string | number }[]>(
        'select manad, konto, sum(belopp_ore) as belopp from utfall where ar = ? group by manad, konto',
        [ar],
      ),
    ]);
    const summor = new Map<string, { manad: number; kontogrupp: KontogruppKod; beloppOre: number }>();
    for (const rad of rader) {
      const kontogrupp = kontogruppForKonto(Number(rad.konto), mappning);
      if (!kontogrupp) continue;
      const key = `${rad.manad}:${kontogrupp}`;
      const summa = summor.get(key) ?? { manad: Number(rad.manad), kontogrupp, beloppOre: 0 };
      summa.beloppOre += visatBelopp(kontogrupp, Number(rad.belopp));
      summor.set(key, summa);
    }
    return [...summor.values()].sort((a, b) => a.manad - b.manad || a.kontogrupp.localeCompare(b.kontogrupp));
  }

  /**
   * A year's utfall per ansvar, kontogrupp and month (twelve shown amounts, revenue and cost positive): the
   * pattern a budget is spread by. Only the ansvar given, or every ansvar with utfall that year.
   */
  async manadsmonster(ar: number, ansvar?: readonly string[]): Promise<Map<string, Map<KontogruppKod, number[]>>> {
    const monster = new Map<string, Map<KontogruppKod, number[]>>();
    if (ansvar?.length === 0) return monster;
    const urval = ansvar ? ` and ansvar in (${ansvar.map(() => '?').join(', ')})` : '';
    const [mappning, rader] = await Promise.all([
      this.konton.mappning(),
      sql(this.orm.em.fork()).execute<{ ansvar: string; manad: number; konto: number; belopp: string | number }[]>(
        `select ansvar, manad, konto, sum(belopp_ore) as belopp from utfall where ar = ?${urval} group by ansvar, manad, konto`,
        [ar, ...(ansvar ?? [])],
      ),
    ]);
    for (const rad of rader) {
      const kontogrupp = kontogruppForKonto(Number(rad.konto), mappning);
      if (!kontogrupp) continue;
      const grupper = monster.get(rad.ansvar) ?? new Map<KontogruppKod, number[]>();
      const manader = grupper.get(kontogrupp) ?? Array.from({ length: 12 }, () => 0);
      manader[Number(rad.manad) - 1]! += visatBelopp(kontogrupp, Number(rad.belopp));
      grupper.set(kontogrupp, manader);
      monster.set(rad.ansvar, grupper);
    }
    return monster;
  }

  /** Each ansvar's net cost so far in a year (cost minus revenue), from the imported utfall. */
  async nettoPerAnsvar(ar: number): Promise<Map<string, number>> {
    const [mappning, rader] = await Promise.all([
      this.konton.mappning(),
      sql(this.orm.em.fork()).execute<{ ansvar: string; konto: number; belopp: string | number }[]>(
        'select ansvar, konto, sum(belopp_ore) as belopp from utfall where ar = ? group by ansvar, konto',
        [ar],
      ),
    ]);
    const netto = new Map<string, number>();
    for (const rad of rader) {
      // With the ledger's signs, revenue is already negative: the plain sum over result accounts is the net cost.
      if (!kontogruppForKonto(Number(rad.konto), mappning)) continue;
      netto.set(rad.ansvar, (netto.get(rad.ansvar) ?? 0) + Number(rad.belopp));
    }
    return netto;
  }

  async importer(): Promise<UtfallImport[]> {
    return this.orm.em.fork().find(UtfallImport, {}, { orderBy: { importeradAt: 'desc' }, limit: 50 });
  }
}

/**
 * Inserts utfall rows `[ar, manad, ansvar, konto, beloppOre]` in batches; returns how many. The rows go in as one JSON
 * parameter per batch: a multi-row VALUES statement per batch would leave a large compiled statement in native memory
 * until the garbage collector finalises it.
 */
async function infogaUtfall(em: EntityManager, rader: Iterable<readonly [number, number, string, number, number]>): Promise<number> {
  const insert = ROWS_INSERT[databaseKind(em)];
  let antal = 0;
  let batch: (readonly [number, number, string, number, number])[] = [];
  const skriv = async () => {
    if (batch.length > 0) await sql(em).execute(insert, [JSON.stringify(batch)], 'run');
    antal += batch.length;
    batch = [];
  };
  for (const rad of rader) {
    batch.push(rad);
    if (batch.length >= INSERT_BATCH) await skriv();
  }
  await skriv();
  return antal;
}

/** A closed year's utfall is frozen: a file with any period of it is refused whole (409), dry run or not. */
async function avvisaStangdaAr(em: EntityManager, perioder: readonly { ar: number }[]): Promise<void> {
  const ar = [...new Set(perioder.map((p) => p.ar))];
  if (ar.length === 0) return;
  const stangda = await em.find(Bokslut, { ar: { $in: ar } }, { orderBy: { ar: 'asc' } });
  if (stangda.length === 0) return;
  const lista = stangda.map((b) => String(b.ar)).join(', ');
  throw new ProblemException(
    409,
    'Året är stängt',
    `Bokslutet för ${lista} är fastställt och årets utfall är låst; filen har perioder i ${lista}. Inget sparades.`,
    stangda.map((b) => ({ field: 'perioder', message: `${b.ar} är stängt sedan ${b.faststalltAt.toISOString().slice(0, 10)}` })),
  );
}

/** A period's stored utfall in brief: its row count and net over the result accounts, in öre. */
async function periodSumma(em: EntityManager, ar: number, manad: number): Promise<{ antalRader: number; nettoOre: number }> {
  const [rad] = await sql(em).execute<{ antal: string | number; netto: string | number | null }[]>(
    'select count(*) as antal, sum(belopp_ore) as netto from utfall where ar = ? and manad = ?',
    [ar, manad],
  );
  return { antalRader: Number(rad?.antal ?? 0), nettoOre: Number(rad?.netto ?? 0) };
}

function sql(em: EntityManager): SqlEntityManager {
  return em as SqlEntityManager;
}

function sistaDagen(ar: number, manad: number): string {
  const dag = new Date(Date.UTC(ar, manad, 0)).getUTCDate();
  return `${ar}-${String(manad).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
}

/** SIE files start with a `#` record (after an optional byte order mark and blank lines); anything else is read as CSV. */
async function kannIgenFormat(source: AsyncIterable<Uint8Array>): Promise<{ format: 'SIE4' | 'CSV'; stream: AsyncIterable<Uint8Array> }> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? new Uint8Array() : first.value;
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x0d || head[i] === 0x0a || head[i] === 0x09)) i += 1;
  const format = head[i] === 0x23 ? 'SIE4' : 'CSV';
  async function* stream() {
    if (!first.done) yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { format, stream: stream() };
}
