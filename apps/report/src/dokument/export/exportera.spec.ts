import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterEach, describe, expect, it, vi } from 'vitest';

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
  mal: [
    {
      kod: 'SN',
      namnd: 'Socialnämnden',
      agartyp: 'namnd',
      mal: 'Fler i egen försörjning',
      bedomning: 'delvis-uppfyllt',
      analys: 'Arbetslösheten sjönk.',
      nyckeltal: [{ namn: 'Andel med försörjningsstöd', utgangsvarde: 4.2, senaste: { period: '2026-T2', varde: 3.85 }, malvarde: 3.5 }],
    },
  ],
  kommentarer: [{ namnd: 'Socialnämnden', ansvar: '41230', avvikelseOre: -1_543_210_99, kommentar: 'Fler placeringar än väntat.' }],
  resultatrakning: {
    ar: 2026,
    kolumner: (['budget', 'april', 'augusti', 'bokslut'] as const).map((tillfalle) => ({
      tillfalle,
      finns: tillfalle !== 'bokslut',
      kallor: [],
      elimineratOre: 0,
      eliminering: { metod: 'inget' as const, intakterOre: 0, kostnaderOre: 0, differensOre: 0, namnder: [] },
    })),
    rader: [
      { kod: 'verksamhetens-intakter', namn: 'Verksamhetens intäkter', summa: false, belopp: [10_00, 11_00, 12_00, null] },
      { kod: 'verksamhetens-kostnader', namn: 'Verksamhetens kostnader', summa: false, belopp: [-50_00, -51_00, -53_01, null] },
      { kod: 'skatteintakter', namn: 'Skatteintäkter', summa: false, belopp: [45_00, 45_00, 45_50, null] },
      { kod: 'arets-resultat', namn: 'Årets resultat', summa: true, belopp: [5_00, 5_00, 4_49, null] },
    ],
  },
  balanskrav: null,
  balanskravOversikt: null,
  koncern: null,
  prognossakerhet: null,
  resultatoverforing: null,
  investeringar: [
    { namnd: 'Socialnämnden', projekt: 'Nytt LSS-boende', budgetOre: 12_000_000_00, utfallOre: 7_000_000_01, prognosOre: 11_500_000_00 },
  ],
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

