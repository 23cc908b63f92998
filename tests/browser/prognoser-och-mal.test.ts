import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { AxeBuilder } from '@axe-core/playwright';
import type { KommentarstroskelDto, PrognosomgangDto } from '@tertial/contracts/dto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';

import { apiClient } from '../support/api.js';
import { DEMO } from '../support/demo.js';
import { ROOT } from '../support/services.js';
import { loggaIn, loggaUt } from './logga-in.js';
import { SKRIVBORD, startaChromium } from './webblasare.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);

/** A year of this file's own, so no other test's forecasts or goals are disturbed. */
const AR = 2042;
/** One of Mirela Lindberg's ansvar in Socialnämnden, in the förvaltning ekonom-sn reviews. */
const ANSVAR = '16104';
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BILDER = join(ROOT, '.tertial', 'screenshots');

async function axeFel(page: Page): Promise<string[]> {
  const resultat = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return resultat.violations.flatMap((brott) => brott.nodes.map((nod) => `${brott.id}: ${nod.target.join(' ')} — ${nod.failureSummary}`));
}

/** The message tied to a field by aria-describedby (the last id: the error comes after any help). */
async function faltetsFel(page: Page, falt: ReturnType<Page['locator']>): Promise<string | null> {
  const ids = (await falt.getAttribute('aria-describedby'))?.split(' ') ?? [];
  const texter = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texter.join(' ');
}

