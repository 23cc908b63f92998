import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { encodeCp437 } from './cp437.js';
import { exempelAnsvar, EXEMPEL_KONTON, generateSie4, type GenerateSie4Spec } from './generate-sie4.js';
import { readSie4 } from './read-sie4.js';
import type { Sie4Result } from './types.js';

async function* inChunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source) chunks.push(chunk);
  return Buffer.concat(chunks);
}

type Encoding = 'PC8' | 'UTF-8' | 'ISO-8859-1';

/** The file's bytes in an encoding; `\n` becomes the line break given. */
function fileBytes(text: string, encoding: Encoding = 'PC8', newline = '\n'): Uint8Array {
  const withBreaks = text.replace(/\n/g, newline);
  if (encoding === 'PC8') return encodeCp437(withBreaks);
  return Buffer.from(withBreaks, encoding === 'UTF-8' ? 'utf8' : 'latin1');
}

const read = (text: string, encoding: Encoding = 'PC8', chunk = 64 * 1024): Promise<Sie4Result> =>
  readSie4(inChunks(fileBytes(text, encoding), chunk));

/** The 1-based line of the first line containing `needle` (the n:th when given). */
function lineOf(text: string, needle: string, nth = 1): number {
  let seen = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) if (lines[i]!.includes(needle) && ++seen === nth) return i + 1;
  throw new Error(`"${needle}" finns inte i filen`);
}

const HEADER = `#FLAGGA 0
#PROGRAM "Unit4 ERP" 7.4
#FORMAT PC8
#GEN 20260905
#SIETYP 4
#FNAMN "Helsingborgs stad"
#ORGNR 212000-1355
#RAR 0 20260101 20261231
#RAR -1 20250101 20251231
#KPTYP "Kommun-Bas"
#KONTO 1930 "Bank"
#KONTO 3810 "Försäljning av verksamhet"
#KONTO 5010 "Månadsavlönade"
#KONTO 6010 "Lokalhyror"
#DIM 1 "Ansvar"
#DIM 6 "Projekt"
#OBJEKT 1 "41230" "Barn och unga Östra"
#OBJEKT 1 "41240" "Äldreomsorg Söder"
#OBJEKT 6 "P123" "Skolgården"
`;

/** A monthly export: verifikationer for January and February, period balances for March. */
const EXPORT = `${HEADER}#IB 0 1930 1000000.00
#RES 0 3810 -500.00
#RES 0 5010 67000.00
#RES 0 6010 8000.00
#PSALDO 0 202603 5010 {} 30000.00
#PSALDO 0 202603 5010 {1 "41230"} 25000.00
#PSALDO 0 202603 6010 {1 "41240"} 8000.00
#PSALDO -1 202503 5010 {} 99.00
#PBUDGET 0 202601 5010 {1 "41230"} 26000.00
#PBUDGET 0 202601 5010 {} 30000.00
#VER A 1 20260115 "Lön januari" 20260116
{
   #TRANS 5010 {1 "41230" 6 "P123"} 12000.00 20260125 "Löner"
   #TRANS 5010 {1 "41240"} 1000.00
   #TRANS 1930 {} -13000.00
}
#VER B 7 20260131 "Kundfaktura"
{
   #TRANS 3810 {1 "41230"} -400.00 20260131
   #RTRANS 3810 {1 "41230"} -100.00 20260131
   #TRANS 3810 {1 "41230"} -100.00 20260131
   #BTRANS 3810 {1 "41230"} -50.00 20260131
   #TRANS 1930 {} 500.00 20260131
}
#VER A 2 20260215 "Lön februari"
{
   #TRANS 5010 {1 "41230"} 12000.00 20260225
   #TRANS 5010 {1 "41230"} 12000.00 20260226
   #TRANS 1930 {} -24000.00
}
`;

