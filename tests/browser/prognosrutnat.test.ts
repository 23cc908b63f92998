import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { AxeBuilder } from '@axe-core/playwright';
import type { HelarsprognosDto, HelarsprognosUnderlag, VerksamhetsbudgetDto } from '@tertial/contracts/dto';
import { KONTOGRUPPER } from '@tertial/contracts/kontogrupper';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';

import { formatBeloppUtanEnhet, formatForandring } from '@tertial/diagram/belopp';
import { beloppSomInmatning, tolkaBelopp } from '../../apps/dashboard/src/helarsprognoser/rutnat/belopp-inmatning.js';
import { apiClient } from '../support/api.js';
import { ansvarI, DEMO } from '../support/demo.js';
import { chefFor } from '../support/tokens.js';
import { SKRIVBORD, startaChromium } from './webblasare.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);

// The demo year, which has budgets, in a månadsprognos of Kulturnämnden's own: no other test forecasts KN in september.
const AR = DEMO.ar;
const TILLFALLE = 'september';
const ANSVAR = ansvarI('KN')[0]!;
const CHEF = chefFor(ANSVAR);
const ADRESS = `/api/forecast/helarsprognoser/${ANSVAR}/${AR}/${TILLFALLE}`;
const INTAKTER = new Set(KONTOGRUPPER.filter((grupp) => grupp.typ === 'intakt').map((grupp) => grupp.kod as string));
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** Set to a folder to keep screenshots of the grid at 1,280 and 390 px. */
const SKARMBILDER = process.env.TERTIAL_SKARMBILDER;

async function axeFel(page: Page): Promise<string[]> {
  const resultat = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return resultat.violations.flatMap((brott) => brott.nodes.map((nod) => `${brott.id}: ${nod.target.join(' ')} — ${nod.failureSummary}`));
}

async function skarmbild(page: Page, namn: string): Promise<void> {
  if (!SKARMBILDER) return;
  mkdirSync(SKARMBILDER, { recursive: true });
  await page.screenshot({ path: join(SKARMBILDER, `${namn}.png`), fullPage: true });
}

/**
 * Signs in as the ansvar's chef, who is not among the provider's listed demo users: by typing their id under
 * "Annan demoanvändare", as any chef of the demo city can.
 */
async function loggaInSomChefen(page: Page): Promise<void> {
  await page.goto(`${stack.gatewayUrl}/prognoser?ar=${AR}&tillfalle=${TILLFALLE}`);
  await page.getByTestId('logga-in').click();
  await page.getByLabel('Annan demoanvändare (användar-id)').fill(CHEF);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await page.getByTestId('inloggad-anvandare').waitFor({ timeout: 15_000 });
}

const aktivKontogrupp = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-kontogrupp'));
const ore = (text: string) => {
  const tolkat = tolkaBelopp(text, 'tkr');
  if (!tolkat.ok) throw new Error(`${text}: ${tolkat.fel}`);
  return tolkat.ore;
};

