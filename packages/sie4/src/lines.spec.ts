import { describe, expect, it } from 'vitest';

import { createLineSplitter } from './lines.js';

function split(chunks: string[], maxLineBytes?: number): { lines: string[]; accepted: boolean[]; count: number } {
  const lines: string[] = [];
  const splitter = createLineSplitter((buffer, start, end) => lines.push(buffer.toString('latin1', start, end)), maxLineBytes);
  const accepted = chunks.map((chunk) => splitter.push(Buffer.from(chunk, 'latin1')));
  return { lines, accepted, count: splitter.end() };
}

describe('a byte stream splits into lines wherever its chunks happen to end', () => {
  it.each([
    ['LF', ['#FLAGGA 0\n#SIETYP 4\n'], ['#FLAGGA 0', '#SIETYP 4']],
    ['CRLF', ['#FLAGGA 0\r\n#SIETYP 4\r\n'], ['#FLAGGA 0', '#SIETYP 4']],
    ['CRLF split between CR and LF', ['#FLAGGA 0\r', '\n#SIETYP 4\r\n'], ['#FLAGGA 0', '#SIETYP 4']],
    ['a line spread over three chunks', ['#KON', 'TO 50', '10 "Löner"\n'], ['#KONTO 5010 "Löner"']],
    ['no line break at the end', ['#FLAGGA 0\n}'], ['#FLAGGA 0', '}']],
    ['blank lines', ['\n\r\n\n'], ['', '', '']],
    ['one byte at a time', [...'{\r\n}\r\n'], ['{', '}']],
  ])('%s', (_, chunks, lines) => {
    const result = split(chunks);
    expect(result.lines).toEqual(lines);
    expect(result.count).toBe(lines.length);
  });

  it('refuses a line longer than the limit instead of holding it in memory', () => {
    const { accepted } = split(['#PROSA ', 'x'.repeat(20), 'y'.repeat(20)], 32);
    expect(accepted).toEqual([true, true, false]);
  });
});
