// The Mål page in the browser, per role: the ekonomidirektör's traffic lights nämnd by nämnd beside the forecast
// deviation, a nämnd's goal cards with nyckeltal and charts, and the processledare's assessment form with its
// errors at the field. Measured with axe (WCAG 2.1 AA) and at 1,280 and 390 px; screenshots in .tertial/screenshots.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { AxeBuilder } from '@axe-core/playwright';
import type { MaluppfyllelseOversikt } from '@tertial/contracts/dto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { apiClient } from '../support/api.js';
import { DEMO } from '../support/demo.js';
import { eventually, ROOT } from '../support/services.js';
import { loggaIn } from './logga-in.js';
import { SKRIVBORD, startaChromium } from './webblasare.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BILDER = join(ROOT, '.tertial', 'screenshots');
/** Swedish numbers: groups of three with a (no-break) space, a decimal comma, a real minus sign. */
const SVENSKT_BELOPP = /^−?\d{1,3}([\s\u00a0]\d{3})*,\d[\s\u00a0]mnkr$/;

async function axeFel(page: Page): Promise<string[]> {
  const resultat = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return resultat.violations.flatMap((brott) => brott.nodes.map((nod) => `${brott.id}: ${nod.target.join(' ')} — ${nod.failureSummary}`));
}

/** Until nothing says it is loading, and the charts in view are drawn. */
async function vantaTillsKlar(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor({ timeout: 15_000 });
  await page.waitForFunction(
    () => document.querySelectorAll('p.meddelande[role="status"]:not(:empty), [aria-busy="true"]').length === 0,
    undefined,
    {
      timeout: 20_000,
    },
  );
}

/** How much wider than a 390 px window the page is (0 when it does not scroll sideways); a screenshot of it. */
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

