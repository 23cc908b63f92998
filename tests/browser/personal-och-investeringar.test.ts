// The chef's personnel (årsarbetare) and investment projects in the forecast grid, in Debian's Chromium: typed the
// Swedish way, checked as typed, saved in the same version as the lines, and tried with axe and at 390 px.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { AxeBuilder } from '@axe-core/playwright';
import type { HelarsprognosDto, HelarsprognosUnderlag } from '@tertial/contracts/dto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { formatForandring } from '@tertial/diagram/belopp';
import { apiClient } from '../support/api.js';
import { DEMO } from '../support/demo.js';
import { chefFor } from '../support/tokens.js';
import { SKRIVBORD, startaChromium } from './webblasare.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);

// A månadsprognos (maj) of Idrotts- och fritidsnämnden's own, which no other test opens; an ansvar that owns a project.
const AR = DEMO.ar;
const TILLFALLE = 'maj';
const PROJEKT = DEMO.investeringar.find((p) => p.namnd === 'IFN' && p.ansvar && p.ar.some((ar) => ar.ar === AR))!;
const ANSVAR = PROJEKT.ansvar!;
const CHEF = chefFor(ANSVAR);
const ADRESS = `/api/forecast/helarsprognoser/${ANSVAR}/${AR}/${TILLFALLE}`;
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SKARMBILDER = process.env.TERTIAL_SKARMBILDER;

async function axeFel(page: Page): Promise<string[]> {
  const resultat = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return resultat.violations.flatMap((brott) => brott.nodes.map((nod) => `${brott.id}: ${nod.target.join(' ')} — ${nod.failureSummary}`));
}

async function oppnaRutnatet(page: Page) {
  await page.goto(`${stack.gatewayUrl}/prognoser?ar=${AR}&tillfalle=${TILLFALLE}`);
  await page.getByTestId('logga-in').click();
  await page.getByLabel('Annan demoanvändare (användar-id)').fill(CHEF);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await page.getByTestId('inloggad-anvandare').waitFor({ timeout: 15_000 });
  await page.getByTestId('lamna-prognos').getByLabel('Ansvar', { exact: true }).selectOption(ANSVAR);
  const rutnat = page.locator(`[data-testid="prognosrutnat"][data-ansvar="${ANSVAR}"]`);
  await rutnat.waitFor({ timeout: 15_000 });
  return rutnat;
}

describe('personnel and investment projects in the chef’s grid', () => {
  let browser: Browser;
  let underlag: HelarsprognosUnderlag;

  beforeAll(async () => {
    browser = await startaChromium();
    await api.oppnaOmgangar([AR], [TILLFALLE], ['IFN']);
    const tills = Date.now() + 60_000;
    for (;;) {
      const svar = await api.json<HelarsprognosUnderlag>(`${ADRESS}/underlag`, { som: CHEF });
      if (svar.status === 200 && svar.body.netto.budgetOre !== 0 && svar.body.investeringar.length > 0) {
        underlag = svar.body;
        break;
      }
      if (Date.now() > tills) throw new Error(`inget underlag för ${ANSVAR}: ${JSON.stringify(svar.body)}`);
      await new Promise((vila) => setTimeout(vila, 500));
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('checks what is typed, saves it with the lines, and shows it again', async () => {
    const context = await browser.newContext(SKRIVBORD);
    const page = await context.newPage();
    const rutnat = await oppnaRutnatet(page);
    const sektion = rutnat.getByTestId('personal-och-investeringar');
    expect(await sektion.getByTestId('personal-budget').textContent()).toBe(String(underlag.personal.budget).replace('.', ','));
    const projektrad = sektion.locator(`tr[data-projekt="${PROJEKT.id}"]`);
    expect(await projektrad.locator('th').textContent()).toContain(PROJEKT.namn);

    // The proposal for every row, then personnel: one figure alone, or two decimals, is caught before anything is sent.
    await rutnat.getByTestId('ta-forslag-alla').click();
    await sektion.getByLabel('Årsarbetare nu').fill('12,25');
    expect(await sektion.getByTestId('personal.nu').getAttribute('aria-invalid')).toBe('true');
    await sektion.getByLabel('Årsarbetare nu').fill('12,5');
    expect(await sektion.locator('.falt__fel').allTextContents()).toEqual(['Ange också årsarbetare vid årets slut.']);
    await sektion.getByLabel('Årsarbetare vid årets slut, prognos').fill('13');

    // The project's forecast in kr: its avvikelse (budget − prognos) follows as it is typed.
    const budget = underlag.investeringar.find((rad) => rad.projekt === PROJEKT.id)!.budgetOre;
    const prognosOre = budget + 250_000_00;
    await projektrad.getByTestId('investeringsprognos').fill(String(prognosOre / 100));
    expect(await projektrad.getByTestId('investering-avvikelse').textContent()).toBe(formatForandring(budget - prognosOre, 'kr', 0));

    expect(await axeFel(page)).toEqual([]);
    await rutnat.getByTestId('prognos-kommentar').fill('Personal och investeringar i testet.');
    await rutnat.getByTestId('spara-utkast').click();
    await expect.poll(() => rutnat.getByTestId('sparstatus').textContent(), { timeout: 15_000 }).toMatch(/^Sparad/);

    const sparad = (await api.json<HelarsprognosDto>(ADRESS, { som: CHEF })).body;
    expect(sparad).toMatchObject({
      status: 'utkast',
      personal: { nu: 12.5, prognos: 13 },
      investeringar: [{ projekt: PROJEKT.id, prognosOre }],
    });
    expect(sparad.rader).toHaveLength(underlag.rader.length);

    // A new visit shows what was saved.
    await page.reload();
    const igen = page.locator(`[data-testid="prognosrutnat"][data-ansvar="${ANSVAR}"]`);
    await page.getByTestId('lamna-prognos').getByLabel('Ansvar', { exact: true }).selectOption(ANSVAR);
    await igen.waitFor({ timeout: 15_000 });
    expect(await igen.getByLabel('Årsarbetare nu').inputValue()).toBe('12,5');
    expect(await igen.locator(`tr[data-projekt="${PROJEKT.id}"]`).getByTestId('investeringsprognos').inputValue()).not.toBe('');
    if (SKARMBILDER) {
      mkdirSync(SKARMBILDER, { recursive: true });
      await igen.getByTestId('personal-och-investeringar').screenshot({ path: join(SKARMBILDER, 'personal-1280.png') });
    }
    await context.close();
  });

  it('fits a 390 px phone without the page scrolling sideways, and the keyboard reaches every field', async () => {
    const context = await browser.newContext({ ...SKRIVBORD, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const rutnat = await oppnaRutnatet(page);
    const sektion = rutnat.getByTestId('personal-och-investeringar');
    await sektion.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const falt = sektion.locator('input');
    const antal = await falt.count();
    expect(antal).toBe(2 + underlag.investeringar.length);
    await falt.first().focus();
    for (let i = 1; i < antal; i += 1) {
      await page.keyboard.press('Tab');
      // Each region that scrolls is itself a stop for the keyboard; Tab on until the next field.
      for (let steg = 0; steg < 3 && !(await page.evaluate(() => document.activeElement?.tagName === 'INPUT')); steg += 1)
        await page.keyboard.press('Tab');
      expect(await falt.nth(i).evaluate((element) => element === document.activeElement)).toBe(true);
    }
    expect(await axeFel(page)).toEqual([]);
    if (SKARMBILDER) await sektion.screenshot({ path: join(SKARMBILDER, 'personal-390.png') });
    await context.close();
  });
});
