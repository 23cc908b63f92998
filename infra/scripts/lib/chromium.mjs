// The browser for end-to-end tests and screenshots: Debian's chromium (playwright-core drives it), since
// a browser build of Playwright's own cannot be downloaded here.
import { accessSync, constants, existsSync } from 'node:fs';

import { aptInstall, createLog } from './process.mjs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

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
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;

  log("chromium is missing: installing Debian's chromium package (a few minutes the first time)");
  await aptInstall(['chromium', 'fonts-liberation'], { log }); // a font, or pages render without text
  if (!existsSync(DEBIAN_CHROMIUM)) throw new Error(`chromium was installed but ${DEBIAN_CHROMIUM} does not exist`);
  return DEBIAN_CHROMIUM;
}
