import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import {
  BALANSKRAV_TILLFALLEN,
  balanskravImportResultatSchema,
  balanskravsutredningSchema,
  type BalanskravImportResultat,
  type Balanskravsutredning,
} from '@tertial/contracts/dto';

const TOKEN_HJALP = `  --url       where Tertial answers (default: TERTIAL_URL or http://localhost:8080)
  --token     the ekonomidirektör's access token (default: TERTIAL_TOKEN); locally:
              TERTIAL_TOKEN=$(npx tertial token ekonomidirektor) npx tertial ...`;

export const importBalanskravHelp = `tertial import-balanskrav FILE [--dry-run] [--json] [--url URL] [--token TOKEN]

Imports earlier years' balanskravsutredningar, as published, into the report service, so the multi-year tables
and the deficit history are complete from the first year of use. The file is CSV with a header row, separator
; or , and one row per year, columns
  ar;arets_resultat;samtliga_realisationsvinster;realisationsvinster_undantag;realisationsforluster_undantag;
  orealiserade_forluster_vardepapper;aterforing_orealiserade_forluster;till_rur;fran_rur
and optionally resultat_efter_justeringar and balanskravsresultat as checks (they must equal what Tertial
computes). Amounts in kronor with the sign of a published utredning (realisationsvinster and till_rur negative),
decimal comma or point, spaces between thousands allowed. A year imported before is replaced (and the answer
says so); a year Tertial has closed itself keeps its bokslut. A file with any error stores nothing.
  --dry-run   check the file and print what it holds without storing
  --json      print the result as JSON
${TOKEN_HJALP}
Exit status: 0 imported or checked, 1 refused (every error with its line), 2 used wrongly or Tertial unreachable.`;

export const balanskravHelp = `tertial balanskrav --ar YEAR [--tillfalle april|augusti|bokslut] [--json] [--url URL] [--token TOKEN]

Prints the balanskravsutredning of a year: each row's name and amount, and the deficits carried from earlier
years (oldest first, what remains and by which year it must be restored). Without --tillfalle: the bokslut if
the year has one, else the latest round with a forecast.
  --json      print the utredning as JSON
${TOKEN_HJALP}
Exit status: 0 printed, 1 the year has no utredning for that tillfälle, 2 used wrongly or Tertial unreachable.`;

/** Swedish kronor with plain spaces between thousands (a terminal and a script read them better than non-breaking ones). */
const kr = (ore: number) =>
  `${ore < 0 ? '−' : ''}${Math.trunc(Math.abs(ore) / 100)
    .toLocaleString('sv-SE')
    .replace(/\s/g, ' ')},${String(Math.abs(ore) % 100).padStart(2, '0')} kr`;

function atkomstFel(status: number): string {
  return status === 403
    ? 'Tertial svarade 403: din användare har inte behörighet. Använd ekonomidirektörens token.'
    : 'Tertial svarade 401: ingen eller en ogiltig token. Ange en med --token eller TERTIAL_TOKEN; lokalt: TERTIAL_TOKEN=$(npx tertial token ekonomidirektor)';
}

const flaggor = {
  json: { type: 'boolean', default: false },
  url: { type: 'string', default: process.env.TERTIAL_URL ?? 'http://localhost:8080' },
  token: { type: 'string', default: process.env.TERTIAL_TOKEN },
} as const;

/** Exit status 2 for the help's "used wrongly or Tertial unreachable"; 1 is kept for what Tertial refused. */
class FelAnvant extends Error {}

/** The flags, or the help with what was wrong (an unknown flag, a value missing) as "used wrongly". */
function tolka<T>(las: () => T, hjalp: string): T {
  try {
    return las();
  } catch (error) {
    throw new FelAnvant(`${(error as Error).message}\n\n${hjalp}`);
  }
}

/** A call to Tertial; one that does not reach it (refused, no such host, a bad --url) is "unreachable". */
async function anropa(url: URL | string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const orsak = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
    throw new FelAnvant(`Tertial kunde inte nås på ${String(url)}: ${orsak}. Ange rätt adress med --url eller TERTIAL_URL.`);
  }
}

/** The address on Tertial; a --url that is no URL is "used wrongly". */
function adress(sokvag: string, bas: string | undefined): URL {
  try {
    return new URL(sokvag, bas);
  } catch {
    throw new FelAnvant(`--url ${bas ?? ''} är ingen adress (till exempel http://localhost:8080).`);
  }
}

/** A body that is not JSON (a proxy's error page): Tertial did not answer. */
async function lasJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new FelAnvant(`Tertial svarade inte (${response.status}): ${text.slice(0, 200)}`);
  }
}

/** Runs a command, turning "used wrongly" and "unreachable" into exit status 2 with the message, as the help says. */
async function medStatus2(kor: () => Promise<number>): Promise<number> {
  try {
    return await kor();
  } catch (error) {
    if (!(error instanceof FelAnvant)) throw error;
    console.error(error.message);
    return 2;
  }
}

export function importBalanskrav(argv: string[]): Promise<number> {
  return medStatus2(() => importera(argv));
}

