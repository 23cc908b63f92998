import type { Exportformat, RapportversionMedInnehall } from '@tertial/contracts/dto';

/**
 * A version as a file of the asked format. Each writer is loaded on its first use: the libraries (pdfkit and
 * ECharts, exceljs, docx) cost memory that a service which never exports need not carry.
 */
export async function exportera(format: Exportformat, v: RapportversionMedInnehall): Promise<Buffer> {
  if (format === 'pdf') return (await import('./pdf.js')).pdf(v);
  if (format === 'xlsx') return (await import('./xlsx.js')).xlsx(v);
  return (await import('./docx.js')).docx(v);
}
