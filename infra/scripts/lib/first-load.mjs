// The dashboard's first load, measured in Debian's Chromium: the JavaScript transferred (bytes over the wire, so
// compressed when the gateway compresses) and the time until the city page ("Stadens prognos") shows its figures.
/* global document -- the page.waitForFunction and page.evaluate callbacks below run in Chromium, not in Node. */
import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS, chromiumEnv } from './chromium.mjs';

const TIMEOUT_MS = 60_000;

/**
 * A network a person in the city might be on: 10 Mbit/s down, 40 ms round trip. On loopback the transfer costs
 * nothing, so the time to the figures is measured both ways; the throttled one shows what compression buys.
 */
export const THROTTLED_NETWORK = Object.freeze({
  offline: false,
  latency: 40,
  downloadThroughput: (10 * 1024 * 1024) / 8,
  uploadThroughput: (5 * 1024 * 1024) / 8,
});

/**
 * Signs in as `anvandare` on a fresh browser (empty cache) and opens the city page for the year and
 * tillfälle. Returns the JavaScript files transferred on the way (each URL once, its encoded body size), and
 * the milliseconds from the start of a navigation to the city page until its figures are on screen: with an
 * empty cache on loopback, with an empty cache on `THROTTLED_NETWORK`, and with a warm cache on loopback.
 */
export async function measureFirstLoad({ url, executablePath, anvandare = 'ekonomidirektor', ar, tillfalle }) {
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS.filter((arg) => arg !== '--headless'),
    env: chromiumEnv(),
  });
  try {
    const page = await browser.newPage({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
    const stadssida = `${url}/?ar=${ar}&tillfalle=${tillfalle}`;

    const javascript = recordJavaScript(page);
    await loggaIn(page, stadssida, anvandare);
    await figuresShown(page);
    // Settled when no JavaScript has come for 2 s (the chart's code comes after the figures). Not "networkidle":
    // the page's live event stream stays open for as long as the page is.
    await javascript.quiet(2_000);
    const files = await javascript.stop();

    // Then scrolled to the first chart below the table, which fetches ECharts. What that adds is reported beside the
    // first load, so neither figure hides the other. To the chart itself, not the page's end: the goals below the
    // charts made the page so long that its end was beyond every chart's reach.
    const scrolled = recordJavaScript(page);
    await page.locator('.diagram').first().scrollIntoViewIfNeeded();
    await page.locator('.diagram svg').first().waitFor({ timeout: TIMEOUT_MS });
    await scrolled.quiet(2_000);
    const afterScrollFiles = (await scrolled.stop()).filter((file) => !files.some((first) => first.url === file.url));

    // Signed in now (the session survives a reload of the tab): each run below loads the page anew.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const timeToFigures = async ({ cache, network }) => {
      if (cache === 'cold') await cdp.send('Network.clearBrowserCache');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: cache === 'cold' });
      await cdp.send(
        'Network.emulateNetworkConditions',
        network ?? { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 },
      );
      await page.goto(stadssida);
      return figuresShown(page);
    };
    const coldMs = await timeToFigures({ cache: 'cold' });
    const coldThrottledMs = await timeToFigures({ cache: 'cold', network: THROTTLED_NETWORK });
    await timeToFigures({ cache: 'warm' }); // fills the cache again
    const warmMs = await timeToFigures({ cache: 'warm' });

    const totalBytes = files.reduce((sum, file) => sum + file.transferredBytes, 0);
    const totalDecodedBytes = files.reduce((sum, file) => sum + file.decodedBytes, 0);
    const afterScrollBytes = afterScrollFiles.reduce((sum, file) => sum + file.transferredBytes, 0);
    return {
      javascript: { totalBytes, totalDecodedBytes, files },
      scrolledToChart: { totalBytes: afterScrollBytes, files: afterScrollFiles },
      cityPageMs: { cold: coldMs, coldThrottled: coldThrottledMs, warm: warmMs },
    };
  } finally {
    await browser.close();
  }
}

/** Every JavaScript response of the page from now on, once per URL, with its size on the wire and unpacked. */
function recordJavaScript(page) {
  const pending = [];
  const onResponse = (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (!/javascript/i.test(type) && !/\.m?js(\?|$)/.test(response.url())) return;
    pending.push(
      (async () => {
        const sizes = await response.request().sizes();
        const body = await response.body().catch(() => Buffer.alloc(0));
        return {
          url: new URL(response.url()).pathname,
          status: response.status(),
          contentEncoding: response.headers()['content-encoding'] ?? 'identity',
          transferredBytes: sizes.responseBodySize,
          decodedBytes: body.length,
        };
      })(),
    );
  };
  page.on('response', onResponse);
  return {
    /** Resolves once `ms` have passed without a new JavaScript response (30 s at most). */
    async quiet(ms) {
      const deadline = Date.now() + 30_000;
      let seen = -1;
      while (seen !== pending.length && Date.now() < deadline) {
        seen = pending.length;
        await new Promise((resolve) => setTimeout(resolve, ms));
      }
    },
    async stop() {
      page.off('response', onResponse);
      const seen = new Map();
      for (const file of await Promise.all(pending)) if (file.status === 200 && !seen.has(file.url)) seen.set(file.url, file);
      return [...seen.values()].sort((a, b) => b.transferredBytes - a.transferredBytes);
    },
  };
}

/** The sign-in as in tests/browser/logga-in.ts: the dashboard's button, then the demo user on the provider's page. */
async function loggaIn(page, address, anvandare) {
  await page.goto(address);
  await page.getByTestId('logga-in').click({ timeout: TIMEOUT_MS });
  const val = page.locator(`button[value="${anvandare}"]`);
  const inloggad = page.getByTestId('inloggad-anvandare');
  await val.or(inloggad).first().waitFor({ timeout: TIMEOUT_MS });
  if (await val.isVisible()) await val.click();
  await inloggad.waitFor({ timeout: TIMEOUT_MS });
}

/**
 * Waits until the city page shows its figures (the city's nettokostnad and a row per nämnd in the table) and
 * returns the milliseconds since the navigation to it started.
 */
async function figuresShown(page) {
  const handle = await page.waitForFunction(
    () => {
      const stad = document.querySelector('[data-testid="stad-nettokostnad"]')?.textContent ?? '';
      const rader = document.querySelectorAll('table tbody tr').length;
      return /mnkr/.test(stad) && rader > 0 ? Math.round(performance.now()) : false;
    },
    undefined,
    { timeout: TIMEOUT_MS, polling: 'raf' },
  );
  return handle.jsonValue();
}
