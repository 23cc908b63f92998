// A SIE 4 file of the demo city's ledger, for the benchmark and for trying the import by hand:
//   node infra/scripts/lib/demo-sie.mjs FILE [TRANS_ROWS]
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const root = resolve(import.meta.dirname, '../../..');

/** Writes (once) a balanced SIE 4 file with about `transRader` #TRANS rows over the demo city's ansvar and accounts. */
export async function skrivDemoSie(file, { transRader = 500_000, format = 'PC8' } = {}) {
  if (existsSync(file)) return file;
  const { demoStad } = await import(join(root, 'packages/demo-city/dist/index.js'));
  const { generateSie4 } = await import(join(root, 'packages/sie4/dist/index.js'));
  const stad = demoStad();
  const transPerVer = 5;
  mkdirSync(dirname(file), { recursive: true });
  const spec = {
    ar: stad.ar,
    ansvar: stad.organisation.filter((node) => node.niva === 'enhet').map((node) => ({ kod: node.kod, namn: node.namn })),
    konton: stad.kontoplan.filter((konto) => konto.konto >= 3000).map((konto) => ({ konto: String(konto.konto), namn: konto.namn })),
    verifikationer: Math.ceil(transRader / transPerVer),
    transPerVer,
    seed: 1283,
    format,
  };
  await pipeline(Readable.from(generateSie4(spec)), createWriteStream(file));
  return file;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, rows] = process.argv.slice(2);
  if (!file) throw new Error('användning: node infra/scripts/lib/demo-sie.mjs FIL [ANTAL_TRANS]');
  console.log(await skrivDemoSie(resolve(file), { transRader: Number(rows || 500_000) }));
}
