import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { EXPORTFORMAT, RAPPORTTYPER } from '@tertial/contracts/dto';

export const exportReportHelp = `tertial export-report --report ${RAPPORTTYPER.join('|')} --year YEAR --format ${EXPORTFORMAT.join('|')} --out FILE [--version N] [--json]

Writes a report to kommunfullmäktige as a file, for scripted delivery to the council's agenda system: a fixed
version with --version, the open draft (its live figures) otherwise. The same fixed version in the same format is
the same bytes on every export, so its file hash never changes.
  --report    delarsrapport-april, delarsrapport-augusti or arsredovisning
  --year      the report's year, e.g. 2026
  --format    pdf (tagged PDF/A-2a), xlsx or docx
  --out       the file to write
  --version   the version number (see GET /api/report/dokument/{rapport}/{ar}/versioner)
  --json      print {"fil", "filhash", "version", "status", "innehallshash"} instead of the two lines below
  --url       where Tertial answers (default: TERTIAL_URL or http://localhost:8080)
  --token     an access token (default: TERTIAL_TOKEN); locally:
              TERTIAL_TOKEN=$(npx tertial token ekonomidirektor) npx tertial export-report --report arsredovisning --year 2025 --format pdf --out rapport.pdf --version 1
Prints two lines: the file's SHA-256 (64 hex digits, what \`sha256sum FILE\` prints), then
"version N STATUS INNEHALLSHASH": the version exported, its status (faststalld, granskning, utkast) and its content
hash (the SHA-256 of the fixed content, printed on the PDF's cover; "-" for a draft).
Exit status: 0 written, 1 the service refused or did not answer, 2 the command was used wrongly.`;

export async function exportReport(argv: string[]): Promise<number> {
  let tolkat;
  try {
    tolkat = tolka(argv);
  } catch (fel) {
    console.error(`${fel instanceof Error ? fel.message : String(fel)}\n\n${exportReportHelp}`);
    return 2;
  }
  const { values } = tolkat;
  const fel: string[] = [];
  if (!values.report || !(RAPPORTTYPER as readonly string[]).includes(values.report))
    fel.push(`--report ska vara ${RAPPORTTYPER.join(', ')}`);
  if (!values.year || !/^\d{4}$/.test(values.year)) fel.push('--year ska vara ett årtal');
  if (!values.format || !(EXPORTFORMAT as readonly string[]).includes(values.format))
    fel.push(`--format ska vara ${EXPORTFORMAT.join(', ')}`);
  if (!values.out) fel.push('--out saknas');
  if (values.version !== undefined && !/^[1-9]\d*$/.test(values.version)) fel.push('--version ska vara ett versionsnummer (1, 2, …)');
  if (!values.token) fel.push('ingen åtkomsttoken: ange --token eller TERTIAL_TOKEN');
  if (fel.length > 0) {
    console.error(`${fel.join('\n')}\n\n${exportReportHelp}`);
    return 2;
  }
  const url = new URL(`/api/report/dokument/${values.report}/${values.year}/export`, values.url);
  url.searchParams.set('format', values.format!);
  if (values.version) url.searchParams.set('version', values.version);
  const response = await fetch(url, { headers: { authorization: `Bearer ${values.token}` } });
  if (!response.ok) {
    const text = await response.text();
    let detalj = text;
    try {
      const problem = JSON.parse(text) as { title?: string; detail?: string };
      detalj = [problem.title, problem.detail].filter(Boolean).join(': ');
    } catch {
      // not a problem document: print it as it came
    }
    console.error(`tjänsten svarade ${response.status}${detalj ? `: ${detalj}` : ''}`);
    return 1;
  }
  const fil = Buffer.from(await response.arrayBuffer());
  writeFileSync(values.out!, fil);
  const utskrift = {
    fil: values.out!,
    filhash: createHash('sha256').update(fil).digest('hex'),
    version: Number(response.headers.get('x-tertial-version')),
    status: response.headers.get('x-tertial-status'),
    innehallshash: response.headers.get('x-tertial-innehallshash'),
  };
  if (values.json) console.log(JSON.stringify(utskrift));
  else console.log(`${utskrift.filhash}\nversion ${utskrift.version} ${utskrift.status} ${utskrift.innehallshash ?? '-'}`);
  return 0;
}

/** The options; an unknown one or a missing value throws, which the command reports as wrong use. */
function tolka(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      report: { type: 'string' },
      year: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      version: { type: 'string' },
      json: { type: 'boolean', default: false },
      url: { type: 'string', default: process.env.TERTIAL_URL ?? 'http://localhost:8080' },
      token: { type: 'string', default: process.env.TERTIAL_TOKEN },
    },
  });
}
