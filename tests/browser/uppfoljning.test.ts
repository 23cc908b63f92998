import { AxeBuilder } from '@axe-core/playwright';
import type { HelarsprognosDto, Uppfoljning } from '@tertial/contracts/dto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';

import { apiClient } from '../support/api.js';
import { ALLA_ANSVAR, DEMO } from '../support/demo.js';
import { eventually } from '../support/services.js';
import { chefFor } from '../support/tokens.js';
import { loggaIn } from './logga-in.js';
import { SKRIVBORD, startaChromium } from './webblasare.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);

/** A year of this file's own, so no other test's forecasts change the queue or the progress. */
const AR = 2043;
const TILLFALLE = 'augusti';
const SIDA = `/uppfoljning?ar=${AR}&tillfalle=${TILLFALLE}`;
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The demo provider's chef in Socialnämnden (ansvar 16101–16107); the test's forecasts are for the ansvar after hers. */
const CHEF = chefFor('16101');
const EGNA = ALLA_ANSVAR.filter((node) => node.chef?.anvandarId === CHEF).map((node) => node.kod);
/** Ansvar in Socialnämnden's first avdelning, in the förvaltning ekonom-sn reviews. */
const [STOR, LITEN, MELLAN, UTKAST, SENT] = ['16108', '16109', '16110', '16111', '16112'] as const;
const NETTO: Record<string, number> = { [STOR]: 3_000_000, [LITEN]: 1_000_000, [MELLAN]: 2_000_000, [UTKAST]: 500_000, [SENT]: 750_000 };
const STAD = DEMO.organisation.find((node) => node.niva === 'stad')!.kod;
const AVDELNING = DEMO.organisation.find((node) => node.kod === STOR)!.foralderKod!;
const FORVALTNING = DEMO.organisation.find((node) => node.kod === AVDELNING)!.foralderKod!;
const NAMND = DEMO.organisation.find((node) => node.kod === FORVALTNING)!.foralderKod!;

function lamna(ansvar: string, kronor: number, klarmarkerad = true) {
  return api.lamnaPrognos({
    ansvar,
    ar: AR,
    tillfalle: TILLFALLE,
    rader: [{ kontogrupp: 'personalkostnader', belopp: String(kronor) }],
    kommentar: `Prognos för ${ansvar}: vakanser och vikarier`,
    klarmarkerad,
  });
}

async function nod(kod: string, som = 'ekonomidirektor'): Promise<Uppfoljning> {
  const svar = await api.json<Uppfoljning>(`/api/report/uppfoljning/${AR}/${TILLFALLE}/noder/${kod}`, { som });
  if (svar.status !== 200) throw new Error(`${kod}: ${svar.status} ${JSON.stringify(svar.body)}`);
  return svar.body;
}

async function prognos(ansvar: string): Promise<HelarsprognosDto> {
  return (await api.json<HelarsprognosDto>(`/api/forecast/helarsprognoser/${ansvar}/${AR}/${TILLFALLE}`)).body;
}

/** Until the report service has heard what the test saved: the avdelning's progress as expected. */
async function vantaPaRollup(framsteg: Partial<Uppfoljning['nod']['framsteg']>): Promise<void> {
  await eventually(
    async () => (await nod(AVDELNING)).nod.framsteg,
    (nu) => Object.entries(framsteg).every(([status, antal]) => nu[status as keyof typeof nu] === antal),
    30_000,
  );
}

async function axeFel(page: Page): Promise<string[]> {
  const resultat = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return resultat.violations.flatMap((brott) => brott.nodes.map((n) => `${brott.id}: ${n.target.join(' ')} — ${n.failureSummary}`));
}

