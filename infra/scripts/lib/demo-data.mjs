// The demo data `npm start` loads through the product's own API: a helårsprognos for every ansvar the
// forecast service knows, with amounts that depend only on the ansvar code (the same every time).
import { bearer } from './tokens.mjs';

/**
 * A chef's forecast for an ansvar: its internbudget per kontogrupp in the demo city, moved by a few percent
 * either way (the same every time, from the ansvar code), in whole kronor — as forecasts near a budget are.
 */
export function demoPrognos(ansvar, ar, tillfalle, budgetrader, projekt = []) {
  const seed = [...ansvar].reduce((sum, digit) => (sum * 31 + digit.charCodeAt(0)) % 1_000_003, 7);
  const rader = budgetrader.map((rad, i) => {
    // Between −4 % and +5 %, from the code and the kontogrupp: some ansvar overrun, most land close.
    // April's forecasts sit closer to the budget than August's, as early forecasts do.
    const augusti = ((seed * (i + 3) * 7919) % 91) - 40;
    const promille = tillfalle === 'april' ? Math.round(augusti / 2) + ((seed % 7) - 3) : augusti;
    const kronor = Math.round((rad.beloppOre / 100) * (1 + promille / 1000));
    return { kontogrupp: rad.kontogrupp, belopp: `${Math.max(0, kronor)}.00` };
  });
  // Årsarbetare near what the personnel budget pays for (620 000 kr a year each, as budget estimates them).
  const personalOre = budgetrader.find((rad) => rad.kontogrupp === 'personalkostnader')?.beloppOre ?? 0;
  const budgeterade = Math.round((personalOre * 10) / 62_000_000);
  const tiondelar = (promille) => Math.max(0, Math.round((budgeterade * (1000 + promille)) / 1000));
  const personal = budgeterade > 0 ? { nu: tiondelar((seed % 61) - 40) / 10, prognos: tiondelar((seed % 41) - 25) / 10 } : undefined;
  // Each project the ansvar owns lands between 85 % and 105 % of its budget for the year, in whole kronor.
  const investeringar = projekt
    .filter((p) => p.ansvar === ansvar)
    .flatMap((p) => {
      const aret = p.ar.find((rad) => rad.ar === ar);
      if (!aret) return [];
      const procent = 85 + ((seed + p.id.length * 13) % 21);
      return [{ projekt: p.id, prognos: `${Math.round((aret.budgetOre / 100) * (procent / 100))}.00` }];
    });
  return {
    ansvar,
    ar,
    tillfalle,
    rader,
    kommentar: demoKommentar(seed, budgetrader, rader),
    klarmarkerad: true,
    ...(personal ? { personal } : {}),
    ...(investeringar.length > 0 ? { investeringar } : {}),
  };
}

const KOMMENTARER = {
  over: [
    'Högre personalkostnader än budgeterat: vikarier under sjukfrånvaro och fler timanställda.',
    'Fler brukare än planerat ger högre personalkostnader; åtgärder tas fram tillsammans med förvaltningen.',
    'Lönerevisionen blev högre än budgeterat, och den täcks inte fullt ut av ramen.',
  ],
  under: [
    'Vakanser som ännu inte tillsatts ger lägre personalkostnader än budgeterat.',
    'Lägre personalkostnader efter omorganisationen och färre timanställda.',
    'Rekryteringarna har dragit ut på tiden; vakanserna ger ett överskott i år.',
  ],
  iNiva: ['Verksamheten bedrivs i stort enligt budget.', 'Prognosen är i nivå med budget; inga större avvikelser väntas.'],
};

/** The chef's comment: on the personnel costs' deviation, the demo's largest kontogrupp, in words a chef would use. */
function demoKommentar(seed, budgetrader, rader) {
  const i = budgetrader.findIndex((rad) => rad.kontogrupp === 'personalkostnader');
  const budget = i < 0 ? 0 : budgetrader[i].beloppOre / 100;
  const avvikelse = i < 0 || budget === 0 ? 0 : Number.parseFloat(rader[i].belopp) / budget - 1;
  const lista = avvikelse > 0.01 ? KOMMENTARER.over : avvikelse < -0.01 ? KOMMENTARER.under : KOMMENTARER.iNiva;
  return lista[seed % lista.length];
}

/**
 * fetch, asked again while the product answers that it cannot right now (502, 503, 504: e.g. a service still fetching
 * the sign-in provider's keys on a busy machine, 503 "Inloggningstjänsten svarar inte") or the connection fails, for
 * up to a minute. The demo data goes in right after start, when that happens, and one such answer used to abandon
 * every demo forecast.
 */
