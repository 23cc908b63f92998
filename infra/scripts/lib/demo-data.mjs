// The demo data `npm start` loads through the product's own API: a helårsprognos for every ansvar the
// forecast service knows, with amounts that depend only on the ansvar code (the same every time).

/**
 * A chef's forecast for an ansvar: its internbudget per kontogrupp in the demo city, moved by a few percent
 * either way (the same every time, from the ansvar code), in whole kronor — as forecasts near a budget are.
 */
export function demoPrognos(ansvar, ar, tillfalle, budgetrader) {
  const seed = [...ansvar].reduce((sum, digit) => (sum * 31 + digit.charCodeAt(0)) % 1_000_003, 7);
  const rader = budgetrader.map((rad, i) => {
    // Between −4 % and +5 %, from the code and the kontogrupp: some ansvar overrun, most land close.
    const promille = ((seed * (i + 3) * 7919) % 91) - 40;
    const kronor = Math.round((rad.beloppOre / 100) * (1 + promille / 1000));
    return { kontogrupp: rad.kontogrupp, belopp: `${Math.max(0, kronor)}.00` };
  });
  return { ansvar, ar, tillfalle, rader, kommentar: 'Demodata' };
}

/** The tillfälle whose forecast is current on a date: augusti once August is over, else april. */
export function currentTillfalle(date = new Date()) {
  return date.getMonth() >= 8 ? 'augusti' : 'april';
}

/**
 * Posts the demo forecasts unless this year's current tillfälle already has some (a second start keeps
 * what the first one loaded). Waits for the organisation to reach the forecast service first.
 */
export async function loadDemoData(gatewayUrl, { log, timeoutMs = 120_000 } = {}) {
  const ar = new Date().getFullYear();
  const tillfalle = currentTillfalle();
  const getJson = async (path) => (await fetch(`${gatewayUrl}${path}`)).json();
  // The organisation reaches the forecast service as events from budget: wait until it has all of it.
  const organisation = await getJson('/api/budget/organisation');
  const antal = organisation.filter((node) => node.niva === 'enhet').length;
  const deadline = Date.now() + timeoutMs;
  let ansvar = [];
  while (ansvar.length < antal) {
    if (Date.now() > deadline) throw new Error(`the forecast service knew ${ansvar.length} of ${antal} ansvar after ${timeoutMs / 1000} s`);
    ansvar = await getJson('/api/forecast/ansvar');
    if (ansvar.length < antal) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const befintliga = await getJson(`/api/forecast/helarsprognoser?ar=${ar}&tillfalle=${tillfalle}`);
  if (befintliga.length > 0) {
    log?.(`demo data: ${befintliga.length} helårsprognoser for ${tillfalle} ${ar} already there`);
    return 0;
  }
  const { demoStad } = await import(new URL('../../../packages/demo-city/dist/index.js', import.meta.url).href);
  const budget = Map.groupBy(demoStad().internbudget, (rad) => rad.ansvar);
  // A few at a time: the forecast service takes them as fast as its database commits.
  const queue = ansvar.map(({ kod }) => kod).filter((kod) => budget.has(kod));
  const post = async () => {
    for (let kod = queue.shift(); kod; kod = queue.shift()) {
      const response = await fetch(`${gatewayUrl}/api/forecast/helarsprognoser`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-correlation-id': 'demo-data' },
        body: JSON.stringify(demoPrognos(kod, ar, tillfalle, budget.get(kod))),
      });
      if (response.status !== 201) throw new Error(`demo forecast for ${kod}: ${response.status} ${await response.text()}`);
    }
  };
  await Promise.all(Array.from({ length: 6 }, post));
  log?.(`demo data: helårsprognoser for ${tillfalle} ${ar} submitted`);
  return ansvar.length;
}

/**
 * The demo city's ledger for January–August, imported through the product's own utfall import as a CSV
 * (ar;manad;ansvar;konto;belopp, kronor with a decimal comma, the ledger's signs), once.
 */
export async function loadDemoUtfall(gatewayUrl, { log } = {}) {
  const importer = await (await fetch(`${gatewayUrl}/api/budget/utfall/importer`)).json();
  if (importer.length > 0) {
    log?.(`demo data: utfall already imported (${importer[0].filnamn})`);
    return;
  }
  const { demoStad } = await import(new URL('../../../packages/demo-city/dist/index.js', import.meta.url).href);
  const kronor = (ore) => `${ore < 0 ? '-' : ''}${Math.trunc(Math.abs(ore) / 100)},${String(Math.abs(ore) % 100).padStart(2, '0')}`;
  const rader = ['ar;manad;ansvar;konto;belopp'];
  for (const rad of demoStad().utfall(8)) rader.push(`${rad.ar};${rad.manad};${rad.ansvar};${rad.konto};${kronor(rad.beloppOre)}`);
  const response = await fetch(`${gatewayUrl}/api/budget/utfall/import?filnamn=demo-huvudbok-jan-aug.csv`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-correlation-id': 'demo-data' },
    body: `${rader.join('\n')}\n`,
  });
  const resultat = await response.json();
  if (resultat.status !== 'importerad') throw new Error(`demo utfall: ${response.status} ${JSON.stringify(resultat).slice(0, 500)}`);
  log?.(`demo data: utfall January–August imported (${resultat.antalUtfallsrader} rows)`);
}
