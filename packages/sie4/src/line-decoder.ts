import { decodeCp437 } from './cp437.js';
import { decodeLatin1, decodeUtf8, detectEncoding, hasHighByte, scanUtf8, type EncodingDetection } from './encoding.js';
import type { Sie4Encoding } from './types.js';

/**
 * Decodes line after line once the encoding is known. When the sample was plain ASCII the choice waits for
 * the first line with other bytes. A line in another encoding than the rest is reported once: such a file
 * has been edited or concatenated, and its text cannot be trusted.
 */
export interface LineDecoder {
  encoding: Sie4Encoding;
  pending: boolean;
  /** What `#FORMAT` says; the SIE reader updates it when it reaches the record. */
  declaredFormat: string | null;
  fallback: Sie4Encoding;
  mixedReported: boolean;
  onConflict: (conflict: 'UTF-8' | 'ISO-8859-1', line: number) => void;
  onMixed: (line: number, message: string) => void;
}

export function createLineDecoder(
  detection: EncodingDetection,
  forced: Sie4Encoding | undefined,
  fallback: Sie4Encoding,
  handlers: Pick<LineDecoder, 'onConflict' | 'onMixed'>,
): LineDecoder {
  return {
    encoding: forced ?? detection.encoding,
    pending: !forced && detection.asciiOnly,
    declaredFormat: detection.declaredFormat,
    fallback,
    mixedReported: false,
    ...handlers,
  };
}

function reportMixed(d: LineDecoder, line: number, message: string): void {
  if (d.mixedReported) return;
  d.mixedReported = true;
  d.onMixed(line, message);
}

/** Decodes `buffer[start, end)`; a line of plain ASCII takes the short way whatever the encoding. */
export function decodeLine(d: LineDecoder, buffer: Buffer, start: number, end: number, line: number): string {
  if (!hasHighByte(buffer, start, end)) return buffer.toString('latin1', start, end);
  const bytes = buffer.subarray(start, end);
  if (d.pending) {
    const detection = detectEncoding(bytes, { declaredFormat: d.declaredFormat, fallback: d.fallback });
    d.encoding = detection.encoding;
    d.pending = false;
    if (detection.conflict) d.onConflict(detection.conflict, line);
  }
  if (d.encoding === 'UTF-8') {
    if (!scanUtf8(bytes).valid) {
      reportMixed(d, line, `rad ${line} är inte giltig UTF-8 fast filen i övrigt är det; filen blandar teckenkodningar`);
    }
    return decodeUtf8(bytes);
  }
  const utf8 = scanUtf8(bytes);
  if (utf8.valid && utf8.multibyte > 0) {
    reportMixed(
      d,
      line,
      `rad ${line} innehåller UTF-8 (t.ex. å som C3 A5) fast filen i övrigt är ${d.encoding}; filen blandar teckenkodningar`,
    );
  }
  return d.encoding === 'CP437' ? decodeCp437(bytes) : decodeLatin1(bytes);
}

/** The encoding to report: a file that stayed ASCII throughout is whatever it declared, else UTF-8. */
export function finalEncoding(d: LineDecoder): Sie4Encoding {
  if (!d.pending) return d.encoding;
  return d.declaredFormat?.toUpperCase() === 'PC8' ? 'CP437' : 'UTF-8';
}
