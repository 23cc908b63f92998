// The demo data `npm start` loads through the product's own API: a helårsprognos for every ansvar the
// forecast service knows, with amounts that depend only on the ansvar code (the same every time).

/** Deterministic amounts in kronor for an ansvar: a few million in personnel, rent and purchases. */
export function demoPrognos(ansvar, ar, tillfalle) {
  const seed = [...ansvar].reduce((sum, digit) => (sum * 31 + digit.charCodeAt(0)) % 1_000_003, 7);
  const part = (min, spread, salt) => min + ((seed * salt) % spread);
  return {
    ansvar,
    ar,
    tillfalle,
    rader: [
      { kontogrupp: 'intakter', belopp: `${part(400_000, 2_500_000, 13)}.00` },
      { kontogrupp: 'personalkostnader', belopp: `${part(6_000_000, 30_000_000, 17)}.50` },
      { kontogrupp: 'lokalkostnader', belopp: `${part(800_000, 4_000_000, 19)}.00` },
      { kontogrupp: 'kop-av-verksamhet', belopp: `${part(0, 9_000_000, 23)}.25` },
      { kontogrupp: 'ovriga-kostnader', belopp: `${part(200_000, 1_500_000, 29)}.00` },
      { kontogrupp: 'kapitalkostnader', belopp: `${part(50_000, 900_000, 31)}.00` },
    ],
    kommentar: 'Demodata',
  };
}

/** The tillfälle whose forecast is current on a date: augusti once August is over, else april. */
export function currentTillfalle(date = new Date()) {
  return date.getMonth() >= 8 ? 'augusti' : 'april';
}

/**
 * Posts the demo forecasts unless this year's current tillfälle already has some (a second start keeps
 * what the first one loaded). Waits for the organisation to reach the forecast service first.
 */
export async function loadDemoData(gatewayUrl, { log, timeoutMs = 60_000 } = {}) {
  const ar = new Date().getFullYear();
  const tillfalle = currentTillfalle();
  const deadline = Date.now() + timeoutMs;
  let ansvar = [];
  while (ansvar.length === 0) {
    if (Date.now() > deadline) throw new Error('the organisation never reached the forecast service');
    ansvar = await (await fetch(`${gatewayUrl}/api/forecast/ansvar`)).json();
    if (ansvar.length === 0) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const befintliga = await (await fetch(`${gatewayUrl}/api/forecast/helarsprognoser?ar=${ar}&tillfalle=${tillfalle}`)).json();
  if (befintliga.length > 0) {
    log?.(`demo data: ${befintliga.length} helårsprognoser for ${tillfalle} ${ar} already there`);
    return 0;
  }
  for (const { kod } of ansvar) {
    const response = await fetch(`${gatewayUrl}/api/forecast/helarsprognoser`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': 'demo-data' },
      body: JSON.stringify(demoPrognos(kod, ar, tillfalle)),
    });
    if (response.status !== 201) throw new Error(`demo forecast for ${kod}: ${response.status} ${await response.text()}`);
  }
  log?.(`demo data: ${ansvar.length} helårsprognoser for ${tillfalle} ${ar} submitted`);
  return ansvar.length;
}
