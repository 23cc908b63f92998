import { Buffer } from 'node:buffer';

import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { defineEvent, parseEnvelope } from './envelope.js';

const textHandelse = defineEvent({
  type: 'test.text',
  topic: 'test.text.v1',
  schemaVersion: 1,
  partitions: 1,
  retention: 'every-event',
  payloadSchema: z.object({ text: z.string() }),
  keyOf: () => 'nyckel',
});

const kuvert = (text: string) => ({
  eventId: '0b7c8a9e-2f4d-4e6a-9b1c-3d5e7f9a1b2c',
  type: 'test.text',
  schemaVersion: 1,
  occurredAt: '2026-04-15T08:00:00.000Z',
  producer: 'forecast',
  correlationId: 'c-1',
  key: 'nyckel',
  payload: { text },
});

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const bytes = (...delar: (Uint8Array | number[])[]) => new Uint8Array(delar.flatMap((del) => [...del]));
const json = (text: string) => JSON.stringify(kuvert(text));
const [borjan, slut] = json('§').split('§') as [string, string];

/** Today's reading of a message (before the browser-safe decoder): Node's Buffer as UTF-8. */
const somIdag = (meddelande: Uint8Array) => parseEnvelope(textHandelse, Buffer.from(meddelande).toString('utf8'));

describe('parseEnvelope reads bytes exactly as Buffer.toString("utf8") did', () => {
  it.each([
    ['ascii', utf8(json('hej'))],
    ['svenska tecken', utf8(json('Förvaltningsekonom på Östra Ågatan, 1 250,50 kr'))],
    ['tecken utanför BMP', utf8(json('mål 🎯 uppnått 𝄞'))],
    ['ogiltig UTF-8 i en sträng', bytes(utf8(borjan), [0xc3, 0x28, 0xff, 0xe2, 0x82], utf8(slut))],
    ['överlång kodning', bytes(utf8(borjan), [0xc0, 0xaf], utf8(slut))],
    ['en byte order mark först', bytes([0xef, 0xbb, 0xbf], utf8(json('bom')))],
    ['tomt meddelande', new Uint8Array()],
    ['inte JSON', utf8('{inte json')],
  ])('%s', (_namn, meddelande) => {
    const idag = somIdag(meddelande);
    expect(parseEnvelope(textHandelse, meddelande)).toEqual(idag);
    expect(parseEnvelope(textHandelse, Buffer.from(meddelande))).toEqual(idag);
  });

  it('keeps the text of a valid message to the character, and marks malformed bytes with U+FFFD', () => {
    expect(parseEnvelope(textHandelse, utf8(json('Östra Ågatan 🎯')))).toMatchObject({
      ok: true,
      envelope: { payload: { text: 'Östra Ågatan 🎯' } },
    });
    expect(parseEnvelope(textHandelse, bytes(utf8(borjan), [0xff], utf8(slut)))).toMatchObject({
      ok: true,
      envelope: { payload: { text: '\uFFFD' } },
    });
    expect(parseEnvelope(textHandelse, bytes([0xef, 0xbb, 0xbf], utf8(json('bom'))))).toEqual({
      ok: false,
      reason: 'meddelandet är inte giltig JSON',
    });
  });

  it('reads every byte sequence as Buffer does (a thousand random messages)', () => {
    let fro = 20261201;
    const slump = () => (fro = (fro * 1103515245 + 12345) % 2 ** 31) % 256;
    for (let i = 0; i < 1000; i++) {
      const mitt = Array.from({ length: 1 + (i % 12) }, slump).filter((b) => b !== 0x22 && b !== 0x5c && b >= 0x20);
      const meddelande = bytes(utf8(borjan), mitt, utf8(slut));
      expect(parseEnvelope(textHandelse, meddelande)).toEqual(somIdag(meddelande));
    }
  });
});
