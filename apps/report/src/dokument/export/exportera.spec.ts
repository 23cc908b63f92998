import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { byggInnehall } from '../sektioner.js';
import { exportera } from './exportera.js';

const innehall = byggInnehall({
  rapport: 'delarsrapport-augusti',
  ar: 2026,
  periodTomManad: 8,
  ekonomi: [
    {
      kod: 'SN',
      namn: 'Socialnämnden',
      budgetOre: 123_456_789_01,
      utfallOre: 80_000_000_05,
      prognosOre: 125_000_000_00,
      avvikelseOre: -1_543_210_99,
    },
    { kod: 'KN', namn: 'Kulturnämnden', budgetOre: 20_000_000_00, utfallOre: 13_000_000_10, prognosOre: null, avvikelseOre: null },
  ],
  period: [
    { kod: 'SN', namn: 'Socialnämnden', periodbudgetOre: 82_000_000_00, periodutfallOre: 80_000_000_05 },
    { kod: 'KN', namn: 'Kulturnämnden', periodbudgetOre: null, periodutfallOre: 13_000_000_10 },
  ],
  mal: [{ namnd: 'Socialnämnden', mal: 'Fler i egen försörjning', bedomning: 'delvis-uppfyllt', analys: 'Arbetslösheten sjönk.' }],
  kommentarer: [{ namnd: 'Socialnämnden', ansvar: '41230', avvikelseOre: -1_543_210_99, kommentar: 'Fler placeringar än väntat.' }],
  texter: {
    'vasentliga-handelser': [
      { typ: 'rubrik', text: 'Året' },
      { typ: 'stycke', text: 'Ett år med höga kostnader för försörjningsstöd.' },
      { typ: 'lista', punkter: ['Ny skola', 'Nytt bad'] },
    ],
  },
});
const version = {
  rapport: 'delarsrapport-augusti' as const,
  ar: 2026,
  version: 1,
  status: 'faststalld' as const,
  hash: 'a'.repeat(64),
  ersatter: null,
  skapadAt: '2026-09-01T08:00:00.000Z',
  skapadAv: 'ekonomidirektor',
  faststalldAt: '2026-10-20T08:00:00.000Z',
  faststalldAv: 'ekonomidirektor',
  innehall,
};

describe('a version as files', () => {
  it('the PDF declares PDF/A-2a, is tagged, and its footer carries the hash', { timeout: 30_000 }, async () => {
    const fil = await exportera('pdf', version);
    const text = fil.toString('latin1');
    expect(text.startsWith('%PDF-1.7')).toBe(true);
    expect(text).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(text).toContain('/StructTreeRoot');
    expect(text).toContain('/S /Figure');
    expect(text).toMatch(/\/Alt /);
  });

  it('the XLSX has a sheet per section, amounts in kronor to the öre, and totals as formulas over their rows', async () => {
    const bok = new ExcelJS.Workbook();
    const fil = await exportera('xlsx', version);
    await bok.xlsx.load(fil.buffer.slice(fil.byteOffset, fil.byteOffset + fil.byteLength) as ArrayBuffer);
    expect(bok.worksheets.map((b) => b.name)).toEqual(innehall.sektioner.map((s) => s.rubrik));
    const blad = bok.getWorksheet('Nämndernas ekonomi')!;
    const rader = blad.getSheetValues().filter(Boolean) as unknown[][];
    const sn = rader.find((r) => r[1] === 'Socialnämnden')!;
    expect(sn.slice(2, 6)).toEqual([123_456_789.01, 80_000_000.05, 125_000_000, -1_543_210.99]);
    let summarad = 0;
    blad.eachRow((row, nummer) => {
      if (row.getCell(1).value === 'Summa') summarad = nummer;
    });
    expect(blad.getCell(`B${summarad}`).value).toEqual({ formula: `SUM(B${summarad - 2}:B${summarad - 1})`, result: 143_456_789.01 });
    expect(blad.views[0]).toMatchObject({ state: 'frozen' });
  });

  it('the DOCX is an Office document with the sections’ headings', async () => {
    const fil = await exportera('docx', version);
    expect(fil.subarray(0, 2).toString()).toBe('PK');
    expect(fil.length).toBeGreaterThan(5_000);
  });
});