describe('the Mål page', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const nekade: string[] = [];

  beforeAll(async () => {
    mkdirSync(BILDER, { recursive: true });
    browser = await startaChromium();
    // August's forecast round, so the grid has each nämnd's deviation beside its mål (as the demo has).
    await api.oppnaOmgangar([2026], ['augusti']);
    await eventually(
      () => api.json<MaluppfyllelseOversikt>('/api/report/maluppfyllelse/2026/augusti'),
      (svar) => svar.status === 200 && svar.body.namnder.some((namnd) => namnd.ekonomi !== null),
      60_000,
    );
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function oppnaSom(anvandare: string, sokvag: string): Promise<void> {
    await context?.close();
    nekade.length = 0;
    context = await browser.newContext(SKRIVBORD);
    page = await context.newPage();
    page.on('response', (svar) => {
      if ([401, 403].includes(svar.status()) && new URL(svar.url()).pathname.startsWith('/api/'))
        nekade.push(`${svar.status()} ${svar.url()}`);
    });
    await loggaIn(page, stack.gatewayUrl, anvandare, sokvag);
    await vantaTillsKlar(page);
  }

  it('the ekonomidirektör sees the city’s traffic lights nämnd by nämnd beside each nämnd’s forecast deviation', async () => {
    await oppnaSom('ekonomidirektor', '/mal?ar=2026&tillfalle=augusti');
    const rutnat = page.getByTestId('stadens-maluppfyllelse');
    await rutnat.waitFor({ timeout: 20_000 });
    // The demo's mål were assessed in August: the grid has nämnder with decided colors, and the city's sum.
    await expect.poll(async () => page.getByTestId('maluppfyllelse-rad').count(), { timeout: 20_000 }).toBeGreaterThan(5);
    const stad = page.getByTestId('maluppfyllelse-stad');
    const cellerna = await stad.locator('td').allTextContents();
    const totalt = Number(cellerna.at(-2)?.replace(/\D/g, ''));
    expect(totalt).toBeGreaterThan(0);
    // Each count is a shape and a number: the color is never the only cue.
    expect(await stad.locator('.trafikljus__tecken').count()).toBeGreaterThan(0);
    const avvikelser = (await page.getByTestId('prognosavvikelse').allTextContents()).filter((text) => text !== '–');
    expect(avvikelser.length).toBeGreaterThan(0);
    for (const avvikelse of avvikelser) expect(avvikelse).toMatch(SVENSKT_BELOPP);
    await page.screenshot({ path: join(BILDER, 'mal-stad-1280.png'), fullPage: true });
    expect(await axeFel(page)).toEqual([]);
    expect(await vidTelefon(page, 'mal-stad')).toBeLessThanOrEqual(0);

    // A nämnd's name opens its goal cards.
    await page.getByTestId('maluppfyllelse-rad').filter({ hasText: 'Kulturnämnden' }).getByRole('button').click();
    const kort = page.getByTestId('malkort');
    await kort.first().waitFor({ timeout: 20_000 });
    expect(new URL(page.url()).searchParams.get('namnd')).toBe('KN');
    expect(await kort.first().getByTestId('trafikljus').textContent()).toMatch(/Uppfyllt|Delvis uppfyllt|Ej uppfyllt|Ej mätt/);
    expect(nekade).toEqual([]);
  });

  it('the roll-up shows the city’s and each nämnd’s goal attainment beside the money, and opens the nämnd’s goal cards', async () => {
    const stad = DEMO.organisation.find((nod) => nod.niva === 'stad')!.kod;
    const oversikt = (await api.json<MaluppfyllelseOversikt>('/api/report/maluppfyllelse/2026/augusti')).body;
    const kn = oversikt.namnder.find((namnd) => namnd.kod === 'KN')!;
    expect(kn.antal.totalt).toBeGreaterThan(0);
    await oppnaSom('ekonomidirektor', '/uppfoljning?ar=2026&tillfalle=augusti');
    const tabell = page.getByTestId('rollup-tabell');
    await tabell.waitFor({ timeout: 20_000 });
    // The cell says in words what the shapes show: the count of mål and of each decided color, as the report service has them.
    const stadensMal = page.getByTestId(`rollup-mal-${stad}`);
    await stadensMal.waitFor({ timeout: 20_000 });
    expect(await stadensMal.locator('.visuellt-dold').textContent()).toMatch(new RegExp(`^${oversikt.stad!.totalt} mål`));
    const knMal = page.getByTestId('rollup-mal-KN');
    const knText = await knMal.locator('.visuellt-dold').textContent();
    expect(knText).toMatch(new RegExp(`^${kn.antal.totalt} mål`));
    if (kn.antal.uppfyllt > 0) expect(knText).toContain(`${kn.antal.uppfyllt} uppfyllt`);
    expect(await knMal.locator('.trafikljus__tecken').count()).toBeGreaterThan(0);
    expect(await axeFel(page)).toEqual([]);
    await page.screenshot({ path: join(BILDER, 'uppfoljning-mal-1280.png'), fullPage: true });
    expect(await vidTelefon(page, 'uppfoljning-mal')).toBeLessThanOrEqual(0);

    // Below the nämnd the mål are not split: the förvaltning's row says where they are followed.
    await page.getByTestId('expandera-KN').click();
    const forvaltning = DEMO.organisation.find((nod) => nod.foralderKod === 'KN')!.kod;
    await expect
      .poll(async () => tabell.locator(`tr[data-kod="${forvaltning}"] [data-falt="mal"]`).textContent(), { timeout: 20_000 })
      .toBe('Följs per nämnd');

    // The link opens the nämnd's goal cards of the same follow-up, by keyboard.
    await knMal.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('malkort').first().waitFor({ timeout: 20_000 });
    const adress = new URL(page.url());
    expect([adress.pathname, adress.searchParams.get('namnd'), adress.searchParams.get('tillfalle')]).toEqual(['/mal', 'KN', 'augusti']);
    expect(nekade).toEqual([]);
  });

  it('a processledare sees their nämnd’s inriktning and goal cards, with each nyckeltal’s latest value against target and its charts', async () => {
    await oppnaSom('processledare-sn', '/mal?ar=2026&tillfalle=augusti');
    const namnd = page.getByTestId('namndens-mal');
    await namnd.waitFor({ timeout: 20_000 });
    expect(await namnd.getAttribute('data-kod')).toBe('SN');
    // Only their own nämnd and the bolag to choose; no city.
    const val = await page.getByTestId('mal-namnd').locator('option').allTextContents();
    expect(val).not.toContain('Hela staden');
    expect(val.some((namn) => /Helsingborgs Hamn AB/.test(namn))).toBe(true);
    await page.getByTestId('malkort').first().waitFor({ timeout: 20_000 });
    const nyckeltal = page.getByTestId('nyckeltal').first();
    await nyckeltal.waitFor({ timeout: 20_000 });
    // Its measurements are fetched after the card is drawn: it says so until they are there.
    await expect
      .poll(async () => nyckeltal.getByTestId('senaste-varde').textContent(), { timeout: 20_000 })
      .toMatch(/^\d[\d\s\u00a0]*(,\d+)?[\s\u00a0].+ \(\d{4}(-T\d|-\d{2})?\)$/);
    await nyckeltal.scrollIntoViewIfNeeded();
    await nyckeltal.getByTestId('trenddiagram').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(BILDER, 'mal-namnd-1280.png'), fullPage: true });
    expect(await axeFel(page)).toEqual([]);
    expect(await vidTelefon(page, 'mal-namnd')).toBeLessThanOrEqual(0);
    expect(nekade).toEqual([]);
  });

  it('the assessment form starts from the proposal, asks for a reason to override it, and shows the service’s errors at the field', async () => {
    await oppnaSom('processledare-sn', '/mal?ar=2026&tillfalle=augusti');
    const kort = page
      .getByTestId('malkort')
      .filter({ has: page.getByTestId('forslag') })
      .first();
    await kort.waitFor({ timeout: 20_000 });
    const formular = kort.getByTestId('bedomningsformular');
    const forslag = await kort.getByTestId('forslag').getAttribute('data-bedomning');
    // Chosen from the start: the decision already made, or else the proposal.
    const forvald = await formular.getByTestId('bedomning-val').inputValue();
    expect(forvald).toBe(await kort.getByTestId('trafikljus').getAttribute('data-bedomning'));

    // Another choice than the proposal, without a reason: the reason field says so and takes focus.
    const annan = forslag === 'ej-uppfyllt' ? 'delvis-uppfyllt' : 'ej-uppfyllt';
    await formular.getByTestId('bedomning-val').selectOption(annan);
    await formular.getByTestId('bedomning-analys').fill('Andelen har ökat, men långsammare än planerat under våren.');
    await formular.getByTestId('bedomning-motivering').fill('');
    await formular.getByTestId('bedomning-spara').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('bedomning-motivering');
    expect(await formular.locator('.falt__fel').allTextContents()).toEqual(['Motivera varför du avviker från förslaget.']);
    expect(await formular.getByTestId('bedomning-motivering').getAttribute('aria-invalid')).toBe('true');
    expect(await axeFel(page)).toEqual([]);

    // A reason longer than the service takes: its problem+json names the field, shown there.
    await formular.getByTestId('bedomning-motivering').fill('x'.repeat(4_001));
    await formular.getByTestId('bedomning-spara').click();
    await expect.poll(() => formular.locator('.falt__fel').allTextContents(), { timeout: 15_000 }).toHaveLength(1);
    expect(await formular.locator('.falt__fel').getAttribute('id')).toMatch(/motivering-fel$/);

    // With a reason it is saved, and the card shows the decision with the proposal still beside it.
    await formular.getByTestId('bedomning-motivering').fill('Nya siffror från förvaltningen visar en svagare utveckling.');
    await formular.getByTestId('bedomning-spara').click();
    await expect.poll(() => formular.getByTestId('bedomning-kvittens').textContent(), { timeout: 15_000 }).toMatch(/sparades/);
    await expect.poll(() => kort.getByTestId('trafikljus').getAttribute('data-bedomning'), { timeout: 15_000 }).toBe(annan);
    expect(await kort.getByTestId('forslag').getAttribute('data-bedomning')).toBe(forslag);
    expect(await kort.getByTestId('analys').textContent()).toContain('Nya siffror från förvaltningen');
    await page.screenshot({ path: join(BILDER, 'mal-bedomning-1280.png'), fullPage: true });
  });

  it('a chef reads their nämnd’s goals without a form, and asks for nothing refused', async () => {
    await oppnaSom('avdelningschef-sn', '/mal?ar=2026&tillfalle=april');
    await page.getByTestId('malkort').first().waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('bedomningsformular').count()).toBe(0);
    expect(await page.getByTestId('kolada-import').count()).toBe(0);
    expect(await axeFel(page)).toEqual([]);
    expect(nekade).toEqual([]);
  });

  it('a Kolada file is dry-run first and shows what it holds; a file in the wrong shape says where', async () => {
    await oppnaSom('ekonomidirektor', '/mal');
    const importen = page.getByTestId('kolada-import');
    await importen.waitFor({ timeout: 20_000 });
    expect(await importen.getByTestId('kolada-importera').count()).toBe(0);
    const fil = {
      values: [
        { kpi: 'N00945', municipality: '1283', period: 2025, values: [{ gender: 'T', count: 1, status: '', value: 12345.6 }] },
        { kpi: 'N00945', municipality: '1280', period: 2025, values: [{ gender: 'X', count: 1, status: '', value: 1 }] },
      ],
      count: 2,
      next_page: null,
    };
    await importen
      .getByTestId('kolada-fil')
      .setInputFiles({ name: 'fel.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(fil)) });
    await importen.getByTestId('kolada-provkor').click();
    await expect.poll(() => importen.getByTestId('kolada-resultat').getAttribute('data-status'), { timeout: 15_000 }).toBe('avvisad');
    expect(await importen.getByTestId('kolada-fel').textContent()).toMatch(/values\[1\]\.values\[0\]\.gender/);
    expect(await importen.getByTestId('kolada-importera').count()).toBe(0);

    fil.values[1]!.values[0]!.gender = 'T';
    await importen
      .getByTestId('kolada-fil')
      .setInputFiles({ name: 'ratt.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(fil)) });
    await importen.getByTestId('kolada-provkor').click();
    await expect.poll(() => importen.getByTestId('kolada-resultat').getAttribute('data-status'), { timeout: 15_000 }).toBe('provkord');
    expect(await importen.getByTestId('kolada-resultat').textContent()).toMatch(/1 sida med 2 värden/);
    await importen.getByTestId('kolada-importera').waitFor();
    await importen.screenshot({ path: join(BILDER, 'mal-kolada-1280.png') });
    expect(await axeFel(page)).toEqual([]);
  });
});
