// The reports as documents in the browser: the ekonomidirektör writes a draft's texts (markup refused at the field),
// fixes it and downloads the files; stadsrevisionen reads the draft put up for audit; a council member sees only
// the fixed version. Measured with axe (WCAG 2.1 AA), by keyboard, and at 1,280 and 390 px; screenshots in
// .tertial/screenshots.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { apiClient } from '../support/api.js';
import { ansvarI } from '../support/demo.js';
import { eventually, ROOT } from '../support/services.js';
import { loggaIn } from './logga-in.js';
import { SKRIVBORD, startaChromium } from './webblasare.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BILDER = join(ROOT, '.tertial', 'screenshots');
const AR = 2046;
const BAS = `/api/report/dokument/delarsrapport-augusti/${AR}`;

async function axeFel(page: Page): Promise<string[]> {
  const resultat = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return resultat.violations.flatMap((brott) => brott.nodes.map((nod) => `${brott.id}: ${nod.target.join(' ')} — ${nod.failureSummary}`));
}

async function vidTelefon(page: Page, bild: string): Promise<number> {
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(BILDER, `${bild}-390.png`), fullPage: true });
    return await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
}

describe('the reports as documents', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(BILDER, { recursive: true });
    browser = await startaChromium();
    const [ansvar] = ansvarI('KN') as [string];
    await api.oppnaOmgangar([AR], ['augusti']);
    expect(
      (await api.lamnaPrognos({ ansvar, ar: AR, tillfalle: 'augusti', rader: [{ kontogrupp: 'personalkostnader', belopp: '98765,43' }] }))
        .status,
    ).toBe(200);
    await eventually(
      () => api.totaler(AR, 'augusti'),
      (t) => t.stad.antalLamnade === 1,
      60_000,
    );
    expect((await api.json(`/api/forecast/omgangar/${AR}/augusti/stang`, { method: 'POST' })).status).toBe(200);
    await eventually(
      () => api.json(`${BAS}/versioner`, { method: 'POST' }),
      (svar) => svar.status === 201,
      30_000,
    );
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** Signs in on the reports page and, unless told not to, chooses this test's delårsrapport augusti. */
  async function oppnaSom(anvandare: string, { valj = true } = {}): Promise<void> {
    await context?.close();
    context = await browser.newContext({ ...SKRIVBORD, acceptDownloads: true });
    page = await context.newPage();
    await loggaIn(page, stack.gatewayUrl, anvandare, '/rapporter');
    const dokument = page.getByTestId('rapportdokument');
    await dokument.waitFor({ timeout: 20_000 });
    if (!valj) return;
    await dokument.getByLabel('Rapport', { exact: true }).selectOption('delarsrapport-augusti');
    await dokument.getByRole('spinbutton', { name: 'År', exact: true }).fill(String(AR));
  }

  it(
    'the ekonomidirektör writes the texts, is told of markup at the field, fixes the version and downloads it',
    { timeout: 120_000 },
    async () => {
      await oppnaSom('ekonomidirektor');
      const vy = page.getByTestId('vald-version');
      await vy.waitFor({ timeout: 20_000 });
      expect(await vy.getAttribute('data-status')).toBe('utkast');
      const kn = page.getByTestId('dokument-tabell-ekonomi').locator('tr', { hasText: 'Kulturnämnden' });
      // 98,765.43 kr is 0.1 mnkr.
      expect(await kn.locator('td').nth(2).textContent()).toBe('0,1');

      const falt = page.getByTestId('text-vasentliga-handelser');
      await falt.fill('Se <b>här</b>');
      await falt.press('Tab');
      await page.keyboard.press('Enter');
      const fel = page.getByRole('alert').filter({ hasText: 'märkning' });
      await fel.waitFor({ timeout: 10_000 });
      expect(await falt.getAttribute('aria-invalid')).toBe('true');

      await falt.fill('# Ett år av omställning\n\nKostnaderna ökade.\n\n- Ny skola\n- Nytt bad');
      await falt.press('Tab');
      await page.keyboard.press('Enter');
      await page
        .getByTestId('sektion-vasentliga-handelser')
        .getByRole('heading', { name: 'Ett år av omställning' })
        .waitFor({ timeout: 10_000 });
      await page.screenshot({ path: join(BILDER, 'rapportdokument-utkast-1280.png'), fullPage: true });
      expect(await axeFel(page)).toEqual([]);
      expect(await vidTelefon(page, 'rapportdokument-utkast')).toBeLessThanOrEqual(0);

      // Stadsrevisionen audits the delårsrapport augusti first: until then there is nothing to fix.
      expect(await page.getByTestId('faststall-version').count()).toBe(0);
      await page.getByTestId('till-granskning').click();
      await expect.poll(async () => vy.getAttribute('data-status'), { timeout: 20_000 }).toBe('granskning');
      await page.getByTestId('faststall-version').click();
      await page.getByTestId('faststall-version-ja').click();
      await expect.poll(async () => vy.getAttribute('data-status'), { timeout: 20_000 }).toBe('faststalld');
      expect(await page.getByTestId('version-hash').textContent()).toMatch(/^[0-9a-f]{64}$/);
      expect(await page.getByTestId('text-vasentliga-handelser').count()).toBe(0);

      const [nedladdning] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
      expect(nedladdning.suggestedFilename()).toBe(`delarsrapport-augusti-${AR}-v1.xlsx`);
      await page.screenshot({ path: join(BILDER, 'rapportdokument-faststalld-1280.png'), fullPage: true });
      expect(await axeFel(page)).toEqual([]);
    },
  );

  it(
    'a council member sees the fixed version and cannot change it; stadsrevisionen reads without changing',
    { timeout: 60_000 },
    async () => {
      // Without choosing, the page opens on the newest report the member may read, listed first among those with a version.
      await oppnaSom('kf-ledamot', { valj: false });
      const valbara = page.getByTestId('rapporter-med-versioner').getByRole('button');
      await valbara.first().waitFor({ timeout: 20_000 });
      expect(await valbara.first().getAttribute('aria-pressed')).toBe('true');
      await page.getByTestId('vald-version').waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('vald-version').getAttribute('data-status')).toBe('faststalld');
      expect(await page.getByTestId('inga-versioner').count()).toBe(0);
      await page.getByRole('button', { name: `Delårsrapport augusti ${AR}` }).click();
      await page.getByTestId('vald-version').waitFor({ timeout: 20_000 });
      expect(await page.getByRole('spinbutton', { name: 'År', exact: true }).inputValue()).toBe(String(AR));
      expect(await page.getByTestId('versionslista').locator('tbody tr').count()).toBe(1);
      expect(await page.getByTestId('skapa-utkast').count()).toBe(0);
      expect(await page.getByTestId('faststall-version').count()).toBe(0);
      expect(await axeFel(page)).toEqual([]);
      expect(await vidTelefon(page, 'rapportdokument-kf')).toBeLessThanOrEqual(0);

      await oppnaSom('revisor');
      await page.getByTestId('vald-version').waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('skapa-utkast').count()).toBe(0);
      expect(await page.locator('textarea').count()).toBe(0);
    },
  );
});
