import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { koladaImportResultatSchema, type KoladaImportResultat } from '@tertial/contracts/dto';

export const importKoladaHelp = `tertial import-kolada FILE [--dry-run] [--json] [--url URL] [--token TOKEN]

Imports Kolada's published values from a file of Kolada API data responses (v2 or v3): one response, a JSON
array of pages, or pages one after another (one per line, as saved by following next_page). The city's own
values (municipality 1283, or the goals service's TERTIAL_KOMMUNKOD) become measurements of the nyckeltal with
the same Kolada KPI id; other municipalities' values are kept as comparisons. A file in the wrong shape stores
nothing, and every error names where it is (e.g. [1].values[3].values[0].gender). Importing a file twice
changes nothing.
  --dry-run   check the file and print what it holds without storing
  --json      print the result as JSON
  --url       where Tertial answers (default: TERTIAL_URL or http://localhost:8080)
  --token     an access token of a processledare or the ekonomidirektör (default: TERTIAL_TOKEN); locally:
              TERTIAL_TOKEN=$(npx tertial token ekonomidirektor) npx tertial import-kolada FILE
Exit status: 0 imported or checked, 1 refused, 2 the command was used wrongly or Tertial could not be reached.`;

export async function importKolada(argv: string[]): Promise<number> {
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
    console.error(importKoladaHelp);
    return 2;
  }
  const path = resolve(fil);
  let innehall: Buffer;
  try {
    innehall = readFileSync(path);
  } catch (error) {
    console.error(`Filen ${fil} kunde inte läsas: ${(error as Error).message}`);
    return 2;
  }
  const url = new URL('/api/goals/kolada/import', values.url);
  url.searchParams.set('dryRun', String(values['dry-run']));
  url.searchParams.set('filnamn', basename(path));
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...(values.token ? { authorization: `Bearer ${values.token}` } : {}) },
    body: innehall,
  });
  if (response.status === 401 || response.status === 403) {
    await response.body?.cancel();
    console.error(
      response.status === 403
        ? 'Tertial svarade 403: din användare får inte importera från Kolada. Använd en token för en processledare eller ekonomidirektören.'
        : `Tertial svarade 401: ${values.token ? 'din token godtogs inte (den kan ha gått ut)' : 'ingen token angavs'}.\nLokalt: TERTIAL_TOKEN=$(npx tertial token ekonomidirektor) npx tertial import-kolada FIL`,
    );
    return 2;
  }
  const body = (await response.json()) as { resultat?: unknown; title?: string; detail?: string };
  const parsed = koladaImportResultatSchema.safeParse(response.status === 422 ? body.resultat : body);
  if (!parsed.success) {
    console.error(`Tertial svarade ${response.status}: ${body.title ?? ''} ${body.detail ?? ''}`.trim());
    return 2;
  }
  if (values.json) console.log(JSON.stringify(parsed.data, null, 2));
  else skrivResultat(parsed.data);
  return parsed.data.status === 'avvisad' ? 1 : 0;
}

function skrivResultat(resultat: KoladaImportResultat): void {
  const rubrik = { provkord: 'Provkörning: inget sparades', importerad: 'Importerat', avvisad: 'Avvisat: inget sparades' }[resultat.status];
  console.log(`${rubrik} (${resultat.filnamn}: ${resultat.sidor} sidor, ${resultat.varden} värden, varav ${resultat.saknade} utan värde)`);
  if (resultat.fel.length > 0) {
    console.log(`\n${resultat.fel.length} fel:`);
    for (const fel of resultat.fel.slice(0, 50)) console.log(`  ${fel.sokvag}: ${fel.meddelande}`);
    return;
  }
  console.log(`\nStadens egna värden (kommun ${resultat.egenKommun}):`);
  for (const egna of resultat.egnaVarden)
    console.log(
      `  ${egna.kpi}  ${String(egna.antal).padStart(4)} värden  → ${egna.namn ?? 'inget nyckeltal har detta Kolada-id: värdena sparas bara som jämförelse'}`,
    );
  console.log('\nJämförelser:');
  for (const jamforelse of resultat.jamforelser)
    console.log(`  ${jamforelse.kpi}  ${String(jamforelse.antal).padStart(4)} värden från ${jamforelse.kommuner.join(', ')}`);
  if (resultat.utanforGruppen.length > 0) console.log(`\nUtanför jämförelsegruppen (sparas också): ${resultat.utanforGruppen.join(', ')}`);
}
