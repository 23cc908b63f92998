import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { encodeCp437, generateSie4, generatedUtfall, type GenerateSie4Spec } from '@tertial/sie4';

import { ALLA_ANSVAR, DEMO } from './demo.js';

/** A small, balanced SIE 4 file of the demo city's ledger, and the utfall it holds. */
export function demoSieSpec(overrides: Partial<GenerateSie4Spec> = {}): GenerateSie4Spec {
  return {
    ar: DEMO.ar,
    ansvar: ALLA_ANSVAR.slice(0, 200).map((node) => ({ kod: node.kod, namn: node.namn })),
    konton: DEMO.kontoplan.filter((konto) => konto.konto >= 3000).map((konto) => ({ konto: String(konto.konto), namn: konto.namn })),
    verifikationer: 400,
    transPerVer: 4,
    seed: 7,
    format: 'PC8',
    ...overrides,
  };
}

export async function sieBytes(spec: GenerateSie4Spec): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of generateSie4(spec)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** A hand-written SIE 4 file in code page 437, for the cases a generator would never write. */
export function pc8(lines: string[]): Buffer {
  return Buffer.from(encodeCp437(`${lines.join('\r\n')}\r\n`));
}

export function writeTemp(name: string, bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'tertial-'));
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

export { generatedUtfall };
