// The demo city's wholly owned companies, loaded through the product's own API like the rest of the demo: each
// company's budget and its April and August forecasts saved by its own ekonomichef, its ledger January–August as a
// SIE 4 file through the utfall import (known by its #ORGNR), and the year's intra-group amounts as a CSV.
import { fetchForsok } from './demo-data.mjs';
import { bearer } from './tokens.mjs';

const kronor = (ore) => `${ore < 0 ? '-' : ''}${Math.trunc(Math.abs(ore) / 100)}.${String(Math.abs(ore) % 100).padStart(2, '0')}`;
const siffror = (s) => ({
  intakter: kronor(s.intakterOre),
  kostnader: kronor(s.kostnaderOre),
  resultatEfterFinansiellaPoster: kronor(s.resultatEfterFinansiellaPosterOre),
  investeringar: kronor(s.investeringarOre),
  kommentar: s.kommentar,
});

/** Loads what of the companies' demo data is missing; a second start finds it all there and does nothing. */
export async function loadDemoKoncern(gatewayUrl, { log, token } = {}) {
  const { demoBolag, demoBolagSie, demoKoncerninterna, demoStad } = await import(
    new URL('../../../packages/demo-city/dist/index.js', import.meta.url).href
  );
  const ar = demoStad().ar;
  const anrop = async (path, anvandare, init = {}) => {
    const response = await fetchForsok(`${gatewayUrl}${path}`, {
      ...init,
      headers: { 'x-correlation-id': 'demo-data', ...(init.headers ?? {}), ...(await bearer(token, anvandare)) },
    });
    const text = await response.text();
    if (!response.ok)
      throw new Error(`demo koncern: ${init.method ?? 'GET'} ${path} as ${anvandare}: ${response.status} ${text.slice(0, 400)}`);
    return text === '' ? undefined : JSON.parse(text);
  };
  const json = (body) => ({ method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const bolagen = demoBolag();
  let gjort = 0;

  const budgetar = new Set((await anrop(`/api/budget/bolag/budget?ar=${ar}`, 'ekonomidirektor')).map((b) => b.bolag));
  for (const bolag of bolagen.filter((b) => !budgetar.has(b.kod))) {
    await anrop(`/api/budget/bolag/${bolag.kod}/budget/${ar}`, bolag.ekonomichef.id, json(siffror(bolag.budget)));
    gjort += 1;
  }

  const importer = new Set((await anrop('/api/budget/utfall/importer', 'ekonomidirektor')).map((i) => i.filnamn));
  for (const bolag of bolagen) {
    const filnamn = `demo-${bolag.kod.toLowerCase()}-jan-aug.se`;
    if (importer.has(filnamn)) continue;
    const resultat = await anrop(`/api/budget/utfall/import?filnamn=${filnamn}`, 'ekonomidirektor', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: demoBolagSie(bolag, ar, 8),
    });
    if (resultat.status !== 'importerad' || resultat.bolag?.kod !== bolag.kod)
      throw new Error(`demo koncern: ${filnamn} was not imported as ${bolag.kod}: ${JSON.stringify(resultat).slice(0, 300)}`);
    gjort += 1;
  }

  const prognoser = new Set(
    (await anrop(`/api/forecast/bolagsprognoser?ar=${ar}`, 'ekonomidirektor')).map((p) => `${p.bolag}:${p.tillfalle}`),
  );
  for (const bolag of bolagen) {
    for (const tillfalle of ['april', 'augusti']) {
      if (prognoser.has(`${bolag.kod}:${tillfalle}`)) continue;
      await anrop(
        `/api/forecast/bolagsprognoser/${bolag.kod}/${ar}/${tillfalle}`,
        bolag.ekonomichef.id,
        json(siffror(bolag.prognoser[tillfalle])),
      );
      gjort += 1;
    }
  }

  const interna = await anrop(`/api/report/koncern/interna?ar=${ar}`, 'ekonomidirektor');
  if (interna.length === 0) {
    const rader = [
      'ar;saljare;kopare;slag;belopp',
      ...demoKoncerninterna().map((p) => `${ar};${p.saljare};${p.kopare};${p.slag};${kronor(p.beloppOre)}`),
    ];
    await anrop('/api/report/koncern/interna/import', 'ekonomidirektor', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: `${rader.join('\n')}\n`,
    });
    gjort += 1;
  }
  log?.(
    gjort === 0
      ? 'demo data: the companies (budgets, utfall, forecasts, intra-group amounts) already there'
      : `demo data: the five companies' budgets, utfall January–August, April and August forecasts and intra-group amounts loaded (${gjort} steps)`,
  );
}
