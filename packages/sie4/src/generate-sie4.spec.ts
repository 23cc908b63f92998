import { describe, expect, it } from 'vitest';

import { exempelAnsvar, EXEMPEL_KONTON, generatedUtfall, generateSie4, mulberry32, type GenerateSie4Spec } from './generate-sie4.js';
import { readSie4 } from './read-sie4.js';

async function collect(source: AsyncIterable<Uint8Array>): Promise<{ bytes: Buffer; largestChunk: number }> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source) chunks.push(chunk);
  return { bytes: Buffer.concat(chunks), largestChunk: Math.max(...chunks.map((c) => c.length)) };
}

const SPEC: GenerateSie4Spec = {
  ar: 2026,
  ansvar: exempelAnsvar(40),
  konton: EXEMPEL_KONTON,
  verifikationer: 800,
  transPerVer: 5,
  seed: 2026,
  format: 'PC8',
};

const sumWhere = (rows: { konto: string; manad: number; beloppOre: number }[], group: string, manad: number): number =>
  rows.filter((r) => r.konto.startsWith(group) && r.manad === manad).reduce((sum, r) => sum + r.beloppOre, 0);

describe('the test-file generator', () => {
  it('gives the same bytes for the same seed and others for another', async () => {
    const first = await collect(generateSie4(SPEC));
    const again = await collect(generateSie4(SPEC));
    const other = await collect(generateSie4({ ...SPEC, seed: 2027 }));
    expect(again.bytes.equals(first.bytes)).toBe(true);
    expect(other.bytes.equals(first.bytes)).toBe(false);
  });

  it('the PRNG is mulberry32, never Math.random', () => {
    const random = mulberry32(1);
    expect([random(), random(), random()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
  });

  it.each(['PC8', 'UTF-8', 'ISO-8859-1'] as const)('a %s file reads back to exactly the utfall it was written with', async (format) => {
    const spec = { ...SPEC, format };
    const result = await readSie4(generateSie4(spec));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.encoding).toBe(format === 'PC8' ? 'CP437' : format);
    expect(result.records).toMatchObject({ ver: 800, trans: 4000 });
    expect(result.utfall).toEqual(generatedUtfall(spec));
    expect(result.konton.find((k) => k.konto === '3450')?.namn).toBe('Avgifter äldreomsorg');
  });

  it('spreads the verifikationer over January to August', async () => {
    const months = new Set(generatedUtfall(SPEC).map((r) => r.manad));
    expect([...months].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('pays less wages and more holiday pay in July', () => {
    const rows = generatedUtfall({ ...SPEC, verifikationer: 4000 });
    expect(sumWhere(rows, '50', 7)).toBeLessThan(sumWhere(rows, '50', 6) / 2);
    expect(sumWhere(rows, '51', 7)).toBeGreaterThan(sumWhere(rows, '51', 6) * 3);
  });

  it('books revenue as credit and balances every verifikation against the bank', () => {
    const rows = generatedUtfall(SPEC);
    expect(rows.filter((r) => r.konto.startsWith('3')).every((r) => r.beloppOre < 0)).toBe(true);
    expect(rows.reduce((sum, r) => sum + r.beloppOre, 0)).toBe(0);
  });

  it('streams in chunks of about 64 KiB', async () => {
    const { bytes, largestChunk } = await collect(generateSie4({ ...SPEC, verifikationer: 5000 }));
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    expect(largestChunk).toBeLessThan(80 * 1024);
  });

  it('refuses a verifikation that could not balance', () => {
    expect(() => generatedUtfall({ ...SPEC, transPerVer: 1 })).toThrow(/minst 2/);
  });
});
