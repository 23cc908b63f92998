import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';

import { loggaIn } from './logga-in.js';
import { SKRIVBORD, startaChromium } from './webblasare.js';

const stack = inject('stack');

/**
 * Collects what the browser reports as wrong on a page: CSP violations, console errors and uncaught errors. A
 * console error's text is written out with its arguments (the issues a schema found, say), so a failure says what.
 */
async function foljProblem(page: Page): Promise<Promise<string>[]> {
  const problem: Promise<string>[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on('console', (meddelande) => {
    if (meddelande.type() !== 'error') return;
    problem.push(
      Promise.all(meddelande.args().map((arg) => arg.jsonValue().catch(() => undefined))).then(
        (delar) => `${meddelande.text()} ${JSON.stringify(delar.slice(1))}`,
        () => meddelande.text(),
      ),
    );
  });
  page.on('pageerror', (fel) => problem.push(Promise.resolve(fel.message)));
  return problem;
}

describe('pages and addresses of the dashboard in Debian’s Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await startaChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext(SKRIVBORD);
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });

  it('a page load produces no CSP violation and no console error', async () => {
    const problem = await foljProblem(page);
    await loggaIn(page, stack.gatewayUrl, 'ekonomidirektor', '/?ar=2026&tillfalle=augusti');
    // What counts is the dashboard's own load, not the provider's pages (Chromium asks them for a favicon).
    problem.length = 0;
    await page.reload();
    await page.getByRole('table', { name: 'Helårsprognos per nämnd' }).waitFor({ timeout: 15_000 });
    await page.getByTestId('live-status').and(page.locator('[data-status="direkt"]')).waitFor({ timeout: 15_000 });
    await page.getByRole('link', { name: 'Organisation' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Organisation/);
    expect(await Promise.all(problem)).toEqual([]);
  });

  it('the menu marks the current page, moves focus to the new heading, and keeps the address as written', async () => {
    await loggaIn(page, stack.gatewayUrl, 'ekonomidirektor', '/organisation');
    const meny = page.getByRole('navigation', { name: 'Huvudmeny' });
    expect(await meny.locator('[aria-current="page"]').allTextContents()).toEqual(['Organisation']);

    await meny.getByRole('link', { name: 'Budget' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/budget');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await meny.locator('[aria-current="page"]').allTextContents()).toEqual(['Budget']);
    await expect.poll(() => page.title()).toMatch(/Budget – Tertial/);

    await page.goBack();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/organisation');
    expect(await meny.locator('[aria-current="page"]').allTextContents()).toEqual(['Organisation']);

    await page.goto(`${stack.gatewayUrl}/budget?namnd=SN&ar=2026`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const adress = new URL(page.url());
    expect(`${adress.pathname}${adress.search}`).toBe('/budget?namnd=SN&ar=2026');
  });

  it('an unknown address shows the 404 page within the frame', async () => {
    await loggaIn(page, stack.gatewayUrl, 'ekonomidirektor', '/organisation');
    await page.goto(`${stack.gatewayUrl}/finns/inte`);
    await page.getByTestId('sidan-saknas').waitFor({ timeout: 15_000 });
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).count()).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/finns/inte');
  });

  it('each page’s code comes when the page is visited, and never for a page the role may not see', async () => {
    const skript: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') skript.push(new URL(request.url()).pathname);
    });
    await loggaIn(page, stack.gatewayUrl, 'processledare-sn', '/mal');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(skript.some((sokvag) => sokvag.includes('mal-sida'))).toBe(true);
    expect(skript.some((sokvag) => sokvag.includes('budget-sida'))).toBe(false);

    await page.goto(`${stack.gatewayUrl}/budget?namnd=SN&ar=2026`);
    await expect
      .poll(() => page.getByTestId('ingen-behorighet').textContent(), { timeout: 15_000 })
      .toBe('Du har inte behörighet att se det här.');
    expect(skript.some((sokvag) => sokvag.includes('budget-sida'))).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link').allTextContents()).toEqual(['Mål', 'Organisation']);
    // The start page of a role without the city's totals is the role's first page.
    await page.goto(stack.gatewayUrl);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/mal');
  });
});
