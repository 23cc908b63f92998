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

const VANTA_MS = 240_000;

async function skicka(url, headers, metod, vag) {
  const svar = await fetch(`${url}${vag}`, { method: metod, headers });
  const text = await svar.text();
  return { status: svar.status, ok: svar.ok, data: text ? JSON.parse(text) : null, text };
}

/**
 * The city's delårsrapport augusti of `ar`, made on the bench's own stack (its own data folder) the way the
 * ekonomidirektör makes it: the August round closed (when it is open), a draft once the report service has seen
 * the close, put up for stadsrevisionen's audit and fixed. Each step only when not done by an earlier bench run.
 */
async function delarsrapportAugusti({ url, headers, ar, log }) {
  const omgangar = await skicka(url, headers, 'GET', '/api/forecast/omgangar');
  if (!omgangar.ok) throw new Error(`GET /api/forecast/omgangar answered ${omgangar.status}: ${omgangar.text.slice(0, 300)}`);
  const augusti = omgangar.data.find((omgang) => omgang.ar === ar && omgang.tillfalle === 'augusti');
  if (!augusti) throw new Error(`the demo has no round augusti ${ar}`);
  if (augusti.status !== 'stangd') {
    const stang = await skicka(url, headers, 'POST', `/api/forecast/omgangar/${ar}/augusti/stang`);
    if (!stang.ok) throw new Error(`closing augusti ${ar} answered ${stang.status}: ${stang.text.slice(0, 300)}`);
    log(`closed the round augusti ${ar} (the bench's own stack)`);
  }
  const dokument = `/api/report/dokument/delarsrapport-augusti/${ar}/versioner`;
  const borjan = performance.now();
  for (;;) {
    const lista = await skicka(url, headers, 'GET', dokument);
    let senaste = lista.ok ? lista.data.at(-1) : undefined;
    if (!senaste) {
      // 422 until the report service has the round's close from its event.
      const ny = await skicka(url, headers, 'POST', dokument);
      if (ny.ok) senaste = ny.data;
      else if (ny.status !== 422)
        throw new Error(`a draft of the delårsrapport augusti ${ar} answered ${ny.status}: ${ny.text.slice(0, 300)}`);
    }
    if (senaste) {
      if (senaste.status === 'faststalld') return senaste;
      if (senaste.status === 'utkast') {
        const granskning = await skicka(url, headers, 'POST', `${dokument}/${senaste.version}/granskning`);
        if (!granskning.ok)
          throw new Error(`putting version ${senaste.version} up for audit answered ${granskning.status}: ${granskning.text}`);
      }
      const fast = await skicka(url, headers, 'POST', `${dokument}/${senaste.version}/faststall`);
      if (!fast.ok) throw new Error(`fixing version ${senaste.version} answered ${fast.status}: ${fast.text.slice(0, 300)}`);
      log(`delårsrapport augusti ${ar} fixed as version ${fast.data.version}`);
      return fast.data;
    }
    if (performance.now() - borjan > VANTA_MS) throw new Error(`the report service did not see augusti ${ar} closed within 240 s`);
    await sleep(2_000);
  }
}

/**
 * Which report to measure: the one asked for (`--rapport R --ar Y [--version N]`; without a version, the latest; an
 * open draft is exported with its live figures), else the demo year's delårsrapport augusti, fixed for the bench.
 */
async function valjRapport({ url, headers, ar, rapport, version, log }) {
  if (!rapport) return delarsrapportAugusti({ url, headers, ar, log });
  const borjan = performance.now();
  for (;;) {
    const lista = await skicka(url, headers, 'GET', `/api/report/dokument/${rapport}/${ar}/versioner`);
    const vald = lista.ok ? (version ? lista.data.find((v) => v.version === version) : lista.data.at(-1)) : undefined;
    if (vald) return vald;
    if (performance.now() - borjan > VANTA_MS) throw new Error(`no version of ${rapport} ${ar} within 240 s`);
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
