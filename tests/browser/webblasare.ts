import { chromium, type Browser, type BrowserContextOptions } from 'playwright-core';

import { CHROMIUM_ARGS, chromiumEnv } from '../../infra/scripts/lib/chromium.mjs';

/** Debian's Chromium (the one `npm test` installs), headless and in Swedish, as every browser test runs it. */
export function startaChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS.filter((arg) => arg !== '--headless'),
    env: chromiumEnv(),
  });
}

/** A Swedish desktop window: what a page or a context opens with unless a test says otherwise. */
export const SKRIVBORD: BrowserContextOptions = { locale: 'sv-SE', viewport: { width: 1280, height: 900 } };