/** How many pixels the page is wider than its window (it should scroll sideways only inside its tables). */
function sidledsOverskott(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

const rad = (page: Page, kod: string) => page.locator(`[data-testid="rollup-tabell"] tr[data-kod="${kod}"]`);
const rotkoder = (page: Page) =>
  page.locator('[data-testid="rollup-tabell"] tr[data-djup="0"]').evaluateAll((rader) => rader.map((r) => r.getAttribute('data-kod')));

describe('Uppföljning: the round followed up by the ekonomidirektör, the förvaltningsekonom and a chef', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await startaChromium();
    await api.oppnaOmgangar([AR], [TILLFALLE]);
    for (const ansvar of [STOR, LITEN, MELLAN]) expect((await lamna(ansvar, NETTO[ansvar]!)).status).toBe(200);
    expect((await lamna(UTKAST, NETTO[UTKAST]!, false)).status).toBe(200);
    await vantaPaRollup({ klarmarkerade: 3, utkast: 1 });
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

  it('the ekonomidirektör opens the city down to an ansvar by keyboard, sees its figures live, and the missing list of a förvaltning', async () => {
    await loggaIn(page, stack.gatewayUrl, 'ekonomidirektor', SIDA);
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Uppföljning' }).count()).toBe(1);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 })
      .toBe(`Uppföljning ${TILLFALLE} ${AR}`);
    await rad(page, STAD).waitFor({ timeout: 15_000 });
    expect(await rotkoder(page)).toEqual([STAD]);

    // The city starts open; its button closes and opens it from the keyboard, and Tab goes on to the first nämnd's.
    const stad = page.getByTestId(`expandera-${STAD}`);
    expect(await stad.getAttribute('aria-expanded')).toBe('true');
    await stad.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => stad.getAttribute('aria-expanded')).toBe('false');
    expect(await rad(page, NAMND).count()).toBe(0);
    await page.keyboard.press('Space');
    await expect.poll(() => stad.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-djup'))).toBe('1');

    for (const kod of [NAMND, FORVALTNING, AVDELNING]) {
      const knapp = page.getByTestId(`expandera-${kod}`);
      await knapp.waitFor({ timeout: 15_000 });
      await knapp.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => knapp.getAttribute('aria-expanded')).toBe('true');
    }
    const stor = rad(page, STOR);
    await stor.waitFor({ timeout: 15_000 });
    expect(await stor.getAttribute('data-djup')).toBe('4');
    // An ansvar has nothing under it, so no button.
    expect(await stor.locator('button').count()).toBe(0);
    const forvantad = (await nod(AVDELNING)).barn.find((barn) => barn.kod === STOR)!;
    expect(forvantad.prognosOre).toBe(300_000_000);
    expect(await stor.locator('[data-falt="prognos"]').textContent()).toMatch(/^3,0\s*1 av 1 ansvar$/);
    expect(await stor.locator('[data-falt="avvikelse"]').textContent()).toContain('1 av 1 ansvar');
    expect(await stor.locator('[data-falt="framsteg"]').textContent()).toMatch(/^1 av 1 klara/);
    expect(await rad(page, AVDELNING).locator('[data-falt="prognos"]').textContent()).toMatch(/^6,0\s*3 av \d+ ansvar$/);

    // In tkr the same figure reads 3 000.
    await page.getByTestId('uppfoljning-enhet').selectOption('tkr');
    await expect.poll(() => stor.locator('[data-falt="prognos"]').textContent()).toMatch(/^3\s000\s*1 av 1 ansvar$/);

    // A forecast marked ready elsewhere appears without reload, from the round's stream.
    const sent = rad(page, SENT);
    expect(await sent.locator('[data-falt="prognos"]').textContent()).toContain('0 av 1 ansvar');
    expect((await lamna(SENT, NETTO[SENT]!)).status).toBe(200);
    await expect.poll(() => sent.locator('[data-falt="prognos"]').textContent(), { timeout: 20_000 }).toMatch(/^750\s*1 av 1 ansvar$/);

    // The progress per nämnd and förvaltning, in words as well as bars; the förvaltning's missing list a click away.
    const framsteg = page.getByTestId(`framsteg-${FORVALTNING}`);
    await framsteg.waitFor({ timeout: 15_000 });
    expect(await framsteg.getByTestId('framsteg-text').textContent()).toMatch(
      /ansvar: \d+ ej påbörjade, 1 utkast, 4 klarmarkerade, 0 godkända, 0 återsända$/,
    );
    await framsteg.getByTestId(`visa-saknade-${FORVALTNING}`).click();
    expect(await framsteg.getByTestId(`visa-saknade-${FORVALTNING}`).getAttribute('aria-expanded')).toBe('true');
    const utkast = framsteg.locator(`[data-testid="saknade-tabell"] tr[data-ansvar="${UTKAST}"]`);
    await utkast.waitFor({ timeout: 15_000 });
    expect(await utkast.textContent()).toContain('Utkast');
    expect(await utkast.textContent()).toContain(DEMO.organisation.find((node) => node.kod === UTKAST)!.chef!.namn);
    expect(await framsteg.locator(`[data-testid="saknade-tabell"] tr[data-ansvar="${STOR}"]`).count()).toBe(0);

    // The CSV is fetched with the token and saved under the service's name for it.
    const [nedladdning] = await Promise.all([page.waitForEvent('download'), framsteg.getByTestId(`saknade-csv-${FORVALTNING}`).click()]);
    expect(nedladdning.suggestedFilename()).toBe(`saknade-${FORVALTNING}-${AR}-${TILLFALLE}.csv`);

    expect(await axeFel(page)).toEqual([]);
  }, 180_000);

  it('the förvaltningsekonom sees the queue largest deviation first, approves one, sends one back with a comment, and is told of a stale one', async () => {
    // No live updates in this test: the forecast changed behind the page's back must stay stale on it.
    await page.route('**/api/report/uppfoljning/*/*/stream', (route) => route.abort());
    await loggaIn(page, stack.gatewayUrl, 'ekonom-sn', SIDA);
    const ko = page.getByTestId('ko-lista');
    await ko.waitFor({ timeout: 15_000 });
    expect(await rotkoder(page)).toEqual([FORVALTNING]);

    const avdelning = await nod(AVDELNING);
    const avvikelse = (kod: string) => avdelning.barn.find((barn) => barn.kod === kod)!.budgetOre - NETTO[kod]! * 100;
    const klarmarkerade = (
      await api.json<HelarsprognosDto[]>(`/api/forecast/helarsprognoser?ar=${AR}&tillfalle=${TILLFALLE}`, { som: 'ekonom-sn' })
    ).body
      .filter((p) => p.status === 'klarmarkerad')
      .map((p) => p.ansvar);
    const vantad = [...klarmarkerade].sort((a, b) => Math.abs(avvikelse(b)) - Math.abs(avvikelse(a)) || a.localeCompare(b));
    const ordning = () => ko.getByTestId('ko-post').evaluateAll((poster) => poster.map((p) => p.getAttribute('data-ansvar')));
    expect(await ordning()).toEqual(vantad);
    expect(vantad.indexOf(STOR)).toBeLessThan(vantad.indexOf(MELLAN));
    expect(vantad.indexOf(MELLAN)).toBeLessThan(vantad.indexOf(LITEN));
    const storPost = ko.locator(`[data-ansvar="${STOR}"]`);
    expect(await storPost.textContent()).toContain(`Prognos för ${STOR}: vakanser och vikarier`);
    expect(await storPost.getByTestId('ko-avvikelse').textContent()).toMatch(/^−?\d/);

    await storPost.getByTestId('ko-godkann').click();
    await expect.poll(() => ko.locator(`[data-ansvar="${STOR}"]`).count(), { timeout: 15_000 }).toBe(0);
    expect(await page.getByTestId('ko-meddelande').textContent()).toBe(`Prognosen för ${STOR} är godkänd.`);
    expect((await prognos(STOR)).status).toBe('godkand');

    const mellan = ko.locator(`[data-ansvar="${MELLAN}"]`);
    await mellan.getByTestId('ko-atersand').click();
    const kommentar = mellan.getByLabel(`Varför skickas prognosen för ${MELLAN} tillbaka?`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await mellan.getByTestId('atersand-ja').click();
    expect(await kommentar.getAttribute('aria-invalid')).toBe('true');
    await kommentar.fill('Räkna med höstens vakanser.');
    await mellan.getByTestId('atersand-ja').click();
    await expect.poll(() => ko.locator(`[data-ansvar="${MELLAN}"]`).count(), { timeout: 15_000 }).toBe(0);
    const aterskickad = await prognos(MELLAN);
    expect(aterskickad).toMatchObject({ status: 'aterskickad', beslutskommentar: 'Räkna med höstens vakanser.' });

    // The chef saves a new version while the queue still shows the old one: the decision is refused (412) and said so.
    const liten = ko.locator(`[data-ansvar="${LITEN}"]`);
    await liten.waitFor();
    const fore = await liten.getByTestId('ko-avvikelse').textContent();
    expect((await lamna(LITEN, 1_100_000)).status).toBe(200);
    await liten.getByTestId('ko-godkann').click();
    const fel = page.getByTestId('ko-fel');
    await fel.waitFor({ timeout: 15_000 });
    expect(await fel.getAttribute('data-status')).toBe('412');
    expect(await fel.textContent()).toContain('Någon har ändrat prognosen sedan listan hämtades');
    expect((await prognos(LITEN)).status).toBe('klarmarkerad');
    // The list is fetched again, with the new version to decide on.
    await expect.poll(() => liten.getByTestId('ko-avvikelse').textContent(), { timeout: 15_000 }).not.toBe(fore);
    await liten.getByTestId('ko-godkann').click();
    await expect.poll(async () => (await prognos(LITEN)).status, { timeout: 15_000 }).toBe('godkand');

    // The förvaltning's progress and its missing list, also as CSV (live again, from a fresh load).
    await page.unroute('**/api/report/uppfoljning/*/*/stream');
    await page.reload();
    const framsteg = page.getByTestId(`framsteg-${FORVALTNING}`);
    await expect.poll(() => framsteg.getByTestId('framsteg-text').textContent(), { timeout: 15_000 }).toMatch(/2 godkända, 1 återsända$/);
    await framsteg.getByTestId(`visa-saknade-${FORVALTNING}`).click();
    await framsteg.locator(`[data-testid="saknade-tabell"] tr[data-ansvar="${MELLAN}"]`).waitFor({ timeout: 15_000 });
    expect(await framsteg.locator(`[data-testid="saknade-tabell"] tr[data-ansvar="${MELLAN}"]`).textContent()).toContain('Återsänd');
    expect(await page.getByTestId(`saknade-csv-${FORVALTNING}`).count()).toBe(1);

    // A reminder to every chef on the list, by keyboard: the list then says when, and by whom.
    const paminn = framsteg.getByTestId(`paminn-${FORVALTNING}`);
    await paminn.getByLabel('Meddelande till cheferna (valfritt)').fill('Sista dagen är fredag.');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('skicka-paminnelse');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => paminn.getByTestId('paminnelse-status').textContent(), { timeout: 15_000 })
      .toMatch(/^Påminnelse skickad om \d+ ansvar\./);
    const mellanRad = framsteg.locator(`[data-testid="saknade-tabell"] tr[data-ansvar="${MELLAN}"]`);
    await expect
      .poll(() => mellanRad.locator('td').last().textContent(), { timeout: 15_000 })
      .toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} av /);
    expect(await axeFel(page)).toEqual([]);
    await context.close();

    // The chef of the ansvar sent back sees the reminder, with its words, on the forecast page.
    context = await browser.newContext(SKRIVBORD);
    page = await context.newPage();
    await loggaIn(page, stack.gatewayUrl, chefFor(MELLAN), `/prognoser?ar=${AR}&tillfalle=${TILLFALLE}`);
    await page.getByTestId('lamna-prognos').getByLabel('Ansvar', { exact: true }).selectOption(MELLAN);
    const paminnelser = page.getByTestId('paminnelser-till-chef');
    await paminnelser.waitFor({ timeout: 15_000 });
    expect(await paminnelser.locator(`li[data-ansvar~="${MELLAN}"]`).textContent()).toContain('Sista dagen är fredag.');
    expect(await axeFel(page)).toEqual([]);
  }, 180_000);

  it('a chef sees only their own ansvar, and an avdelningschef their avdelning down to its ansvar', async () => {
    await loggaIn(page, stack.gatewayUrl, CHEF, SIDA);
    await rad(page, EGNA[0]!).waitFor({ timeout: 15_000 });
    expect(EGNA).not.toContain(STOR);
    expect((await rotkoder(page)).sort()).toEqual([...EGNA].sort());
    expect(await page.locator('[data-testid="rollup-tabell"] tbody tr').count()).toBe(EGNA.length);
    expect(await page.getByTestId('expandera-' + AVDELNING).count()).toBe(0);
    expect(await page.getByTestId('framsteg').count()).toBe(0);
    expect(await page.getByTestId('granskningsko').count()).toBe(0);
    expect(await axeFel(page)).toEqual([]);
    await context.close();

    context = await browser.newContext(SKRIVBORD);
    page = await context.newPage();
    const hennes = DEMO.organisation.find((node) => node.niva === 'avdelning' && node.foralderKod === FORVALTNING)!;
    await loggaIn(page, stack.gatewayUrl, 'avdelningschef-sn', SIDA);
    await rad(page, hennes.kod).waitFor({ timeout: 15_000 });
    expect(await rotkoder(page)).toEqual([hennes.kod]);
    expect(await page.getByTestId(`expandera-${hennes.kod}`).getAttribute('aria-expanded')).toBe('true');
    const forsta = DEMO.organisation.find((node) => node.foralderKod === hennes.kod)!;
    await rad(page, forsta.kod).waitFor({ timeout: 15_000 });
    expect(await rad(page, forsta.kod).getAttribute('data-djup')).toBe('1');
    expect(await rad(page, FORVALTNING).count()).toBe(0);
  }, 180_000);

  it.each([
    { anvandare: 'ekonomidirektor', vantaPa: 'framsteg' },
    { anvandare: 'ekonom-sn', vantaPa: 'granskningsko' },
    { anvandare: CHEF, vantaPa: 'rollup' },
  ])(
    'at 390 px the page does not scroll sideways for $anvandare, and has no axe findings',
    async ({ anvandare, vantaPa }) => {
      await context.close();
      context = await browser.newContext({ ...SKRIVBORD, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      page = await context.newPage();
      await loggaIn(page, stack.gatewayUrl, anvandare, SIDA);
      await page.getByTestId(vantaPa).waitFor({ timeout: 15_000 });
      await page.waitForFunction(() => document.querySelectorAll('p.meddelande[role="status"]').length === 0, undefined, {
        timeout: 20_000,
      });
      expect(await sidledsOverskott(page)).toBe(0);
      // The wide table scrolls inside its own labelled region instead.
      const region = page.getByRole('region', { name: /Prognosomgångens siffror/ });
      expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      expect(await axeFel(page)).toEqual([]);
    },
    180_000,
  );
});
