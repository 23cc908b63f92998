import type { Exportformat, RapportversionMedInnehall } from '@tertial/contracts/dto';

import { docx } from './docx.js';
import { pdf } from './pdf.js';
import { xlsx } from './xlsx.js';

/** A version as a file of the asked format. */
export function exportera(format: Exportformat, v: RapportversionMedInnehall): Promise<Buffer> {
  if (format === 'pdf') return pdf(v);
  if (format === 'xlsx') return xlsx(v);
  return docx(v);
}
