// The ekonomidirektör's consolidated view of the full demo city, through the gateway as the dashboard asks for it:
// p50/p95/p99 over a number of requests, one after the other, after a few to warm the report service up.
import { bearer } from './tokens.mjs';

/** The given percentile (0–100) of sorted numbers, nearest rank. */
function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export async function measureOversikt({ url, token, ar, tillfalle, antal = 200, uppvarmning = 5 }) {
  const adress = `${url}/api/report/oversikt?ar=${ar}&tillfalle=${tillfalle}`;
  const headers = await bearer(token, 'ekonomidirektor');
  const hamta = async () => {
    const started = performance.now();
    const response = await fetch(adress, { headers });
    const body = await response.arrayBuffer();
    if (!response.ok) throw new Error(`GET ${adress} answered ${response.status}: ${Buffer.from(body).toString('utf8').slice(0, 300)}`);
    return { ms: performance.now() - started, bytes: body.byteLength };
  };
  for (let i = 0; i < uppvarmning; i++) await hamta();
  const tider = [];
  let bytes = 0;
  for (let i = 0; i < antal; i++) {
    const svar = await hamta();
    tider.push(svar.ms);
    bytes = svar.bytes;
  }
  tider.sort((a, b) => a - b);
  const avrunda = (ms) => Math.round(ms * 10) / 10;
  return {
    ar,
    tillfalle,
    requests: antal,
    p50Ms: avrunda(percentile(tider, 50)),
    p95Ms: avrunda(percentile(tider, 95)),
    p99Ms: avrunda(percentile(tider, 99)),
    maxMs: avrunda(tider.at(-1)),
    responseKb: Math.round(bytes / 1024),
  };
}
