// The Stadens resultat page for the ekonomidirektör: the demo city's resultaträkning and balanskravsutredning per
// round, the RUR, the years before and the deficit from 2023 with its restoration. Measured with axe (WCAG 2.1 AA),
// by keyboard, and at 1,280 and 390 px; screenshots in .tertial/screenshots.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { AxeBuilder } from '@axe-core/playwright';
import type { BalanskravOversikt } from '@tertial/contracts/dto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { apiClient } from '../support/api.js';
import { eventually, ROOT } from '../support/services.js';
import { loggaIn } from './logga-in.js';
import { SKRIVBORD, startaChromium } from './webblasare.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BILDER = join(ROOT, '.tertial', 'screenshots');
/** Swedish numbers in mnkr: groups of three with a no-break space, a decimal comma, a real minus sign. */
const SVENSKT_TAL = /^−?\d{1,3}(\u00a0\d{3})*,\d$/;

describe('the Stadens resultat page', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(BILDER, { recursive: true });
    // The demo city's history and finance lines are loaded at start, once the budget has arrived.
    await eventually(
      () => api.json<BalanskravOversikt>('/api/report/balanskrav?ar=2026'),
      (svar) => svar.status === 200 && svar.body.historik.some((rad) => rad.ar === 2024) && svar.body.utredningar.some((u) => u !== null),
      120_000,
    );
    browser = await startaChromium();
    // A page of a context of its own: axe opens a page beside it to run its checks.
    context = await browser.newContext(SKRIVBORD);
    page = await context.newPage();
    await loggaIn(page, stack.gatewayUrl, 'ekonomidirektor');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the resultaträkning and the balanskravsutredning side by side in Swedish numbers', async () => {
    await page.goto(`${stack.gatewayUrl}/resultat?ar=2026`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 }).toBe('Stadens resultat 2026');
    const rakning = page.getByTestId('resultatrakning');
    await rakning.locator('[data-rad="arets-resultat"]').waitFor({ timeout: 20_000 });
    const rubriker = await rakning.locator('thead th').allTextContents();
    expect(rubriker.map((text) => text.trim())).toEqual(expect.arrayContaining(['Budget', 'Prognos april', 'Prognos augusti', 'Bokslut']));
    const budget = (await rakning.locator('[data-rad="arets-resultat"] td').first().textContent())!.trim();
    expect(budget).toMatch(SVENSKT_TAL);
    const skatter = (await rakning.locator('[data-rad="skatteintakter"] td').first().textContent())!.trim();
    // A plausible result: a few per cent of skatteintäkter.
    const tal = (text: string) =>
      Number(
        text
          .replace(/\u00a0/g, '')
          .replace(',', '.')
          .replace('−', '-'),
      );
    expect(tal(budget) / tal(skatter)).toBeGreaterThan(0.01);
    expect(tal(budget) / tal(skatter)).toBeLessThan(0.05);
    expect(await page.getByTestId('kallor').textContent()).toMatch(/skatteunderlagsprognos 2026-08-21/);

    // The utredning is fetched on its own, and may draw after the resultaträkning.
    const utredning = page.getByTestId('balanskravsutredning');
    await utredning.locator('tbody th').first().waitFor({ timeout: 20_000 });
    expect(await utredning.locator('tbody th').allTextContents()).toEqual(
      expect.arrayContaining([
        'Årets resultat',
        'Medel till resultatutjämningsreserv',
        'Årets balanskravsresultat',
        'Balanskravsunderskott från tidigare år',
      ]),
    );
    await page.screenshot({ path: join(BILDER, 'stadens-resultat-1280.png'), fullPage: true });
  });

  it('shows the years before, the RUR and the 2023 deficit with what is left and by when', async () => {
    await page.getByLabel('År', { exact: true }).selectOption('2024');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 }).toBe('Stadens resultat 2024');
    await page.getByTestId('underskott').locator('[data-ar="2023"]').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('balanskrav-historik').locator('tbody th').allTextContents()).toEqual(['2021', '2022', '2023', '2024']);
    // The 2023 deficit of 64,5 mnkr: 23,9 restored in 2024, 40,6 left to restore by 2026.
    const underskott = page.getByTestId('underskott').locator('[data-ar="2023"]');
    expect((await underskott.locator('td').allTextContents()).map((text) => text.trim())).toEqual([
      '64,5',
      '23,9',
      '40,6',
      '2026',
      '2024: 23,9',
    ]);
    expect(await page.getByTestId('rur').textContent()).toMatch(/270,0\smnkr vid årets början/);
    await page.screenshot({ path: join(BILDER, 'stadens-resultat-2024-1280.png'), fullPage: true });
  });

  it('is clean under axe, reachable by keyboard, and does not scroll sideways on a phone', async () => {
    const resultat = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(resultat.violations.flatMap((brott) => brott.nodes.map((nod) => `${brott.id}: ${nod.target.join(' ')}`))).toEqual([]);

    await page.getByLabel('År', { exact: true }).focus();
    const nadda = new Set<string>();
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press('Tab');
      nadda.add(
        await page.evaluate(() => {
          const aktiv = document.activeElement;
          return (
            aktiv?.querySelector('table[data-testid]')?.getAttribute('data-testid') ??
            aktiv?.closest('[data-testid]')?.getAttribute('data-testid') ??
            ''
          );
        }),
      );
    }
    // Each table's scroll region takes focus, so its figures can be scrolled by keyboard.
    expect([...nadda]).toEqual(expect.arrayContaining(['resultatrakning', 'balanskravsutredning', 'balanskrav-historik', 'underskott']));

    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(BILDER, 'stadens-resultat-390.png'), fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
  it('shows what each column of 2025 eliminated: the budget, both rounds and the bokslut, with how', async () => {
    await page.goto(`${stack.gatewayUrl}/resultat?ar=2025`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 }).toBe('Stadens resultat 2025');
    const elimineringar = page.getByTestId('elimineringar');
    await elimineringar.locator('[data-rad="interna-kostnader"]').waitFor({ timeout: 20_000 });
    const kostnader = (await elimineringar.locator('[data-rad="interna-kostnader"] td').allTextContents()).map((text) => text.trim());
    // Internränta, internal in the demo's kontoplan: in every column, and not zero.
    expect(kostnader).toHaveLength(4);
    for (const tal of kostnader) {
      expect(tal).toMatch(SVENSKT_TAL);
      expect(tal).not.toBe('0,0');
    }
    const differens = (await elimineringar.locator('[data-rad="elimineringsdifferens"] td').allTextContents()).map((text) => text.trim());
    expect(differens).toEqual(kostnader);
    const underlag = await page.getByTestId('elimineringsunderlag').locator('li').allTextContents();
    expect(underlag).toEqual([
      'Budget: uppskattad per nämnd med andelen interna konton i bokslutet 2025.',
      'Prognos april: uppskattad per nämnd med andelen interna konton i bokslutet 2025.',
      'Prognos augusti: uppskattad per nämnd med andelen interna konton i bokslutet 2025.',
      'Bokslut: kontoplanens interna konton i det fastställda bokslutet, exakt.',
    ]);
    await page.getByTestId('elimineringar').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(BILDER, 'stadens-resultat-2025-1280.png'), fullPage: true });
    const resultat = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(resultat.violations.flatMap((brott) => brott.nodes.map((nod) => `${brott.id}: ${nod.target.join(' ')}`))).toEqual([]);

    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(BILDER, 'stadens-resultat-2025-390.png'), fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
