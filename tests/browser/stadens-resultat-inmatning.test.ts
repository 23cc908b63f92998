// The ekonomidirektör's forms on the Stadens resultat page: the finance function's lines for KF's budget and a
// round's forecast, typed the Swedish way, and a proposed RUR movement that the city's rules refuse with the rule
// named, then one they accept; the figures on the page follow. 2057 has no other figures (far from the demo city's
// years, and no other test uses it), so every figure here is the forms' own. Measured with axe (WCAG 2.1 AA) with
// the forms open and showing errors, by keyboard, and at 1,280 and 390 px; screenshots in .tertial/screenshots.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { ROOT } from '../support/services.js';
import { loggaIn } from './logga-in.js';
import { SKRIVBORD, startaChromium } from './webblasare.js';

const stack = inject('stack');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BILDER = join(ROOT, '.tertial', 'screenshots');
const AR = 2057;
const KOLUMN = { budget: 0, april: 1 } as const;

describe('the ekonomidirektör enters the city level on the Stadens resultat page', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  const cell = (testId: string, rad: string, kolumn: number) =>
    page
      .getByTestId(testId)
      .locator(`[data-rad="${rad}"] td`)
      .nth(kolumn)
      .textContent()
      .then((text) => text?.trim());
  const finansform = () => page.getByTestId('finansrader-formular');
  const finansfalt = (rad: string, etikett: 'Belopp, tkr' | 'Källa'): Locator =>
    finansform().locator(`fieldset[data-rad="${rad}"]`).getByLabel(etikett, { exact: true });
  const fokusI = (testId: string) => page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, testId);
  const beskrivning = (falt: Locator) =>
    falt.evaluate((element) =>
      (element.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
  async function axe() {
    const resultat = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    return resultat.violations.flatMap((brott) => brott.nodes.map((nod) => `${brott.id}: ${nod.target.join(' ')}`));
  }

  beforeAll(async () => {
    mkdirSync(BILDER, { recursive: true });
    browser = await startaChromium();
    context = await browser.newContext(SKRIVBORD);
    page = await context.newPage();
    await loggaIn(page, stack.gatewayUrl, 'ekonomidirektor');
    await page.goto(`${stack.gatewayUrl}/resultat?ar=${AR}`);
    await page.getByRole('heading', { level: 1, name: `Stadens resultat ${AR}` }).waitFor({ timeout: 20_000 });
    await page.getByTestId('resultatrakning').locator('[data-rad="arets-resultat"]').waitFor({ timeout: 20_000 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens the finance form by keyboard, and a word for an amount is refused on its field with focus on the errors', async () => {
    const oppna = page.getByTestId('finansrader-inmatning').locator('summary');
    await oppna.focus();
    await page.keyboard.press('Enter');
    await finansfalt('skatteintakter', 'Belopp, tkr').waitFor();
    // Every field is reached with Tab, in the order it is read.
    const nadda: string[] = [];
    for (let i = 0; i < 14; i += 1) {
      await page.keyboard.press('Tab');
      nadda.push(
        await page.evaluate(
          () => document.activeElement?.closest('fieldset')?.getAttribute('data-rad') ?? document.activeElement?.tagName ?? '',
        ),
      );
    }
    expect(nadda).toEqual(
      expect.arrayContaining([
        'skatteintakter',
        'generella-statsbidrag',
        'pensioner',
        'finansiella-intakter',
        'finansiella-kostnader',
        'avskrivningar',
      ]),
    );

    await finansfalt('skatteintakter', 'Belopp, tkr').fill('åtta miljarder');
    await page.getByTestId('spara-finansrader').click();
    await page.getByTestId('finansrader-fel').waitFor();
    expect(await fokusI('finansrader-fel')).toBe(true);
    expect(await finansfalt('skatteintakter', 'Belopp, tkr').getAttribute('aria-invalid')).toBe('true');
    expect(await beskrivning(finansfalt('skatteintakter', 'Belopp, tkr'))).toMatch(
      /Skatteintäkter: Ange beloppet i tkr, till exempel 12 345,5/,
    );
    // The summary's link takes focus to the field.
    await page.getByTestId('finansrader-fel').getByRole('link').first().click();
    expect(await finansfalt('skatteintakter', 'Belopp, tkr').evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await cell('resultatrakning', 'skatteintakter', KOLUMN.budget)).toBe('–');
    expect(await axe()).toEqual([]);
  });

  it('enters KF’s budget and the april forecast in Swedish numbers and sees the resultaträkning change', async () => {
    const fyll = async (rader: Record<string, string>, kalla: string) => {
      for (const [rad, belopp] of Object.entries(rader)) await finansfalt(rad, 'Belopp, tkr').fill(belopp);
      await finansfalt('skatteintakter', 'Källa').fill(kalla);
      await finansfalt('generella-statsbidrag', 'Källa').fill(kalla);
      await page.getByTestId('spara-finansrader').click();
    };
    await fyll(
      {
        skatteintakter: '8 000 000',
        'generella-statsbidrag': '2 500 000',
        pensioner: '650 000,5',
        'finansiella-intakter': '120 000',
        'finansiella-kostnader': '95 000',
        avskrivningar: '400 000',
      },
      'KF:s budget 2045-06-18',
    );
    await expect.poll(() => cell('resultatrakning', 'skatteintakter', KOLUMN.budget), { timeout: 20_000 }).toBe('8\u00a0000,0');
    // 8 000 000 + 2 500 000 − 650 000,5 − 400 000 + 120 000 − 95 000 tkr.
    expect(await cell('resultatrakning', 'arets-resultat', KOLUMN.budget)).toBe('9\u00a0475,0');
    // The figures are read again before the form says it is done.
    await expect.poll(() => page.getByTestId('resultat-status').textContent()).toMatch(/sparade/);

    await finansform().getByLabel('Gäller').selectOption('april');
    await expect.poll(() => finansfalt('skatteintakter', 'Belopp, tkr').inputValue()).toBe('');
    // A round's forecast of skatteintäkter names its source: without one it is refused on the field, nothing sent.
    await finansfalt('skatteintakter', 'Belopp, tkr').fill('8 100 000');
    await page.getByTestId('spara-finansrader').click();
    await page.getByTestId('finansrader-fel').waitFor();
    expect(await finansfalt('skatteintakter', 'Källa').getAttribute('aria-invalid')).toBe('true');
    expect(await beskrivning(finansfalt('skatteintakter', 'Källa'))).toMatch(/Ange källan till prognosen för skatteintäkter/);
    expect(await axe()).toEqual([]);
    await fyll(
      { skatteintakter: '8 100 000', 'generella-statsbidrag': '2 500 000', pensioner: '10 000 000' },
      'SKR:s skatteunderlagsprognos 2057-04-24',
    );
    await expect.poll(() => cell('resultatrakning', 'arets-resultat', KOLUMN.april), { timeout: 20_000 }).toBe('600,0');
    expect(await page.getByTestId('kallor').textContent()).toMatch(/Prognos april: SKR:s skatteunderlagsprognos 2057-04-24/);
    expect(await cell('resultatrakning', 'arets-resultat', KOLUMN.budget)).toBe('9\u00a0475,0');
  });

  it('a RUR movement above the cap is refused with the rule named, and one within it changes the utredning', async () => {
    const oppna = page.getByTestId('rur-inmatning').locator('summary');
    await oppna.waitFor({ timeout: 20_000 });
    await oppna.click();
    const form = page.getByTestId('rur-formular');
    // 1 % of 10 600 000 tkr skatter och bidrag: at most 600 000 − 106 000 = 494 000 tkr may be reserved.
    expect(await form.textContent()).toMatch(/Högst 494,0 mnkr får avsättas/);
    const till = form.getByLabel('Medel till reserven (avsättning), tkr');
    await till.fill('600 000');
    await page.getByTestId('spara-rur').click();
    await page.getByTestId('rur-fel').waitFor({ timeout: 20_000 });
    expect(await fokusI('rur-fel')).toBe(true);
    expect(await page.getByTestId('rur-fel').textContent()).toMatch(/Regeln rur-tak \(taket för avsättning\): .*högst 494,0 mnkr/);
    expect(await till.getAttribute('aria-invalid')).toBe('true');
    expect(await beskrivning(till)).toMatch(/Regeln rur-tak/);
    expect(await cell('balanskravsutredning', 'till-rur', 0)).toBe('0,0');
    await page.screenshot({ path: join(BILDER, 'stadens-resultat-inmatning-1280.png'), fullPage: true });
    expect(await axe()).toEqual([]);

    await till.fill('400 000');
    await page.getByTestId('spara-rur').click();
    await expect.poll(() => cell('balanskravsutredning', 'till-rur', 0), { timeout: 20_000 }).toBe('\u2212400,0');
    expect(await page.getByTestId('rur-fel').count()).toBe(0);
    expect(await cell('balanskravsutredning', 'balanskravsresultat', 0)).toBe('200,0');
    await expect.poll(() => page.getByTestId('resultat-status').textContent()).toMatch(/Rörelsen är sparad/);
  });

  it('works on a phone: no sideways scrolling with the forms open, and axe finds nothing', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(BILDER, 'stadens-resultat-inmatning-390.png'), fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
      expect(await axe()).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
