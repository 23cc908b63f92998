// The whole-city forecast round through the product: every ansvar's helårsprognos saved and marked ready by its own
// chef through the public API at the one origin (50 clients at a time, tokens fetched before the clock starts), and
// for each submission the time until the city node of the roll-up includes it, read from the round's live stream.
import { bearer } from './tokens.mjs';

const KONTOGRUPPER = ['intakter', 'personalkostnader', 'lokalkostnader', 'kop-av-verksamhet', 'ovriga-kostnader', 'kapitalkostnader'];

/** Six lines with odd öre, different per ansvar: a forecast as a chef types it, in kronor. */
function rader(index) {
  return KONTOGRUPPER.map((kontogrupp, k) => ({
    kontogrupp,
    belopp: `${100_000 + ((index * 7 + k * 13) % 900_000)},${String((index + k) % 100).padStart(2, '0')}`,
  }));
}

/** Percentile (nearest rank) of sorted numbers. */
export function percentil(sorterade, p) {
  if (sorterade.length === 0) return null;
  return sorterade[Math.min(sorterade.length - 1, Math.max(0, Math.ceil((p / 100) * sorterade.length) - 1))];
}

/**
 * When each acknowledged submission became visible: the k-th acknowledged counts as visible at the first reading of
 * the city node, at or after its acknowledgement, whose count of forecasts in the round reaches k. Exact when the
 * roll-up includes submissions in the order they were acknowledged; otherwise it pairs each acknowledgement with the
 * moment the city had taken in as many (the stream names no ansvar).
 */
export function synligEfter(kvitton, avlasningar) {
  const svar = [];
  let j = 0;
  kvitton.forEach((kvitto, index) => {
    while (j < avlasningar.length && (avlasningar[j].at < kvitto || avlasningar[j].antal < index + 1)) j += 1;
    if (j < avlasningar.length) svar.push(avlasningar[j].at - kvitto);
  });
  return svar;
}

/** Follows a server-sent events stream with a token and calls `onEvent` for each event; returns a stop function. */
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
        if (!/^event: ping/m.test(block)) onEvent(block);
      }
    }
  })().catch(() => {});
  return () => avbryt.abort();
}

export async function measureRound({ url, token, log, forstaAr, tillfalle, klienter = 50 }) {
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

  const avlasningar = [];
  let laser = false;
  let igen = false;
  const stadUrl = `${url}/api/report/uppfoljning/${ar}/${tillfalle}/noder/stad`;
  const las = async () => {
    if (laser) return void (igen = true);
    laser = true;
    do {
      igen = false;
      const nod = await (await fetch(stadUrl, { headers: ed })).json();
      const f = nod.nod.framsteg;
      avlasningar.push({ at: performance.now(), antal: f.klarmarkerade + f.godkanda });
    } while (igen);
    laser = false;
  };
  const stoppa = foljStream(`${url}/api/report/uppfoljning/${ar}/${tillfalle}/stream`, ed, () => void las());

  const kvitton = [];
  const fel = [];
  let nasta = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: klienter }, async () => {
      while (nasta < ansvar.length) {
        const index = nasta++;
        const nod = ansvar[index];
        const svar = await fetch(`${url}/api/forecast/helarsprognoser/${nod.kod}/${ar}/${tillfalle}`, {
          method: 'PUT',
          headers: { ...(await bearer(token, nod.chef.anvandarId)), 'content-type': 'application/json', 'if-match': '*' },
          body: JSON.stringify({ rader: rader(index), kommentar: 'Bänkprov', klarmarkerad: true }),
        });
        await svar.body?.cancel();
        if (svar.status === 200) kvitton.push(performance.now());
        else fel.push(svar.status);
      }
    }),
  );
  const inlamnat = performance.now();
  if (fel.length > 0) log(`whole-city round: ${fel.length} submissions refused (${[...new Set(fel)].join(', ')})`);
  if (kvitton.length === 0) throw new Error('no submission of the round was accepted: nothing to measure');
  // Until the city node has every acknowledged forecast (or two minutes have passed).
  while ((avlasningar.at(-1)?.antal ?? 0) < kvitton.length && performance.now() - inlamnat < 120_000) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    await las();
  }
  stoppa();
  const allaSynliga = avlasningar.find((a) => a.antal >= kvitton.length);
  const latenser = synligEfter(kvitton, avlasningar).sort((a, b) => a - b);
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
    wholeRoundVisibleSeconds: allaSynliga ? Math.round(((allaSynliga.at - start) / 1000) * 100) / 100 : null,
    cityReadings: avlasningar.length,
  };
  log(
    `whole-city round: ${resultat.acknowledged} submissions in ${resultat.submitSeconds} s (${resultat.submissionsPerSecond}/s), all visible after ${resultat.wholeRoundVisibleSeconds} s, p95 ${resultat.submitToVisibleMs.p95} ms`,
  );
  return resultat;
}
