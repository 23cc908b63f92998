import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';

import { apiClient } from '../support/api.js';
import { ansvarI } from '../support/demo.js';
import { chefFor } from '../support/tokens.js';
import { loggaIn } from './logga-in.js';
import { SKRIVBORD, startaChromium } from './webblasare.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);

/** A year of this file's own, with a submitted forecast to review, so no other test's data is disturbed. */
const AR = 2044;
/** An ansvar in Socialnämnden, in the förvaltning ekonom-sn reviews. */
const ANSVAR = ansvarI('SN')[2]!;
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** Tab through at most this many stops of a page: enough for the header, the forms and the first rows. */
const HOGST_TABBSTOPP = 120;

const ALLA_SIDOR = [
  '/',
  '/prognoser',
  '/uppfoljning',
  '/mal',
  '/organisation',
  '/budget',
  '/utfall/import',
  '/investeringar',
  '/koncern',
  '/resultat',
  '/rapporter',
  '/bokslut',
  '/prognossakerhet',
];

/** Every role of the demo provider, a chef at each level of the organisation, and the pages each may use. */
const ROLLER = [
  { anvandare: 'ekonomidirektor', sidor: ALLA_SIDOR },
  { anvandare: 'ekonom-sn', sidor: ['/prognoser', '/uppfoljning', '/mal', '/organisation', '/budget', '/investeringar'] },
  { anvandare: 'forvaltningschef-sn', sidor: ['/prognoser', '/uppfoljning', '/mal', '/organisation'] },
  { anvandare: 'avdelningschef-sn', sidor: ['/prognoser', '/uppfoljning', '/mal', '/organisation'] },
  { anvandare: chefFor(ansvarI('SN')[0]!), sidor: ['/prognoser', '/uppfoljning', '/mal', '/organisation'] },
  { anvandare: 'processledare-sn', sidor: ['/mal', '/organisation'] },
  { anvandare: 'kf-ledamot', sidor: ['/rapporter'] },
  { anvandare: 'ekonomichef-hbghem', sidor: ['/bolag'] },
];

/** Opens a page of the dashboard by its address and waits until it has fetched what it shows. */
async function oppna(page: Page, sokvag: string): Promise<void> {
  await page.goto(`${stack.gatewayUrl}${sokvag}`);
  await page.getByTestId('inloggad-anvandare').waitFor({ timeout: 15_000 });
  await vantaTillsKlar(page);
}

/** Until no "Laddar…" is left and no chart is still being loaded. */
async function vantaTillsKlar(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => document.querySelectorAll('p.meddelande[role="status"], [aria-busy="true"]').length === 0, undefined, {
    timeout: 20_000,
  });
}

/** axe's violations of WCAG 2.1 A and AA, one line per element, so a failure says what and where. */
async function axeFel(page: Page): Promise<string[]> {
  const resultat = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return resultat.violations.flatMap((brott) =>
    brott.nodes.map((nod) => `${brott.id} (${brott.impact}): ${nod.target.join(' ')} — ${nod.failureSummary?.replace(/\s+/g, ' ')}`),
  );
}

interface Tabbresultat {
  /** Elements that take focus from Tab but were never reached. */
  ejNadda: string[];
  /** Elements reached whose look did not change on focus. */
  utanFokusmarkering: string[];
  antal: number;
}

/**
 * Tabs through the page from the top. Every element that takes focus from the keyboard, in document order,
 * must be reached in that order, and each must look different focused than not (outline, shadow, border or
 * background of the element or its direct children).
 */