export async function fetchForsok(url, init, { forsokMs = 60_000 } = {}) {
  const slut = Date.now() + forsokMs;
  for (let vanta = 250; ; vanta = Math.min(vanta * 2, 4_000)) {
    let response;
    try {
      response = await fetch(url, init);
    } catch (error) {
      if (Date.now() > slut) throw error;
    }
    if (response && (![502, 503, 504].includes(response.status) || Date.now() > slut)) return response;
    await response?.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, vanta));
  }
}

/**
 * The demo förvaltningsekonomer, by the nämnd whose förvaltning they follow: their förvaltningar are mid-round in
 * the demo (some ansvar missing, some approved, a few sent back), so the follow-up page has a queue, progress and
 * missing lists to show. Every other nämnd has all its forecasts klarmarkerade, waiting for a decision.
 */
export const DEMO_EKONOMER = { SN: 'ekonom-sn', VON: 'ekonom-von' };

/**
 * Where an ansvar's demo forecast stands, the same every time (from the code): in a nämnd with a demo
 * förvaltningsekonom about 6 % not started, 6 % an utkast, 28 % approved, 4 % sent back and the rest klarmarkerade;
 * elsewhere klarmarkerad.
 */
export function demoStatus(ansvar, namnd) {
  if (!(namnd in DEMO_EKONOMER)) return 'klarmarkerad';
  const tal = [...ansvar].reduce((sum, digit) => (sum * 131 + digit.charCodeAt(0)) % 1_000_003, 11) % 100;
  if (tal < 6) return 'ej-paborjad';
  if (tal < 12) return 'utkast';
  if (tal < 40) return 'godkand';
  if (tal < 44) return 'aterskickad';
  return 'klarmarkerad';
}

/** The tillfälle whose forecast is current on a date: augusti once August is over, else april. */
export function currentTillfalle(date = new Date()) {
  return date.getMonth() >= 8 ? 'augusti' : 'april';
}

/**
 * What is left of the demo forecasts, given the status each ansvar's demo forecast ends in (`onskat`: ansvar →
 * demoStatus, those 'ej-paborjad' left out) and the forecasts already there (`befintliga`: `[{ ansvar, status }]`).
 * An ansvar without a forecast is to be saved (`spara`, its decision after); one saved klarmarkerad whose demo
 * status is a decision (godkänd, återsänd) waits only for that decision (`besluta`); any other is done (`klara`), as
 * the demo left it or as someone changed it since, which is left alone. So a load stopped midway resumes where it
 * stopped, and a complete one has nothing left.
 */
export function demoRest(onskat, befintliga) {
  const finns = new Map(befintliga.map((prognos) => [prognos.ansvar, prognos.status]));
  const spara = [];
  const besluta = [];
  let klara = 0;
  for (const [ansvar, status] of onskat) {
    if (status === 'ej-paborjad') continue;
    const nu = finns.get(ansvar);
    if (nu === undefined) spara.push(ansvar);
    else if (nu === 'klarmarkerad' && (status === 'godkand' || status === 'aterskickad')) besluta.push(ansvar);
    else klara += 1;
  }
  return { spara, besluta, klara };
}

/**
 * Loads the demo forecasts that are not there yet: after August (the demo's usual date) first the closed April round
 * (every ansvar's forecast klarmarkerad, then the round closed, so April's delårsrapport and the trend April → August
 * have figures), then the current round mid-way as `demoStatus` says. A first start loads them all, a start after one
 * that was stopped midway (Ctrl-C, a crash) loads the rest, and a start after a complete load finds nothing to do.
 * Resolves to the number of forecasts saved.
 */
export async function loadDemoData(gatewayUrl, options = {}) {
  const tillfalle = currentTillfalle();
  let sparade = 0;
  if (tillfalle === 'augusti') sparade += await loadDemoRound(gatewayUrl, { ...options, tillfalle: 'april', stangd: true });
  return sparade + (await loadDemoRound(gatewayUrl, { ...options, tillfalle }));
}

/**
 * One round's demo forecasts: waits for the organisation to reach the forecast service first. Each forecast goes in
 * as its ansvar's own chef, signed in at the local provider (`token(anvandare)`, see tokens.mjs); the reads are the
 * ekonomidirektör's. A `stangd` round has every ansvar's forecast klarmarkerad and is closed once they are in.
 */
