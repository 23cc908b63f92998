// The time and peak memory to produce the city's delårsrapport augusti as PDF, XLSX and DOCX: the demo city's
// figures (every nämnd's budget, utfall January–August and a forecast, and three mål per nämnd) are shaped into the
// report's sections as the report service does, then each format is written in a process of its own, so its peak
// resident memory is the export's alone. Reading the figures from the database and HTTP are not included.
//   node infra/scripts/lib/export-bench.mjs          all three formats, a JSON line with the results
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
const [, , mode, format, underlagFil] = process.argv;

const entry = resolve(process.argv[1] ?? '') === import.meta.filename;
if (entry && mode === '--one') {
  const { exportera } = await import(join(root, 'apps/report/dist/dokument/export/exportera.js'));
  const version = JSON.parse(readFileSync(underlagFil, 'utf8'));
  const started = performance.now();
  const fil = await exportera(format, version);
  const ms = performance.now() - started;
  // maxRSS is in kB: the process's peak, Node.js itself included.
  console.log(JSON.stringify({ format, ms: Math.round(ms), peakMb: Math.round(process.resourceUsage().maxRSS / 1024), bytes: fil.length }));
} else if (entry) {
  console.log(JSON.stringify(await measureExports(), null, 2));
}

/** Builds the city's report once, then times each format in a fresh process. */
export async function measureExports() {
  const { demoStad } = await import(join(root, 'packages/demo-city/dist/index.js'));
  const { byggInnehall } = await import(join(root, 'apps/report/dist/dokument/sektioner.js'));
  const stad = demoStad();
  const namndAv = new Map();
  const byKod = new Map(stad.organisation.map((n) => [n.kod, n]));
  for (const node of stad.organisation) {
    let n = node;
    while (n && n.niva !== 'namnd') n = byKod.get(n.foralderKod);
    if (n) namndAv.set(node.kod, n.kod);
  }
  const utfall = new Map();
  for (const rad of stad.utfall(8)) {
    const namnd = namndAv.get(rad.ansvar);
    utfall.set(namnd, (utfall.get(namnd) ?? 0) + rad.beloppOre);
  }
  const namnder = stad.organisation.filter((n) => n.niva === 'namnd');
  const ekonomi = namnder.map((n, i) => {
    const budgetOre = stad.ramar.find((r) => r.namnd === n.kod)?.nettoOre ?? null;
    const prognosOre = budgetOre === null ? null : Math.round(budgetOre * (1 + ((i % 5) - 2) / 100));
    return {
      kod: n.kod,
      namn: n.namn,
      budgetOre,
      utfallOre: utfall.get(n.kod) ?? null,
      prognosOre,
      avvikelseOre: budgetOre === null ? null : budgetOre - prognosOre,
    };
  });
  const innehall = byggInnehall({
    rapport: 'delarsrapport-augusti',
    ar: stad.ar,
    periodTomManad: 8,
    ekonomi,
    period: ekonomi.map((n) => ({
      kod: n.kod,
      namn: n.namn,
      periodbudgetOre: n.budgetOre === null ? null : Math.round((n.budgetOre * 8) / 12),
      periodutfallOre: n.utfallOre,
    })),
    kommentarer: namnder.map((n) => ({
      namnd: n.namn,
      ansvar: n.kod,
      avvikelseOre: -12_345_600_00,
      kommentar: 'Fler placeringar än budgeterat under våren. '.repeat(3),
    })),
    mal: namnder.flatMap((n) =>
      [1, 2, 3].map((i) => ({
        namnd: n.namn,
        mal: `Mål ${i} för ${n.namn}`,
        bedomning: ['uppfyllt', 'delvis-uppfyllt', 'ej-uppfyllt'][i - 1],
        analys: 'Analysen av målet. '.repeat(12),
      })),
    ),
    texter: Object.fromEntries(
      ['vasentliga-handelser', 'ekonomi-per-namnd', 'arbetsmiljo', 'framtid'].map((id) => [
        id,
        [
          { typ: 'rubrik', text: 'Sammanfattning' },
          { typ: 'stycke', text: 'Text om perioden. '.repeat(60) },
          { typ: 'lista', punkter: ['En punkt', 'En annan punkt'] },
        ],
      ]),
    ),
  });
  const version = {
    rapport: 'delarsrapport-augusti',
    ar: stad.ar,
    version: 1,
    status: 'faststalld',
    hash: 'f'.repeat(64),
    ersatter: null,
    skapadAt: new Date().toISOString(),
    skapadAv: 'bench',
    faststalldAt: new Date().toISOString(),
    faststalldAv: 'bench',
    innehall,
  };
  const dir = mkdtempSync(join(tmpdir(), 'tertial-export-bench-'));
  try {
    const fil = join(dir, 'underlag.json');
    writeFileSync(fil, JSON.stringify(version));
    const results = [];
    for (const f of ['pdf', 'xlsx', 'docx']) results.push(await child(f, fil));
    return { rapport: 'delarsrapport-augusti', namnder: namnder.length, results };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function child(f, fil) {
  return new Promise((done, fail) => {
    const started = performance.now();
    const p = spawn(process.execPath, [import.meta.filename, '--one', f, fil], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('error', fail);
    p.on('close', (code) => {
      if (code !== 0) return fail(new Error(`the ${f} export exited with ${code}`));
      done({ ...JSON.parse(out.trim().split('\n').pop()), processMs: Math.round(performance.now() - started) });
    });
  });
}
