import { mkdir, rmdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A lock the test files of one run share (each runs in a worker of its own), on the whole city's tables: which
 * accounts are internal and the account → row table. Held by tests that change them for a while, and by tests that
 * compare figures computed with them, so neither sees the other's moment. A directory, because creating one is atomic.
 * Gives back the release.
 */
export async function lasStadensTabeller(groupSuffix: string, timeoutMs = 300_000): Promise<() => Promise<void>> {
  const stig = join(tmpdir(), `tertial-stadens-tabeller${groupSuffix}`);
  const slut = Date.now() + timeoutMs;
  for (;;) {
    try {
      await mkdir(stig);
      return () => rmdir(stig);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (Date.now() > slut) throw new Error(`${stig} hölls längre än ${timeoutMs / 1000} s`);
    await sleep(250);
  }
}
