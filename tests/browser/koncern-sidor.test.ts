// The kommunkoncern in Debian's Chromium: a company's ekonomichef enters the company's forecast (checked as typed,
// refused fields shown beside them), and the ekonomidirektör sees the company beside the nämnder and the
// sammanställda räkenskaper with the rent to the housing company eliminated; axe (WCAG 2.1 AA), Tab and 390 px.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { AxeBuilder } from '@axe-core/playwright';
import type { Koncernoversikt } from '@tertial/contracts/dto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { formatBeloppUtanEnhet } from '@tertial/diagram/belopp';
import { apiClient } from '../support/api.js';
import { eventually } from '../support/services.js';
import { loggaIn } from './logga-in.js';
import { SKRIVBORD, startaChromium } from './webblasare.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);
const AR = new Date().getFullYear();
const TILLFALLE = new Date().getMonth() >= 8 ? 'augusti' : 'april';
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SKARMBILDER = process.env.TERTIAL_SKARMBILDER;

async function axeFel(page: Page): Promise<string[]> {
  const resultat = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return resultat.violations.flatMap((brott) => brott.nodes.map((nod) => `${brott.id}: ${nod.target.join(' ')} — ${nod.failureSummary}`));
}

async function bredareAnFonstret(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

async function skarmbild(page: Page, namn: string) {
  if (!SKARMBILDER) return;
  mkdirSync(SKARMBILDER, { recursive: true });
  await page.screenshot({ path: join(SKARMBILDER, `${namn}.png`), fullPage: true });
}

/** Tab from the top until the element with this test id has focus (or give up after many stops). */
async function tabbaTill(page: Page, testId: string): Promise<boolean> {
  await page.locator('body').focus();
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, testId)) return true;
  }
  return false;
}

describe('the kommunkoncern in the dashboard', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await startaChromium();
    const hyra = await api.json('/api/report/koncern/interna', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ar: AR, saljare: 'HBGHEM', kopare: 'KOMMUN', slag: 'hyra', belopp: '142500000' }),
    });
    expect(hyra.status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('Helsingborgshem’s ekonomichef enters the company’s forecast in tkr, by keyboard, with a refused field shown beside it', async () => {
    const context = await browser.newContext(SKRIVBORD);
    const page = await context.newPage();
    await loggaIn(page, stack.gatewayUrl, 'ekonomichef-hbghem', '/bolag');
    await expect.poll(() => page.locator('h1').textContent()).toContain('AB Helsingborgshem');
    const formular = page.getByTestId('bolagsprognos-formular');
    await formular.getByLabel('Tillfälle').selectOption(TILLFALLE);
    await formular.getByLabel('Intäkter, tkr').fill('mycket');
    await formular.getByLabel('Kostnader, tkr').fill('902 000');
    await formular.getByLabel('Resultat efter finansiella poster, tkr').fill('124 000');
    await formular.getByLabel('Investeringar, tkr').fill('820 000');
    await formular.getByLabel('Kommentar').fill('Eftersatt underhåll tidigareläggs.');
    await page.getByTestId('spara-bolagsprognos').click();
    await expect.poll(() => formular.getByLabel('Intäkter, tkr').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('bolagsprognos-status').textContent()).toContain('sparades inte');
    expect(await axeFel(page)).toEqual([]);

    await formular.getByLabel('Intäkter, tkr').fill('1 156 000');
    // The keyboard reaches the button, and Enter saves.
    expect(await tabbaTill(page, 'spara-bolagsprognos')).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('bolagsprognos-status').textContent(), { timeout: 15_000 }).toContain('(version 1)');
    await expect
      .poll(() => page.getByTestId('bolagsprognoser').locator('tbody tr').first().textContent(), { timeout: 15_000 })
      .toContain(formatBeloppUtanEnhet(124_000_000_00, 'mnkr', 1));
    expect(await axeFel(page)).toEqual([]);
    await skarmbild(page, 'bolagsprognos-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await bredareAnFonstret(page)).toBeLessThanOrEqual(0);
    await skarmbild(page, 'bolagsprognos-390');
    await context.close();
  });

  it('the ekonomidirektör sees the company beside the nämnder and the sammanställda räkenskaper with the rent eliminated', async () => {
    await eventually(
      () => api.json<Koncernoversikt>(`/api/report/koncern/${AR}/${TILLFALLE}`),
      (svar) => svar.body.bolag?.find((b) => b.kod === 'HBGHEM')?.prognosOre === 124_000_000_00,
    );
    const context = await browser.newContext(SKRIVBORD);
    const page = await context.newPage();
    await loggaIn(page, stack.gatewayUrl, 'ekonomidirektor', '/koncern');
    const label = page.getByLabel('Prognos', { exact: true });
    await label.selectOption(TILLFALLE);
    const hem = page.getByTestId('koncern-sidvid').locator('tr[data-kod="HBGHEM"]');
    await expect.poll(() => hem.textContent(), { timeout: 15_000 }).toContain(formatBeloppUtanEnhet(124_000_000_00, 'mnkr', 1));
    // The nämnder stand beside the companies.
    expect(await page.getByTestId('koncern-sidvid').locator('tr[data-typ="namnd"]').count()).toBeGreaterThan(10);
    const intakter = page.getByTestId('sammanstallda').locator('tr[data-rad="verksamhetens-intakter"]');
    expect(await intakter.textContent()).toContain(formatBeloppUtanEnhet(-142_500_000_00, 'mnkr', 1));
    expect(await page.getByTestId('elimineringar').textContent()).toContain('AB Helsingborgshem');
    expect(await page.getByTestId('kommunens-kalla').textContent()).toContain('skatteintäkter');
    expect(await axeFel(page)).toEqual([]);
    expect(await tabbaTill(page, 'spara-internt')).toBe(true);
    await skarmbild(page, 'koncern-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await bredareAnFonstret(page)).toBeLessThanOrEqual(0);
    await skarmbild(page, 'koncern-390');

    // An amount typed badly is shown beside its field and stored nowhere.
    await page.setViewportSize({ width: 1280, height: 900 });
    const interna = page.getByTestId('koncerninterna');
    await interna.getByLabel('Belopp, tkr').fill('mycket');
    await page.getByTestId('spara-internt').click();
    await expect.poll(() => interna.getByLabel('Belopp, tkr').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('koncerninterna-lista').locator('tbody tr').count()).toBe(1);
    expect(await axeFel(page)).toEqual([]);
    await context.close();
  });
});
