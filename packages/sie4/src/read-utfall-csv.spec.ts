import { describe, expect, it } from 'vitest';

import { readUtfallCsv } from './read-utfall-csv.js';

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

const readCsv = (text: string, encoding: 'utf8' | 'latin1' = 'utf8') => readUtfallCsv(once(Buffer.from(text, encoding)));

const UTFALL = `ar;manad;ansvar;konto;belopp
2026;1;41230;5010;12 345,50
2026;1;41230;5010;1000
2026;2;41240;3810;−500,25
2026;2;;1930;-11845.25
`;

describe('utfall from a semicolon-separated file (the fallback to SIE)', () => {
  it('sums rows per month, account and ansvar in exact öre', async () => {
    const result = await readCsv(UTFALL);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.utfall).toEqual([
      { ar: 2026, manad: 1, konto: '5010', ansvar: '41230', beloppOre: 1_334_550 },
      { ar: 2026, manad: 2, konto: '1930', ansvar: null, beloppOre: -1_184_525 },
      { ar: 2026, manad: 2, konto: '3810', ansvar: '41240', beloppOre: -50_025 },
    ]);
    expect(result.records.csvRader).toBe(4);
    expect(result.perioder.map((p) => p.kalla)).toEqual(['CSV', 'CSV']);
    expect(result.konton).toEqual([
      { konto: '1930', namn: null, firstLine: 5 },
      { konto: '3810', namn: null, firstLine: 4 },
      { konto: '5010', namn: null, firstLine: 2 },
    ]);
    expect(result.ansvar).toEqual([
      { kod: '41230', namn: null, firstLine: 2 },
      { kod: '41240', namn: null, firstLine: 4 },
    ]);
  });

  it.each([
    ['UTF-8 with a byte order mark', Buffer.from('\ufeffÅr;Månad;Ansvar;Konto;Belopp\r\n2026;3;41230;5010;1,50\r\n', 'utf8'), 'UTF-8'],
    ['Latin-1 from Excel', Buffer.from('År;Månad;Ansvar;Konto;Belopp\r\n2026;3;41230;5010;1,50\r\n', 'latin1'), 'ISO-8859-1'],
  ])('reads %s with Swedish column names', async (_, bytes, encoding) => {
    const result = await readUtfallCsv(once(bytes));
    expect(result.errors).toEqual([]);
    expect(result.encoding).toBe(encoding);
    expect(result.utfall).toEqual([{ ar: 2026, manad: 3, konto: '5010', ansvar: '41230', beloppOre: 150 }]);
  });

  it('takes the columns in any order, quoted, and ignores extra ones', async () => {
    const result = await readCsv('konto;belopp;kommentar;ansvar;manad;ar\n"5010";"1 000,00";"Lön; januari";41230;01;2026\n');
    expect(result.utfall).toEqual([{ ar: 2026, manad: 1, konto: '5010', ansvar: '41230', beloppOre: 100_000 }]);
  });

  it('names the line and the field of every bad row', async () => {
    const text = `ar;manad;ansvar;konto;belopp
2026;13;41230;5010;100
2026;1;41230;5010;1.234,50
2026;1;41230
26;1;41230;;12,345
2026;1;41230;5010;100
`;
    const result = await readCsv(text);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      { line: 2, record: '', message: 'rad 2: månad "13" ska vara 1–12' },
      { line: 3, record: '', message: 'rad 3: belopp "1.234,50" är inte ett belopp i kronor med högst två decimaler' },
      { line: 4, record: '', message: 'rad 4 har 3 fält men behöver 5' },
      {
        line: 5,
        record: '',
        message:
          'rad 5: år "26" ska vara fyra siffror; konto "" saknas eller innehåller mellanslag; belopp "12,345" är inte ett belopp i kronor med högst två decimaler',
      },
    ]);
  });

  it.each([
    ['a comma-separated file', 'ar,manad,ansvar,konto,belopp\n2026,1,41230,5010,100\n', /är inte semikolonseparerad/],
    ['a header without the amount', 'ar;manad;ansvar;konto\n2026;1;41230;5010\n', /saknar kolumnerna belopp/],
    ['an empty file', '', /filen är tom/],
  ])('refuses %s on line 1', async (_, text, message) => {
    const result = await readCsv(text);
    expect(result.errors).toEqual([{ line: 1, record: '', message: expect.stringMatching(message) }]);
  });
});
