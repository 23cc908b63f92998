// The browser for end-to-end tests and screenshots: Debian's chromium (playwright-core drives it), since
// a browser build of Playwright's own cannot be downloaded here.
import { accessSync, constants, existsSync } from 'node:fs';

import { aptInstall, createLog } from './process.mjs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
/** Debian's chromium ships only en-US; chromium-l10n brings the others, Swedish among them. */
const SWEDISH_PAK = '/usr/lib/chromium/locales/sv.pak';

/**
 * The environment chromium is started with: Swedish as its own language (LANGUAGE, which it reads on Linux), so that
 * the controls it draws itself (time and date inputs) show 14:30 and 2026-04-30 as a Swedish user's browser does, not
 * 02:30 PM. A context's `locale` sets only what pages ask for (navigator.language, Intl, Accept-Language).
 */
export function chromiumEnv(env = process.env) {
  return { ...env, LANGUAGE: 'sv' };
}

/**
 * What a headless run as root needs. Chromium's sandbox does not work as root; /dev/shm may be small;
 * and without the background-networking flags it keeps calling home (updates, sync, QUIC probes), which
 * on a machine with no network floods the logs and the closed network with retries.
 */
export const CHROMIUM_ARGS = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]);

/** The chromium executable: CHROMIUM_PATH if set, else Debian's, installed with apt-get when missing. */
export async function ensureChromium({ log = createLog('chromium') } = {}) {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    try {
      accessSync(configured, constants.X_OK);
    } catch {
      throw new Error(`CHROMIUM_PATH=${configured} is not an executable file`);
    }
    return configured;
  }
  if (existsSync(DEBIAN_CHROMIUM) && existsSync(SWEDISH_PAK)) return DEBIAN_CHROMIUM;

  log("chromium or its Swedish is missing: installing Debian's chromium packages (a few minutes the first time)");
  // A font, or pages render without text; chromium-l10n for Swedish time and date inputs (chromiumEnv).
  await aptInstall(['chromium', 'chromium-l10n', 'fonts-liberation'], { log });
  if (!existsSync(DEBIAN_CHROMIUM)) throw new Error(`chromium was installed but ${DEBIAN_CHROMIUM} does not exist`);
  return DEBIAN_CHROMIUM;
}
