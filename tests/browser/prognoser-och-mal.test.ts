import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';

import { apiClient } from '../support/api.js';
import { loggaIn, loggaUt } from './logga-in.js';
import { SKRIVBORD, startaChromium } from './webblasare.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);

/** A year of this file's own, so no other test's forecasts or goals are disturbed. */
const AR = 2042;
/** One of Mirela Lindberg's ansvar in Socialnämnden, in the förvaltning ekonom-sn reviews. */
const ANSVAR = '16104';

describe('forecasts and goals in Debian’s Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await startaChromium();
    await api.oppnaOmgangar([AR], ['augusti']);
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

  it('a chef marks a forecast ready for their ansvar in the grid, and the förvaltningsekonom approves it', async () => {
    await loggaIn(page, stack.gatewayUrl, 'mirela.lindberg', '/prognoser');
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link').allTextContents()).toEqual([
      'Helårsprognoser',
      'Uppföljning',
      'Mål',
      'Organisation',
    ]);

    await page.getByLabel('Prognosomgång').selectOption(`${AR}-augusti`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Helårsprognoser augusti ${AR}`);
    expect(await page.getByTestId('omgang-status').getAttribute('data-status')).toBe('oppen');

    const formular = page.getByTestId('lamna-prognos');
    await formular.waitFor({ timeout: 15_000 });
    await formular.getByLabel('Ansvar', { exact: true }).selectOption(ANSVAR);
    const rutnat = page.locator(`[data-testid="prognosrutnat"][data-ansvar="${ANSVAR}"]`);
    await rutnat.waitFor({ timeout: 15_000 });

    // A negative amount is refused beside its cell as it is typed, and marking ready moves focus to it.
    const personal = rutnat.getByLabel('Personalkostnader, din prognos i kr');
    await personal.fill('-5');
    expect(await personal.getAttribute('aria-invalid')).toBe('true');
    await rutnat.getByTestId('klarmarkera').click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-kontogrupp'))).toBe('personalkostnader');

    await rutnat.getByLabel('Intäkter, din prognos i kr').fill('150 000');
    await personal.fill('2 345 678,90');
    await rutnat.getByLabel('Lokalkostnader, din prognos i kr').fill('100000');
    await expect.poll(() => rutnat.getByTestId('netto-prognos').textContent()).toMatch(/^2\s295\s678,90$/);
    await rutnat.getByTestId('prognos-kommentar').fill('Fler vikarier under sommaren.');
    await rutnat.getByTestId('klarmarkera').click();

    await expect.poll(() => page.getByTestId('prognos-meddelande').textContent(), { timeout: 15_000 }).toMatch(/är klarmarkerad/);
    const rad = page.locator(`tr[data-ansvar="${ANSVAR}"]`);
    await expect.poll(() => rad.getByTestId('prognos-status').textContent(), { timeout: 15_000 }).toBe('Klarmarkerad');
    expect(await rad.textContent()).toMatch(/2\s295\s679/);
    expect(await rad.textContent()).toContain('Mirela Lindberg');
    await loggaUt(page);

    await loggaIn(page, stack.gatewayUrl, 'ekonom-sn', `/prognoser?ar=${AR}&tillfalle=augusti`);
    await page.getByLabel('Filtrera på ansvar, namn, chef eller status').fill(ANSVAR);
    await expect.poll(() => page.locator('[data-testid="prognostabell"] tbody tr').count(), { timeout: 15_000 }).toBe(1);
    expect(await rad.getByTestId('prognos-status').textContent()).toBe('Klarmarkerad');
    await rad.getByTestId('godkann').click();
    await expect.poll(() => rad.getByTestId('prognos-status').textContent(), { timeout: 15_000 }).toBe('Godkänd');
    expect(await page.getByTestId('prognos-meddelande').textContent()).toMatch(/godkänd/);
    expect(await rad.getByTestId('godkann').count()).toBe(0);
    // The buttons are gone; focus stays on the row, not lost to the page.
    expect(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-ansvar'))).toBe(ANSVAR);
  });

  it('a förvaltningsekonom sends a forecast back with a reason, which the table shows', async () => {
    const ansvar = '16105';
    const lamnad = await api.lamnaPrognos({
      ansvar,
      ar: AR,
      tillfalle: 'augusti',
      rader: [{ kontogrupp: 'personalkostnader', belopp: '1 200 000' }],
    });
    expect(lamnad.status).toBe(200);

    await loggaIn(page, stack.gatewayUrl, 'ekonom-sn', `/prognoser?ar=${AR}&tillfalle=augusti`);
    await page.getByLabel('Filtrera på ansvar, namn, chef eller status').fill(ansvar);
    const rad = page.locator(`tr[data-ansvar="${ansvar}"]`);
    await expect.poll(() => rad.getByTestId('prognos-status').textContent(), { timeout: 15_000 }).toBe('Klarmarkerad');

    await rad.getByTestId('skicka-tillbaka').click();
    const kommentar = rad.getByLabel(`Varför skickas prognosen för ${ansvar} tillbaka?`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    // Without a reason it is not sent.
    await rad.getByTestId('skicka-tillbaka-ja').click();
    expect(await kommentar.getAttribute('aria-invalid')).toBe('true');

    await kommentar.fill('Semesterlönerna saknas.');
    await rad.getByTestId('skicka-tillbaka-ja').click();
    await expect.poll(() => rad.getByTestId('prognos-status').textContent(), { timeout: 15_000 }).toBe('Återsänd');
    expect(await rad.textContent()).toContain('Semesterlönerna saknas.');
  });

  it('the ekonomidirektör opens a round on the page and closes it after a second yes', async () => {
    await loggaIn(page, stack.gatewayUrl, 'ekonomidirektor', '/prognoser');
    const oppna = page.getByTestId('oppna-omgang');
    await oppna.waitFor({ timeout: 15_000 });
    await oppna.getByLabel('År', { exact: true }).fill(String(AR + 1));
    await oppna.getByLabel('Tillfälle').selectOption('april');
    await oppna.getByTestId('oppna-omgang-knapp').click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 })
      .toBe(`Helårsprognoser april ${AR + 1}`);
    expect(await page.getByTestId('omgang-status').getAttribute('data-status')).toBe('oppen');

    await page.getByTestId('stang-omgang').click();
    await page.getByTestId('stang-omgang-ja').click();
    await expect.poll(() => page.getByTestId('omgang-status').getAttribute('data-status'), { timeout: 15_000 }).toBe('stangd');
    expect(await page.getByTestId('prognos-meddelande').textContent()).toMatch(/är stängd/);
  });

  it('a processledare sees the goals of their nämnd and adds one, up to the three active KF allows', async () => {
    await loggaIn(page, stack.gatewayUrl, 'processledare-sn');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/mal');
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link').allTextContents()).toEqual(['Mål', 'Organisation']);
    const sn = page.locator('[data-testid="namndens-mal"][data-kod="SN"]');
    await sn.getByTestId('malkort').first().waitFor({ timeout: 15_000 });
    expect(await sn.textContent()).toContain('Fler barn och unga får tidigt stöd i sin vardag.');
    expect(await page.locator('[data-testid="namndens-mal"][data-kod="VON"]').count()).toBe(0);
    const aktiva = (await api.json<{ status: string }[]>('/api/goals/mal?namnd=SN&status=aktivt', { som: 'processledare-sn' })).body.length;
    expect(aktiva).toBeLessThan(3);

    // The demo's SN has fewer than three active mål: the form fills the nämnd up to three, and a fourth is refused.
    const nytt = page.getByTestId('nytt-mal');
    for (let antal = aktiva; antal < 3; antal++) {
      await nytt.getByLabel('År', { exact: true }).fill(String(AR));
      await nytt.getByLabel('Mål', { exact: true }).fill(`Fler familjer får stöd i hemmet, del ${antal + 1}.`);
      await nytt.getByTestId('lagg-till-mal').click();
      await expect.poll(() => page.getByTestId('mal-meddelande').textContent(), { timeout: 15_000 }).toMatch(/tillagt/);
      await expect
        .poll(async () => (await api.json<unknown[]>('/api/goals/mal?namnd=SN&status=aktivt', { som: 'processledare-sn' })).body.length, {
          timeout: 15_000,
        })
        .toBe(antal + 1);
    }

    await nytt.getByLabel('Mål', { exact: true }).fill('Ett fjärde mål som inte får plats.');
    await nytt.getByTestId('lagg-till-mal').click();
    await expect.poll(() => page.getByTestId('nytt-mal-fel').textContent(), { timeout: 15_000 }).toMatch(/högst 3|tre/i);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('nytt-mal-fel');
    expect((await api.json<unknown[]>('/api/goals/mal?namnd=SN&status=aktivt', { som: 'processledare-sn' })).body).toHaveLength(3);
  });
});