/** Each page's text as a reader sees it, with pdf.js. */
async function sidornasText(fil: Buffer): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(fil), useSystemFonts: false, isEvalSupported: false }).promise;
  const sidor: string[] = [];
  for (let nummer = 1; nummer <= pdf.numPages; nummer++) {
    const innehall = await (await pdf.getPage(nummer)).getTextContent();
    sidor.push(innehall.items.map((del) => ('str' in del ? del.str : '')).join(' '));
  }
  await pdf.destroy();
  return sidor;
}

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

  it('every page’s footer carries the version’s whole hash and "sida N av M"', { timeout: 30_000 }, async () => {
    const sidor = await sidornasText(await exportera('pdf', version));
    expect(sidor.length).toBeGreaterThan(3);
    sidor.forEach((text, i) => {
      expect(text).toContain(`sida ${i + 1} av ${sidor.length}`);
      expect(text).toContain(`SHA-256 ${version.hash}`);
    });
  });

  it('every table header cell says it heads its column (PDF/UA), and the TOC holds only its entries', { timeout: 30_000 }, async () => {
    const text = (await exportera('pdf', version)).toString('latin1');
    const rubrikceller = text.match(/\/S \/TH\b/g) ?? [];
    expect(rubrikceller.length).toBeGreaterThan(0);
    expect(text.match(/\/Scope \/Column/g)?.length).toBe(rubrikceller.length);
    expect(text).toContain('<pdfuaid:part>1</pdfuaid:part>');
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

  it('a section’s notes and new tables reach the sheet: the helårsprognos as resultaträkning, with its total a formula', async () => {
    const bok = new ExcelJS.Workbook();
    const fil = await exportera('xlsx', version);
    await bok.xlsx.load(fil.buffer.slice(fil.byteOffset, fil.byteOffset + fil.byteLength) as ArrayBuffer);
    const blad = bok.getWorksheet('Stadens helårsprognos')!;
    const rader = blad.getSheetValues().filter(Boolean) as unknown[][];
    expect(rader.find((r) => r[1] === 'Verksamhetens kostnader')!.slice(2, 5)).toEqual([-50, -53.01, -3.01]);
    const arets = rader.find((r) => r[1] === 'Årets resultat')!;
    expect(arets[3]).toMatchObject({ formula: expect.stringMatching(/^SUM\(C\d+:C\d+\)$/), result: 4.49 });
    const investeringar = bok.getWorksheet('Investeringar')!;
    const irader = investeringar.getSheetValues().filter(Boolean) as unknown[][];
    expect(irader.map((r) => r[1])).toContain('Bolagen har inga investeringssiffror för 2026 i rapporttjänsten.');
    expect(irader.find((r) => r[2] === 'Nytt LSS-boende')!.slice(3, 7)).toEqual([12_000_000, 7_000_000.01, 11_500_000, 500_000]);
  });

  it(
    'the DOCX has Word tables with the table’s rows and cells, and one real chart image with alt text per chart',
    { timeout: 30_000 },
    async () => {
      const zip = await JSZip.loadAsync(await exportera('docx', version));
      const dokument = await zip.file('word/document.xml')!.async('string');
      const celler = (xml: string) =>
        [...xml.matchAll(/<w:tc>.*?<\/w:tc>/g)].map((tc) => [...tc[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
      const tabeller = [...dokument.matchAll(/<w:tbl>.*?<\/w:tbl>/g)].map((tbl) =>
        [...tbl[0].matchAll(/<w:tr>.*?<\/w:tr>/g)].map((tr) => celler(tr[0])),
      );
      expect(tabeller.length).toBe(innehall.sektioner.flatMap((s) => s.tabeller).length);
      const investeringar = tabeller.find((rader) => rader.some((rad) => rad.includes('Nytt LSS-boende')))!;
      expect(investeringar.find((rad) => rad.includes('Nytt LSS-boende'))).toEqual([
        'Socialnämnden',
        'Nytt LSS-boende',
        '12,0',
        '7,0',
        '11,5',
        '0,5',
      ]);

      const diagram = innehall.sektioner.flatMap((s) => s.diagram);
      expect(diagram.map((d) => d.typ)).toEqual(expect.arrayContaining(['namndstaplar', 'resultatvag']));
      const png = await Promise.all(
        Object.keys(zip.files)
          .filter((namn) => namn.startsWith('word/media/') && namn.endsWith('.png'))
          .map((namn) => zip.file(namn)!.async('nodebuffer')),
      );
      expect(png).toHaveLength(diagram.length);
      for (const bild of png) {
        // The PNG's IHDR: width and height, big-endian, at bytes 16 and 20.
        expect(bild.readUInt32BE(16)).toBeGreaterThan(400);
        expect(bild.readUInt32BE(20)).toBeGreaterThan(200);
        expect(bild.length).toBeGreaterThan(10_000);
      }
      for (const d of diagram) expect(dokument).toContain(`descr="${d.beskrivning.replaceAll('"', '&quot;')}"`);
    },
  );

  it(
    'the PDF draws the dashboard’s charts: every nämnd named on the per-nämnd bars, the waterfall’s steps',
    { timeout: 30_000 },
    async () => {
      const sidor = await sidornasText(await exportera('pdf', version));
      const ekonomi = sidor.find((text) => text.includes('Budget, helårsprognos och utfall januari–augusti per nämnd'))!;
      for (const namn of ['Socialnämnden', 'Kulturnämnden']) expect(ekonomi.split(namn).length).toBeGreaterThan(2);
      expect(sidor.join(' ')).toMatch(/1\. Budget.*2\. SN.*3\. Övrigt.*4\. Prognos/);
    },
  );
});

describe('the same version gives the same bytes', () => {
  afterEach(() => vi.useRealTimers());

  it.each(['pdf', 'xlsx', 'docx'] as const)(
    '%s: byte-identical whatever the clock says when it is exported',
    { timeout: 60_000 },
    async (format) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2027-01-05T09:00:00.000Z'));
      const forsta = await exportera(format, version);
      vi.setSystemTime(new Date('2031-06-30T17:45:13.000Z'));
      const andra = await exportera(format, version);
      expect(andra.equals(forsta)).toBe(true);
    },
  );

  it('the PDF’s creation date is the fixing time and its keywords the content hash', { timeout: 30_000 }, async () => {
    const text = (await exportera('pdf', version)).toString('latin1');
    expect(text).toContain('(D:20261020080000Z)');
    expect(text).toContain(`<pdf:Keywords>sha256:${'a'.repeat(64)}</pdf:Keywords>`);
  });

  it.each(['xlsx', 'docx'] as const)('%s: core properties and zip entries carry the fixing time', async (format) => {
    const zip = await JSZip.loadAsync(await exportera(format, version));
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toMatch(/<dcterms:created[^>]*>2026-10-20T08:00:00Z<\/dcterms:created>/);
    expect(core).toMatch(/<dcterms:modified[^>]*>2026-10-20T08:00:00Z<\/dcterms:modified>/);
    for (const post of Object.values(zip.files)) expect(post.date.toISOString()).toBe('2026-10-20T08:00:00.000Z');
  });
});
