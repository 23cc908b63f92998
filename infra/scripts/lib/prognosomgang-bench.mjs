// The whole-city forecast round through the product: every ansvar's helårsprognos saved and marked ready by its own
// chef through the public API at the one origin (50 clients at a time, tokens fetched before the clock starts), and
// for each submission the time until the city node of the roll-up includes it, read from the round's live stream.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

import { bearer } from './tokens.mjs';

/** CPU seconds (user and system) a process has used so far, from /proc; null when it is gone. */
function cpuSekunder(pid) {
  try {
    const falt = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime, fields 14 and 15 of stat, in clock ticks of 1/100 s.
    return (Number(falt[11]) + Number(falt[12])) / 100;
  } catch {
    return null;
  }
}

const KONTOGRUPPER = ['intakter', 'personalkostnader', 'lokalkostnader', 'kop-av-verksamhet', 'ovriga-kostnader', 'kapitalkostnader'];

/** Six lines with odd öre, different per ansvar: a forecast as a chef types it, in kronor. */
function rader(index) {
  return KONTOGRUPPER.map((kontogrupp, k) => ({
    kontogrupp,
    belopp: `${100_000 + ((index * 7 + k * 13) % 900_000)},${String((index + k) % 100).padStart(2, '0')}`,
  }));
}

const PROCESSORDNING = ['goals', 'budget', 'forecast', 'report', 'gateway', 'kafka', 'bench'];
const ordning = (namn) => (PROCESSORDNING.includes(namn) ? PROCESSORDNING.indexOf(namn) : PROCESSORDNING.length);

/** Percentile (nearest rank) of sorted numbers. */
export function percentil(sorterade, p) {
  if (sorterade.length === 0) return null;
  return sorterade[Math.min(sorterade.length - 1, Math.max(0, Math.ceil((p / 100) * sorterade.length) - 1))];
}

/**
 * How long each acknowledged submission took to become visible, from when it was sent (`skickat`; the issue's
 * submit-to-visible: the save's round trip included) or, with `franKvitto`, from when its acknowledgement came back
 * (`at`): until the first message of the round's stream that lists its ansvar with its `andring` or a later one (the
 * roll-up, and so the city total, then includes it). A message before the starting point counts as 0 ms; a submission
 * no message listed is left out.
 */
export function synligEfter(kvitton, meddelanden, { franKvitto = false } = {}) {
  return synligVid(kvitton, meddelanden, { franKvitto }).map(({ kvitto, at }) => at - fran(kvitto, franKvitto));
}

const fran = (kvitto, franKvitto) => (franKvitto ? kvitto.at : (kvitto.skickat ?? kvitto.at));

/** The moment each listed submission was visible (not before it was sent, or acknowledged), with its acknowledgement. */
export function synligVid(kvitton, meddelanden, { franKvitto = false } = {}) {
  const forst = new Map();
  for (const { at, andrade } of meddelanden) {
    for (const { ansvar, andring } of andrade) {
      const sedda = forst.get(ansvar) ?? forst.set(ansvar, []).get(ansvar);
      sedda.push({ at, andring });
    }
  }
  const svar = [];
  for (const kvitto of kvitton) {
    const synlig = forst.get(kvitto.ansvar)?.find((sedd) => sedd.andring >= kvitto.andring);
    if (synlig) svar.push({ kvitto, at: Math.max(synlig.at, fran(kvitto, franKvitto)) });
  }
  return svar;
}

/**
 * Sends one submission with node:http over a keep-alive connection of the clients' own pool and resolves to its
 * status and body. The same request as `fetch` would send, at about a third of its CPU (measured: 0.4 against 1.1–1.5 ms
 * per request with a trivial server), so that the bench's own clients take less of the two cores the product runs on.
 */
function skicka(url, { method, headers, body, agent }) {
  return new Promise((resolve, reject) => {
    const forfragan = request(url, { method, headers: { ...headers, 'content-length': Buffer.byteLength(body) }, agent }, (svar) => {
      let text = '';
      svar.setEncoding('utf8');
      svar.on('data', (bit) => (text += bit));
      svar.on('end', () => resolve({ status: svar.statusCode, text }));
      svar.on('error', reject);
    });
    forfragan.on('error', reject);
    forfragan.end(body);
  });
}