async function loadDemoRound(gatewayUrl, { log, token, timeoutMs = 300_000, parallel = 6, tillfalle, stangd = false }) {
  const ar = new Date().getFullYear();
  const getJson = async (path) => {
    const response = await fetchForsok(`${gatewayUrl}${path}`, { headers: await bearer(token, 'ekonomidirektor') });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
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
  const { demoStad } = await import(new URL('../../../packages/demo-city/dist/index.js', import.meta.url).href);
  const stad = demoStad();
  const budget = Map.groupBy(stad.internbudget, (rad) => rad.ansvar);
  const chefFor = new Map(stad.organisation.filter((node) => node.chef).map((node) => [node.kod, node.chef.anvandarId]));
  const { namndSokare } = await import(new URL('../../../packages/contracts/dist/organisation.js', import.meta.url).href);
  const namndSokaren = namndSokare(stad.organisation);
  const namndFor = (kod) => namndSokaren(kod)?.kod;
  const statusFor = new Map(ansvar.map(({ kod }) => [kod, stangd ? 'klarmarkerad' : demoStatus(kod, namndFor(kod))]));
  const antalMed = (status) => [...statusFor.values()].filter((s) => s === status).length;
  // The demo forecasts: every ansvar with a budget, as far as its demo status says.
  const onskat = new Map([...statusFor].filter(([kod]) => budget.has(kod)));

  // Decided per step from what is there: the round, then each ansvar's forecast and decision.
  const befintliga = await getJson(`/api/forecast/helarsprognoser?ar=${ar}&tillfalle=${tillfalle}`);
  const { spara, besluta: attBesluta, klara } = demoRest(onskat, befintliga);
  const stangRundan = async () => {
    // The report service keeps each nämnd's forecast as the round closes: wait until it has every one of them.
    const slut = Date.now() + timeoutMs;
    for (;;) {
      const { stad } = await getJson(`/api/report/prognos-totaler?ar=${ar}&tillfalle=${tillfalle}`);
      if (stad.antalLamnade >= onskat.size) break;
      if (Date.now() > slut)
        throw new Error(`the report service had ${stad.antalLamnade} of ${onskat.size} forecasts for ${tillfalle} ${ar}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const stangning = await fetchForsok(`${gatewayUrl}/api/forecast/omgangar/${ar}/${tillfalle}/stang`, {
      method: 'POST',
      headers: { 'x-correlation-id': 'demo-data', ...(await bearer(token, 'ekonomidirektor')) },
    });
    if (!stangning.ok) throw new Error(`closing the round ${tillfalle} ${ar}: ${stangning.status} ${await stangning.text()}`);
    log?.(`demo data: the ekonomidirektör closed the round ${tillfalle} ${ar}`);
  };
  if (spara.length === 0 && attBesluta.length === 0) {
    log?.(
      stangd
        ? `demo data: the closed round ${tillfalle} ${ar} already there (${befintliga.length} helårsprognoser)`
        : `demo data: ${befintliga.length} helårsprognoser for ${tillfalle} ${ar} already there`,
    );
    if (stangd && (await getJson('/api/forecast/omgangar')).some((o) => o.ar === ar && o.tillfalle === tillfalle && o.status === 'oppen'))
      await stangRundan();
    return 0;
  }
  if (befintliga.length > 0) {
    log?.(
      `demo data: resuming an earlier load stopped midway: ${klara} of ${klara + spara.length + attBesluta.length} demo helårsprognoser ` +
        `for ${tillfalle} ${ar} are in, ${spara.length} to save and ${attBesluta.length} to decide`,
    );
  }
  const omgang = (await getJson('/api/forecast/omgangar')).find((o) => o.ar === ar && o.tillfalle === tillfalle);
  if (omgang?.status === 'stangd') {
    log?.(
      `demo data: the round ${tillfalle} ${ar} is closed, so the ${spara.length + attBesluta.length} missing demo forecasts stay missing`,
    );
    return 0;
  }
  if (!omgang) {
    // The ekonomidirektör opens the round; forecasts are accepted only while it is open.
    const oppnad = await fetchForsok(`${gatewayUrl}/api/forecast/omgangar`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await bearer(token, 'ekonomidirektor')) },
      // Open for a month: the ordinary rounds (april, augusti) are for every nämnd.
      body: JSON.stringify({ ar, tillfalle, deadline: new Date(Date.now() + 30 * 24 * 3600_000).toISOString() }),
    });
    if (!oppnad.ok) throw new Error(`opening the round ${tillfalle} ${ar}: ${oppnad.status} ${await oppnad.text()}`);
    log?.(`demo data: the ekonomidirektör opened the round ${tillfalle} ${ar}`);
  }
  // Budget's investment projects reach the forecast service as events, like the organisation: wait for them too,
  // so a forecast naming a project its ansvar owns is not refused as unknown.
  const projekt = stad.investeringar.filter((p) => p.ansvar && p.ar.some((rad) => rad.ar === ar));
  const sistaAgare = spara.length > 0 ? projekt.at(-1)?.ansvar : undefined;
  while (sistaAgare) {
    const underlag = await getJson(`/api/forecast/helarsprognoser/${sistaAgare}/${ar}/${tillfalle}/underlag`);
    if (underlag.investeringar?.some((rad) => rad.projekt === projekt.at(-1).id)) break;
    if (Date.now() > deadline) throw new Error(`the forecast service had not got the investment project ${projekt.at(-1).id}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  // Every chef with a forecast to save (and the demo förvaltningsekonomer) signs in once, eight at a time, before the
  // first forecast: measured apart.
  const started = performance.now();
  const chefer = [...new Set(spara.map((kod) => chefFor.get(kod)).filter(Boolean)), ...Object.values(DEMO_EKONOMER)];
  const signIn = async () => {
    for (let chef = chefer.shift(); chef; chef = chefer.shift()) await token(chef);
  };
  const antalChefer = chefer.length;
  await Promise.all(Array.from({ length: 8 }, signIn));
  log?.(`demo data: ${antalChefer} chefer signed in in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // A few at a time: the forecast service takes them as fast as its database commits.
  const queue = [...spara];
  const post = async () => {
    for (let kod = queue.shift(); kod; kod = queue.shift()) {
      const chef = chefFor.get(kod);
      if (!chef) throw new Error(`demo forecast for ${kod}: the demo city names no chef for it`);
      // The first version of each forecast, marked ready unless it stays an utkast (If-Match: * starts a forecast that has none).
      const status = statusFor.get(kod);
      const { rader, kommentar, personal, investeringar } = demoPrognos(kod, ar, tillfalle, budget.get(kod), projekt);
      const klarmarkerad = status !== 'utkast';
      const response = await fetchForsok(`${gatewayUrl}/api/forecast/helarsprognoser/${kod}/${ar}/${tillfalle}`, {
        method: 'PUT',
        headers: {
          'content-type': 'application/json',
          'if-match': '*',
          'x-correlation-id': 'demo-data',
          ...(await bearer(token, chef)),
        },
        body: JSON.stringify({ rader, kommentar, klarmarkerad, personal, investeringar }),
      });
      let etag = response.headers.get('etag');
      if (response.status === 428 || response.status === 412) {
        // Already started: the answer to an earlier try of this same save was lost on the way (a gateway that died
        // in between), and fetchForsok asked again. What is there now is this save; go on from it.
        await response.body?.cancel();
        etag = undefined;
      } else if (response.status !== 200) {
        throw new Error(`demo forecast for ${kod} as ${chef}: ${response.status} ${await response.text()}`);
      }
      if (status === 'godkand' || status === 'aterskickad') await besluta(kod, status, etag);
    }
  };
  // The förvaltningsekonom's decision on a klarmarkerad forecast, from the state the save answered with (or, resuming,
  // from the forecast as it is now).
  const besluta = async (kod, status, etag) => {
    const ekonom = DEMO_EKONOMER[namndFor(kod)];
    const beslut = status === 'godkand' ? 'godkann' : 'atersand';
    const adress = `${gatewayUrl}/api/forecast/helarsprognoser/${kod}/${ar}/${tillfalle}`;
    if (!etag) {
      const aktuell = await fetchForsok(adress, { headers: await bearer(token, ekonom) });
      if (aktuell.status !== 200) throw new Error(`demo forecast for ${kod} as ${ekonom}: ${aktuell.status} ${await aktuell.text()}`);
      if ((await aktuell.json()).status === status) return;
      etag = aktuell.headers.get('etag');
    }
    const response = await fetchForsok(`${adress}/${beslut}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'if-match': etag, 'x-correlation-id': 'demo-data', ...(await bearer(token, ekonom)) },
      body: JSON.stringify(beslut === 'atersand' ? { kommentar: 'Demodata: räkna med höstens vakanser i personalkostnaderna.' } : {}),
    });
    if (response.status === 200) return;
    const fel = await response.text();
    // Stale: maybe an earlier try of this decision went through and only its answer was lost.
    if (response.status === 412 && (await statusNu(kod, ekonom)) === status) return;
    throw new Error(`demo ${beslut} for ${kod} as ${ekonom}: ${response.status} ${fel}`);
  };
  const statusNu = async (kod, anvandare) => {
    const response = await fetchForsok(`${gatewayUrl}/api/forecast/helarsprognoser/${kod}/${ar}/${tillfalle}`, {
      headers: await bearer(token, anvandare),
    });
    return response.ok ? (await response.json()).status : undefined;
  };
  for (const kod of attBesluta) await besluta(kod, statusFor.get(kod));
  await Promise.all(Array.from({ length: parallel }, post));
  if (stangd) {
    log?.(`demo data: the round ${tillfalle} ${ar}: ${onskat.size} helårsprognoser, each klarmarkerad by its ansvar's chef`);
    await stangRundan();
    return spara.length;
  }
  const saknasISN = [...statusFor].filter(
    ([kod, status]) => namndFor(kod) === 'SN' && ['ej-paborjad', 'utkast', 'aterskickad'].includes(status),
  );
  await paminnDemo(gatewayUrl, { log, token, ar, tillfalle, antalSaknade: saknasISN.length });
  log?.(
    `demo data: helårsprognoser for ${tillfalle} ${ar} saved, each by its ansvar's chef: ${antalMed('klarmarkerad')} klarmarkerade, ` +
      `${antalMed('godkand')} godkända and ${antalMed('aterskickad')} återsända by the förvaltningsekonomer of ${Object.keys(DEMO_EKONOMER).join(' and ')}, ` +
      `${antalMed('utkast')} utkast, ${antalMed('ej-paborjad')} not started` +
      (befintliga.length > 0 ? ` (${spara.length} saved and ${attBesluta.length} decided now, the rest by an earlier start)` : ''),
  );
  return spara.length;
}

/**
 * Socialförvaltningen's förvaltningsekonom reminds the chefs of its missing ansvar of the open round, once (not again
 * when an earlier start did), so the missing list says when they were reminded and those chefs see it on their
 * forecast page. Waits until the report service has every forecast of the round in (its missing list as long as the
 * demo's); gives up quietly (with a line in the log) after two minutes, since the rest of the demo does not need it.
 */
async function paminnDemo(gatewayUrl, { log, token, ar, tillfalle, antalSaknade }) {
  const forvaltning = 'SN-F';
  const adress = `${gatewayUrl}/api/report/uppfoljning/${ar}/${tillfalle}/noder/${forvaltning}`;
  const slut = Date.now() + 120_000;
  for (;;) {
    const response = await fetchForsok(`${adress}/saknas`, { headers: await bearer(token, DEMO_EKONOMER.SN) });
    const saknade = response.ok ? (await response.json()).saknade : undefined;
    if (saknade?.some((rad) => rad.paminnad)) return;
    if (antalSaknade > 0 && saknade?.length === antalSaknade) break;
    if (Date.now() > slut) return log?.(`demo data: no reminders sent: the report service has no missing ansvar in ${forvaltning} yet`);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  const response = await fetchForsok(`${adress}/paminnelser`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-correlation-id': 'demo-data', ...(await bearer(token, DEMO_EKONOMER.SN)) },
    body: JSON.stringify({
      meddelande: 'Hej! Din helårsprognos saknas fortfarande. Lämna den före sista dagen, så hinner jag granska den.',
    }),
  });
  if (response.status !== 201) return log?.(`demo data: no reminders sent in ${forvaltning}: ${response.status} ${await response.text()}`);
  const svar = await response.json();
  log?.(`demo data: ${DEMO_EKONOMER.SN} reminded the chefs of ${svar.skickade.length} missing ansvar in ${forvaltning}`);
}

/**
 * The demo city's ledger for January–August, imported through the product's own utfall import as a CSV
 * (ar;manad;ansvar;konto;belopp, kronor with a decimal comma, the ledger's signs), once.
 */
export async function loadDemoUtfall(gatewayUrl, { log, token } = {}) {
  const auth = await bearer(token, 'ekonomidirektor');
  const lista = await fetchForsok(`${gatewayUrl}/api/budget/utfall/importer`, { headers: auth });
  if (!lista.ok) throw new Error(`demo utfall: ${lista.status} ${await lista.text()}`);
  const importer = await lista.json();
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
    headers: { 'content-type': 'application/octet-stream', 'x-correlation-id': 'demo-data', ...auth },
    body: `${rader.join('\n')}\n`,
  });
  const resultat = await response.json();
  if (resultat.status !== 'importerad') throw new Error(`demo utfall: ${response.status} ${JSON.stringify(resultat).slice(0, 500)}`);
  log?.(`demo data: utfall January–August imported (${resultat.antalUtfallsrader} rows)`);
}