const namndnamn = (kod: string) => DEMO.organisation.find((node) => node.kod === kod)!.namn;
const omgangen = async (ar: number, tillfalle: string) =>
  (await api.json<PrognosomgangDto[]>('/api/forecast/omgangar')).body.find((omgang) => omgang.ar === ar && omgang.tillfalle === tillfalle);

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

  it('the ekonomidirektör opens a månadsprognos for chosen nämnder with a chosen deadline and extends it; wrong input is refused at the field', async () => {
    mkdirSync(BILDER, { recursive: true });
    // A deadline in January next year, Swedish winter time (+01:00).
    const nastaAr = new Date().getFullYear() + 1;
    await loggaIn(page, stack.gatewayUrl, 'ekonomidirektor', '/prognoser');
    const oppna = page.getByTestId('oppna-omgang');
    await oppna.waitFor({ timeout: 15_000 });
    await oppna.getByLabel('År', { exact: true }).fill(String(AR));
    await oppna.getByLabel('Tillfälle').selectOption('maj');
    const namnder = oppna.getByTestId('manadsprognos-namnder');
    await namnder.getByLabel(namndnamn('SN')).waitFor({ timeout: 15_000 });
    const datum = oppna.getByLabel('Datum');
    const klockslag = oppna.getByLabel('Klockslag');

    // A deadline in the past and no nämnd: both said at their fields, focus on the first, nothing stored.
    await datum.fill('2020-01-15');
    await klockslag.fill('16:00');
    await oppna.getByTestId('oppna-omgang-knapp').click();
    expect(await datum.getAttribute('aria-invalid')).toBe('true');
    expect(await faltetsFel(page, datum)).toMatch(/Deadline har redan passerat/);
    expect(await faltetsFel(page, namnder)).toBe('Välj minst en nämnd för månadsprognosen.');
    expect(await namnder.getByLabel(namndnamn('SN')).getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('date');
    expect(await axeFel(page)).toEqual([]);
    expect(await omgangen(AR, 'maj')).toBeUndefined();

    await datum.fill(`${nastaAr}-01-15`);
    await klockslag.fill('15:30');
    await namnder.getByLabel(namndnamn('SN')).check();
    await namnder.getByLabel(namndnamn('KN')).check();
    await oppna.getByTestId('oppna-omgang-knapp').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toBe(`Helårsprognoser maj ${AR}`);
    const oppnad = await omgangen(AR, 'maj');
    expect(oppnad).toMatchObject({ typ: 'manadsprognos', status: 'oppen', namnder: ['KN', 'SN'] });
    expect(Date.parse(oppnad!.deadline)).toBe(Date.parse(`${nastaAr}-01-15T15:30:00+01:00`));
    expect(await page.getByTestId('omgang-deadline').textContent()).toContain(`${nastaAr}-01-15 15:30`);
    expect(await page.getByTestId('omgang-namnder').textContent()).toBe(`Månadsprognos för ${namndnamn('KN')}, ${namndnamn('SN')}.`);

    // Extending: a deadline before the current one is refused at the field and nothing changes; a later one is kept.
    const forlang = page.getByTestId('forlang-omgang');
    expect(await forlang.getByTestId('nuvarande-deadline').textContent()).toContain(`${nastaAr}-01-15 15:30`);
    const nyttDatum = forlang.getByLabel('Datum');
    await nyttDatum.fill(`${nastaAr}-01-10`);
    await forlang.getByLabel('Klockslag').fill('16:00');
    await forlang.getByTestId('forlang-omgang-knapp').click();
    expect(await nyttDatum.getAttribute('aria-invalid')).toBe('true');
    expect(await faltetsFel(page, nyttDatum)).toBe(`Välj en deadline efter den nuvarande, ${nastaAr}-01-15 15:30.`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('date');
    expect(await axeFel(page)).toEqual([]);
    expect((await omgangen(AR, 'maj'))!.deadline).toBe(oppnad!.deadline);

    await nyttDatum.fill(`${nastaAr}-01-29`);
    await forlang.getByTestId('forlang-omgang-knapp').click();
    await expect.poll(() => page.getByTestId('prognos-meddelande').textContent(), { timeout: 15_000 }).toMatch(/är förlängd till/);
    await expect
      .poll(async () => Date.parse((await omgangen(AR, 'maj'))!.deadline), { timeout: 15_000 })
      .toBe(Date.parse(`${nastaAr}-01-29T16:00:00+01:00`));
    await expect.poll(() => page.getByTestId('omgang-deadline').textContent(), { timeout: 15_000 }).toContain(`${nastaAr}-01-29 16:00`);

    // The threshold for a required comment: shown the Swedish way; a share out of range is refused and nothing is
    // stored; the same values saved again (the city's threshold is shared with every other test) are kept.
    const troskel = page.getByTestId('kommentarstroskel');
    const fore = (await api.json<KommentarstroskelDto>('/api/forecast/kommentarstroskel')).body;
    await troskel.getByTestId('troskel-formular').waitFor({ timeout: 15_000 });
    const belopp = troskel.getByLabel('Belopp (kr)');
    const andel = troskel.getByLabel('Andel av nettobudgeten (%)');
    const beloppText = await belopp.inputValue();
    const andelText = await andel.inputValue();
    expect(beloppText).toMatch(/^\d{1,3}([\s\u00a0]\d{3})*(,\d+)?$/);
    await andel.fill('150');
    await troskel.getByTestId('spara-troskel').click();
    expect(await andel.getAttribute('aria-invalid')).toBe('true');
    expect(await faltetsFel(page, andel)).toBe('Andelen ska vara mellan 0 och 100 %.');
    expect(await axeFel(page)).toEqual([]);
    expect((await api.json<KommentarstroskelDto>('/api/forecast/kommentarstroskel')).body).toEqual(fore);
    await andel.fill(andelText);
    await belopp.fill(beloppText);
    await troskel.getByTestId('spara-troskel').click();
    await expect
      .poll(() => page.getByTestId('prognos-meddelande').textContent(), { timeout: 15_000 })
      .toMatch(/Gränsen för kommentar är nu/);
    expect((await api.json<KommentarstroskelDto>('/api/forecast/kommentarstroskel')).body).toMatchObject({
      beloppOre: fore.beloppOre,
      procent: fore.procent,
    });

    await page.getByTestId('omgangar').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(BILDER, 'prognosomgangar-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(BILDER, 'prognosomgangar-390.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await axeFel(page)).toEqual([]);
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

    // After close, one ansvar is reopened from its row in the table, with a reason: without one it is not sent.
    await page.getByLabel('Filtrera på ansvar, namn, chef eller status').fill(ANSVAR);
    const rad = page.locator(`tr[data-ansvar="${ANSVAR}"]`);
    await rad.getByTestId('ateroppna').click();
    const skal = rad.getByLabel(`Varför öppnas ${ANSVAR} igen?`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await rad.getByTestId('ateroppna-ja').click();
    expect(await skal.getAttribute('aria-invalid')).toBe('true');
    expect(await faltetsFel(page, skal)).toBe('Skriv varför ansvaret öppnas igen.');
    expect(await axeFel(page)).toEqual([]);
    await skal.fill('Hyran för april kom efter stängningen.');
    await rad.getByTestId('ateroppna-ja').click();
    await expect.poll(() => page.getByTestId('prognos-meddelande').textContent(), { timeout: 15_000 }).toMatch(/är öppnat igen/);
    expect(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-ansvar'))).toBe(ANSVAR);
    await expect
      .poll(() => page.getByTestId('omgang-ateroppnade').textContent(), { timeout: 15_000 })
      .toMatch(new RegExp(`1 ansvar.*${ANSVAR}`));
    await loggaUt(page);

    // Its chef gets the form back for that ansvar alone, with the reason, and saves in the closed round.
    await loggaIn(page, stack.gatewayUrl, 'mirela.lindberg', `/prognoser?ar=${AR + 1}&tillfalle=april`);
    const stangd = page.getByTestId('omgang-stangd');
    await expect.poll(() => stangd.textContent(), { timeout: 15_000 }).toContain('har öppnat ett av dina ansvar igen');
    expect(await page.getByTestId('ateroppnade-ansvar').textContent()).toContain(`${ANSVAR}`);
    expect(await page.getByTestId('ateroppnade-ansvar').textContent()).toContain('Hyran för april kom efter stängningen.');
    const formular = page.getByTestId('lamna-prognos');
    await formular.waitFor({ timeout: 15_000 });
    expect(
      await formular
        .getByLabel('Ansvar', { exact: true })
        .locator('option')
        .evaluateAll((val) => val.map((o) => (o as HTMLOptionElement).value)),
    ).toEqual([ANSVAR]);
    const rutnat = page.locator(`[data-testid="prognosrutnat"][data-ansvar="${ANSVAR}"]`);
    await rutnat.waitFor({ timeout: 15_000 });
    await rutnat.getByLabel('Personalkostnader, din prognos i kr').fill('12 345');
    await rutnat.getByTestId('spara-utkast').click();
    await expect
      .poll(() => page.getByTestId('prognos-meddelande').textContent(), { timeout: 15_000 })
      .toMatch(/Utkastet är sparat för 16104/);
    const sparad = await api.json<{ status: string; rader: { kontogrupp: string; beloppOre: number }[] }>(
      `/api/forecast/helarsprognoser/${ANSVAR}/${AR + 1}/april`,
      { som: 'mirela.lindberg' },
    );
    expect(sparad.body.status).toBe('utkast');
    expect(sparad.body.rader).toContainEqual({ kontogrupp: 'personalkostnader', beloppOre: 1_234_500 });
    // Her other ansvar stay locked: their rows have no button to the form.
    expect(await page.locator('tr[data-ansvar]').getByTestId('till-formularet').count()).toBe(1);
    expect(await axeFel(page)).toEqual([]);
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
