import { createReadStream, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';

import { utfallImportResultatSchema, type UtfallImportResultat } from '@tertial/contracts/dto';

export const importUtfallHelp = `tertial import-utfall FILE [--dry-run] [--json] [--url URL] [--token TOKEN]

Imports a month's utfall from a SIE 4 file (or CSV: ar;manad;ansvar;konto;belopp) into the budget service.
The file is streamed; periods it covers replace what was imported before, so importing a file twice changes
nothing. A file with any error (unknown account or ansvar, an unbalanced #VER, a truncated file …) stores
nothing, and every error is listed with its line.
  --dry-run   check the file and print what it holds (rows, totals per account and per month) without storing
  --json      print the result as JSON
  --url       where Tertial answers (default: TERTIAL_URL or http://localhost:8080)
  --token     an access token of someone who may import utfall, e.g. the ekonomidirektör (default:
              TERTIAL_TOKEN); locally: TERTIAL_TOKEN=$(npx tertial token ekonomidirektor) npx tertial import-utfall FILE
Exit status: 0 imported or checked, 1 refused, 2 the command was used wrongly or Tertial could not be reached.`;

export async function importUtfall(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      url: { type: 'string', default: process.env.TERTIAL_URL ?? 'http://localhost:8080' },
      token: { type: 'string', default: process.env.TERTIAL_TOKEN },
    },
  });
  const [fil] = positionals;
  if (!fil || positionals.length > 1) {
    console.error(importUtfallHelp);
    return 2;
  }
  const path = resolve(fil);
  const storlek = statSync(path).size;
  const url = new URL('/api/budget/utfall/import', values.url);
  url.searchParams.set('dryRun', String(values['dry-run']));
  url.searchParams.set('filnamn', basename(path));
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      'content-length': String(storlek),
      ...(values.token ? { authorization: `Bearer ${values.token}` } : {}),
    },
    body: Readable.toWeb(createReadStream(path, { highWaterMark: 1024 * 1024 })) as ReadableStream,
    duplex: 'half',
  });
  if (response.status === 401 || response.status === 403) {
    await response.body?.cancel();
    console.error(atkomstFel(response.status, Boolean(values.token)));
    return 2;
  }
  const body = (await response.json()) as { resultat?: unknown; title?: string; detail?: string };
  const parsed = utfallImportResultatSchema.safeParse(response.status === 422 ? body.resultat : body);
  if (!parsed.success) {
    console.error(`Tertial svarade ${response.status}: ${body.title ?? ''} ${body.detail ?? ''}`.trim());
    return 2;
  }
  const resultat = parsed.data;
  if (values.json) console.log(JSON.stringify(resultat, null, 2));
  else printResultat(resultat);
  return resultat.status === 'avvisad' ? 1 : 0;
}

function atkomstFel(status: number, medToken: boolean): string {
  if (status === 403)
    return 'Tertial svarade 403: din användare har inte behörighet att importera utfall. Använd en token för någon som har det, lokalt till exempel ekonomidirektören.';
  const orsak = medToken
    ? 'din token godtogs inte (den kan ha gått ut – en token gäller en timme – eller vara utfärdad av en annan leverantör)'
    : 'ingen token angavs';
  return `Tertial svarade 401: ${orsak}.\nAnge en med --token eller TERTIAL_TOKEN; lokalt: TERTIAL_TOKEN=$(npx tertial token ekonomidirektor) npx tertial import-utfall FIL`;
}

const kr = (ore: number) =>
  `${ore < 0 ? '−' : ''}${Math.trunc(Math.abs(ore) / 100).toLocaleString('sv-SE')},${String(Math.abs(ore) % 100).padStart(2, '0')}`;

function printResultat(resultat: UtfallImportResultat): void {
  const rubrik = { provkord: 'Provkörning: inget sparades', importerad: 'Importerat', avvisad: 'Avvisat: inget sparades' }[resultat.status];
  console.log(`${rubrik} (${resultat.filnamn}, ${resultat.format}, ${resultat.kodning})`);
  // A wholly owned company's own BAS ledger, known by its #ORGNR: mapped by account class, not by the city's kontogrupper.
  if (resultat.bolag) console.log(`Bolagets bokföring: ${resultat.bolag.namn} (${resultat.bolag.kod}), BAS-konton efter kontoklass`);
  if (resultat.rakenskapsar) console.log(`Räkenskapsår ${resultat.rakenskapsar.start} – ${resultat.rakenskapsar.slut}`);
  console.log(
    `${resultat.rader} rader: ${resultat.poster.ver} #VER, ${resultat.poster.trans} #TRANS, ${resultat.poster.psaldo} #PSALDO; ${resultat.antalUtfallsrader} utfallsrader på ${resultat.antalAnsvar} ansvar`,
  );
  if (resultat.fel.length > 0) {
    console.log(`\n${resultat.fel.length} fel:`);
    for (const fel of resultat.fel.slice(0, 50)) console.log(`  rad ${fel.rad} ${fel.post}: ${fel.meddelande}`);
  }
  if (resultat.varningar.length > 0)
    console.log(
      `\n${resultat.varningar.length} varningar (den första: rad ${resultat.varningar[0]!.rad}: ${resultat.varningar[0]!.meddelande})`,
    );
  console.log('\nPer månad (kr, bokfört tecken: intäkter negativa):');
  for (const manad of resultat.totalerPerManad)
    console.log(`  ${manad.ar}-${String(manad.manad).padStart(2, '0')}  ${kr(manad.beloppOre).padStart(20)}`);
  console.log('\nPer konto (kr):');
  for (const konto of resultat.totalerPerKonto)
    console.log(
      `  ${konto.konto} ${(konto.namn ?? '').padEnd(32).slice(0, 32)} ${(konto.kontogrupp ?? '–').padEnd(20)} ${kr(konto.beloppOre).padStart(20)}`,
    );
}