describe('reading a monthly SIE 4 export from the ERP', () => {
  it('sums utfall per month, account and ansvar in exact öre', async () => {
    const result = await read(EXPORT);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.utfall).toEqual([
      { ar: 2026, manad: 1, konto: '1930', ansvar: null, beloppOre: -1_250_000 },
      { ar: 2026, manad: 1, konto: '3810', ansvar: '41230', beloppOre: -50_000 },
      { ar: 2026, manad: 1, konto: '5010', ansvar: '41230', beloppOre: 1_200_000 },
      { ar: 2026, manad: 1, konto: '5010', ansvar: '41240', beloppOre: 100_000 },
      { ar: 2026, manad: 2, konto: '1930', ansvar: null, beloppOre: -2_400_000 },
      { ar: 2026, manad: 2, konto: '5010', ansvar: '41230', beloppOre: 2_400_000 },
      // March has only #PSALDO: the account total less what the ansvar rows carry is left without ansvar.
      { ar: 2026, manad: 3, konto: '5010', ansvar: null, beloppOre: 500_000 },
      { ar: 2026, manad: 3, konto: '5010', ansvar: '41230', beloppOre: 2_500_000 },
      { ar: 2026, manad: 3, konto: '6010', ansvar: '41240', beloppOre: 800_000 },
    ]);
  });

  it('keeps the budget from #PBUDGET apart from the utfall', async () => {
    const result = await read(EXPORT);
    expect(result.budget).toEqual([
      { ar: 2026, manad: 1, konto: '5010', ansvar: null, beloppOre: 400_000 },
      { ar: 2026, manad: 1, konto: '5010', ansvar: '41230', beloppOre: 2_600_000 },
    ]);
  });

  it('reports the header, the räkenskapsår and what it read', async () => {
    const result = await read(EXPORT);
    expect(result).toMatchObject({
      encoding: 'CP437',
      sieTyp: '4',
      program: { namn: 'Unit4 ERP', version: '7.4' },
      foretag: { namn: 'Helsingborgs stad', orgnr: '212000-1355' },
      rakenskapsar: { start: '2026-01-01', slut: '2026-12-31' },
      lines: EXPORT.split('\n').length - 1,
      // #IB, #GEN, #KPTYP, #RTRANS and #BTRANS are not used; the #PSALDO for last year is counted apart.
      records: { ver: 3, trans: 9, psaldo: 3, pbudget: 2, res: 3, ignored: 5, ovrigaAr: 1, csvRader: 0 },
    });
  });

  it('lists every account and ansvar with its name and the line it is first used on', async () => {
    const result = await read(EXPORT);
    expect(result.konton).toEqual([
      { konto: '1930', namn: 'Bank', firstLine: lineOf(EXPORT, '#TRANS 1930') },
      { konto: '3810', namn: 'Försäljning av verksamhet', firstLine: lineOf(EXPORT, '#RES 0 3810') },
      { konto: '5010', namn: 'Månadsavlönade', firstLine: lineOf(EXPORT, '#RES 0 5010') },
      { konto: '6010', namn: 'Lokalhyror', firstLine: lineOf(EXPORT, '#RES 0 6010') },
    ]);
    expect(result.ansvar).toEqual([
      { kod: '41230', namn: 'Barn och unga Östra', firstLine: lineOf(EXPORT, '#PSALDO 0 202603 5010 {1') },
      { kod: '41240', namn: 'Äldreomsorg Söder', firstLine: lineOf(EXPORT, '#PSALDO 0 202603 6010') },
    ]);
  });

  it('gives totals per account, per month and the #RES for cross-checking', async () => {
    const result = await read(EXPORT);
    expect(result.totalerPerKonto).toEqual([
      { konto: '1930', beloppOre: -3_650_000 },
      { konto: '3810', beloppOre: -50_000 },
      { konto: '5010', beloppOre: 6_700_000 },
      { konto: '6010', beloppOre: 800_000 },
    ]);
    expect(result.totalerPerManad).toEqual([
      { ar: 2026, manad: 1, beloppOre: 1_250_000 },
      { ar: 2026, manad: 2, beloppOre: 2_400_000 },
      { ar: 2026, manad: 3, beloppOre: 3_800_000 },
    ]);
    expect(result.res).toEqual([
      { konto: '3810', beloppOre: -50_000 },
      { konto: '5010', beloppOre: 6_700_000 },
      { konto: '6010', beloppOre: 800_000 },
    ]);
    expect(result.perioder).toEqual([
      { ar: 2026, manad: 1, kalla: 'TRANS', transOre: 1_250_000, psaldoOre: null },
      { ar: 2026, manad: 2, kalla: 'TRANS', transOre: 2_400_000, psaldoOre: null },
      { ar: 2026, manad: 3, kalla: 'PSALDO', transOre: null, psaldoOre: 3_800_000 },
    ]);
  });

  it.each(['PC8', 'UTF-8', 'ISO-8859-1'] as const)('the same export saved as %s reads the same', async (encoding) => {
    const text = encoding === 'PC8' ? EXPORT : EXPORT.replace('#FORMAT PC8\n', '');
    const expected = await read(EXPORT);
    const result = await read(text, encoding);
    expect(result.encoding).toBe(encoding === 'PC8' ? 'CP437' : encoding);
    expect(result.konton.map((k) => k.namn)).toEqual(['Bank', 'Försäljning av verksamhet', 'Månadsavlönade', 'Lokalhyror']);
    expect(result.warnings).toEqual([]);
    expect(result.utfall).toEqual(expected.utfall);
    expect(result.ansvar.map((a) => a.namn)).toEqual(['Barn och unga Östra', 'Äldreomsorg Söder']);
  });

  it('reads CRLF and LF line breaks alike', async () => {
    const lf = await readSie4(inChunks(fileBytes(EXPORT, 'PC8', '\n'), 5));
    const crlf = await readSie4(inChunks(fileBytes(EXPORT, 'PC8', '\r\n'), 5));
    expect(crlf).toEqual(lf);
  });

  it('ten öre and twenty öre balance thirty öre exactly', async () => {
    const result = await read(`${HEADER}#VER A 1 20260105 "Öresavrundning"
{
#TRANS 6010 {1 "41230"} 0.10
#TRANS 6010 {1 "41230"} 0.20
#TRANS 1930 {} -0.30
}
`);
    expect(result.errors).toEqual([]);
    expect(result.utfall.find((r) => r.konto === '6010')?.beloppOre).toBe(30);
  });

  it('takes the ansvar from the dimension it is told to', async () => {
    const result = await readSie4(inChunks(fileBytes(EXPORT), 1024), { ansvarDimension: 6 });
    const januari5010 = result.utfall.filter((r) => r.manad === 1 && r.konto === '5010');
    expect(januari5010).toEqual([
      { ar: 2026, manad: 1, konto: '5010', ansvar: null, beloppOre: 100_000 },
      { ar: 2026, manad: 1, konto: '5010', ansvar: 'P123', beloppOre: 1_200_000 },
    ]);
  });
});

