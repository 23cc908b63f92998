import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { apiClient } from '../support/api.js';
import { ANTAL_NAMNDER, ansvarI } from '../support/demo.js';
import { bearer, chefFor } from '../support/tokens.js';
import { loggaIn } from './logga-in.js';
import { SKRIVBORD, startaChromium } from './webblasare.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);

describe('the dashboard in Debian’s Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await startaChromium();
    page = await browser.newPage(SKRIVBORD);
    await api.oppnaOmgangar([2026], ['augusti']);
    await loggaIn(page, stack.gatewayUrl, 'ekonomidirektor', '/?ar=2026&tillfalle=augusti');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows who is signed in, and in which role, in the header', async () => {
    expect(await page.getByTestId('inloggad-anvandare').textContent()).toContain('Margareta Holm');
    expect(await page.getByTestId('inloggad-roll').textContent()).toBe('Ekonomidirektör');
  });

  it('shows the totals per nämnd and picks up a forecast posted elsewhere without a reload', async () => {
    // Signed in on this very address: the live stream is already open in this page.
    expect(new URL(page.url()).search).toBe('?ar=2026&tillfalle=augusti');
    const tabell = page.getByRole('table', { name: 'Helårsprognos per nämnd' });
    await expect.poll(() => tabell.locator('tbody tr[data-namnd]').count(), { timeout: 15_000 }).toBe(ANTAL_NAMNDER);
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    const stad = page.getByTestId('stad-nettokostnad');
    // Before any forecast the city's net cost is not known: a dash, not a zero.
    await expect.poll(() => stad.textContent(), { timeout: 15_000 }).toBe('–uppgift saknas');
    await page.evaluate(() => Object.assign(window, { __sammaSida: true }));

    const ansvar = ansvarI('VON')[1]!;
    const response = await api.lamnaPrognos(
      {
        ansvar,
        ar: 2026,
        tillfalle: 'augusti',
        rader: [{ kontogrupp: 'personalkostnader', belopp: '7250000' }],
        // Far from the ansvar's budget: past the city's threshold, so the forecast is marked ready only with a comment.
        kommentar: 'Nya platser på korttidsboendet',
      },
      await bearer(chefFor(ansvar)),
    );
    expect(response.status).toBe(200);

    await expect.poll(() => stad.textContent(), { timeout: 20_000 }).toMatch(/^7,3\s*mnkr$/);
    await expect.poll(() => page.locator('tr[data-namnd="VON"]').textContent()).toContain('7,3');
    expect(await page.evaluate(() => (window as { __sammaSida?: boolean }).__sammaSida)).toBe(true);
  });

  it('draws the chart below the table when the person scrolls to it, and only then fetches ECharts', async () => {
    const diagram = page.getByTestId('nettokostnad-diagram');
    const echarts: string[] = [];
    page.on('response', (response) => {
      if (/use-echarts-.*\.js$/.test(new URL(response.url()).pathname)) echarts.push(response.url());
    });
    // The window shows the key figures and the table; the chart waits below them (and the overview's charts further down).
    expect(await page.getByTestId('diagram-vantar').count()).toBeGreaterThanOrEqual(1);
    expect(await diagram.count()).toBe(0);
    await page.getByTestId('diagram-vantar').first().scrollIntoViewIfNeeded();
    await expect.poll(() => diagram.getAttribute('aria-label'), { timeout: 20_000 }).toMatch(/Vård- och omsorgsnämnden/);
    expect(echarts).toHaveLength(1);
  });

  it('shows the consolidated view: the walk to the forecast result, the trend and the goal grid, each with its table, drilling down to the roll-up', async () => {
    const vag = page.getByTestId('resultatvag-tabell');
    await vag.waitFor({ timeout: 20_000 });
    // VON's forecast above left it far from its budget: its step is the roll-up's avvikelse (budget minus prognos
    // over the ansvar whose forecast counts), which moves the resultaträkning's column.
    const rollup = await api.json<{ nod: { avvikelseOre: number } }>('/api/report/uppfoljning/2026/augusti/noder/VON');
    const oversikt = await api.json<{
      namnder: { kod: string; budgetOre: number | null; prognosOre: number; avvikelseOre: number | null }[];
      resultat: {
        budgeteratOre: number | null;
        prognosOre: number | null;
        steg: { kod: string; beloppOre: number }[];
        ovrigtOre: number | null;
      };
      mal: { namnder: { kod: string; ekonomi: { avvikelseOre: number } | null }[] };
    }>('/api/report/oversikt?ar=2026&tillfalle=augusti');
    expect(oversikt.status).toBe(200);
    expect(oversikt.body.resultat.steg.find((s) => s.kod === 'VON')?.beloppOre).toBe(rollup.body.nod.avvikelseOre);
    // One avvikelse per nämnd on the whole page: the bars, the walk, the goal grid and the live totals' table agree,
    // and each nämnd's bars differ by it (budget minus its whole helårsprognos).
    const totaler = await api.json<{ namnder: { kod: string; avvikelseOre: number | null }[] }>(
      '/api/report/prognos-totaler?ar=2026&tillfalle=augusti',
    );
    for (const namnd of oversikt.body.namnder.filter((n) => n.avvikelseOre !== null)) {
      const steg = oversikt.body.resultat.steg.find((s) => s.kod === namnd.kod)?.beloppOre ?? 0;
      expect(steg, namnd.kod).toBe(namnd.avvikelseOre);
      expect(totaler.body.namnder.find((n) => n.kod === namnd.kod)?.avvikelseOre, namnd.kod).toBe(namnd.avvikelseOre);
      const mal = oversikt.body.mal.namnder.find((n) => n.kod === namnd.kod)?.ekonomi;
      if (mal) expect(mal.avvikelseOre, namnd.kod).toBe(namnd.avvikelseOre);
      if (namnd.budgetOre !== null) expect(namnd.budgetOre - namnd.prognosOre, namnd.kod).toBe(namnd.avvikelseOre);
    }
    const { budgeteratOre, prognosOre, steg, ovrigtOre } = oversikt.body.resultat;
    if (budgeteratOre !== null && prognosOre !== null) {
      // The walk adds up, to the öre.
      expect(budgeteratOre + steg.reduce((summa, s) => summa + s.beloppOre, 0) + ovrigtOre!).toBe(prognosOre);
    }
    const vonRad = vag.locator('tbody tr', { has: page.getByTestId('oversikt-lank-VON') });
    expect(await vonRad.textContent()).toMatch(/−\d/);
    expect(await page.getByTestId('trend-tabell').locator('tbody tr[data-kod="VON"]').count()).toBe(1);
    expect(await page.getByTestId('stadens-maluppfyllelse').count()).toBe(1);

    await page.getByTestId('resultatvag').scrollIntoViewIfNeeded();
    await expect
      .poll(() => page.getByTestId('resultatvag-diagram').getAttribute('aria-label'), { timeout: 20_000 })
      .toMatch(/miljoner kronor/);
    await page.getByTestId('trend').scrollIntoViewIfNeeded();
    await expect.poll(() => page.getByTestId('trend-diagram').getAttribute('aria-label'), { timeout: 20_000 }).toMatch(/Prognos augusti/);

    // From the walk to VON in the round's roll-up, opened there.
    await vonRad.getByTestId('oversikt-lank-VON').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/uppfoljning');
    expect(new URL(page.url()).searchParams.get('nod')).toBe('VON');
    await expect.poll(() => page.locator('tr[data-kod="VON"] button').getAttribute('aria-expanded'), { timeout: 20_000 }).toBe('true');
    await expect.poll(() => page.locator('tr[data-djup="2"]').count(), { timeout: 20_000 }).toBeGreaterThan(0);

    // On down to an ansvar, and from it to its forecast with the chef's comment.
    await page.locator('tr[data-niva="forvaltning"] button').first().click();
    await page.locator('tr[data-niva="avdelning"] button').first().click();
    const tillPrognosen = page.locator('[data-testid^="rollup-prognos-"]').first();
    await tillPrognosen.waitFor({ timeout: 20_000 });
    const ansvar = (await tillPrognosen.getAttribute('data-testid'))!.replace('rollup-prognos-', '');
    await tillPrognosen.click();
    await expect.poll(() => page.getByTestId('prognos-filter').inputValue(), { timeout: 20_000 }).toBe(ansvar);
    await expect.poll(() => page.getByTestId('chefens-kommentar').count(), { timeout: 20_000 }).toBe(1);
  });
});