async function importera(argv: string[]): Promise<number> {
  const { values, positionals } = tolka(
    () => parseArgs({ args: argv, allowPositionals: true, options: { ...flaggor, 'dry-run': { type: 'boolean', default: false } } }),
    importBalanskravHelp,
  );
  const [fil] = positionals;
  if (!fil || positionals.length > 1) {
    console.error(importBalanskravHelp);
    return 2;
  }
  const path = resolve(fil);
  let innehall: Buffer;
  try {
    innehall = readFileSync(path);
  } catch (error) {
    throw new FelAnvant(`Filen ${fil} kunde inte läsas: ${(error as Error).message}`);
  }
  const url = adress('/api/report/balanskrav/historik', values.url);
  url.searchParams.set('dryRun', String(values['dry-run']));
  url.searchParams.set('filnamn', basename(path));
  const response = await anropa(url, {
    method: 'POST',
    headers: { 'content-type': 'text/csv; charset=utf-8', ...(values.token ? { authorization: `Bearer ${values.token}` } : {}) },
    body: innehall,
  });
  if (response.status === 401 || response.status === 403) {
    console.error(atkomstFel(response.status));
    return 2;
  }
  const body = (await lasJson(response)) as { resultat?: unknown; title?: string; detail?: string };
  const parsed = balanskravImportResultatSchema.safeParse(response.status === 422 ? body.resultat : body);
  if (!parsed.success) {
    console.error(`Tertial svarade ${response.status}: ${body.title ?? ''} ${body.detail ?? ''}`.trim());
    return 2;
  }
  if (values.json) console.log(JSON.stringify(parsed.data, null, 2));
  else skrivImport(parsed.data);
  return parsed.data.status === 'avvisad' ? 1 : 0;
}

function skrivImport(resultat: BalanskravImportResultat): void {
  const rubrik = { provkord: 'Provkörning: inget sparades', importerad: 'Importerat', avvisad: 'Avvisat: inget sparades' }[resultat.status];
  console.log(`${rubrik} (${resultat.filnamn})`);
  for (const fel of resultat.fel) console.error(`  rad ${fel.rad} ${fel.falt}: ${fel.meddelande}`);
  if (resultat.ar.length > 0)
    console.log(
      `\n${'år'.padEnd(6)}${'årets resultat'.padStart(24)}${'efter justeringar'.padStart(24)}${'balanskravsresultat'.padStart(24)}`,
    );
  for (const ar of resultat.ar)
    console.log(
      `${String(ar.ar).padEnd(6)}${kr(ar.aretsResultatOre).padStart(24)}${kr(ar.resultatEfterJusteringarOre).padStart(24)}${kr(ar.balanskravsresultatOre).padStart(24)}`,
    );
  for (const meddelande of resultat.meddelanden) console.log(meddelande);
}

export function balanskrav(argv: string[]): Promise<number> {
  return medStatus2(() => visa(argv));
}

async function visa(argv: string[]): Promise<number> {
  const { values, positionals } = tolka(
    () => parseArgs({ args: argv, allowPositionals: true, options: { ...flaggor, ar: { type: 'string' }, tillfalle: { type: 'string' } } }),
    balanskravHelp,
  );
  const ar = Number(values.ar);
  const tillfalle = values.tillfalle;
  if (positionals.length > 0 || !Number.isInteger(ar) || !/^\d{4}$/.test(values.ar ?? '')) {
    console.error(`--ar ska vara ett årtal\n\n${balanskravHelp}`);
    return 2;
  }
  if (tillfalle !== undefined && !(BALANSKRAV_TILLFALLEN as readonly string[]).includes(tillfalle)) {
    console.error(`--tillfalle ska vara ett av ${BALANSKRAV_TILLFALLEN.join(', ')}\n\n${balanskravHelp}`);
    return 2;
  }
  const forsok = tillfalle ? [tillfalle] : ['bokslut', 'augusti', 'april'];
  for (const kandidat of forsok) {
    const response = await anropa(adress(`/api/report/balanskrav/${ar}/${kandidat}`, values.url), {
      headers: values.token ? { authorization: `Bearer ${values.token}` } : {},
    });
    if (response.status === 401 || response.status === 403) {
      console.error(atkomstFel(response.status));
      return 2;
    }
    if (response.status === 404) {
      await response.body?.cancel();
      continue;
    }
    const body = await lasJson(response);
    const parsed = balanskravsutredningSchema.safeParse(body);
    if (!parsed.success) {
      const problem = body as { title?: string; detail?: string };
      console.error(`Tertial svarade ${response.status}: ${problem.title ?? ''} ${problem.detail ?? ''}`.trim());
      return 2;
    }
    if (values.json) console.log(JSON.stringify(parsed.data, null, 2));
    else skrivUtredning(parsed.data);
    return 0;
  }
  console.error(`${ar} har ingen balanskravsutredning${tillfalle ? ` för ${tillfalle}` : ''}.`);
  return 1;
}

const KALLA = { prognos: 'helårsprognosen', bokslut: 'Tertials bokslut', historik: 'importerat, publicerat år' };

function skrivUtredning(utredning: Balanskravsutredning): void {
  console.log(`Balanskravsutredning ${utredning.ar}, ${utredning.tillfalle} (${KALLA[utredning.kalla]})\n`);
  for (const rad of utredning.rader) console.log(`  ${rad.namn.padEnd(52)}${kr(rad.beloppOre).padStart(24)}`);
  console.log(`\nResultatutjämningsreserven: ingående ${kr(utredning.rur.ingaendeOre)}, utgående ${kr(utredning.rur.utgaendeOre)}`);
  if (utredning.underskottFranTidigareAr.length === 0) console.log('Inga balanskravsunderskott från tidigare år att återställa.');
  else {
    console.log('Balanskravsunderskott från tidigare år (äldst först):');
    for (const underskott of utredning.underskottFranTidigareAr)
      console.log(
        `  ${underskott.ar}: underskott ${kr(underskott.underskottOre)}, återställt ${kr(underskott.aterstalltOre)}, kvar ${kr(underskott.kvarOre)} senast ${underskott.senastAr}`,
      );
  }
  for (const meddelande of utredning.meddelanden) console.log(meddelande);
}