describe('the chef’s forecast grid in Debian’s Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let underlag: HelarsprognosUnderlag;

  beforeAll(async () => {
    browser = await startaChromium();
    await api.oppnaOmgangar([AR], [TILLFALLE], ['KN']);
    // Budget publishes every ansvar's verksamhetsbudget at its first start; wait until the forecast service has this one.
    const tills = Date.now() + 60_000;
    for (;;) {
      const svar = await api.json<HelarsprognosUnderlag>(`${ADRESS}/underlag`, { som: CHEF });
      if (svar.status === 200 && svar.body.netto.budgetOre !== 0) {
        underlag = svar.body;
        break;
      }
      if (Date.now() > tills) throw new Error(`ingen budget för ${ANSVAR}: ${JSON.stringify(svar.body)}`);
      await new Promise((vila) => setTimeout(vila, 500));
    }
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

  it('takes the proposal by keyboard, demands the comment far from budget, saves an utkast, klarmarkerar, and shows a 412 with both versions', async () => {
    await loggaInSomChefen(page);
    const chefens = page.getByTestId('lamna-prognos');
    await chefens.getByLabel('Ansvar', { exact: true }).selectOption(ANSVAR);
    const rutnat = page.locator(`[data-testid="prognosrutnat"][data-ansvar="${ANSVAR}"]`);
    await rutnat.waitFor({ timeout: 15_000 });
    expect(await rutnat.getByTestId('sparstatus').textContent()).toBe('Ej sparad.');
    expect(await page.getByTestId('rutnat-status').textContent()).toBe('Ej påbörjad');

    // Amounts in tkr, remembered for the next visit.
    await rutnat.getByTestId('enhetsval').selectOption('tkr');
    expect(await page.evaluate(() => localStorage.getItem('tertial.inmatningsenhet'))).toBe('tkr');
    const cell = (kontogrupp: string) => rutnat.locator(`input[data-kontogrupp="${kontogrupp}"]`);
    const forstaRad = underlag.rader[0]!;
    const andraRad = underlag.rader[1]!;

    // F takes the proposal for the row; Enter moves down; Shift+F takes it for every row.
    await cell(forstaRad.kontogrupp).focus();
    await page.keyboard.press('f');
    expect(ore(await cell(forstaRad.kontogrupp).inputValue())).toBe(forstaRad.forslagOre);
    await page.keyboard.press('Enter');
    expect(await aktivKontogrupp(page)).toBe(andraRad.kontogrupp);
    await page.keyboard.press('Shift+F');
    for (const rad of underlag.rader) expect(ore(await cell(rad.kontogrupp).inputValue())).toBe(rad.forslagOre);
    await page.keyboard.press('ArrowUp');
    expect(await aktivKontogrupp(page)).toBe(forstaRad.kontogrupp);
    await page.keyboard.press('ArrowDown');
    expect(await aktivKontogrupp(page)).toBe(andraRad.kontogrupp);

    // Personnel typed in tkr, far above its budget: the net row and the avvikelse follow as it is typed.
    const personal = underlag.rader.find((rad) => rad.kontogrupp === 'personalkostnader')!;
    const hogre = personal.budgetOre + 2_000_000_00;
    await cell('personalkostnader').focus();
    await page.keyboard.type(beloppSomInmatning(hogre, 'tkr').replace(/\u00a0/g, ' '));
    const nettoForslag = underlag.rader.reduce(
      (summa, rad) => summa + (INTAKTER.has(rad.kontogrupp) ? -rad.forslagOre : rad.forslagOre),
      0,
    );
    const nettoPrognos = nettoForslag - personal.forslagOre + hogre;
    await expect.poll(() => rutnat.getByTestId('netto-prognos').textContent()).toBe(formatBeloppUtanEnhet(nettoPrognos, 'tkr', 1));
    expect(await rutnat.getByTestId('netto-avvikelse').textContent()).toBe(
      formatForandring(underlag.netto.budgetOre - nettoPrognos, 'tkr', 1),
    );
    expect(await rutnat.getByTestId('kommentar-kravs').textContent()).toMatch(/passerar stadens gräns/);
    expect(await rutnat.getByTestId('prognos-kommentar').getAttribute('aria-required')).toBe('true');
    expect(await rutnat.getByTestId('sparstatus').textContent()).toMatch(/^Ej sparad: du har ändringar/);

    // Marked ready without the comment: the service's 422 beside the comment field, which takes focus; nothing stored.
    await rutnat.getByTestId('klarmarkera').click();
    const kommentarFel = rutnat.getByTestId('kommentar-fel');
    await kommentarFel.waitFor({ timeout: 15_000 });
    expect(await kommentarFel.textContent()).toMatch(/Avvikelsen mot budget .* passerar stadens gräns/);
    const kommentar = rutnat.getByTestId('prognos-kommentar');
    expect(await kommentar.getAttribute('aria-invalid')).toBe('true');
    expect((await kommentar.getAttribute('aria-describedby'))!.split(' ')).toContain(await kommentarFel.getAttribute('id'));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('prognos-kommentar');
    expect((await api.json(ADRESS, { som: CHEF })).status).toBe(404);
    expect(await axeFel(page)).toEqual([]);
    await skarmbild(page, 'prognosrutnat-1280-kommentar-kravs');

    // An utkast may wait for its comment.
    await rutnat.getByTestId('spara-utkast').click();
    await expect
      .poll(() => rutnat.getByTestId('sparstatus').textContent(), { timeout: 15_000 })
      .toMatch(/^Sparad kl\. \d\d:\d\d \(version 1, utkast\)$/);
    await expect.poll(() => page.getByTestId('rutnat-status').textContent(), { timeout: 15_000 }).toBe('Utkast');

    await kommentar.fill('Fler tjänster i höst efter nämndens beslut.');
    expect(await rutnat.getByTestId('sparstatus').textContent()).toMatch(/^Ej sparad/);
    await rutnat.getByTestId('klarmarkera').click();
    await expect
      .poll(() => rutnat.getByTestId('sparstatus').textContent(), { timeout: 15_000 })
      .toMatch(/^Sparad kl\. \d\d:\d\d \(version 2, klarmarkerad\)$/);
    await expect.poll(() => page.getByTestId('rutnat-status').textContent(), { timeout: 15_000 }).toBe('Klarmarkerad');
    const sparad = await api.json<HelarsprognosDto>(ADRESS, { som: CHEF });
    expect(sparad.body).toMatchObject({ version: 2, status: 'klarmarkerad', kommentar: 'Fler tjänster i höst efter nämndens beslut.' });
    expect(sparad.body.rader.find((rad) => rad.kontogrupp === 'personalkostnader')!.beloppOre).toBe(hogre);

    // The history lists both versions and compares them line by line, with who changed what.
    const historik = page.getByTestId('prognoshistorik');
    await expect.poll(() => historik.locator('[data-testid="versionslista"] tbody tr').count(), { timeout: 15_000 }).toBe(2);
    const jamforelse = historik.getByTestId('jamforelse-tabell');
    await jamforelse.waitFor({ timeout: 15_000 });
    expect(await jamforelse.locator('caption').textContent()).toMatch(/Version 1 och 2 rad för rad/);
    expect(await jamforelse.textContent()).toMatch(/ändrad/);

    // Someone (the chef in another window) saves meanwhile: the next save is refused, and both versions are shown.
    await cell('lokalkostnader').fill('1 234,5');
    const annan = await api.lamnaPrognos(
      {
        ansvar: ANSVAR,
        ar: AR,
        tillfalle: TILLFALLE,
        rader: underlag.rader.map((rad) => ({
          kontogrupp: rad.kontogrupp,
          belopp: rad.kontogrupp === 'lokalkostnader' ? '777000' : String(rad.forslagOre / 100),
        })),
        kommentar: 'Från en annan flik.',
        klarmarkerad: false,
      },
      { 'if-match': sparad.headers.get('etag')! },
    );
    expect(annan.status).toBe(200);
    await rutnat.getByTestId('spara-utkast').click();
    const konflikt = rutnat.getByTestId('konflikt');
    await konflikt.waitFor({ timeout: 15_000 });
    expect(await konflikt.getByRole('heading').first().textContent()).toBe('Någon har sparat en nyare version');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Någon har sparat en nyare version');
    const lokal = konflikt.locator('tr[data-kontogrupp="lokalkostnader"]');
    expect(await lokal.getByTestId('min').textContent()).toBe('1\u00a0234,5');
    expect(await lokal.getByTestId('deras').textContent()).toBe('777,0');
    expect(await konflikt.textContent()).toContain('Från en annan flik.');
    expect(await konflikt.locator('thead').textContent()).toMatch(/Version 3/);
    expect(await rutnat.getByTestId('sparstatus').textContent()).toMatch(/^Ej sparad/);
    expect(await axeFel(page)).toEqual([]);
    await skarmbild(page, 'prognosrutnat-1280-konflikt');

    // Keeping one's own saves it over theirs, with their ETag.
    await konflikt.getByTestId('behall-min').click();
    await expect
      .poll(() => rutnat.getByTestId('sparstatus').textContent(), { timeout: 15_000 })
      .toMatch(/^Sparad kl\. \d\d:\d\d \(version 4, utkast\)$/);
    expect(await rutnat.getByTestId('konflikt').count()).toBe(0);
    const efter = await api.json<HelarsprognosDto>(ADRESS, { som: CHEF });
    expect(efter.body.rader.find((rad) => rad.kontogrupp === 'lokalkostnader')!.beloppOre).toBe(123_450_000);

    // Another conflict, and this time theirs is taken into the grid.
    const tredje = await api.lamnaPrognos(
      { ansvar: ANSVAR, ar: AR, tillfalle: TILLFALLE, rader: [{ kontogrupp: 'lokalkostnader', belopp: '5000' }], klarmarkerad: false },
      { 'if-match': efter.headers.get('etag')! },
    );
    expect(tredje.status).toBe(200);
    await cell('lokalkostnader').fill('1');
    await rutnat.getByTestId('spara-utkast').click();
    await konflikt.waitFor({ timeout: 15_000 });
    await konflikt.getByTestId('ta-deras').click();
    expect(await cell('lokalkostnader').inputValue()).toBe('5');
    expect(await rutnat.getByTestId('sparstatus').textContent()).toMatch(/version 5, utkast/);
  });

  it('the grid is reached by keyboard, has no axe violations, and fits 390 px without scrolling the page sideways', async () => {
    await loggaInSomChefen(page);
    await page.getByTestId('lamna-prognos').getByLabel('Ansvar', { exact: true }).selectOption(ANSVAR);
    const rutnat = page.locator(`[data-testid="prognosrutnat"][data-ansvar="${ANSVAR}"]`);
    await rutnat.waitFor({ timeout: 15_000 });
    await page.getByTestId('prognoshistorik').waitFor({ timeout: 15_000 });
    expect(await axeFel(page)).toEqual([]);
    // The verksamhetsbudget is made in the same grid as the forecast: its columns join the forecast's table.
    const vaxla = rutnat.getByTestId('visa-verksamhetsbudget');
    expect(await vaxla.getAttribute('aria-pressed')).toBe('false');
    await vaxla.click();
    expect(await vaxla.getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('verksamhetsbudget').waitFor({ timeout: 15_000 });
    const tabell = rutnat.getByTestId('prognosrutnat-tabell');
    expect(await tabell.locator('tbody input[data-budget-kontogrupp]').count()).toBeGreaterThan(0);
    expect(await tabell.locator('tbody input[data-kontogrupp]').count()).toBeGreaterThan(0);
    expect(await tabell.locator('caption').textContent()).toMatch(/^Verksamhetsbudget \d{4} och helårsprognos per kontogrupp/);
    expect(await axeFel(page)).toEqual([]);

    // Every control of the chef's sections, in document order, is reached by Tab.
    const kontroller = await page.evaluate(() =>
      Array.from(
        document.querySelectorAll<HTMLElement>(
          '[data-testid="lamna-prognos"] :is(input, select, textarea, button, [tabindex="0"]):not([disabled]):not([tabindex="-1"])',
        ),
      ).map((el, index) => {
        el.dataset.tabbtest = String(index);
        return String(index);
      }),
    );
    await page.getByTestId('prognos-ansvar').focus();
    const nadda: string[] = [];
    for (let steg = 0; steg < kontroller.length + 5; steg += 1) {
      const aktiv = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.tabbtest ?? null);
      if (aktiv !== null) nadda.push(aktiv);
      await page.keyboard.press('Tab');
    }
    expect(kontroller.filter((index) => !nadda.includes(index))).toEqual([]);

    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
      .toBeLessThanOrEqual(0);
    await page.getByTestId('periodisering').selectOption('manuellt');
    await rutnat.locator('input.verksamhetsbudget__manad').first().waitFor();
    expect(await rutnat.locator('input.verksamhetsbudget__manad').count()).toBeGreaterThanOrEqual(12);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await axeFel(page)).toEqual([]);
    await skarmbild(page, 'prognosrutnat-390');
    await page.setViewportSize({ width: 1280, height: 900 });
    await skarmbild(page, 'prognosrutnat-1280');
  });

  it('the verksamhetsbudget that does not add up shows the difference and the budget service’s 422', async () => {
    await loggaInSomChefen(page);
    await page.getByTestId('lamna-prognos').getByLabel('Ansvar', { exact: true }).selectOption(ANSVAR);
    const budget = page.locator(`[data-testid="prognosrutnat"][data-ansvar="${ANSVAR}"]`);
    await budget.getByTestId('visa-verksamhetsbudget').click();
    await budget.getByTestId('verksamhetsbudget').waitFor({ timeout: 15_000 });
    expect(await budget.getByTestId('verksamhetsbudget-differens').textContent()).toBe('Går jämnt ut mot internbudgeten.');
    await budget.getByTestId('periodisering').selectOption('jamnt');
    const forsta = budget.locator('tbody input[data-budget-kontogrupp]').first();
    const fore = await forsta.inputValue();
    await forsta.fill(`${fore.replace(/\s/g, '')}1`);
    expect(await budget.getByTestId('verksamhetsbudget-differens').textContent()).toMatch(/mot internbudgeten/);
    await budget.getByTestId('spara-verksamhetsbudget').click();
    const fel = budget.getByTestId('verksamhetsbudget-fel');
    await fel.waitFor({ timeout: 15_000 });
    expect(await fel.textContent()).toMatch(/internbudget/i);
    expect(await axeFel(page)).toEqual([]);
  });

  it('a verksamhetsbudget saved elsewhere meanwhile is not overwritten unseen: the chef is told who saved, keeps the figures, and saves again', async () => {
    const vbUrl = `/api/budget/verksamhetsbudgetar/${ANSVAR}/${AR}`;
    await loggaInSomChefen(page);
    await page.getByTestId('lamna-prognos').getByLabel('Ansvar', { exact: true }).selectOption(ANSVAR);
    const budget = page.locator(`[data-testid="prognosrutnat"][data-ansvar="${ANSVAR}"]`);
    await budget.getByTestId('visa-verksamhetsbudget').click();
    await budget.getByTestId('verksamhetsbudget').waitFor({ timeout: 15_000 });
    await budget.getByTestId('periodisering').selectOption('jamnt');

    // Meanwhile the same budget is saved from another tab (the API, as the chef), by last year's pattern.
    const las = await api.json<VerksamhetsbudgetDto>(vbUrl, { som: CHEF });
    const rader = las.body.internbudget.map((rad) => ({ kontogrupp: rad.kontogrupp, belopp: (rad.beloppOre / 100).toFixed(2) }));
    const annan = await api.json<VerksamhetsbudgetDto>(vbUrl, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-match': las.body.etag },
      body: JSON.stringify({ periodisering: 'foregaende-ar', rader }),
      som: CHEF,
    });
    expect(annan.status).toBe(200);

    await budget.getByTestId('spara-verksamhetsbudget').click();
    const fel = budget.getByTestId('verksamhetsbudget-fel');
    await expect.poll(() => fel.textContent(), { timeout: 15_000 }).toMatch(/Någon har sparat en nyare version/);
    expect(await fel.textContent()).toMatch(/spara igen/);
    expect(await budget.getByTestId('periodisering').inputValue()).toBe('jamnt');
    expect((await api.json<VerksamhetsbudgetDto>(vbUrl, { som: CHEF })).body).toMatchObject({
      periodisering: 'foregaende-ar',
      etag: annan.body.etag,
    });
    expect(await axeFel(page)).toEqual([]);

    // Seen, saved again: now over the version that was current, so it lands.
    await budget.getByTestId('spara-verksamhetsbudget').click();
    await expect
      .poll(async () => (await api.json<VerksamhetsbudgetDto>(vbUrl, { som: CHEF })).body.periodisering, { timeout: 15_000 })
      .toBe('jamnt');
  });
});
