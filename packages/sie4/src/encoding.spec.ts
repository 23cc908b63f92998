import { describe, expect, it } from 'vitest';

import { describeBinary, detectEncoding, scanUtf8 } from './encoding.js';

const bytes = (raw: string): Buffer => Buffer.from(raw, 'latin1');

// "Försäljning Åtgärd Övrigt" in each encoding, byte for byte.
const UTF8 = '#KONTO 3810 "F\xc3\xb6rs\xc3\xa4ljning \xc3\x85tg\xc3\xa4rd \xc3\x96vrigt"\r\n';
const LATIN1 = '#KONTO 3810 "F\xf6rs\xe4ljning \xc5tg\xe4rd \xd6vrigt"\r\n';
const CP437 = '#KONTO 3810 "F\x94rs\x84ljning \x8ftg\x84rd \x99vrigt"\r\n';
const HEAD = '#FLAGGA 0\r\n';
const PC8 = '#FLAGGA 0\r\n#FORMAT PC8\r\n';

describe('the encoding of a file is told by its bytes', () => {
  it.each([
    ['UTF-8 without #FORMAT', HEAD + UTF8, 'UTF-8', null],
    ['ISO-8859-1 without #FORMAT', HEAD + LATIN1, 'ISO-8859-1', null],
    ['PC8 without #FORMAT', HEAD + CP437, 'CP437', null],
    ['PC8 declaring #FORMAT PC8', PC8 + CP437, 'CP437', null],
    ['UTF-8 declaring #FORMAT PC8', PC8 + UTF8, 'UTF-8', 'UTF-8'],
    ['ISO-8859-1 declaring #FORMAT PC8', PC8 + LATIN1, 'ISO-8859-1', 'ISO-8859-1'],
    ['UTF-8 with a byte order mark and only ASCII', '\xef\xbb\xbf' + HEAD, 'UTF-8', null],
    ['mostly UTF-8 with a stray Latin-1 line', HEAD + UTF8 + UTF8 + LATIN1, 'UTF-8', null],
  ] as const)('%s', (_, raw, encoding, conflict) => {
    const detection = detectEncoding(bytes(raw));
    expect(detection.encoding).toBe(encoding);
    expect(detection.conflict).toBe(conflict);
  });

  it.each([
    ['declaring PC8 is PC8', PC8, 'CP437'],
    ['declaring nothing is UTF-8', HEAD, 'UTF-8'],
  ] as const)('plain ASCII %s, provisionally', (_, raw, encoding) => {
    const detection = detectEncoding(bytes(raw));
    expect(detection).toMatchObject({ encoding, asciiOnly: true });
  });

  it('reads the declared #FORMAT, quoted or not', () => {
    expect(detectEncoding(bytes('#FLAGGA 0\n  #FORMAT "PC8"\n')).declaredFormat).toBe('PC8');
    expect(detectEncoding(bytes('#FLAGGA 0\n')).declaredFormat).toBeNull();
  });

  it('a sample cut in the middle of a UTF-8 letter is still UTF-8', () => {
    const cut = bytes(HEAD + 'G\xc3\xb6ran \xc3');
    expect(detectEncoding(cut, { sampleCut: true }).encoding).toBe('UTF-8');
    expect(scanUtf8(cut).valid).toBe(false);
  });

  it('a tie between the single-byte candidates goes to the fallback', () => {
    const noSwedish = bytes('#KONTO 6510 "Data \xa0 kommunikation"');
    expect(detectEncoding(noSwedish).encoding).toBe('CP437');
    expect(detectEncoding(noSwedish, { fallback: 'ISO-8859-1' }).encoding).toBe('ISO-8859-1');
  });
});

describe('UTF-8 validation', () => {
  it.each([
    ['ASCII', 'abc', true, 0, 0],
    ['two-byte letters', '\xc3\xa5\xc3\xa4', true, 2, 0],
    ['the euro sign', '\xe2\x82\xac', true, 1, 0],
    ['an overlong slash', '\xc0\xaf', false, 0, 2],
    ['a surrogate', '\xed\xa0\x80', false, 0, 3],
    ['a lone continuation byte (å in PC8)', 'G\x86ran', false, 0, 1],
    ['UTF-8 with one Latin-1 letter', 'G\xc3\xb6ran \xf6', false, 1, 1],
  ] as const)('%s', (_, raw, valid, multibyte, invalid) => {
    expect(scanUtf8(bytes(raw))).toEqual({ valid, multibyte, invalid });
  });
});

describe('a file that is not text is recognised before parsing', () => {
  it.each([
    ['a zip archive or Excel file', 'PK\x03\x04\x14\x00', /zip-arkiv/],
    ['a gzip file', '\x1f\x8b\x08\x00', /gzip/],
    ['a UTF-16 export', '\xff\xfe#\x00F\x00', /UTF-16/],
    ['binary data with NUL bytes', '#FLAGGA\x00\x01\x02', /nolltecken vid byte 8/],
    ['binary data with control characters', '\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e', /styrtecken/],
  ])('%s', (_, raw, message) => {
    expect(describeBinary(bytes(raw))).toMatch(message);
  });

  it('an ordinary SIE file with CRLF and a closing Ctrl-Z passes', () => {
    expect(describeBinary(bytes(PC8 + CP437 + '\x1a'))).toBeNull();
  });
});
