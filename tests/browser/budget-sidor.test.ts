import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { ALLA_ANSVAR } from '../support/demo.js';
import { demoSieSpec, pc8, sieBytes, writeTemp } from '../support/sie.js';
import { loggaIn } from './logga-in.js';
import { SKRIVBORD, startaChromium } from './webblasare.js';

const stack = inject('stack');

describe('the budget pages in Debian’s Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await startaChromium();
    page = await browser.newPage(SKRIVBORD);
    await loggaIn(page, stack.gatewayUrl, 'ekonomidirektor');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a controller checks a ledger file with a dry run, then sees a broken one refused by line', async () => {
    await page.goto(`${stack.gatewayUrl}/utfall/import`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Importera utfall/);

    await page
      .getByLabel('Fil med utfall')
      .setInputFiles(writeTemp('augusti.se', await sieBytes(demoSieSpec({ verifikationer: 40, seed: 3 }))));
    await page.getByTestId('utfall-provkor').click();
    const status = page.getByTestId('import-status');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 20_000 }).toBe('provkord');
    expect(await page.getByTestId('import-per-manad').textContent()).toMatch(/2026/);

    const [ansvar] = ALLA_ANSVAR as [{ kod: string }];
    const obalanserad = pc8([
      '#FLAGGA 0',
      '#FORMAT PC8',
      '#SIETYP 4',
      '#RAR 0 20260101 20261231',
      '#DIM 1 "Ansvar"',
      `#OBJEKT 1 "${ansvar.kod}" "Enhet"`,
      '#VER A 1 20260115 "Lön"',
      '{',
      `#TRANS 5010 {1 "${ansvar.kod}"} 100.00`,
      '#TRANS 1930 {} -99.00',
      '}',
    ]);
    await page.getByLabel('Fil med utfall').setInputFiles(writeTemp('trasig.se', obalanserad));
    await page.getByTestId('utfall-importera').click();
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 20_000 }).toBe('avvisad');
    expect(await page.getByTestId('import-fel').textContent()).toMatch(/7/);
  });

  it('finds an ansvar in the organisation by its chef', async () => {
    const ansvar = ALLA_ANSVAR[100]!;
    await page.goto(`${stack.gatewayUrl}/organisation`);
    await page.getByLabel('Sök på namn, ansvar eller chef').fill(ansvar.kod);
    await expect.poll(() => page.locator(`[role="treeitem"][data-kod="${ansvar.kod}"]`).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator(`[role="treeitem"][data-kod="${ansvar.kod}"]`).textContent()).toContain(ansvar.chef!.namn);
  });

  it('shows a nämnd’s frame as a waterfall and what is not yet distributed', async () => {
    await page.goto(`${stack.gatewayUrl}/budget?namnd=SN&ar=2026`);
    await expect.poll(() => page.getByTestId('ej-fordelat').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('ej-fordelat').textContent()).toMatch(/0,0|0 kr|mnkr/);
    await page.goto(`${stack.gatewayUrl}/budget?namnd=SN&ar=2027`);
    // A chart is fetched when it comes near the window: scroll to its section as a person would.
    await page.locator('#resursfordelning-rubrik').scrollIntoViewIfNeeded();
    await expect.poll(() => page.getByTestId('vattenfallsdiagram').getAttribute('aria-label'), { timeout: 15_000 }).toMatch(/7/);
  });
});
