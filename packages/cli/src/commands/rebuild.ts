import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { kontrollsummaSchema, type Kontrollsumma } from '@tertial/contracts/dto';
import { arLokalLeverantor, hamtaToken } from '@tertial/identity';
import kafkajs from 'kafkajs';

const { AssignerProtocol, Kafka, logLevel } = kafkajs;

export const rebuildHelp = `tertial rebuild report [--till TIDPUNKT] [--url URL] [--token TOKEN] [--brokers HOST:PORT] [--database-url URL] [--behall] [--json]

Rebuilds the report service's figures from the event log: starts a report service of its own on an empty database,
lets it read every topic from the beginning (a consumer group of its own; the running service is not touched), and
when it has read all there is, compares a hash of every forecast round's roll-up (GET /api/report/kontrollsumma)
with the running service's. Prints each round's hash and the city's figures.
  --till          rebuild as of a past moment (ISO 8601, e.g. 2026-09-15T23:59:59+02:00): only the events that
                  occurred up to then are applied, so the figures are what was known then; nothing is compared
  --url           where the running Tertial answers (default: TERTIAL_URL or http://localhost:8080)
  --token         an access token of the ekonomidirektör (default: TERTIAL_TOKEN; against the local demo provider
                  one is fetched when none is given)
  --brokers       Kafka (default: KAFKA_BROKERS or 127.0.0.1:9092)
  --database-url  an empty PostgreSQL database to rebuild into (default: a new SQLite file)
  --behall        keep the rebuilt database and the service's log (in .tertial/rebuild/…) afterwards
Only the report service can be rebuilt: everything it knows came as events. What it was told directly (report
texts, imported balanskrav history) is not in the log and not in the comparison.
Exit status: 0 rebuilt (and equal), 1 the figures differ or the rebuild failed, 2 the command was used wrongly.`;

/** How long the rebuilt service may take to read the log before the command gives up. */
const LAST_WAIT_MS = 30 * 60_000;
const JAMFOR_FORSOK = 3;

