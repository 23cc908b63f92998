import { describe, expect, it } from 'vitest';

import { decodeCp437, encodeCp437 } from './cp437.js';

/** Bytes written as a latin1 string, so `\x94` is the byte 0x94 exactly as it sits in the file. */
const bytes = (raw: string): Buffer => Buffer.from(raw, 'latin1');

describe('PC8 (code page 437), the encoding SIE prescribes', () => {
  it.each([
    ['å', 0x86],
    ['ä', 0x84],
    ['ö', 0x94],
    ['Å', 0x8f],
    ['Ä', 0x8e],
    ['Ö', 0x99],
    ['é', 0x82],
    ['ü', 0x81],
  ])('%s is the byte %d', (letter, byte) => {
    expect(decodeCp437(Uint8Array.of(byte))).toBe(letter);
    expect([...encodeCp437(letter)]).toEqual([byte]);
  });

  it('an account name from a PC8 file reads as Swedish', () => {
    expect(decodeCp437(bytes('#KONTO 5010 "M\x86nadsavl\x94nade"'))).toBe('#KONTO 5010 "Månadsavlönade"');
    expect(decodeCp437(bytes('#OBJEKT 1 "41230" "\x8eldreomsorg \x99stra \x8fsen"'))).toBe('#OBJEKT 1 "41230" "Äldreomsorg Östra Åsen"');
  });

  it('box drawing and Greek fill the rest of the upper half', () => {
    expect(decodeCp437(Uint8Array.of(0xb3, 0xc4, 0xda, 0xe1, 0xe3, 0xf6, 0xff))).toBe('│─┌ßπ÷\u00a0');
  });

  it('every byte survives a round trip', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect([...encodeCp437(decodeCp437(all))]).toEqual([...all]);
  });

  it('a character PC8 lacks is written as a question mark', () => {
    expect(Buffer.from(encodeCp437('5 €')).toString('latin1')).toBe('5 ?');
  });
});
