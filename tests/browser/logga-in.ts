import type { Page } from 'playwright-core';

const INLOGGNING_TIMEOUT_MS = 15_000;

/**
 * Signs in through the real flow: opens `sokvag` on the dashboard, which shows its sign-in page, clicks
 * "Logga in", picks the demo user on the local provider's page, and waits until the dashboard is back with
 * the user signed in (on `sokvag`, the page they wanted). A demo user the page does not list (most chefs) is typed
 * into "Annan demoanvändare". Where the provider still has a session for the same user it sends the browser
 * straight back, and there is nothing to pick.
 */
export async function loggaIn(page: Page, gatewayUrl: string, anvandarId: string, sokvag = '/'): Promise<void> {
  await page.goto(`${gatewayUrl}${sokvag}`);
  await page.getByTestId('logga-in').click();

  const anvandare = page.locator(`button[value="${anvandarId}"]`);
  const inloggad = page.getByTestId('inloggad-anvandare');
  const annan = page.getByLabel('Annan demoanvändare (användar-id)');
  await anvandare.or(inloggad).or(annan).first().waitFor({ timeout: INLOGGNING_TIMEOUT_MS });
  if (await anvandare.isVisible()) await anvandare.click();
  else if (await annan.isVisible()) {
    await annan.fill(anvandarId);
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  }
  await inloggad.waitFor({ timeout: INLOGGNING_TIMEOUT_MS });
}

/**
 * Clicks "Logga ut" and confirms on the provider's page when it asks, then waits until the dashboard shows
 * its sign-in page again.
 */
export async function loggaUt(page: Page): Promise<void> {
  await page.getByTestId('logga-ut').click();
  const bekrafta = page.locator('button[name="logout"][value="yes"]');
  const inloggningssida = page.getByTestId('logga-in');
  await bekrafta.or(inloggningssida).first().waitFor({ timeout: INLOGGNING_TIMEOUT_MS });
  if (await bekrafta.isVisible()) await bekrafta.click();
  await inloggningssida.waitFor({ timeout: INLOGGNING_TIMEOUT_MS });
}
