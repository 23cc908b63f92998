import { buildResult } from './aggregate.js';
import { parseKronorText } from './belopp.js';
import { addBelopp, createBeloppSummor } from './belopp-summor.js';
import { describeBinary, detectEncoding } from './encoding.js';
import { createLineDecoder, decodeLine, finalEncoding, type LineDecoder } from './line-decoder.js';
import { addProblem, createProblemList } from './problems.js';
import { streamLines } from './stream.js';
import type { Sie4Result } from './types.js';

export interface ReadUtfallCsvOptions {
  /** Skips detection, for a file known to be in this encoding. */
  encoding?: 'UTF-8' | 'ISO-8859-1';
}

const COLUMNS = ['ar', 'manad', 'ansvar', 'konto', 'belopp'] as const;
type Column = (typeof COLUMNS)[number];

/** Header names as people write them: `År`, `Månad`, ` Belopp `. */
function normalizeHeader(name: string): string {
  return name.trim().toLowerCase().replace(/[åä]/g, 'a').replace(/ö/g, 'o');
}

/** Splits a semicolon line; a field may be quoted, with `""` for a quote, as spreadsheets write it. */
export function splitCsvLine(line: string): { fields: string[]; problem: string | null } {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote === -1) return { fields, problem: 'ett citattecken (") saknar sitt avslutande citattecken' };
        value += line.slice(i, quote);
        i = quote + 1;
        if (line[i] !== '"') break;
        value += '"';
        i++;
      }
      fields.push(value);
      const next = line.indexOf(';', i);
      if (next === -1) return { fields, problem: null };
      i = next + 1;
    } else {
      const next = line.indexOf(';', i);
      fields.push(line.slice(i, next === -1 ? undefined : next));
      if (next === -1) return { fields, problem: null };
      i = next + 1;
    }
  }
}

/**
 * Reads utfall from a semicolon-separated file with a header row naming `ar;manad;ansvar;konto;belopp`
 * (in any order; more columns are ignored). Amounts may use a decimal comma. The result has the same
 * shape as {@link readSie4}'s; there are no verifikationer to check.
 */
export async function readUtfallCsv(source: AsyncIterable<Uint8Array>, options: ReadUtfallCsvOptions = {}): Promise<Sie4Result> {
  const errors = createProblemList();
  const warnings = createProblemList();
  const rader = createBeloppSummor();
  const kontoUse = new Map<string, number>();
  const ansvarUse = new Map<string, number>();
  let csvRader = 0;
  let decoder: LineDecoder | null = null;
  let bom = false;
  let columns: Map<Column, number> | null = null;
  let stopped = false;

  const error = (line: number, message: string, always = false): void => addProblem(errors, line, '', message, always);
  const stop = (line: number, message: string): void => {
    error(line, message, true);
    stopped = true;
  };

  const onHeader = (fields: string[], line: number): void => {
    if (fields.length === 1 && /[,\t]/.test(fields[0]!)) {
      stop(line, `rubrikraden (rad ${line}) är inte semikolonseparerad; fälten ska skiljas med ; (ar;manad;ansvar;konto;belopp)`);
      return;
    }
    const names = fields.map(normalizeHeader);
    const found = new Map<Column, number>();
    for (const column of COLUMNS) {
      const index = names.indexOf(column);
      if (index !== -1) found.set(column, index);
    }
    const missing = COLUMNS.filter((column) => !found.has(column));
    if (missing.length > 0) {
      stop(line, `rubrikraden (rad ${line}) saknar kolumnerna ${missing.join(', ')}; förväntar ar;manad;ansvar;konto;belopp`);
      return;
    }
    columns = found;
  };

  const onRow = (fields: string[], line: number, cols: Map<Column, number>): void => {
    csvRader++;
    const value = (column: Column): string => (fields[cols.get(column)!] ?? '').trim();
    const needed = Math.max(...cols.values()) + 1;
    if (fields.length < needed) {
      error(line, `rad ${line} har ${fields.length} fält men behöver ${needed}`);
      return;
    }
    const arText = value('ar');
    const manadText = value('manad');
    const konto = value('konto');
    const ansvar = value('ansvar');
    const beloppText = value('belopp');
    const problems: string[] = [];
    const ar = /^\d{4}$/.test(arText) ? Number(arText) : undefined;
    if (ar === undefined) problems.push(`år "${arText}" ska vara fyra siffror`);
    const manad = /^\d{1,2}$/.test(manadText) ? Number(manadText) : undefined;
    if (manad === undefined || manad < 1 || manad > 12) problems.push(`månad "${manadText}" ska vara 1–12`);
    if (konto === '' || /\s/.test(konto)) problems.push(`konto "${konto}" saknas eller innehåller mellanslag`);
    const ore = parseKronorText(beloppText);
    if (ore === undefined) problems.push(`belopp "${beloppText}" är inte ett belopp i kronor med högst två decimaler`);
    if (problems.length > 0) {
      error(line, `rad ${line}: ${problems.join('; ')}`);
      return;
    }
    if (!addBelopp(rader, ar! * 100 + manad!, konto, ansvar === '' ? null : ansvar, ore!)) {
      error(line, `rad ${line}: summan för konto ${konto} blir för stor för exakt beräkning`);
      return;
    }
    if (!kontoUse.has(konto)) kontoUse.set(konto, line);
    if (ansvar !== '' && !ansvarUse.has(ansvar)) ansvarUse.set(ansvar, line);
  };

  const { lines, bytes } = await streamLines(source, {
    onSample(sample, sampleCut) {
      const binary = describeBinary(sample);
      if (binary) {
        stop(1, `filen är inte en CSV-fil: ${binary}`);
        return false;
      }
      const detection = detectEncoding(sample, { declaredFormat: null, sampleCut, fallback: 'ISO-8859-1' });
      bom = detection.bom;
      decoder = createLineDecoder(detection, options.encoding, 'ISO-8859-1', {
        onConflict: () => undefined, // a CSV file declares nothing to conflict with
        onMixed: (line, message) => error(line, message),
      });
      return true;
    },
    onLine(buffer, start, end, line) {
      const text = decodeLine(decoder!, buffer, line === 1 && bom ? start + 3 : start, end, line);
      if (text.trim() === '') return;
      const { fields, problem } = splitCsvLine(text);
      if (problem) {
        error(line, `rad ${line}: ${problem}`);
        return;
      }
      if (columns) onRow(fields, line, columns);
      else onHeader(fields, line);
    },
    stopped: () => stopped,
    onLineTooLong: (line) => stop(line, `rad ${line} är längre än 1 MiB: filen är trasig eller inte en CSV-fil`),
  });
  if (bytes === 0) stop(1, 'filen är tom');
  else if (!columns && !stopped) stop(1, 'filen har ingen rubrikrad (ar;manad;ansvar;konto;belopp)');

  return buildResult({
    encoding: decoder ? finalEncoding(decoder) : 'UTF-8',
    sieTyp: null,
    program: null,
    foretag: { namn: null, orgnr: null },
    rakenskapsar: null,
    lines,
    records: { ver: 0, trans: 0, psaldo: 0, pbudget: 0, res: 0, ignored: 0, ovrigaAr: 0, csvRader },
    kontoUse,
    kontoNamn: new Map(),
    ansvarUse,
    ansvarNamn: new Map(),
    rader,
    raderKalla: 'CSV',
    psaldo: createBeloppSummor(),
    psaldoLine: new Map(),
    budget: createBeloppSummor(),
    res: new Map(),
    errors,
    warnings,
  });
}
