/**
 * IBM code page 437, which SIE calls `#FORMAT PC8`. The lower half is ASCII; the upper half is this table,
 * one row per 16 bytes starting at 0x80. Swedish letters: å 0x86, ä 0x84, ö 0x94, Å 0x8F, Ä 0x8E, Ö 0x99.
 */
const UPPER_HALF =
  'ÇüéâäàåçêëèïîìÄÅ' + // 0x80
  'ÉæÆôöòûùÿÖÜ¢£¥₧ƒ' + // 0x90
  'áíóúñÑªº¿⌐¬½¼¡«»' + // 0xA0
  '░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' + // 0xB0
  '└┴┬├─┼╞╟╚╔╩╦╠═╬╧' + // 0xC0
  '╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' + // 0xD0
  'αßΓπΣσµτΦΘΩδ∞φε∩' + // 0xE0
  '≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0'; // 0xF0

const CODE_UNITS = new Uint16Array(256);
for (let byte = 0; byte < 128; byte++) CODE_UNITS[byte] = byte;
for (let i = 0; i < 128; i++) CODE_UNITS[128 + i] = UPPER_HALF.charCodeAt(i);

const BYTE_FOR_CHAR = new Map<number, number>();
for (let byte = 255; byte >= 0; byte--) BYTE_FOR_CHAR.set(CODE_UNITS[byte]!, byte);

const CHARS = Array.from(CODE_UNITS, (unit) => String.fromCharCode(unit));

/**
 * Decodes CP437 bytes to text. Every byte has a character, so this never fails. Runs of ASCII are sliced
 * whole, since a ledger line is mostly ASCII with the odd å, ä or ö.
 */
export function decodeCp437(bytes: Uint8Array, start = 0, end = bytes.length): string {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text = '';
  let run = start;
  for (let i = start; i < end; i++) {
    const byte = buffer[i]!;
    if (byte < 0x80) continue;
    if (i > run) text += buffer.toString('latin1', run, i);
    text += CHARS[byte]!;
    run = i + 1;
  }
  return run < end ? text + buffer.toString('latin1', run, end) : text;
}

/** Encodes text as CP437; characters the code page lacks become `?`. Used by the test-file generator. */
export function encodeCp437(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[i] = unit < 128 ? unit : (BYTE_FOR_CHAR.get(unit) ?? 0x3f);
  }
  return bytes;
}