/** Follows a server-sent events stream with a token and calls `onEvent` with each event's data; returns a stop function. */
function foljStream(url, headers, onEvent) {
  const avbryt = new AbortController();
  void (async () => {
    const response = await fetch(url, { headers, signal: avbryt.signal });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffert = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffert += value;
      let slut;
      while ((slut = buffert.indexOf('\n\n')) >= 0) {
        const block = buffert.slice(0, slut);
        buffert = buffert.slice(slut + 2);
        if (/^event: ping/m.test(block)) continue;
        const data = block
          .split('\n')
          .filter((rad) => rad.startsWith('data:'))
          .map((rad) => rad.slice(5).trimStart())
          .join('\n');
        if (data) onEvent(JSON.parse(data));
      }
    }
  })().catch(() => {});
  return () => avbryt.abort();
}

/**
 * `processer`: name → pid of the product's processes (services, gateway, broker), whose CPU time during the round is
 * reported: on a shared machine the wall-clock figures move with the load, the CPU each process needed does not.
 */
export async function measureRound({ url, token, log, forstaAr, tillfalle, klienter = 50, processer = {} }) {
  const ed = await bearer(token, 'ekonomidirektor');
  // The first year from forstaAr whose round of this tillfälle has never been opened: every forecast a first version.
  const omgangar = await (await fetch(`${url}/api/forecast/omgangar`, { headers: ed })).json();
  let ar = forstaAr;
  while (omgangar.some((o) => o.ar === ar && o.tillfalle === tillfalle)) ar += 1;
  const organisation = await (await fetch(`${url}/api/budget/organisation`, { headers: ed })).json();
  const namnder = organisation.filter((n) => n.niva === 'namnd').map((n) => n.kod);
  const ansvar = organisation.filter((n) => n.niva === 'enhet' && n.chef);
  const deadline = new Date(Date.now() + 7 * 24 * 3600_000).toISOString();
  const oppna = await fetch(`${url}/api/forecast/omgangar`, {
    method: 'POST',
    headers: { ...ed, 'content-type': 'application/json' },
    body: JSON.stringify({ ar, tillfalle, deadline, namnder }),
  });
  if (!oppna.ok) throw new Error(`opening the round ${tillfalle} ${ar}: ${oppna.status} ${await oppna.text()}`);

  // Every chef signed in before the clock starts.
  const chefer = [...new Set(ansvar.map((n) => n.chef.anvandarId))];
  for (let i = 0; i < chefer.length; i += 20) await Promise.all(chefer.slice(i, i + 20).map((chef) => token(chef)));
  log(`whole-city round: ${ansvar.length} ansvar of ${chefer.length} chefs, tokens fetched; ${klienter} clients start`);

  // The stream lists each forecast change a roll-up took in (the ekonomidirektör sees every ansvar).
  const meddelanden = [];
  const synliga = new Set();
  const stoppa = foljStream(`${url}/api/report/uppfoljning/${ar}/${tillfalle}/stream`, ed, (meddelande) => {
    meddelanden.push({ at: performance.now(), andrade: meddelande.andrade ?? [] });
    for (const { ansvar } of meddelande.andrade ?? []) synliga.add(ansvar);
  });
  // The stream is open before the clock starts.
  await new Promise((resolve) => setTimeout(resolve, 500));

  const kvitton = [];
  const fel = [];
  let nasta = 0;
  // In one order in every result (the services as started, then the gateway, the broker and this bench).
  const matta = Object.fromEntries(
    Object.entries({ ...processer, bench: process.pid }).sort(([a], [b]) => ordning(a) - ordning(b) || a.localeCompare(b)),
  );
  const cpuFore = Object.fromEntries(Object.entries(matta).map(([namn, pid]) => [namn, cpuSekunder(pid)]));
  // One keep-alive connection per client, opened during the round as fetch's pool would.
  const agent = new Agent({ keepAlive: true, maxSockets: klienter });
  const start = performance.now();
  await Promise.all(
    Array.from({ length: klienter }, async () => {
      while (nasta < ansvar.length) {
        const index = nasta++;
        const nod = ansvar[index];
        const headers = await bearer(token, nod.chef.anvandarId);
        const skickat = performance.now();
        const svar = await skicka(`${url}/api/forecast/helarsprognoser/${nod.kod}/${ar}/${tillfalle}`, {
          method: 'PUT',
          headers: { ...headers, 'content-type': 'application/json', 'if-match': '*' },
          body: JSON.stringify({ rader: rader(index), kommentar: 'Bänkprov', klarmarkerad: true }),
          agent,
        });
        if (svar.status === 200) kvitton.push({ ansvar: nod.kod, andring: JSON.parse(svar.text).andring, skickat, at: performance.now() });
        else fel.push(svar.status);
      }
    }),
  );
  const inlamnat = performance.now();
  if (fel.length > 0) log(`whole-city round: ${fel.length} submissions refused (${[...new Set(fel)].join(', ')})`);
  if (kvitton.length === 0) throw new Error('no submission of the round was accepted: nothing to measure');
  // Until the stream has listed every acknowledged forecast (or two minutes have passed).
  while (kvitton.some((kvitto) => !synliga.has(kvitto.ansvar)) && performance.now() - inlamnat < 120_000) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  stoppa();
  agent.destroy();
  const cpuSlut = performance.now();
  const cpuMs = Object.fromEntries(
    Object.entries(matta).map(([namn, pid]) => {
      const efter = cpuSekunder(pid);
      return [namn, efter === null || cpuFore[namn] === null ? null : Math.round((efter - cpuFore[namn]) * 1000)];
    }),
  );
  const cpuTotal = Object.values(cpuMs).some((ms) => ms === null) ? null : Object.values(cpuMs).reduce((a, b) => a + b, 0);
  const latenser = synligEfter(kvitton, meddelanden).sort((a, b) => a - b);
  const franKvitto = synligEfter(kvitton, meddelanden, { franKvitto: true }).sort((a, b) => a - b);
  const allaSynliga =
    latenser.length === kvitton.length ? { at: Math.max(...synligVid(kvitton, meddelanden).map((synlig) => synlig.at)) } : undefined;
  // What the stream promised, checked against the city node itself.
  const stad = await (await fetch(`${url}/api/report/uppfoljning/${ar}/${tillfalle}/noder/stad`, { headers: ed })).json();
  const iStaden = stad.nod.framsteg.klarmarkerade + stad.nod.framsteg.godkanda;
  if (iStaden !== kvitton.length) log(`whole-city round: the city node counts ${iStaden} forecasts marked ready, not ${kvitton.length}`);
  const sekunder = (inlamnat - start) / 1000;
  const resultat = {
    ar,
    tillfalle,
    ansvar: ansvar.length,
    klienter,
    acknowledged: kvitton.length,
    refused: fel.length,
    submitSeconds: Math.round(sekunder * 100) / 100,
    submissionsPerSecond: Math.round(kvitton.length / sekunder),
    linesPerSecond: Math.round((kvitton.length * KONTOGRUPPER.length) / sekunder),
    submitToVisibleMs: {
      p50: Math.round(percentil(latenser, 50)),
      p95: Math.round(percentil(latenser, 95)),
      p99: Math.round(percentil(latenser, 99)),
    },
    // The same from the acknowledgement's arrival (the save's round trip left out), as this bench measured before.
    ackToVisibleMs: { p50: Math.round(percentil(franKvitto, 50)), p95: Math.round(percentil(franKvitto, 95)) },
    wholeRoundVisibleSeconds: allaSynliga ? Math.round(((allaSynliga.at - start) / 1000) * 100) / 100 : null,
    // CPU time each process used from the first submission until all were visible, and per submission.
    cpuMs,
    cpuMsPerSubmission: Object.fromEntries(
      Object.entries(cpuMs).map(([namn, ms]) => [namn, ms === null ? null : Math.round((ms / kvitton.length) * 100) / 100]),
    ),
    // All of them together: what the machine spent per submission, and how many of its cores that kept busy. With the
    // cores full, the wait in every queue (and so the p95) follows this figure, which moves from run to run as the
    // machine's speed does (see docs/performance.md).
    cpuMsPerSubmissionTotal: cpuTotal === null ? null : Math.round((cpuTotal / kvitton.length) * 100) / 100,
    coresBusy: cpuTotal === null ? null : Math.round((cpuTotal / (cpuSlut - start)) * 100) / 100,
    loadAverage: (await import('node:os')).loadavg().map((load) => Math.round(load * 10) / 10),
    visibleListed: latenser.length,
    streamMessages: meddelanden.length,
    cityNodeCount: iStaden,
  };
  log(
    `whole-city round: ${resultat.acknowledged} submissions in ${resultat.submitSeconds} s (${resultat.submissionsPerSecond}/s), all visible after ${resultat.wholeRoundVisibleSeconds} s, p95 ${resultat.submitToVisibleMs.p95} ms`,
  );
  return resultat;
}
