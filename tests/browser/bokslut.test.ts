import { mkdirSync } from 'node:fs';

import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { apiClient } from '../support/api.js';
import { ansvarI } from '../support/demo.js';
import { loggaIn } from './logga-in.js';
import { SKRIVBORD, startaChromium } from './webblasare.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** A year of this test's own: frames for two nämnder, and its utfall to December. */
const AR = 2048;
const BILDER = process.env.TERTIAL_SKARMBILDER;

async function axeFel(page: Page): Promise<string[]> {
  const resultat = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return resultat.violations.flatMap((brott) => brott.nodes.map((nod) => `${brott.id}: ${nod.target.join(' ')}`));
}

async function bild(page: Page, namn: string): Promise<void> {
  if (!BILDER) return;
  mkdirSync(BILDER, { recursive: true });
  await page.screenshot({ path: `${BILDER}/${namn}.png`, fullPage: true });
}

describe('the year-end in Debian’s Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    for (const [ar, beslutad] of [
      [AR, `${AR - 1}-06-10`],
      [AR + 1, `${AR}-06-09`],
    ] as const) {
      const kf = await api.json('/api/budget/budgetversioner', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          typ: 'kf-beslut',
          ar,
          namn: `KF:s budget ${ar}`,
          beslutad,
          ramar: [
            { namnd: 'MN', belopp: '45000000' },
            { namnd: 'KN', belopp: '10000000' },
          ],
        }),
      });
      expect(kf.status).toBe(201);
    }
    const csv = `ar;manad;ansvar;konto;belopp\n${AR};12;${ansvarI('MN')[0]};5010;43500000,00\n${AR};12;${ansvarI('KN')[0]};5010;10250000,00\n`;
    const importerat = await api.json<{ status: string }>('/api/budget/utfall/import?filnamn=webblasartest.csv', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: csv,
    });
    expect(importerat.body.status).toBe('importerad');
    browser = await startaChromium();
    // A page of a context of its own: axe opens a page beside it to check it.
    page = await (await browser.newContext(SKRIVBORD)).newPage();
    await loggaIn(page, stack.gatewayUrl, 'ekonomidirektor');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the demo city’s closed 2025 with its resultatöverföring and KF’s decision', async () => {
    await page.goto(`${stack.gatewayUrl}/bokslut?ar=2025`);
    await expect.poll(() => page.getByTestId('bokslut').getAttribute('data-stangt'), { timeout: 15_000 }).toBe('ja');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Bokslut 2025');
    expect(await page.getByTestId('resultatoverforing').locator('tbody tr').count()).toBe(14);
    // Socialnämnden's deficit: KF carried half of it, with its reason.
    const sn = page.getByTestId('resultatoverforing').locator('tr[data-namnd="SN"]');
    expect(await sn.textContent()).toMatch(/−\d+,\d/);
    expect(await sn.textContent()).toContain('Särskilda skäl');
    expect(await page.getByTestId('beslut').textContent()).toMatch(/Resultatöverföring från 2025/);
    expect(await page.getByTestId('overforingsregler').textContent()).toContain('VALN');
    expect(await axeFel(page)).toEqual([]);
    await bild(page, 'bokslut-2025-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await bild(page, 'bokslut-2025-390');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('closes a year with a second yes, then takes KF’s decision, refusing an unmotivated change', async () => {
    await page.goto(`${stack.gatewayUrl}/bokslut?ar=${AR}`);
    await expect.poll(() => page.getByTestId('bokslut').getAttribute('data-stangt'), { timeout: 15_000 }).toBe('nej');
    await page.getByTestId('stang-aret').click();
    await page.getByTestId('stang-aret-ja').click();
    await expect.poll(() => page.getByTestId('bokslut-status').textContent(), { timeout: 15_000 }).toContain(`${AR} är stängt`);
    await expect.poll(() => page.getByTestId('bokslut').getAttribute('data-stangt')).toBe('ja');

    // MN: 45 − 43,5 = +1,5 mnkr proposed. KF writes 1 mnkr without a reason: refused, naming the field's problem.
    await page.getByTestId('belopp-MN').fill('1 000 000');
    await page.getByTestId('registrera-beslut').click();
    await expect.poll(() => page.getByTestId('beslut-fel').textContent(), { timeout: 15_000 }).toContain('ska motiveras');
    expect(await axeFel(page)).toEqual([]);
    await bild(page, 'bokslut-beslut-fel-1280');

    // KF decides in April of the next year, after that year's frames (a tilläggsbudget cannot predate them).
    await page.getByLabel('Beslutsdatum').fill(`${AR + 1}-04-20`);
    await page.getByTestId('motivering-MN').fill('Särskilda skäl: en engångsintäkt.');
    await page.getByTestId('registrera-beslut').click();
    await expect.poll(() => page.getByTestId('beslut').textContent(), { timeout: 15_000 }).toContain(`Resultatöverföring från ${AR}`);
    const mn = page.getByTestId('resultatoverforing').locator('tr[data-namnd="MN"]');
    expect(await mn.textContent()).toContain('1,0');
    const versioner = await api.json<{ rader: { namnd: string; gallandeRamOre: number }[] }>(`/api/budget/budgetversioner?ar=${AR + 1}`);
    // The surplus KF carried over is a tilläggsbudget on the next year: MN's frame of 45 mnkr becomes 46.
    expect(versioner.body.rader.find((r) => r.namnd === 'MN')?.gallandeRamOre).toBe(45_000_000_00 + 1_000_000_00);
  });

  it('shows prognossäkerhet per nämnd and round with a chart and its table, at 1280 and 390 px', async () => {
    await page.goto(`${stack.gatewayUrl}/prognossakerhet?ar=2025`);
    await expect.poll(() => page.getByTestId('prognossakerhet-augusti').locator('tbody tr').count(), { timeout: 20_000 }).toBe(14);
    const stad = page.getByTestId('prognossakerhet-augusti').locator('tfoot tr');
    expect(await stad.textContent()).toMatch(/Staden.*%/);
    await page.locator('#prognossakerhet-diagram-rubrik').scrollIntoViewIfNeeded();
    await expect
      .poll(() => page.getByTestId('prognossakerhet-diagram').getAttribute('aria-label'), { timeout: 15_000 })
      .toMatch(/April: .*mnkr/);
    expect(await axeFel(page)).toEqual([]);
    // The table's sort buttons are reached from the keyboard.
    await page.getByTestId('prognossakerhet-april').locator('thead button').first().focus();
    await page.keyboard.press('Enter');
    await bild(page, 'prognossakerhet-2025-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    await bild(page, 'prognossakerhet-2025-390');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
