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
  const { demoStad, demoBolag } = await import(join(root, 'packages/demo-city/dist/index.js'));
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
    mal: [
      ...namnder.map((n) => ({ kod: n.kod, namn: n.namn, agartyp: 'namnd' })),
      ...demoBolag().map((b) => ({ kod: b.kod, namn: b.namn, agartyp: 'bolag' })),
    ].flatMap((n) =>
      [1, 2, 3].map((i) => ({
        kod: n.kod,
        namnd: n.namn,
        agartyp: n.agartyp,
        mal: `Mål ${i} för ${n.namn}`,
        bedomning: ['uppfyllt', 'delvis-uppfyllt', 'ej-uppfyllt'][i - 1],
        analys: 'Analysen av målet. '.repeat(12),
        nyckeltal: [1, 2].map((k) => ({
          namn: `Nyckeltal ${k} för mål ${i}`,
          utgangsvarde: 40 + k,
          senaste: { period: `${stad.ar}-T2`, varde: 45.5 + k },
          malvarde: 50 + k,
        })),
      })),
    ),
    ...ovrigtUnderlag(stad, ekonomi, demoBolag()),
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

/**
 * The city's result, balanskrav, companies and investments as the report service gathers them for a delårsrapport
 * augusti: shaped like its API's answers, from the demo city's figures.
 */
function ovrigtUnderlag(stad, ekonomi, bolag) {
  const netto = ekonomi.reduce((a, n) => a + (n.budgetOre ?? 0), 0);
  const prognos = ekonomi.reduce((a, n) => a + (n.prognosOre ?? 0), 0);
  const rad = (kod, namn, budget, aug) => ({ kod, namn, summa: false, belopp: [budget, null, aug, null] });
  const skatter = Math.round(netto * 1.02);
  const rader = [
    rad('verksamhetens-intakter', 'Verksamhetens intäkter', Math.round(netto * 0.2), Math.round(netto * 0.21)),
    rad('verksamhetens-kostnader', 'Verksamhetens kostnader', -Math.round(netto * 1.2), -Math.round(prognos * 1.2)),
    rad('skatteintakter', 'Skatteintäkter', skatter, skatter + 1234_56),
  ];
  const summa = (i) => rader.reduce((a, r) => a + (r.belopp[i] ?? 0), 0);
  const koncernrad = (b) => ({
    kod: b.kod,
    namn: b.namn,
    typ: 'bolag',
    matt: 'resultat',
    budgetOre: b.budget.resultatEfterFinansiellaPosterOre,
    utfallOre: null,
    prognosOre: b.prognoser.augusti.resultatEfterFinansiellaPosterOre,
    avvikelseOre: b.prognoser.augusti.resultatEfterFinansiellaPosterOre - b.budget.resultatEfterFinansiellaPosterOre,
    bolag: {
      budget: b.budget,
      utfall: { ...b.budget, tillManad: 8 },
      prognos: b.prognoser.augusti,
      kommentar: b.prognoser.augusti.kommentar,
      prognosAndradAv: 'bench',
    },
  });
  const MNKR = 100_000_000;
  return {
    resultatrakning: {
      ar: stad.ar,
      kolumner: ['budget', 'april', 'augusti', 'bokslut'].map((tillfalle) => ({
        tillfalle,
        finns: tillfalle === 'budget' || tillfalle === 'augusti',
        kallor: [],
        elimineratOre: 0,
      })),
      rader: [...rader, { kod: 'arets-resultat', namn: 'Årets resultat', summa: true, belopp: [summa(0), null, summa(2), null] }],
    },
    balanskrav: {
      ar: stad.ar,
      tillfalle: 'augusti',
      kalla: 'prognos',
      meddelanden: [],
      rader: [
        { kod: 'arets-resultat', namn: 'Årets resultat', beloppOre: summa(2) },
        { kod: 'balanskravsresultat', namn: 'Årets balanskravsresultat', beloppOre: summa(2) - 12 * MNKR },
      ],
      underskottFranTidigareAr: [
        {
          ar: stad.ar - 3,
          underskottOre: -64 * MNKR,
          aterstalltOre: 24 * MNKR,
          kvarOre: -40 * MNKR,
          senastAr: stad.ar,
          aterstallningar: [],
        },
      ],
      rur: { ingaendeOre: 270 * MNKR, utgaendeOre: 270 * MNKR, maxAvsattningOre: 50 * MNKR, farAnvandas: false },
    },
    balanskravOversikt: null,
    koncern: {
      ar: stad.ar,
      tillfalle: 'augusti',
      utfallTillManad: 8,
      namnder: [],
      bolag: bolag.map(koncernrad),
      sammanstallning: { kommunensKalla: 'nämndernas prognoser', saknas: [], rader: [], elimineringar: [], varningar: [] },
    },
    prognossakerhet: null,
    resultatoverforing: null,
    investeringar: stad.investeringar.flatMap((projekt) =>
      projekt.ar
        .filter((a) => a.ar === stad.ar)
        .map((a) => ({
          namnd: ekonomi.find((n) => n.kod === projekt.namnd)?.namn ?? projekt.namnd,
          projekt: projekt.namn,
          budgetOre: a.budgetOre,
          utfallOre: a.utfallOre,
          prognosOre: Math.round(a.budgetOre * 0.95),
        })),
    ),
  };
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