describe('a month with both verifikationer and period balances', () => {
  const BOTH = `${HEADER}#PSALDO 0 202601 5010 {1 "41230"} 12000.00
#PSALDO 0 202601 6010 {1 "41230"} 900.00
#PSALDO 0 202602 6010 {1 "41230"} 700.00
#VER A 1 20260115 "Lön januari"
{
#TRANS 5010 {1 "41230"} 12000.00
#TRANS 6010 {1 "41230"} 1000.00
#TRANS 1930 {} -13000.00
}
`;

  it('takes the utfall from #TRANS and lists where #PSALDO differs', async () => {
    const result = await read(BOTH);
    expect(result.ok).toBe(true);
    expect(result.utfall.filter((r) => r.manad === 1 && r.konto === '6010')).toEqual([
      { ar: 2026, manad: 1, konto: '6010', ansvar: '41230', beloppOre: 100_000 },
    ]);
    expect(result.perioder).toEqual([
      { ar: 2026, manad: 1, kalla: 'TRANS', transOre: 1_300_000, psaldoOre: 1_290_000 },
      { ar: 2026, manad: 2, kalla: 'PSALDO', transOre: null, psaldoOre: 70_000 },
    ]);
    expect(result.avstamning).toEqual([{ ar: 2026, manad: 1, konto: '6010', transOre: 100_000, psaldoOre: 90_000 }]);
    expect(result.warnings).toEqual([
      {
        line: lineOf(BOTH, '#PSALDO 0 202601'),
        record: '#PSALDO',
        message:
          '2026-01 har både #TRANS och #PSALDO och de skiljer sig för 1 konton (netto 13 000,00 kr mot 12 900,00 kr); utfallet tas från #TRANS',
      },
    ]);
  });
});

const SMALL: GenerateSie4Spec = {
  ar: 2026,
  ansvar: exempelAnsvar(12),
  konton: EXEMPEL_KONTON,
  verifikationer: 120,
  transPerVer: 4,
  seed: 7,
  format: 'PC8',
};

