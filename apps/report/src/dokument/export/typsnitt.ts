import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The files' one font: Liberation Sans (metric-compatible with Arial), from Debian's fonts-liberation, which the
 * scripts install with Chromium. PDF/A-2 requires every font embedded, and the DOCX's chart images are drawn with it.
 * TERTIAL_TYPSNITT points elsewhere.
 */
const MAPP = process.env.TERTIAL_TYPSNITT ?? '/usr/share/fonts/truetype/liberation';
export const REGULAR = join(MAPP, 'LiberationSans-Regular.ttf');
export const BOLD = join(MAPP, 'LiberationSans-Bold.ttf');

export function kravTypsnitt(): void {
  for (const fil of [REGULAR, BOLD])
    if (!existsSync(fil)) throw new Error(`typsnittet ${fil} saknas (installera fonts-liberation eller sätt TERTIAL_TYPSNITT)`);
}
