import type { Sie4Encoding } from './types.js';

/** How many leading bytes the detection looks at. */
export const SAMPLE_BYTES = 64 * 1024;

export interface EncodingDetection {
  encoding: Sie4Encoding;
  /** What `#FORMAT` says (normally `PC8`), or null when the sample has no `#FORMAT`. */
  declaredFormat: string | null;
  /** No byte above 0x7F: every candidate reads the sample alike, so the choice is provisional. */
  asciiOnly: boolean;
  /** Starts with the UTF-8 byte order mark, which the reader must skip. */
  bom: boolean;
  /** Set when the bytes contradict `#FORMAT PC8`: the encoding the bytes are actually in. */
  conflict: 'UTF-8' | 'ISO-8859-1' | null;
}

export interface Utf8Scan {
  valid: boolean;
  /** Number of well-formed multi-byte sequences. */
  multibyte: number;
  /** Number of bytes that start no well-formed sequence. */
  invalid: number;
}

// Swedish letters å ä ö Å Ä Ö é ü in each single-byte candidate; the two sets share no byte.
const SWEDISH_CP437 = new Set([0x86, 0x84, 0x94, 0x8f, 0x8e, 0x99, 0x82, 0x81]);
const SWEDISH_LATIN1 = new Set([0xe5, 0xe4, 0xf6, 0xc5, 0xc4, 0xd6, 0xe9, 0xfc]);

/** Length of the well-formed UTF-8 sequence at `i` (no overlongs, no surrogates), 0 if none, -1 if cut off. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  let need: number;
  let low = 0x80;
  let high = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) need = 1;
  else if (b >= 0xe0 && b <= 0xef) {
    need = 2;
    if (b === 0xe0) low = 0xa0;
    if (b === 0xed) high = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    need = 3;
    if (b === 0xf0) low = 0x90;
    if (b === 0xf4) high = 0x8f;
  } else return 0;
  for (let k = 1; k <= need; k++) {
    if (i + k >= bytes.length) return -1;
    const c = bytes[i + k]!;
    if (k === 1 ? c < low || c > high : c < 0x80 || c > 0xbf) return 0;
  }
  return need + 1;
}

/**
 * Checks bytes as UTF-8 and counts both the well-formed multi-byte sequences and the stray bytes, so a
 * mostly-UTF-8 file with one bad line is still recognised. With `sampleCut`, a sequence cut off by the
 * end of the sample counts as well-formed, since the next bytes may complete it.
 */
export function scanUtf8(bytes: Uint8Array, sampleCut = false): Utf8Scan {
  let multibyte = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      multibyte++;
      i += length;
    } else if (length === -1 && sampleCut) break;
    else {
      invalid++;
      i++;
    }
  }
  return { valid: invalid === 0, multibyte, invalid };
}

export function hasHighByte(bytes: Uint8Array, start = 0, end = bytes.length): boolean {
  for (let i = start; i < end; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

/** The value of a `#FORMAT` record in the sample, read as ASCII. */
export function findDeclaredFormat(sample: Uint8Array): string | null {
  const text = Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength).toString('latin1');
  const match = /^[ \t]*#FORMAT[ \t]+"?([^\s"]*)/m.exec(text);
  return match ? match[1]! : null;
}

/**
 * Decides the encoding of a SIE or CSV file from a sample of its first bytes:
 * 1. UTF-8 multi-byte sequences outnumbering stray high bytes (or a BOM) mean UTF-8: CP437 or Latin-1 Swedish
 *    text does not form UTF-8 sequences, so this is near certain; under `#FORMAT PC8` it is a conflict;
 * 2. pure ASCII reads alike in all candidates: the declared PC8 (CP437) or else UTF-8, provisionally;
 * 3. otherwise a single-byte encoding: the one in which the high bytes are Swedish letters wins.
 *    Under `#FORMAT PC8` that is CP437 unless the bytes are clearly Latin-1 (reported as a conflict);
 *    a tie goes to `fallback` (CP437 for SIE, whose standard it is).
 */
export function detectEncoding(
  sample: Uint8Array,
  options: { declaredFormat?: string | null; sampleCut?: boolean; fallback?: Sie4Encoding } = {},
): EncodingDetection {
  const declaredFormat = options.declaredFormat !== undefined ? options.declaredFormat : findDeclaredFormat(sample);
  const declaresPc8 = declaredFormat?.toUpperCase() === 'PC8';
  const bom = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf;
  const utf8 = scanUtf8(sample, options.sampleCut ?? false);
  const base = { declaredFormat, bom, asciiOnly: false, conflict: null };

  // Single-byte Swedish text practically never forms UTF-8 sequences, so many of them and few strays is UTF-8
  // (the stray lines are then reported one by one as a mixed-up file).
  if (bom || (utf8.multibyte > 0 && utf8.multibyte > utf8.invalid)) {
    return { ...base, encoding: 'UTF-8', conflict: declaresPc8 ? 'UTF-8' : null };
  }
  if (!hasHighByte(sample)) {
    return { ...base, encoding: declaresPc8 ? 'CP437' : 'UTF-8', asciiOnly: true };
  }

  let cp437 = 0;
  let latin1 = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (SWEDISH_CP437.has(b)) cp437 += 10;
    else if (SWEDISH_LATIN1.has(b)) latin1 += 10;
    else if (b >= 0x80 && b <= 0x9f)
      cp437 += 1; // C1 control characters in Latin-1: never text
    else if (b >= 0xc0 && b <= 0xdf) latin1 += 1; // box drawing in CP437: never in a ledger
  }
  if (declaresPc8) {
    return latin1 > cp437 ? { ...base, encoding: 'ISO-8859-1', conflict: 'ISO-8859-1' } : { ...base, encoding: 'CP437' };
  }
  if (cp437 !== latin1) return { ...base, encoding: cp437 > latin1 ? 'CP437' : 'ISO-8859-1' };
  return { ...base, encoding: options.fallback ?? 'CP437' };
}

/**
 * Says, in Swedish, why the sample cannot be a text file at all, or returns null. Catches what users
 * actually upload by mistake: zip and gzip archives, UTF-16 exports, spreadsheets and other binaries.
 */
export function describeBinary(sample: Uint8Array): string | null {
  if (sample[0] === 0x50 && sample[1] === 0x4b && sample[2] === 0x03 && sample[3] === 0x04) {
    return 'filen är ett zip-arkiv (eller en Excel-fil), inte en textfil; packa upp den eller exportera som SIE';
  }
  if (sample[0] === 0x1f && sample[1] === 0x8b) return 'filen är gzip-komprimerad; packa upp den först';
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) {
    return 'filen är sparad som UTF-16; exportera den som PC8 (eller UTF-8)';
  }
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b === 0) return `filen innehåller binära data (nolltecken vid byte ${i + 1}), inte text`;
    // Tab, LF, CR and the DOS end-of-file mark (Ctrl-Z) occur in real text files.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x1a) control++;
  }
  if (control > 8 && control * 100 > sample.length) {
    return `filen innehåller binära data (${control} styrtecken bland de första ${sample.length} byten), inte text`;
  }
  return null;
}

const utf8Decoder = new TextDecoder('utf-8');

/** Decodes one line whose encoding is decided; Latin-1 is true ISO-8859-1, not Windows-1252. */
export function decodeLatin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

export function decodeUtf8(bytes: Uint8Array): string {
  return utf8Decoder.decode(bytes);
}