async function tabbaIgenom(page: Page): Promise<Tabbresultat> {
  const stopp = await page.evaluate((hogst) => {
    const stil = (el: Element) => {
      const delar = [el, ...Array.from(el.children)].map((del) => {
        const s = getComputedStyle(del);
        const kontur =
          s.outlineStyle === 'none' || s.outlineWidth === '0px' ? 'ingen' : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`;
        return [kontur, s.boxShadow, s.borderColor, s.backgroundColor, s.textDecorationLine].join('|');
      });
      return delar.join('/');
    };
    // Tab starts from the top of the document: from a sentinel before everything else, which Tab then leaves.
    // It takes focus first, so nothing is measured "unfocused" while it still has focus.
    const start = document.createElement('span');
    start.tabIndex = -1;
    start.dataset.tabbstart = '';
    document.body.prepend(start);
    start.focus();
    const tabbbara = Array.from(
      document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex], [contenteditable="true"]'),
    ).filter((el) => {
      if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled || el.closest('[inert]')) return false;
      if (el instanceof HTMLInputElement && el.type === 'hidden') return false;
      // Inside a closed <details> only its summary is reached; the rest is, once it is opened.
      const details = el.closest('details');
      if (details && !details.open && !(el.tagName === 'SUMMARY' && el.parentElement === details)) return false;
      const s = getComputedStyle(el);
      if (s.visibility === 'hidden' || s.display === 'none') return false;
      // The skip link is off-screen until focused, but reached all the same.
      return el.getClientRects().length > 0;
    });
    const valda = tabbbara.slice(0, hogst);
    valda.forEach((el, index) => {
      el.dataset.tabbstopp = String(index);
      el.dataset.ofokuserad = stil(el);
    });
    (window as unknown as { __fokusstil: (el: Element) => string }).__fokusstil = stil;

    // A date or time field is one element but up to four Tab stops in Chromium, each focusing the input: a date's
    // three parts and its calendar button, a time's hour, minute, AM/PM (in the browser's language here) and clock button.
    const extraStopp = valda.filter((el) => el instanceof HTMLInputElement && (el.type === 'date' || el.type === 'time')).length * 3;
    return { antal: valda.length, extraStopp };
  }, HOGST_TABBSTOPP);
  const { antal, extraStopp } = stopp;

  const nadda = new Set<number>();
  const utanFokusmarkering: string[] = [];
  for (let tryck = 0; tryck < antal + extraStopp + 2 && nadda.size < antal; tryck++) {
    await page.keyboard.press('Tab');
    const fokus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el?.dataset.tabbstopp) return undefined;
      const fokuserad = (window as unknown as { __fokusstil: (el: Element) => string }).__fokusstil(el);
      return { index: Number(el.dataset.tabbstopp), synlig: fokuserad !== el.dataset.ofokuserad, vem: beskriv(el) };
      function beskriv(element: HTMLElement): string {
        const namn = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? '';
        return `<${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}> "${namn}"`;
      }
    });
    if (!fokus) continue;
    nadda.add(fokus.index);
    if (!fokus.synlig) utanFokusmarkering.push(fokus.vem);
  }
  await page.evaluate(() => document.querySelector('[data-tabbstart]')?.remove());
  const ejNadda = await page.evaluate(
    (nadda) =>
      Array.from(document.querySelectorAll<HTMLElement>('[data-tabbstopp]'))
        .filter((el) => !nadda.includes(Number(el.dataset.tabbstopp)))
        .map((el) => `<${el.tagName.toLowerCase()}> "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`),
    [...nadda],
  );
  return { ejNadda, utanFokusmarkering, antal };
}

/** How much wider than the window the page itself is, at 390 px; 0 when it does not scroll sideways. */
async function bredareAnFonstret(page: Page): Promise<number> {
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await page.waitForTimeout(100);
    return await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
}

async function forvantaIngaAxeFel(page: Page, vad: string): Promise<void> {
  const fel = await axeFel(page);
  expect(fel, `axe on ${vad}:\n${fel.join('\n')}`).toEqual([]);
}

describe('every page for every role, measured: axe (WCAG 2.1 AA), keyboard and 390 px', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await startaChromium();
    await api.oppnaOmgangar([AR], ['april', 'augusti']);
    const lamnad = await api.lamnaPrognos({
      ansvar: ANSVAR,
      ar: AR,
      tillfalle: 'augusti',
      rader: [{ kontogrupp: 'personalkostnader', belopp: '1 200 000' }],
      kommentar: 'Fler vikarier i höst',
    });
    expect(lamnad.status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe.each(ROLLER)('signed in as $anvandare', ({ anvandare, sidor }) => {
    let context: BrowserContext;
    let page: Page;
    /** The API's refusals since the page was opened: a page asks only for what the role may read. */
    const nekadeAnrop: string[] = [];

    beforeAll(async () => {
      context = await browser.newContext(SKRIVBORD);
      page = await context.newPage();
      page.on('response', (svar) => {
        if ([401, 403].includes(svar.status()) && new URL(svar.url()).pathname.startsWith('/api/'))
          nekadeAnrop.push(`${svar.status()} ${svar.url()}`);
      });
      await loggaIn(page, stack.gatewayUrl, anvandare, sidor[0]);
    });
    afterAll(async () => {
      await context?.close();
    });

    it.each(sidor)(
      '%s asks only for what the role may read, has no axe violations, every control is reached by Tab with visible focus, and fits 390 px',
      async (sokvag) => {
        nekadeAnrop.length = 0;
        await oppna(page, sokvag);
        const fel = await axeFel(page);
        const tabb = await tabbaIgenom(page);
        const overskott = await bredareAnFonstret(page);
        // One object, so a failure shows everything wrong with the page at once.
        expect({
          axe: fel,
          nekadeAnrop,
          ejNaddaMedTab: tabb.ejNadda,
          utanSynligFokus: tabb.utanFokusmarkering,
          pixlarForBrettVid390: Math.max(0, overskott),
        }).toEqual({ axe: [], nekadeAnrop: [], ejNaddaMedTab: [], utanSynligFokus: [], pixlarForBrettVid390: 0 });
        expect(tabb.antal).toBeGreaterThan(0);
      },
      180_000,
    );
  });

  describe('the interactive states', () => {
    let context: BrowserContext | undefined;

    /** A fresh browser profile signed in as `anvandare` on `sokvag`. */
    async function inloggad(anvandare: string, sokvag: string): Promise<Page> {
      context = await browser.newContext(SKRIVBORD);
      const page = await context.newPage();
      await loggaIn(page, stack.gatewayUrl, anvandare, sokvag);
      await vantaTillsKlar(page);
      return page;
    }
    afterEach(async () => {
      await context?.close();
      context = undefined;
    });

    it('the ekonomidirektör’s forms, refused input and the question before closing a round', async () => {
      const page = await inloggad('ekonomidirektor', `/prognoser?ar=${AR}&tillfalle=april`);
      const oppnaOmgang = page.getByTestId('oppna-omgang');
      await oppnaOmgang.getByLabel('År', { exact: true }).fill('tjugo');
      // A månadsprognos asks for its nämnder; none ticked and a deadline in the past are refused at their fields too.
      await oppnaOmgang.getByLabel('Tillfälle').selectOption('mars');
      await oppnaOmgang.getByTestId('manadsprognos-namnder').getByRole('checkbox').first().waitFor({ timeout: 15_000 });
      await oppnaOmgang.getByLabel('Datum').fill('2020-01-15');
      await oppnaOmgang.getByTestId('oppna-omgang-knapp').click();
      expect(await oppnaOmgang.getByRole('checkbox').first().getAttribute('aria-invalid')).toBe('true');
      await forvantaIngaAxeFel(page, 'the refused form to open a round');

      // Extending the open round to a deadline not later than the current one.
      const forlang = page.getByTestId('forlang-omgang');
      await forlang.getByLabel('Datum').fill('2020-01-15');
      await forlang.getByTestId('forlang-omgang-knapp').click();
      expect(await forlang.getByLabel('Datum').getAttribute('aria-invalid')).toBe('true');
      await forvantaIngaAxeFel(page, 'the refused extension of a round');

      // The comment threshold, refused.
      await page.getByLabel('Andel av nettobudgeten (%)').fill('fem');
      await page.getByTestId('spara-troskel').click();
      expect(await page.getByLabel('Andel av nettobudgeten (%)').getAttribute('aria-invalid')).toBe('true');
      await forvantaIngaAxeFel(page, 'the refused comment threshold');

      await page.getByTestId('stang-omgang').click();
      await page.getByTestId('stang-omgang-ja').waitFor();
      await forvantaIngaAxeFel(page, 'the question before closing a round');
    }, 180_000);

    it('the ekonomidirektör’s report form sent empty, and the import tried without a file', async () => {
      const page = await inloggad('ekonomidirektor', '/rapporter');
      await page.getByTestId('skapa-rapportutkast').click();
      await forvantaIngaAxeFel(page, 'the report form, sent empty');

      // A dry run without a file says so, beside the file field and tied to it, which takes focus.
      await oppna(page, '/utfall/import');
      await page.getByTestId('utfall-provkor').click();
      const filfalt = page.getByLabel('Fil med utfall');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('utfall-fil');
      expect(await filfalt.getAttribute('aria-invalid')).toBe('true');
      const felId = (await filfalt.getAttribute('aria-describedby'))!.split(' ')[0]!;
      expect(await page.locator(`[id="${felId}"]`).textContent()).toBe('Välj en fil först.');
      expect(await page.locator(`[id="${felId}"]`).isVisible()).toBe(true);
      await forvantaIngaAxeFel(page, 'the import, tried without a file');
    }, 180_000);

    it('the förvaltningsekonom’s send-back form, empty and refused', async () => {
      const page = await inloggad('ekonom-sn', `/prognoser?ar=${AR}&tillfalle=augusti`);
      const rad = page.locator(`tr[data-ansvar="${ANSVAR}"]`);
      await page.getByLabel('Filtrera på ansvar, namn, chef eller status').fill(ANSVAR);
      await rad.getByTestId('skicka-tillbaka').click();
      await rad.getByTestId('skicka-tillbaka-formular').waitFor();
      await forvantaIngaAxeFel(page, 'the send-back form');
      await rad.getByTestId('skicka-tillbaka-ja').click();
      await forvantaIngaAxeFel(page, 'the send-back form without a reason');

      // Escape closes it, and focus goes back to the button that opened it.
      await page.keyboard.press('Escape');
      await expect.poll(() => rad.getByTestId('skicka-tillbaka-formular').count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('skicka-tillbaka');
      expect(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-ansvar'))).toBe(ANSVAR);
    });

    it('a chef’s forecast grid, refused and accepted', async () => {
      const page = await inloggad(chefFor(ANSVAR), `/prognoser?ar=${AR}&tillfalle=april`);
      const formular = page.getByTestId('lamna-prognos');
      await formular.waitFor({ timeout: 15_000 });
      await formular.getByLabel('Ansvar', { exact: true }).selectOption(ANSVAR);
      const rutnat = page.locator(`[data-testid="prognosrutnat"][data-ansvar="${ANSVAR}"]`);
      await rutnat.waitFor({ timeout: 15_000 });
      await forvantaIngaAxeFel(page, 'the forecast grid');
      await rutnat.getByLabel(/^Personalkostnader, din prognos/).fill('-5');
      await rutnat.getByTestId('klarmarkera').click();
      await forvantaIngaAxeFel(page, 'the refused forecast grid');
      // The message is tied to its cell, which has focus.
      const cell = rutnat.getByLabel(/^Personalkostnader, din prognos/);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-kontogrupp'))).toBe('personalkostnader');
      const felId = (await cell.getAttribute('aria-describedby'))!.split(' ')[0]!;
      expect(await page.locator(`[id="${felId}"]`).textContent()).toMatch(/negativt/);
    });

    it('a processledare’s goal form, sent empty', async () => {
      const page = await inloggad('processledare-sn', '/mal');
      await page.getByTestId('lagg-till-mal').click();
      await page.getByTestId('nytt-mal').locator('[aria-invalid="true"]').first().waitFor();
      await forvantaIngaAxeFel(page, 'the refused goal form');
    });
  });
});
