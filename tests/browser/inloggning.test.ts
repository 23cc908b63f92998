import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';

import { apiClient } from '../support/api.js';
import { loggaIn, loggaUt } from './logga-in.js';
import { SKRIVBORD, startaChromium } from './webblasare.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);

/** The signed-in user as oidc-client-ts stores it (`oidc.user:<issuer>:<client>`), or null. */
const sparadAnvandare = (page: Page) =>
  page.evaluate(() => {
    const nyckel = Object.keys(localStorage).find((namn) => namn.startsWith('oidc.user:'));
    return nyckel === undefined ? null : localStorage.getItem(nyckel);
  });

describe('signing in and out of the dashboard in Debian’s Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await startaChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  // Each test its own browser profile: no provider session or stored token carries over.
  beforeEach(async () => {
    context = await browser.newContext(SKRIVBORD);
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });

  it('a signed-out visitor sees the sign-in page and nothing of the data, and after signing in the page they wanted', async () => {
    const apiAnrop: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiAnrop.push(request.url());
    });

    await page.goto(`${stack.gatewayUrl}/budget?namnd=SN&ar=2026`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Logga in/);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/inloggning');
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).count()).toBe(0);
    expect(await page.getByTestId('inloggad-anvandare').count()).toBe(0);
    expect(await page.getByRole('table').count()).toBe(0);
    expect(apiAnrop).toEqual([]);

    // Keyboard: past the skip link, the first control is "Logga in", with a visible focus ring.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('logga-in');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');

    await page.keyboard.press('Enter');
    await page.locator('button[value="ekonomidirektor"]').click({ timeout: 15_000 });
    await page.getByTestId('inloggad-anvandare').waitFor({ timeout: 15_000 });
    const adress = new URL(page.url());
    expect(`${adress.pathname}${adress.search}`).toBe('/budget?namnd=SN&ar=2026');
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link').count()).toBeGreaterThan(1);
    // The session is the browser's, shared by its tabs: oidc-client-ts keeps the user in localStorage.
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((nyckel) => nyckel.startsWith('oidc.')))).toEqual([]);
    expect(await sparadAnvandare(page)).toContain('access_token');
  });

  it('“Logga ut” signs out of the dashboard and of the provider', async () => {
    await loggaIn(page, stack.gatewayUrl, 'ekonomidirektor', '/organisation');
    await loggaUt(page);

    expect(new URL(page.url()).origin).toBe(new URL(stack.gatewayUrl).origin);
    await expect.poll(() => page.getByTestId('inloggning-status').textContent()).toBe('Du har loggat ut.');
    expect(await sparadAnvandare(page)).toBeNull();
    expect(await page.getByTestId('inloggad-anvandare').count()).toBe(0);

    // The provider's session ended too: signing in again asks who you are.
    await page.getByTestId('logga-in').click();
    await page.locator('button[value="ekonomidirektor"]').waitFor({ timeout: 15_000 });
  });

  it('a new tab of the same browser is signed in already, and signing out in one tab signs out the other', async () => {
    await loggaIn(page, stack.gatewayUrl, 'ekonomidirektor', '/organisation');
    const flik = await context.newPage();
    const provideranrop: string[] = [];
    flik.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/oidc/auth')) provideranrop.push(request.url());
    });
    await flik.goto(`${stack.gatewayUrl}/mal`);
    await flik.getByTestId('inloggad-anvandare').waitFor({ timeout: 15_000 });
    expect(await flik.getByTestId('inloggad-roll').textContent()).toBe('Ekonomidirektör');
    expect(new URL(flik.url()).pathname).toBe('/mal');
    expect(provideranrop).toEqual([]);

    await loggaUt(page);
    await flik.getByTestId('logga-in').waitFor({ timeout: 15_000 });
    expect(await flik.getByTestId('inloggad-anvandare').count()).toBe(0);
  });

  it('a council member is offered only the fixed reports, and told so elsewhere', async () => {
    const skapa = (titel: string) =>
      api.json<{ id: string }>('/api/report/rapporter', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ar: 2026, tillfalle: 'augusti', titel }),
      });
    const fastTitel = `Delårsrapport augusti ${Date.now()}`;
    const utkastTitel = `Utkast som inte ska synas ${Date.now()}`;
    const fast = await skapa(fastTitel);
    expect((await api.json(`/api/report/rapporter/${fast.body.id}/faststall`, { method: 'POST' })).status).toBe(200);
    expect((await skapa(utkastTitel)).status).toBe(201);

    await loggaIn(page, stack.gatewayUrl, 'kf-ledamot');
    expect(await page.getByTestId('inloggad-roll').textContent()).toBe('Ledamot i kommunfullmäktige');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/rapporter');
    const lankar = page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link');
    expect(await lankar.allTextContents()).toEqual(['Rapporter']);
    const lista = page.getByTestId('rapportlista');
    await lista.waitFor({ timeout: 15_000 });
    expect(await lista.textContent()).toContain(fastTitel);
    expect(await lista.textContent()).not.toContain(utkastTitel);

    await page.goto(`${stack.gatewayUrl}/budget?namnd=SN&ar=2026`);
    await expect
      .poll(() => page.getByTestId('ingen-behorighet').textContent(), { timeout: 15_000 })
      .toBe('Du har inte behörighet att se det här.');
    expect(await page.getByRole('table').count()).toBe(0);
  });

  it('the ekonomidirektör fixes a draft report only after a second, explicit yes', async () => {
    const titel = `Delårsrapport att fastställa ${Date.now()}`;
    const utkast = await api.json<{ id: string }>('/api/report/rapporter', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ar: 2026, tillfalle: 'augusti', titel }),
    });
    expect(utkast.status).toBe(201);
    await loggaIn(page, stack.gatewayUrl, 'ekonomidirektor', '/rapporter');
    await page.locator(`tr[data-rapport="${utkast.body.id}"]`).getByRole('button').click();
    const vald = page.getByTestId('vald-rapport');
    await expect.poll(() => vald.getAttribute('data-status')).toBe('utkast');

    await page.getByTestId('faststall').click();
    await page.getByTestId('faststall-bekrafta').getByRole('button', { name: 'Avbryt' }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('faststall');
    expect((await api.json<{ status: string }>(`/api/report/rapporter/${utkast.body.id}`)).body.status).toBe('utkast');

    await page.getByTestId('faststall').click();
    await page.getByTestId('faststall-ja').click();
    await expect.poll(() => vald.getAttribute('data-status'), { timeout: 15_000 }).toBe('faststalld');
    expect((await api.json<{ status: string }>(`/api/report/rapporter/${utkast.body.id}`)).body.status).toBe('faststalld');
  });
});
