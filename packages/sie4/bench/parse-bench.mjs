// Parse benchmark: generates a SIE 4 file with ~500,000 #TRANS rows (3,000 ansvar, ~40 accounts, January to
// August) in a child process, then times readSie4 over a file stream and reports speed and peak memory.
// Build first: `cd packages/sie4 && npm run build`, then `node bench/parse-bench.mjs [--rows 500000] [--keep]`.
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';

import { exempelAnsvar, EXEMPEL_KONTON, generatedUtfall, generateSie4, readSie4 } from '../dist/index.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index === -1 ? fallback : args[index + 1];
};
const rows = Number(option('--rows', 500_000));
const TRANS_PER_VER = 5;
const spec = {
  ar: 2026,
  ansvar: exempelAnsvar(3000),
  konton: EXEMPEL_KONTON,
  verifikationer: Math.round(rows / TRANS_PER_VER),
  transPerVer: TRANS_PER_VER,
  seed: 2026,
  format: 'PC8',
};

if (args[0] === '--generate') {
  await pipeline(Readable.from(generateSie4(spec)), createWriteStream(args[1]));
  process.exit(0);
}

const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
const dir = await mkdtemp(join(tmpdir(), 'sie4-bench-'));
const path = join(dir, 'utfall-2026.se');
try {
  // Generated in a child process so this process's peak memory is the reader's alone.
  const generateStart = performance.now();
  execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--generate', path, '--rows', String(rows)], { stdio: 'inherit' });
  const { size } = await stat(path);
  console.log(`generated ${mb(size)} MB in ${((performance.now() - generateStart) / 1000).toFixed(1)} s: ${path}`);

  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = await readSie4(createReadStream(path, { highWaterMark: 1024 * 1024 }));
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);

  console.log(
    JSON.stringify(
      {
        fileMB: Number(mb(size)),
        lines: result.lines,
        transRows: result.records.trans,
        verifikationer: result.records.ver,
        seconds: Number(seconds.toFixed(2)),
        // CPU time of all the process's threads (GC included); steadier than wall time on a shared machine.
        cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
        rowsPerSecond: Math.round(result.records.trans / seconds),
        mbPerSecond: Number((size / 1024 / 1024 / seconds).toFixed(1)),
        rssBeforeMB: Number(mb(rssBefore)),
        peakRssMB: Number(mb(peakRss)),
        maxRssMB: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)),
        utfallRows: result.utfall.length,
        ansvar: result.ansvar.length,
        konton: result.konton.length,
        encoding: result.encoding,
        ok: result.ok,
        errors: result.errors.length,
        warnings: result.warnings.length,
      },
      null,
      2,
    ),
  );

  const expected = generatedUtfall(spec);
  const same =
    expected.length === result.utfall.length &&
    expected.every((row, i) => {
      const got = result.utfall[i];
      return (
        got.ar === row.ar &&
        got.manad === row.manad &&
        got.konto === row.konto &&
        got.ansvar === row.ansvar &&
        got.beloppOre === row.beloppOre
      );
    });
  console.log(`utfall matches what the generator wrote: ${same}`);
  if (!same || !result.ok) process.exitCode = 1;
} finally {
  if (!args.includes('--keep')) await rm(dir, { recursive: true, force: true });
}
