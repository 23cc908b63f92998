import type { Exportformat, RapportversionMedInnehall } from '@tertial/contracts/dto';

import { exporttid, fastaTider } from './fasta-tider.js';

/**
 * A version as a file of the asked format, the same bytes for the same version every time (no clock time inside:
 * see {@link exporttid}). Each writer is loaded on its first use: the libraries (pdfkit and ECharts, exceljs, docx)
 * cost memory that a service which never exports need not carry.
 */
export async function exportera(format: Exportformat, v: RapportversionMedInnehall): Promise<Buffer> {
  if (format === 'pdf') return (await import('./pdf.js')).pdf(v);
  const fil = format === 'xlsx' ? await (await import('./xlsx.js')).xlsx(v) : await (await import('./docx.js')).docx(v);
  return fastaTider(fil, exporttid(v));
}