export async function rebuild(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      till: { type: 'string' },
      url: { type: 'string', default: process.env.TERTIAL_URL ?? 'http://localhost:8080' },
      token: { type: 'string', default: process.env.TERTIAL_TOKEN },
      brokers: { type: 'string', default: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092' },
      'database-url': { type: 'string' },
      issuer: { type: 'string' },
      behall: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1 || positionals[0] !== 'report') {
    console.error(
      positionals[0] && positionals[0] !== 'report'
        ? `Bara report kan byggas om ur händelseloggen: ${positionals[0]} äger data som inte kommer som händelser.`
        : rebuildHelp,
    );
    return 2;
  }
  const till = values.till === undefined ? null : new Date(values.till);
  if (till && (Number.isNaN(till.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(values.till!))) {
    console.error(`--till: ${values.till} är ingen tidpunkt; skriv t.ex. 2026-09-15T23:59:59+02:00`);
    return 2;
  }
  const main = process.env.TERTIAL_REPORT_MAIN ?? fileURLToPath(new URL('../../../../apps/report/dist/main.js', import.meta.url));
  if (!existsSync(main)) {
    console.error(`Rapporttjänsten är inte byggd (${main} saknas): kör npm start eller npx nx run @tertial/report:build först.`);
    return 2;
  }
  const url = values.url.replace(/\/$/, '');
  const issuer = values.issuer ?? process.env.TERTIAL_OIDC_ISSUER ?? `${url}/oidc`;
  const token = values.token ?? (await lokalToken(issuer));
  if (!token) {
    console.error('Ange en token för ekonomidirektören med --token eller TERTIAL_TOKEN.');
    return 2;
  }
  const logg = (text: string) => {
    if (!values.json) console.error(text);
  };

  const stampel = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  const katalog = resolve('.tertial', 'rebuild', `report-${stampel}`);
  mkdirSync(katalog, { recursive: true });
  const gruppSuffix = `-rebuild-${stampel}`;
  const grupp = `tertial-report${gruppSuffix}`;
  const port = await ledigPort();
  const brokers = values.brokers.split(',').map((broker) => broker.trim());
  const startad = Date.now();
  logg(`Bygger om rapporttjänsten i ${katalog} (konsumentgrupp ${grupp}${till ? `, händelser till ${till.toISOString()}` : ''})…`);

  const tjanst = spawn(process.execPath, ['--disable-warning=TimeoutNegativeWarning', main], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_GROUP_SUFFIX: gruppSuffix,
      TERTIAL_DATA_DIR: katalog,
      DATABASE_URL: values['database-url'] ?? '',
      TERTIAL_OIDC_ISSUER: issuer,
      TERTIAL_REBUILD: 'ja',
      TERTIAL_REBUILD_TILL: till?.toISOString() ?? '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const loggfil = createWriteStream(resolve(katalog, 'report.log'));
  tjanst.stdout.pipe(loggfil);
  tjanst.stderr.pipe(loggfil);
  const kafka = new Kafka({ clientId: 'tertial-cli-rebuild', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  try {
    await admin.connect();
    await vantaPaHalsa(tjanst, `http://127.0.0.1:${port}/api/report/health`);
    const aterskapadUrl = `http://127.0.0.1:${port}`;
    let handelser = await vantaTillsIkapp(admin, grupp, tjanst, logg);
    if (till) {
      const aterskapad = await kontrollsumma(aterskapadUrl, token);
      skrivResultat(values.json, { till, katalog, handelser, sekunder: sekunderSedan(startad), aterskapad });
      return 0;
    }
    for (let forsok = 1; ; forsok += 1) {
      const [korande, aterskapad] = await Promise.all([kontrollsumma(url, token), kontrollsumma(aterskapadUrl, token)]);
      if (korande.hash === aterskapad.hash || forsok >= JAMFOR_FORSOK) {
        skrivResultat(values.json, { till, katalog, handelser, sekunder: sekunderSedan(startad), aterskapad, korande });
        return korande.hash === aterskapad.hash ? 0 : 1;
      }
      // Events may have come in since the rebuilt service caught up: let it read them too, and compare again.
      logg('Kontrollsummorna skiljer sig; läser det som kommit in sedan och jämför igen…');
      await sleep(2_000);
      handelser = await vantaTillsIkapp(admin, grupp, tjanst, logg);
    }
  } finally {
    tjanst.kill('SIGTERM');
    if (tjanst.exitCode === null) await Promise.race([once(tjanst, 'exit'), sleep(15_000)]);
    if (tjanst.exitCode === null) tjanst.kill('SIGKILL');
    await admin.deleteGroups([grupp]).catch(() => undefined);
    await admin.disconnect();
    loggfil.end();
    if (!values.behall && !values['database-url']) rmSync(katalog, { recursive: true, force: true });
    else logg(`Den återuppbyggda databasen och tjänstens logg finns kvar i ${katalog}.`);
  }
}

async function lokalToken(issuer: string): Promise<string | undefined> {
  if (!(await arLokalLeverantor(issuer))) return undefined;
  return (await hamtaToken({ issuer, anvandare: 'ekonomidirektor' })).accessToken;
}

function ledigPort(): Promise<number> {
  return new Promise((klar, fel) => {
    const server = createServer();
    server.once('error', fel);
    server.listen(0, '127.0.0.1', () => {
      const adress = server.address();
      server.close(() => (adress && typeof adress === 'object' ? klar(adress.port) : fel(new Error('ingen ledig port'))));
    });
  });
}

async function vantaPaHalsa(tjanst: ChildProcess, url: string): Promise<void> {
  const grans = Date.now() + 120_000;
  while (Date.now() < grans) {
    if (tjanst.exitCode !== null) throw new Error(`den återuppbyggda rapporttjänsten avslutades (kod ${tjanst.exitCode}); se report.log`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error('den återuppbyggda rapporttjänsten svarade inte inom 120 s; se report.log');
}

/**
 * Until the rebuilt service's consumer group has committed the end of every partition it was given, twice in a row a
 * second apart (offsets are committed once a second). Returns how many events it has read.
 */
async function vantaTillsIkapp(
  admin: ReturnType<InstanceType<typeof Kafka>['admin']>,
  grupp: string,
  tjanst: ChildProcess,
  logg: (text: string) => void,
): Promise<number> {
  const grans = Date.now() + LAST_WAIT_MS;
  let ikappForsta = false;
  let senastSagt = 0;
  while (Date.now() < grans) {
    if (tjanst.exitCode !== null) throw new Error(`den återuppbyggda rapporttjänsten avslutades (kod ${tjanst.exitCode}); se report.log`);
    const lage = await gruppensLage(admin, grupp);
    if (lage && lage.kvar === 0) {
      if (ikappForsta) return lage.lasta;
      ikappForsta = true;
    } else {
      ikappForsta = false;
      if (lage && Date.now() - senastSagt > 5_000) {
        logg(`  läst ${lage.lasta} av ${lage.lasta + lage.kvar} händelser`);
        senastSagt = Date.now();
      }
    }
    await sleep(1_000);
  }
  throw new Error(`den återuppbyggda rapporttjänsten hann inte läsa loggen inom ${LAST_WAIT_MS / 60_000} minuter`);
}

/** The group's read and unread events over the partitions assigned to it; null while it has no members or assignment. */
async function gruppensLage(admin: ReturnType<InstanceType<typeof Kafka>['admin']>, grupp: string) {
  const { groups } = await admin.describeGroups([grupp]);
  const medlemmar = groups[0]?.state === 'Stable' ? groups[0].members : [];
  const topics = new Set<string>();
  for (const medlem of medlemmar) {
    const tilldelning = AssignerProtocol.MemberAssignment.decode(medlem.memberAssignment);
    for (const topic of Object.keys(tilldelning?.assignment ?? {})) topics.add(topic);
  }
  if (topics.size === 0) return null;
  const committed = await admin.fetchOffsets({ groupId: grupp, topics: [...topics] });
  let lasta = 0;
  let kvar = 0;
  for (const { topic, partitions } of committed) {
    const slut = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, { low: Number(p.low), high: Number(p.high) }]));
    for (const { partition, offset } of partitions) {
      const { low, high } = slut.get(partition) ?? { low: 0, high: 0 };
      const last = Number(offset) < 0 ? low : Number(offset);
      lasta += last - low;
      kvar += Math.max(0, high - last);
    }
  }
  return { lasta, kvar };
}

async function kontrollsumma(url: string, token: string): Promise<Kontrollsumma> {
  const svar = await fetch(`${url}/api/report/kontrollsumma`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  });
  if (!svar.ok) throw new Error(`${url}/api/report/kontrollsumma svarade ${svar.status}: ${(await svar.text()).slice(0, 300)}`);
  return kontrollsummaSchema.parse(await svar.json());
}

const sekunderSedan = (start: number) => Math.round((Date.now() - start) / 100) / 10;

interface Resultat {
  till: Date | null;
  katalog: string;
  handelser: number;
  sekunder: number;
  aterskapad: Kontrollsumma;
  korande?: Kontrollsumma;
}

function skrivResultat(json: boolean, resultat: Resultat): void {
  const { till, handelser, sekunder, aterskapad, korande } = resultat;
  const lika = korande ? korande.hash === aterskapad.hash : null;
  if (json) {
    console.log(
      JSON.stringify({ tjanst: 'report', till: till?.toISOString() ?? null, handelser, sekunder, lika, aterskapad, korande }, null, 2),
    );
    return;
  }
  const korandePer = new Map(korande?.omgangar.map((omgang) => [`${omgang.ar} ${omgang.tillfalle}`, omgang.hash]));
  const rader = aterskapad.omgangar.map((omgang) => {
    const nyckel = `${omgang.ar} ${omgang.tillfalle}`;
    const jamforelse = korande ? (korandePer.get(nyckel) === omgang.hash ? 'lika' : 'SKILJER SIG') : '';
    const stad = omgang.stad;
    return [
      nyckel,
      omgang.hash.slice(0, 16),
      String(omgang.antalNoder),
      stad ? mnkr(stad.budgetOre) : '–',
      stad ? mnkr(stad.utfallOre) : '–',
      stad ? `${mnkr(stad.prognosOre)} (${stad.prognosAntalAnsvar} av ${stad.antalAnsvar})` : '–',
      jamforelse,
    ];
  });
  for (const omgang of korande?.omgangar ?? []) {
    if (!aterskapad.omgangar.some((egen) => egen.ar === omgang.ar && egen.tillfalle === omgang.tillfalle)) {
      rader.push([`${omgang.ar} ${omgang.tillfalle}`, '–', '–', '–', '–', '–', 'SAKNAS i den återuppbyggda']);
    }
  }
  const rubrik = ['omgång', 'kontrollsumma', 'noder', 'budget', 'utfall', 'prognos (ansvar)', korande ? 'mot den körande' : ''];
  const bredd = rubrik.map((_, i) => Math.max(...[rubrik, ...rader].map((rad) => rad[i]!.length)));
  const skriv = (rad: string[]) =>
    console.log(rad.map((cell, i) => (i >= 3 && i <= 5 ? cell.padStart(bredd[i]!) : cell.padEnd(bredd[i]!))).join('  '));
  skriv(rubrik);
  rader.forEach(skriv);
  console.log('');
  console.log(
    `${handelser} händelser lästa på ${String(sekunder).replace('.', ',')} s${till ? `, de som inträffat till ${till.toISOString()}` : ''}.`,
  );
  console.log(`Kontrollsumma, återuppbyggd: ${aterskapad.hash}`);
  if (korande) {
    console.log(`Kontrollsumma, körande:      ${korande.hash}`);
    console.log(lika ? 'Lika: den återuppbyggda rapportdatabasen har samma siffror som den körande.' : 'SKILJER SIG: se omgångarna ovan.');
  }
}

const mnkrFormat = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const mnkr = (ore: number) => `${mnkrFormat.format(ore / 100_000_000).replace('-', '−')} mnkr`;
