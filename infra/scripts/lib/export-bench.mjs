// The time and peak memory to produce a report of the demo city as PDF, XLSX and DOCX, the way the product does it:
// GET /api/report/dokument/{rapport}/{ar}/export through the gateway of a running `npm start`, so the report
// service reads the figures from its database (a draft's live, a fixed version's frozen) and writes the file.
// Memory is the report service's own: before each request its peak-RSS mark is reset (`5` into
// /proc/PID/clear_refs), after it VmHWM is read, the process's resident high-water mark during that export
// (Node.js, the service's other work and the libraries loaded on first use included). VmRSS is also sampled
// every 20 ms as a check. Each format is exported twice: the first loads its writer (pdfkit and ECharts, exceljs,
// docx), the second shows the steady cost.
import { readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

import { bearer } from './tokens.mjs';

const FORMAT = ['pdf', 'xlsx', 'docx'];

const status = (pid) => readFileSync(`/proc/${pid}/status`, 'utf8');
const kbTillMb = (kb) => Math.round((kb / 1024) * 10) / 10;
const faltMb = (pid, falt) => kbTillMb(Number(new RegExp(`${falt}:\\s+(\\d+) kB`).exec(status(pid))?.[1] ?? NaN));

/** Resets the process's peak-RSS mark; false where the kernel or the rights do not allow it. */
function nollstallTopp(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * Which report to measure: the one asked for (`--rapport R --ar Y [--version N]`), else the demo's delårsrapport
 * augusti of the closed year when it has a version, else the demo's fixed årsredovisning of that year (fixed at demo
 * load: waited for). Without a version number, the latest version; an open draft is exported with its live figures.
 */
async function valjRapport({ url, headers, ar, rapport, version, log }) {
  const versioner = async (r) => {
    const svar = await fetch(`${url}/api/report/dokument/${r}/${ar}/versioner`, { headers });
    return svar.ok ? await svar.json() : [];
  };
  const kandidater = rapport ? [rapport] : ['delarsrapport-augusti', 'arsredovisning'];
  const borjan = performance.now();
  for (;;) {
    for (const r of kandidater) {
      const lista = await versioner(r);
      const vald = version ? lista.find((v) => v.version === version) : lista.at(-1);
      if (vald) return vald;
    }
    if (performance.now() - borjan > 240_000) throw new Error(`no version of ${kandidater.join(' or ')} ${ar} within 240 s`);
    if (Math.round(performance.now() - borjan) % 30_000 < 2_000) log(`waiting for a version of ${kandidater.join(' or ')} ${ar}`);
    await sleep(2_000);
  }
}

/** Measures each format's export on the running product; `pid` is the report service's process. */
export async function measureExports({ url, token, pid, ar, rapport, version, log = () => {}, varv = 2 }) {
  const headers = await bearer(token, 'ekonomidirektor');
  const vald = await valjRapport({ url, headers, ar, rapport, version, log });
  log(`exporting ${vald.rapport} ${vald.ar} version ${vald.version} (${vald.status}) as ${FORMAT.join(', ')}`);
  const results = [];
  for (const format of FORMAT) {
    for (let i = 1; i <= varv; i++) {
      const fore = faltMb(pid, 'VmRSS');
      const hwm = nollstallTopp(pid);
      let samplad = fore;
      const sampler = setInterval(() => (samplad = Math.max(samplad, faltMb(pid, 'VmRSS'))), 20);
      const started = performance.now();
      const svar = await fetch(`${url}/api/report/dokument/${vald.rapport}/${vald.ar}/export?format=${format}&version=${vald.version}`, {
        headers,
      });
      const fil = Buffer.from(await svar.arrayBuffer());
      const ms = Math.round(performance.now() - started);
      clearInterval(sampler);
      if (!svar.ok) throw new Error(`export ${format} answered ${svar.status}: ${fil.toString('utf8').slice(0, 300)}`);
      const rad = {
        format,
        run: i,
        ms,
        peakRssMb: hwm ? faltMb(pid, 'VmHWM') : null,
        sampledPeakRssMb: samplad,
        rssBeforeMb: fore,
        bytes: fil.length,
        filhash: svar.headers.get('x-tertial-filhash'),
      };
      log(`${format} #${i}: ${(ms / 1000).toFixed(2)} s, peak RSS ${rad.peakRssMb ?? rad.sampledPeakRssMb} MB`);
      results.push(rad);
    }
  }
  return {
    method:
      'GET …/export through the gateway of a running npm start (demo data); time is the HTTP round trip; peakRssMb the report service’s VmHWM after resetting it before the request, sampledPeakRssMb the highest VmRSS sampled every 20 ms',
    rapport: vald.rapport,
    ar: vald.ar,
    version: vald.version,
    status: vald.status,
    // The same fixed version gives the same bytes: each format's runs should share one hash.
    sameBytesEachRun: FORMAT.every((f) => new Set(results.filter((r) => r.format === f).map((r) => r.filhash)).size === 1),
    results,
  };
}
