import { buildResult, resolvePeriodBalances } from './aggregate.js';
import { isoDate } from './belopp.js';
import { describeBinary, detectEncoding } from './encoding.js';
import { createLineDecoder, decodeLine, finalEncoding } from './line-decoder.js';
import { onRecord, reportConflict } from './sie4-records.js';
import { createState, error, verName, warning, type ReadSie4Options, type ReadState } from './sie4-state.js';
import { streamLines } from './stream.js';
import { tokenizeSieLine } from './tokenize.js';
import type { Sie4Result } from './types.js';

export type { ReadSie4Options } from './sie4-state.js';

function onLine(s: ReadState, buffer: Buffer, start: number, end: number, line: number): void {
  const from = line === 1 && s.bom ? start + 3 : start;
  const tokens = tokenizeSieLine(decodeLine(s.decoder!, buffer, from, end, line));
  if (tokens.label === '' && tokens.problem === null) return; // blank line
  if (!s.sawRecord) {
    s.sawRecord = true;
    if (tokens.label === '') {
      error(s, line, '', `filen är inte en SIE-fil: rad ${line} börjar inte med en etikett som #FLAGGA`, true);
      s.stopped = true;
      return;
    }
  }
  if (tokens.problem !== null) {
    error(s, line, tokens.label, tokens.problem);
    if (tokens.label !== '{' && tokens.label !== '}') return;
  }
  onRecord(s, tokens.label, tokens.fields, line);
}

/** What only the end of the file can tell: blocks left open, a missing header, no räkenskapsår. */
function reportEndOfFile(s: ReadState): void {
  if (!s.stopped) {
    if (s.openVer) {
      error(
        s,
        s.openVer.line,
        '#VER',
        `${verName(s.openVer)} avslutas aldrig: { på rad ${s.openVer.braceLine} saknar } – filen verkar avkortad`,
        true,
      );
    }
    if (s.pendingVer) error(s, s.pendingVer.line, '#VER', `${verName(s.pendingVer)} saknar {…}-block – filen verkar avkortad`, true);
    if (s.flaggaLine === 0 && s.sieTyp === null) {
      error(s, 1, '', 'filen saknar både #FLAGGA och #SIETYP och är inte en SIE-fil', true);
    } else if (s.flaggaLine === 0) warning(s, 1, '#FLAGGA', 'filen saknar #FLAGGA, som ska vara första posten');
    else if (s.sieTyp === null) warning(s, 1, '#SIETYP', 'filen saknar #SIETYP; SIE 4 skriver #SIETYP 4');
    if (!s.rar0) {
      error(
        s,
        s.firstLineNeedingRar || 1,
        '#RAR',
        '#RAR 0 saknas: filen anger inte räkenskapsåret, så beloppen kan inte knytas till rätt år',
        true,
      );
    }
  }
}

/** Amounts left out, and accounts and objects used without being declared. */
function reportOmissions(s: ReadState): void {
  if (s.transOutside.count > 0) {
    warning(
      s,
      s.transOutside.firstLine,
      '#TRANS',
      `${s.transOutside.count} #TRANS har datum utanför räkenskapsåret (#RAR 0) och räknas inte in i utfallet`,
    );
  }
  if (s.balanceOutside.count > 0) {
    warning(
      s,
      s.balanceOutside.firstLine,
      '#PSALDO',
      `${s.balanceOutside.count} #PSALDO/#PBUDGET har period utanför räkenskapsåret (#RAR 0) och räknas inte in`,
    );
  }
  if (s.multiObjectBalanceLine > 0) {
    warning(s, s.multiObjectBalanceLine, '#PSALDO', 'saldon med flera objekt i samma post (t.ex. ansvar och projekt) används inte');
  }
  for (const [konto, line] of s.kontoUse) {
    if (!s.kontoNamn.has(konto)) warning(s, line, '', `konto ${konto} används men saknar #KONTO`);
  }
  // Dimension 1 is one of SIE's predefined ones and may go undeclared; its #OBJEKT records declare it as well.
  if (s.dims.has(s.ansvarDim) || s.ansvarNamn.size > 0) {
    const dimNamn = s.dims.get(s.ansvarDim) ?? 'ansvar';
    for (const [kod, line] of s.ansvarUse) {
      if (!s.ansvarNamn.has(kod)) warning(s, line, '', `ansvar ${kod} finns inte som #OBJEKT i dimension ${s.ansvarDim} (${dimNamn})`);
    }
  }
  for (const [key, line] of s.objektUse) {
    if (!s.objekt.has(key)) {
      const [dim, obj] = key.split('\t');
      warning(s, line, '', `objekt ${obj} finns inte som #OBJEKT i dimension ${dim} (${s.dims.get(dim!)})`);
    }
  }
}

function finish(s: ReadState, lines: number): Sie4Result {
  reportEndOfFile(s);
  reportOmissions(s);
  return buildResult({
    encoding: s.decoder ? finalEncoding(s.decoder) : 'UTF-8',
    sieTyp: s.sieTyp,
    program: s.program,
    foretag: { namn: s.fnamn, orgnr: s.orgnr },
    rakenskapsar: s.rar0 ? { start: isoDate(s.rar0.start), slut: isoDate(s.rar0.slut) } : null,
    lines,
    records: s.records,
    kontoUse: s.kontoUse,
    kontoNamn: s.kontoNamn,
    ansvarUse: s.ansvarUse,
    ansvarNamn: s.ansvarNamn,
    rader: s.trans,
    raderKalla: 'TRANS',
    psaldo: resolvePeriodBalances(s.psaldo.totals, s.psaldo.perAnsvar),
    psaldoLine: s.psaldoLine,
    budget: resolvePeriodBalances(s.pbudget.totals, s.pbudget.perAnsvar),
    res: s.res,
    errors: s.errors,
    warnings: s.warnings,
  });
}

/**
 * Reads a SIE 4 file as a stream and sums its utfall per month, account and ansvar as it goes, so memory
 * grows with the number of distinct sums, never with the file. Every problem is collected with its line;
 * a result with `ok: false` must not be stored.
 */
export async function readSie4(source: AsyncIterable<Uint8Array>, options: ReadSie4Options = {}): Promise<Sie4Result> {
  const s = createState(options);
  const { lines, bytes } = await streamLines(source, {
    onSample(sample, sampleCut) {
      const binary = describeBinary(sample);
      if (binary) {
        error(s, 1, '', `filen är inte en SIE-fil: ${binary}`, true);
        s.stopped = true;
        return false;
      }
      const detection = detectEncoding(sample, { sampleCut });
      s.bom = detection.bom;
      s.sampleConflict = options.encoding ? null : detection.conflict;
      s.decoder = createLineDecoder(detection, options.encoding, 'CP437', {
        onConflict: (conflict, line) => reportConflict(s, conflict, line, ''),
        onMixed: (line, message) => error(s, line, '', message),
      });
      return true;
    },
    onLine: (buffer, start, end, line) => onLine(s, buffer, start, end, line),
    stopped: () => s.stopped,
    onLineTooLong(line) {
      error(s, line, '', `rad ${line} är längre än 1 MiB: filen är trasig eller inte en SIE-fil`, true);
      s.stopped = true;
    },
  });
  if (bytes === 0) {
    error(s, 1, '', 'filen är tom', true);
    s.stopped = true;
  }
  return finish(s, lines);
}
