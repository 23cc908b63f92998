// The demo city's wholly owned companies, loaded through the product's own API like the rest of the demo: each
// company's budget and its April and August forecasts saved by its own ekonomichef, its ledger as a SIE 4 file
// through the utfall import (known by its #ORGNR), and the year's intra-group amounts as a CSV — for the demo year
// (January–August) and for the closed year before it (the whole year).
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

/**
 * Loads what of the companies' demo data is missing, for the demo year (January–August) and the closed year before
 * it (all twelve months, for its årsredovisning); a second start finds it all there and does nothing.
 */
export async function loadDemoKoncern(gatewayUrl, { log, token } = {}) {
  const { demoBolag, demoBolagForraAret, demoBolagSie, demoKoncerninterna, demoStad } = await import(
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
  const importer = new Set((await anrop('/api/budget/utfall/importer', 'ekonomidirektor')).map((i) => i.filnamn));
  let gjort = 0;

  for (const { aret, bolagen, manader, filnamn } of [
    { aret: ar, bolagen: demoBolag(), manader: 8, filnamn: (kod) => `demo-${kod}-jan-aug.se` },
    { aret: ar - 1, bolagen: demoBolagForraAret(), manader: 12, filnamn: (kod) => `demo-${kod}-${ar - 1}.se` },
  ]) {
    const budgetar = new Set((await anrop(`/api/budget/bolag/budget?ar=${aret}`, 'ekonomidirektor')).map((b) => b.bolag));
    for (const bolag of bolagen.filter((b) => !budgetar.has(b.kod))) {
      await anrop(`/api/budget/bolag/${bolag.kod}/budget/${aret}`, bolag.ekonomichef.id, json(siffror(bolag.budget)));
      gjort += 1;
    }

    for (const bolag of bolagen) {
      const fil = filnamn(bolag.kod.toLowerCase());
      if (importer.has(fil)) continue;
      const resultat = await anrop(`/api/budget/utfall/import?filnamn=${fil}`, 'ekonomidirektor', {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: demoBolagSie(bolag, aret, manader),
      });
      if (resultat.status !== 'importerad' || resultat.bolag?.kod !== bolag.kod)
        throw new Error(`demo koncern: ${fil} was not imported as ${bolag.kod}: ${JSON.stringify(resultat).slice(0, 300)}`);
      gjort += 1;
    }

    const prognoser = new Set(
      (await anrop(`/api/forecast/bolagsprognoser?ar=${aret}`, 'ekonomidirektor')).map((p) => `${p.bolag}:${p.tillfalle}`),
    );
    for (const bolag of bolagen) {
      for (const tillfalle of ['april', 'augusti']) {
        if (prognoser.has(`${bolag.kod}:${tillfalle}`)) continue;
        await anrop(
          `/api/forecast/bolagsprognoser/${bolag.kod}/${aret}/${tillfalle}`,
          bolag.ekonomichef.id,
          json(siffror(bolag.prognoser[tillfalle])),
        );
        gjort += 1;
      }
    }

    const interna = await anrop(`/api/report/koncern/interna?ar=${aret}`, 'ekonomidirektor');
    if (interna.length === 0) {
      const rader = [
        'ar;saljare;kopare;slag;belopp',
        ...demoKoncerninterna().map((p) => `${aret};${p.saljare};${p.kopare};${p.slag};${kronor(p.beloppOre)}`),
      ];
      await anrop('/api/report/koncern/interna/import', 'ekonomidirektor', {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: `${rader.join('\n')}\n`,
      });
      gjort += 1;
    }
  }
  log?.(
    gjort === 0
      ? 'demo data: the companies (budgets, utfall, forecasts, intra-group amounts) already there'
      : `demo data: the five companies' budgets, utfall, April and August forecasts and intra-group amounts for ${ar - 1} and ${ar} loaded (${gjort} steps)`,
  );
}