describe('streaming', () => {
  it.each([1, 7, 64 * 1024])('a file fed in chunks of %i bytes gives the same result', async (size) => {
    const bytes = await collect(generateSie4(SMALL));
    const whole = await readSie4(inChunks(bytes, bytes.length));
    const chunked = await readSie4(inChunks(bytes, size));
    expect(whole.ok).toBe(true);
    expect(chunked).toEqual(whole);
  });

  it('reads a file stream from disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sie4-'));
    try {
      const path = join(dir, 'utfall.se');
      await writeFile(path, await collect(generateSie4(SMALL)));
      const fromDisk = await readSie4(createReadStream(path, { highWaterMark: 4096 }));
      const inMemory = await readSie4(generateSie4(SMALL));
      expect(fromDisk).toEqual(inMemory);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

interface ExpectedProblem {
  line: number;
  record: string;
  message: RegExp;
}

const UNBALANCED = `${HEADER}#VER A 17 20260115 "Felaktig"
{
#TRANS 5010 {1 "41230"} 1000.50
#TRANS 1930 {} -1000.00
}
`;
const OUTSIDE = `${HEADER}#TRANS 5010 {1 "41230"} 1000.00 20260115
`;
const TRUNCATED = `${HEADER}#VER A 1 20260115 "Lön"
{
#TRANS 5010 {1 "41230"} 1000.00
#TRANS 1930 {} -1000.00
#VER A 2 20260116 "Hyra"
{
#TRANS 6010 {1 "41230"} 500.00
`;
const COMMA = `${HEADER}#VER A 1 20260115 ""
{
#TRANS 5010 {1 "41230"} 12,50
}
`;
const BAD_DATE = `${HEADER}#VER A 1 20260115 ""
{
#TRANS 5010 {1 "41230"} 12.50 20261301
#TRANS 1930 {} -12.50
}
`;
const BAD_PERIOD = `${HEADER}#PSALDO 0 202613 5010 {} 12.00
`;
const NO_RAR =
  HEADER.replace('#RAR 0 20260101 20261231\n', '') +
  `#VER A 1 20260115 ""
{
#TRANS 1930 {} 0.00
}
`;
const SPACED = `${HEADER}#VER A 1 20260115 ""
{
#TRANS 5010 {1 "41230"} 1 000 20260115
#TRANS 1930 {} -1000
}
`;
const NO_LIST = `${HEADER}#VER A 1 20260115 ""
{
#TRANS 5010 1000.00
#TRANS 1930 {} -1000.00
}
`;
const CLOSE_MISSING = `${HEADER}#VER A 1 20260115 ""
{
#TRANS 5010 {1 "41230"} 1000.00
#TRANS 1930 {} -1000.00
#PSALDO 0 202603 5010 {} 30000.00
`;
const BRACE_MISSING = `${HEADER}#VER A 1 20260115 ""
#TRANS 5010 {1 "41230"} 1000.00
#TRANS 1930 {} -1000.00
}
`;

describe('a broken file is reported with the line to look at', () => {
  it.each<[string, string, ExpectedProblem]>([
    [
      'an unbalanced verifikation names its series, number and line',
      UNBALANCED,
      {
        line: lineOf(UNBALANCED, '#VER A 17'),
        record: '#VER',
        message: /^verifikation A 17 \(rad \d+\) balanserar inte: summan av dess #TRANS är 0,50 kr/,
      },
    ],
    ['a #TRANS outside a {} block', OUTSIDE, { line: lineOf(OUTSIDE, '#TRANS'), record: '#TRANS', message: /utanför ett \{…\}-block/ }],
    [
      'a verifikation left open by a new #VER',
      TRUNCATED,
      { line: lineOf(TRUNCATED, '#VER A 2'), record: '#VER', message: /ny #VER innan verifikation A 1 .* avslutats med }/ },
    ],
    [
      'a truncated file: a { without } at the end',
      TRUNCATED,
      {
        line: lineOf(TRUNCATED, '#VER A 2'),
        record: '#VER',
        message: /verifikation A 2 \(rad \d+\) avslutas aldrig: \{ på rad \d+ saknar } – filen verkar avkortad/,
      },
    ],
    [
      'an amount with a decimal comma',
      COMMA,
      { line: lineOf(COMMA, '12,50'), record: '#TRANS', message: /decimalkomma; SIE skriver belopp med decimalpunkt \(12\.50\)/ },
    ],
    [
      'an amount with a thousands separator makes the date wrong',
      SPACED,
      { line: lineOf(SPACED, '1 000'), record: '#TRANS', message: /transaktionsdatum "000" är inte ett datum ÅÅÅÅMMDD/ },
    ],
    [
      'a date that does not exist',
      BAD_DATE,
      { line: lineOf(BAD_DATE, '20261301'), record: '#TRANS', message: /"20261301" är inte ett datum/ },
    ],
    [
      'a period that does not exist',
      BAD_PERIOD,
      { line: lineOf(BAD_PERIOD, '202613'), record: '#PSALDO', message: /perioden "202613" är inte en period ÅÅÅÅMM/ },
    ],
    [
      'a #TRANS without its object list',
      NO_LIST,
      { line: lineOf(NO_LIST, '#TRANS 5010'), record: '#TRANS', message: /saknar objektlista/ },
    ],
    [
      'a #VER without its { line',
      BRACE_MISSING,
      { line: lineOf(BRACE_MISSING, '#VER A 1'), record: '#VER', message: /saknar \{ före sina #TRANS/ },
    ],
    [
      'a #VER block without its } before the balances',
      CLOSE_MISSING,
      {
        line: lineOf(CLOSE_MISSING, '#PSALDO'),
        record: '#PSALDO',
        message: /#PSALDO inne i verifikation A 1 .*; blocket saknar sin avslutande }/,
      },
    ],
    ['a file without #RAR 0', NO_RAR, { line: lineOf(NO_RAR, '#VER A 1'), record: '#RAR', message: /#RAR 0 saknas/ }],
  ])('%s', async (_, text, expected) => {
    const result = await read(text);
    expect(result.ok).toBe(false);
    expect(result.errors).toContainEqual({ ...expected, message: expect.stringMatching(expected.message) });
  });

  it('stops listing after a hundred errors and says how many more there were', async () => {
    const vers = Array.from({ length: 150 }, (_, i) => `#VER A ${i + 1} 20260115 ""\n{\n#TRANS 5010 {} 1.00\n}\n`).join('');
    const result = await read(HEADER + vers);
    expect(result.errors).toHaveLength(101);
    expect(result.errors[100]).toEqual({
      line: lineOf(HEADER + vers, '#VER A 101 '),
      record: '',
      message: '…och 50 fel till (de första 100 visas)',
    });
  });
});

describe('a file that is not SIE at all', () => {
  it.each([
    ['random binary data', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), /binära data/],
    ['an Excel file', Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'), /zip-arkiv/],
    ['a CSV export', Buffer.from('ar;manad;ansvar;konto;belopp\r\n2026;1;41230;5010;100\r\n'), /rad 1 börjar inte med en etikett/],
    ['an empty file', new Uint8Array(0), /filen är tom/],
  ])('%s is refused on line 1', async (_, bytes, message) => {
    const result = await readSie4(inChunks(bytes, 1000));
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([{ line: 1, record: '', message: expect.stringMatching(message) }]);
  });

  it('a text file without #FLAGGA and #SIETYP is refused', async () => {
    const result = await read('#KONTO 5010 "Löner"\n#RAR 0 20260101 20261231\n');
    expect(result.errors).toEqual([{ line: 1, record: '', message: 'filen saknar både #FLAGGA och #SIETYP och är inte en SIE-fil' }]);
  });

  it('stops reading a binary file after the first chunk', async () => {
    let chunksRead = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) {
        chunksRead++;
        yield new Uint8Array(64 * 1024);
      }
    }
    const result = await readSie4(endless());
    expect(result.ok).toBe(false);
    expect(chunksRead).toBe(1);
  });
});

describe('a file in another encoding than it says', () => {
  const formatLine = lineOf(EXPORT, '#FORMAT PC8');

  it('Latin-1 under #FORMAT PC8 is an error that says what was found', async () => {
    const result = await read(EXPORT, 'ISO-8859-1');
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      {
        line: formatLine,
        record: '#FORMAT',
        message: expect.stringMatching(/^filen säger #FORMAT PC8 men tecknen är ISO-8859-1\/Latin-1/),
      },
    ]);
  });

  it('the user can state the encoding of such a file', async () => {
    const result = await readSie4(inChunks(fileBytes(EXPORT, 'ISO-8859-1'), 4096), { encoding: 'ISO-8859-1' });
    expect(result.ok).toBe(true);
    expect(result.konton[1]?.namn).toBe('Försäljning av verksamhet');
  });

  it('UTF-8 under #FORMAT PC8 is read as UTF-8 with a warning, since UTF-8 cannot be mistaken', async () => {
    const result = await read(EXPORT, 'UTF-8');
    expect(result.ok).toBe(true);
    expect(result.encoding).toBe('UTF-8');
    expect(result.konton[1]?.namn).toBe('Försäljning av verksamhet');
    expect(result.warnings).toEqual([
      {
        line: formatLine,
        record: '#FORMAT',
        message: 'filen säger #FORMAT PC8 men innehåller UTF-8 (t.ex. å som C3 A5); den läses som UTF-8',
      },
    ]);
  });

  it('UTF-8 found after a long plain-ASCII beginning is recognised where it appears', async () => {
    const konton = Array.from({ length: 3000 }, (_, i) => `#KONTO ${10000 + i} "Konto ${i}"\n`).join('');
    const text = `${HEADER.replace(/#KONTO.*\n|#OBJEKT.*\n/g, '')}${konton}#OBJEKT 1 "41230" "Förskola Östra"\n`;
    const result = await read(text, 'UTF-8');
    expect(result.encoding).toBe('UTF-8');
    expect(result.warnings).toEqual([
      { line: lineOf(text, 'Förskola Östra'), record: '', message: expect.stringMatching(/innehåller UTF-8/) },
    ]);
  });

  it('a PC8 file with one line in UTF-8 is an error on that line', async () => {
    const pc8 = encodeCp437(EXPORT);
    const utf8Line = Buffer.from('#OBJEKT 1 "41250" "Förskola"\n', 'utf8');
    const mixed = Buffer.concat([pc8, utf8Line]);
    const result = await readSie4(inChunks(mixed, 4096));
    expect(result.errors).toEqual([
      {
        line: EXPORT.split('\n').length,
        record: '',
        message: expect.stringMatching(/innehåller UTF-8 .* fast filen i övrigt är CP437; filen blandar teckenkodningar/),
      },
    ]);
  });

  it('a UTF-8 file with one line in Latin-1 is an error on that line', async () => {
    const utf8 = Buffer.from(EXPORT.replace('#FORMAT PC8\n', ''), 'utf8');
    const latin1Line = Buffer.from('#OBJEKT 1 "41250" "Förskola"\n', 'latin1');
    const result = await readSie4(inChunks(Buffer.concat([utf8, latin1Line]), 4096));
    expect(result.errors).toEqual([
      { line: EXPORT.split('\n').length - 1, record: '', message: expect.stringMatching(/inte giltig UTF-8/) },
    ]);
  });
});

describe('warnings do not stop the import', () => {
  it.each([
    ['an ansvar missing from #OBJEKT', '#TRANS 5010 {1 "99999"} 10.00', /ansvar 99999 finns inte som #OBJEKT i dimension 1 \(Ansvar\)/],
    ['a project missing from #OBJEKT', '#TRANS 5010 {6 "P999"} 10.00', /objekt P999 finns inte som #OBJEKT i dimension 6 \(Projekt\)/],
    ['an account missing from #KONTO', '#TRANS 5999 {} 10.00', /konto 5999 används men saknar #KONTO/],
    ['a transaction dated outside the räkenskapsår', '#TRANS 5010 {} 10.00 20251231', /1 #TRANS har datum utanför räkenskapsåret/],
  ])('%s', async (_, trans, message) => {
    const text = `${HEADER}#VER A 1 20260110 ""\n{\n${trans}\n#TRANS 1930 {} -10.00\n}\n`;
    const result = await read(text);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([{ line: lineOf(text, trans), record: expect.any(String), message: expect.stringMatching(message) }]);
  });

  it('a #RES that does not match the utfall', async () => {
    const text = EXPORT.replace('#RES 0 6010 8000.00', '#RES 0 6010 8100.00');
    const result = await read(text);
    expect(result.warnings).toEqual([
      {
        line: lineOf(text, '#RES 0 6010'),
        record: '#RES',
        message: '#RES för konto 6010 är 8 100,00 kr men utfallet summerar till 8 000,00 kr',
      },
    ]);
  });
});
